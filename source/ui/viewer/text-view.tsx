import {Box, Text} from 'ink';
import {useEffect, type ReactNode} from 'react';
import {matchCount, shownLines} from '../../state/text-search.js';
import {
	viewerChanged,
	viewerResized,
	viewerWindow,
	type TextViewer,
	type ViewerLine,
	type ViewerWindow,
} from '../../state/text-viewer.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {SegmentRow} from '../components/segment-row.js';
import {TypedLine} from '../components/typed-line.js';
import {useServices} from '../hooks/use-services.js';
import {theme} from '../theme.js';
import type {SegmentRow as Row} from './segments.js';
import {segmentStyle} from './tones.js';
import {viewerSize, type ViewerContent} from './viewer-content.js';

type Props<L extends ViewerLine> = {
	readonly title: string;
	readonly width: number;
	readonly height: number;
	readonly viewer: TextViewer;
	/** Drawn at {@link viewerSize} of the dialog, wrapped as the viewer says. */
	readonly content: ViewerContent<L>;
	/** What the status line says before the search's count: where the view is, what it shows. */
	readonly status: (shown: readonly L[], window: ViewerWindow) => string[];
	/** Shown in the view while there is no line: "loading…", "no output". */
	readonly placeholder?: ReactNode;
	/** A row drawn over the text (compose's command line). */
	readonly above?: ReactNode;
	/** A row drawn under the text (how a build ended). */
	readonly below?: ReactNode;
	/** The start of the status line, in colour (how a run ended). */
	readonly lead?: ReactNode;
};

/** Where the view is, for a status line: `lines 12–40 of 300`; nothing while there is no line. */
export function positionNote(
	shown: readonly unknown[],
	{top, skip, bottom}: ViewerWindow,
): string[] {
	return shown.length === 0
		? []
		: [`lines ${top + (skip > 0 ? 2 : 1)}–${bottom + 1} of ${shown.length}`];
}

/** What the search found, for the status line. */
function searchNote(viewer: TextViewer, lines: readonly ViewerLine[]): string {
	const count = matchCount(lines, viewer.query);
	return `"${viewer.query}": ${count} ${count === 1 ? 'match' : 'matches'}${viewer.filter ? ', only these shown (F: all)' : ' (n/N, F: only these)'}`;
}

/**
 * A searchable text, full screen: the rows in view of the lines the viewer shows, the search's
 * matches highlighted, and a status line that becomes the search prompt. Only the lines in view
 * are drawn (and measured), whatever the number of lines; wrapped lines are cut here, so rows
 * are counted exactly and the line a view is on never leaves it.
 */
export function TextView<L extends ViewerLine>({
	title,
	width,
	height,
	viewer,
	content,
	status,
	placeholder,
	above,
	below,
	lead,
}: Props<L>) {
	const {dispatch} = useServices();
	const {rows, columns} = viewerSize(
		width,
		height,
		(above === undefined ? 0 : 1) + (below === undefined ? 0 : 1),
	);
	useEffect(() => {
		dispatch(viewerChanged(current => viewerResized(current, rows, columns)));
	}, [dispatch, rows, columns]);
	const shown = shownLines(content.lines, viewer.query, viewer.filter);
	// Each line in view is drawn once: measuring keeps the rows it made.
	const drawn = new Map<L, readonly Row[]>();
	const rowsOf = (line: L): readonly Row[] => {
		let lineRows = drawn.get(line);
		if (lineRows === undefined) {
			lineRows = content.rowsOf(
				line,
				viewer.draft?.text ?? viewer.query,
				line.seq === viewer.match,
			);
			drawn.set(line, lineRows);
		}

		return lineRows;
	};

	const window = viewerWindow(viewer, shown, {
		rows,
		rowsOf: line => rowsOf(line).length,
	});
	const screen: {key: string; segments: Row}[] = [];
	for (let index = window.top; index <= window.bottom; index++) {
		const line = shown[index];
		if (line !== undefined) {
			for (const [part, segments] of rowsOf(line).entries()) {
				screen.push({key: `${line.seq}:${part}`, segments});
			}
		}
	}

	const parts = [
		...status(shown, window),
		viewer.query === '' ? '' : searchNote(viewer, content.lines),
	].filter(Boolean);

	return (
		<DialogFrame title={title} width={width} height={height}>
			{above}
			<Box flexDirection="column" height={rows}>
				{shown.length === 0 ? (
					viewer.filter ? (
						<Text color={theme.text.dim}>no line matches the search</Text>
					) : (
						placeholder
					)
				) : null}
				{screen.slice(window.skip, window.skip + rows).map(row =>
					// An empty Text takes no row; a blank line must take one.
					row.segments.length === 0 ? (
						<Text key={row.key}> </Text>
					) : (
						<SegmentRow
							key={row.key}
							segments={row.segments}
							styleOf={segmentStyle}
						/>
					),
				)}
			</Box>
			{below}
			{viewer.draft === undefined ? (
				<Text wrap="truncate-end">
					{lead}
					<Text color={theme.text.dim}>
						{lead === undefined || parts.length === 0 ? '' : ' · '}
						{parts.join(' · ')}
					</Text>
				</Text>
			) : (
				<TypedLine
					prompt="/"
					draft={viewer.draft}
					isSelected={viewer.isDraftSelected}
					hint={
						viewer.isDraftSelected
							? 'Enter: again; typing: a new search'
							: viewer.isLog
								? 'text to find, newest match first'
								: 'text to find, from the top line down'
					}
				/>
			)}
		</DialogFrame>
	);
}
