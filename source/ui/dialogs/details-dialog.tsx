import {Box, Text} from 'ink';
import {useEffect} from 'react';
import {
	detailsViewportChanged,
	type DetailsDialog as Dialog,
} from '../../state/details.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {SegmentRow} from '../components/segment-row.js';
import {TypedLine} from '../components/typed-line.js';
import {
	detailsLines,
	type DetailLine,
	type DetailSegment,
	type DetailTone,
} from '../format/details-lines.js';
import {clampScroll, countMatches, viewRows} from '../format/details-view.js';
import {useClock} from '../hooks/use-app-state.js';
import {useServices} from '../hooks/use-services.js';
import {theme} from '../theme.js';

type Props = {
	readonly dialog: Dialog;
	readonly width: number;
	readonly height: number;
};

/** Rows of a details dialog that are not text: two borders, the title and the status line. */
const chromeRows = 4;

function toneProps(tone: DetailTone): {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
} {
	switch (tone) {
		case 'plain': {
			return {};
		}

		case 'heading': {
			return {color: theme.text.title, bold: true};
		}

		case 'label': {
			return {color: theme.text.accent};
		}

		case 'dim': {
			return {color: theme.text.dim};
		}

		case 'ok': {
			return {color: theme.status.ok};
		}

		case 'warning': {
			return {color: theme.pending};
		}

		case 'error': {
			return {color: theme.status.error};
		}

		case 'match': {
			return theme.logs.match;
		}

		case 'currentMatch': {
			return theme.logs.currentMatch;
		}
	}
}

function segmentStyle(segment: DetailSegment) {
	return toneProps(segment.tone);
}

function Row({segments}: {readonly segments: DetailLine}) {
	// An empty Text takes no row; a blank line between sections must take one.
	return segments.length === 0 ? (
		<Text> </Text>
	) : (
		<SegmentRow segments={segments} styleOf={segmentStyle} />
	);
}

/** Where the view is, and what the search found. */
function statusLine(
	dialog: Dialog,
	lines: readonly DetailLine[],
	top: number,
	shownLines: number,
): string {
	const parts = [
		lines.length === 0
			? ''
			: `lines ${top + 1}–${Math.min(lines.length, top + shownLines)} of ${lines.length}`,
	];
	if (dialog.query !== '') {
		const count = countMatches(lines, dialog.query);
		parts.push(
			`"${dialog.query}": ${count} ${count === 1 ? 'line' : 'lines'} (n/N)`,
		);
	}

	return parts.filter(Boolean).join(' · ');
}

function capitalised(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The details of one object: a readable summary or the whole inspect JSON, scrolled by line,
 * wrapped or cut at the edge, the search's matches highlighted.
 */
export function DetailsDialog({dialog, width, height}: Props) {
	const {dispatch} = useServices();
	const now = useClock();
	const rows = Math.max(1, height - chromeRows);
	const columns = Math.max(1, width - 4);
	useEffect(() => {
		dispatch(detailsViewportChanged(rows, columns));
	}, [dispatch, rows, columns]);
	const lines = detailsLines(dialog.content, dialog.view, now);
	const viewport = {rows, columns};
	const top = clampScroll(dialog.scroll, lines, viewport, dialog.wrap);
	const shown = viewRows(lines, {
		scroll: top,
		viewport,
		wrap: dialog.wrap,
		query: dialog.draft ?? dialog.query,
		match: dialog.match,
	});
	const lastLine = shown.at(-1)?.line ?? top;
	const {target, content} = dialog;
	const title = `${capitalised(target.kind)} ${target.name} · ${dialog.view === 'summary' ? 'summary (Tab: JSON)' : 'inspect JSON (Tab: summary)'}`;
	return (
		<DialogFrame title={title} width={width} height={height}>
			<Box flexDirection="column" height={rows}>
				{content.status === 'loading' ? (
					<Text color={theme.text.dim}>loading…</Text>
				) : null}
				{content.status === 'failed' ? (
					<Text color={theme.status.error} wrap="wrap">
						{content.error}
					</Text>
				) : null}
				{shown.map(row => (
					<Row key={row.key} segments={row.segments} />
				))}
			</Box>
			{dialog.draft === undefined ? (
				<Text wrap="truncate-end" color={theme.text.dim}>
					{statusLine(dialog, lines, top, lastLine - top + 1)}
				</Text>
			) : (
				<TypedLine
					prompt="/"
					draft={dialog.draft}
					hint={
						dialog.query === ''
							? 'text to find, from the top line down'
							: `Enter: "${dialog.query}" again`
					}
				/>
			)}
		</DialogFrame>
	);
}
