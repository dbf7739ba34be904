import {cellWidth, fit} from './cells.js';
import {shortId} from '../../format/units.js';
import {clockTime, type LogEntry} from '../../state/log-lines.js';
import type {LogsDialog} from '../../state/logs-dialog.js';
import {markMatches, wrapSegments, type Segment} from '../viewer/segments.js';
import type {ViewerContent, ViewerDraw} from '../viewer/viewer-content.js';

/** The widest a merged log's name column gets; longer names are cut. */
export const maxNameWidth = 20;

/** The width of a name column: its longest name, up to {@link maxNameWidth}. */
function widest(names: readonly string[]): number {
	return Math.min(
		maxNameWidth,
		Math.max(0, ...names.map(name => cellWidth(name))),
	);
}

/** How wide {@link shortId} makes an id. */
const shortIdLength = 12;

/** A task's name in a service's log: as `docker service ps` names it, its short id while unlisted. */
function taskLabel(taskId: string, names: ReadonlyMap<string, string>): string {
	return names.get(taskId) ?? shortId(taskId);
}

/**
 * What a log line's name column shows and how wide the column is: a service's lines carry their
 * task (`web.1`, as `docker service logs` prints them), merged containers' lines their container.
 */
export function nameColumn(
	lines: readonly LogEntry[],
	sourceNames: readonly string[],
	tasks: ReadonlyMap<string, string>,
): {
	readonly width: number;
	readonly nameOf: (entry: LogEntry) => {name: string; colour: number};
} {
	// A service's lines all carry their task; a container's never do.
	if (lines[0]?.taskId === undefined) {
		return {
			// One container's log needs no name column.
			width: sourceNames.length > 1 ? widest(sourceNames) : 0,
			nameOf: entry => ({
				name: sourceNames[entry.source] ?? '',
				colour: entry.source,
			}),
		};
	}

	const order = [...tasks.keys()];
	return {
		// Until the tasks are listed, lines show a task's short id.
		width: tasks.size === 0 ? shortIdLength : widest([...tasks.values()]),
		nameOf(entry) {
			const taskId = entry.taskId ?? '';
			return {
				name: taskLabel(taskId, tasks),
				colour: Math.max(0, order.indexOf(taskId)),
			};
		},
	};
}

/** `text` cut to at most `limit` UTF-16 units, never inside a surrogate pair. */
function cutText(text: string, limit: number): string {
	if (text.length <= limit) {
		return text;
	}

	const code = text.codePointAt(limit - 1) ?? 0;
	return text.slice(0, code > 0xff_ff ? limit - 1 : limit);
}

/**
 * One log line as drawn: the name column of a merged log, the time when shown, a marker that is
 * red for stderr and blank for stdout, then the text with the search's matches highlighted. Only
 * as much text as `textLimit` is drawn, whatever a line's length (a screenful: no line costs more
 * to draw than the screen shows); a note says how much is left out.
 */
export function lineSegments(
	entry: LogEntry,
	options: {
		readonly name: string;
		/** The name's colour, by index: its container's or its task's. */
		readonly colour?: number;
		readonly nameWidth: number;
		readonly timestamps: boolean;
		readonly query: string;
		readonly isCurrentMatch: boolean;
		/** The most characters of text drawn. */
		readonly textLimit: number;
	},
): Segment[] {
	const {name, nameWidth, timestamps, query, isCurrentMatch, textLimit} =
		options;
	const text = cutText(entry.text, textLimit);
	const left = entry.text.length - text.length + (entry.omitted ?? 0);
	const colour = options.colour ?? entry.source;
	return [
		...(nameWidth > 0
			? [{text: `${fit(name, nameWidth)} `, tone: {source: colour}}]
			: []),
		...(timestamps
			? [{text: `${clockTime(entry.time)} `, tone: 'dim' as const}]
			: []),
		entry.stream === 'stderr'
			? {text: '▌', tone: 'stderr'}
			: {text: ' ', tone: 'plain'},
		...markMatches([{text, tone: 'plain'}], query, isCurrentMatch),
		...(left > 0
			? [{text: ` … ${left} more characters`, tone: 'dim' as const}]
			: []),
	];
}

/**
 * UTF-16 units a column of an unwrapped row may take: a letter with its marks, or a surrogate pair.
 * A row's text is cut by units before it is cut by columns at the edge; cut at a unit a column, a
 * line of accented or Indic letters filled half its row and showed "… N more characters" cut short.
 */
const unitsPerColumn = 4;

/**
 * A logs dialog's lines as the viewer draws them, `draw` rows by columns. Only as much of a line
 * is drawn as can be seen: a screenful when wrapped, a row when not.
 */
export function logsContent(
	dialog: LogsDialog,
	tasks: ReadonlyMap<string, string>,
	draw: ViewerDraw,
): ViewerContent<LogEntry> {
	const names = nameColumn(
		dialog.lines,
		dialog.sources.map(source => source.name),
		tasks,
	);
	return {
		lines: dialog.lines,
		rowsOf(entry, query, isCurrent) {
			const {name, colour} = names.nameOf(entry);
			const segments = lineSegments(entry, {
				name,
				colour,
				nameWidth: names.width,
				timestamps: dialog.timestamps,
				query,
				isCurrentMatch: isCurrent,
				textLimit: draw.wrap
					? draw.rows * draw.columns
					: draw.columns * unitsPerColumn,
			});
			return draw.wrap ? wrapSegments(segments, draw.columns) : [segments];
		},
	};
}
