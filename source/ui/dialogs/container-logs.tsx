import {Box, Text} from 'ink';
import {plural} from '../../format/units.js';
import {
	bottomIndex,
	matchCount,
	shownLines,
	type LogEntry,
} from '../../state/log-lines.js';
import type {AppState} from '../../state/app-state.js';
import type {LogsDialog} from '../../state/logs-dialog.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {SegmentRow} from '../components/segment-row.js';
import {TypedLine} from '../components/typed-line.js';
import {
	lineSegments,
	nameColumn,
	wrapSegments,
	type Segment,
	type SegmentStyle,
} from '../format/log-rows.js';
import {taskNames} from '../format/swarm-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';

const selectTaskNames = (state: AppState) =>
	taskNames(state.swarm.tasks, state.swarm.services.byId);

type Props = {
	readonly dialog: LogsDialog;
	readonly width: number;
	readonly height: number;
};

/** The rows of log lines a dialog of `height` shows: less its border, title and status line. */
export function logsViewRows(height: number): number {
	return Math.max(1, height - 4);
}

function styleProps(style: SegmentStyle): {
	color?: string;
	backgroundColor?: string;
} {
	if (typeof style === 'object') {
		return {
			color:
				theme.logs.names[style.source % theme.logs.names.length] ?? 'white',
		};
	}

	switch (style) {
		case 'plain': {
			return {};
		}

		case 'time': {
			return {color: theme.text.dim};
		}

		case 'stderr': {
			return {color: theme.logs.stderr};
		}

		case 'match': {
			return theme.logs.match;
		}

		case 'currentMatch': {
			return theme.logs.currentMatch;
		}
	}
}

function segmentStyle(segment: Segment) {
	return styleProps(segment.style);
}

/** What the view shows: whether it follows, how many lines, what ended, the search. */
function statusLine(dialog: LogsDialog, lines: readonly LogEntry[]): string {
	// Once every stream has ended nothing more can come: "following" would be a promise not kept.
	const isOver = dialog.ended.size >= dialog.sources.length;
	const parts = [
		isOver
			? 'stopped'
			: dialog.follow
				? 'following'
				: 'paused (f or G follows)',
		dialog.filter
			? `${lines.length} of ${plural(dialog.lines.length, 'line')}`
			: plural(dialog.lines.length, 'line'),
	];
	if (dialog.dropped > 0) {
		parts.push(`${dialog.dropped} older dropped`);
	}

	for (const [source, error] of dialog.ended) {
		const name =
			dialog.sources.length > 1
				? `${dialog.sources[source]?.name ?? '?'} `
				: '';
		parts.push(
			error === undefined
				? `${name}stream ended`
				: `${name}stream failed: ${error}`,
		);
	}

	if (dialog.query !== '') {
		const count = matchCount(dialog.lines, dialog.query);
		parts.push(
			`"${dialog.query}": ${count} ${count === 1 ? 'match' : 'matches'}${dialog.filter ? ', only these shown (F: all)' : ' (n/N, F: only these)'}`,
		);
	}

	return parts.join(' · ');
}

/**
 * Container logs, full screen: the newest lines at the bottom while following, a paused view
 * stays put. Only the rows on screen are built; wrapped lines are cut here, so the rows are
 * counted exactly and the bottom line is always in view.
 */
export function ContainerLogs({dialog, width, height}: Props) {
	const rows = logsViewRows(height);
	const textWidth = Math.max(1, width - 4);
	const lines = shownLines(dialog.lines, dialog.query, dialog.filter);
	const bottom = bottomIndex(
		lines,
		dialog.follow ? undefined : dialog.anchor,
		rows,
	);
	const tasks = useAppState(selectTaskNames);
	const names = nameColumn(
		dialog.lines,
		dialog.sources.map(source => source.name),
		tasks,
	);
	const shown: {key: string; segments: readonly Segment[]}[] = [];
	for (let index = bottom; index >= 0 && shown.length < rows; index--) {
		const entry = lines[index];
		if (entry === undefined) {
			break;
		}

		const {name, colour} = names.nameOf(entry);
		const segments = lineSegments(entry, {
			name,
			colour,
			nameWidth: names.width,
			timestamps: dialog.timestamps,
			query: dialog.query,
			isCurrentMatch: entry.seq === dialog.match,
			// A wrapped line can fill the view, an unwrapped one a row: more is never seen.
			textLimit: dialog.wrap ? rows * textWidth : textWidth,
		});
		const lineRows = dialog.wrap
			? wrapSegments(segments, textWidth)
			: [segments];
		for (
			let row = lineRows.length - 1;
			row >= 0 && shown.length < rows;
			row--
		) {
			shown.push({key: `${entry.seq}:${row}`, segments: lineRows[row] ?? []});
		}
	}

	shown.reverse();
	const isWaiting = lines.length === 0;
	return (
		<DialogFrame title={`Logs · ${dialog.title}`} width={width} height={height}>
			<Box flexDirection="column" height={rows}>
				{isWaiting ? (
					<Text color={theme.text.dim}>
						{dialog.filter
							? 'no line matches the search'
							: dialog.ended.size === dialog.sources.length
								? 'no output'
								: 'waiting for output…'}
					</Text>
				) : null}
				{shown.map(row => (
					<SegmentRow
						key={row.key}
						segments={row.segments}
						styleOf={segmentStyle}
					/>
				))}
			</Box>
			{dialog.draft === undefined ? (
				<Text wrap="truncate-end" color={theme.text.dim}>
					{statusLine(dialog, lines)}
				</Text>
			) : (
				<TypedLine
					prompt="/"
					draft={dialog.draft}
					hint="text to find, newest match first"
				/>
			)}
		</DialogFrame>
	);
}
