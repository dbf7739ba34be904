import type {LogLine} from '../docker/docker-client.js';
import {memoizeLast} from './memo.js';

/** One line in a logs dialog: a container's line, numbered in the order it arrived. */
export type LogEntry = LogLine & {
	/** Arrival order within the session: lines of the same millisecond keep it, and a paused view holds on to it. */
	readonly seq: number;
	/** Index of its container in the dialog's sources. */
	readonly source: number;
};

/** Where a paused view stands: the line at its bottom. */
export type LogAnchor = {readonly seq: number; readonly time: number};

/** Time order, arrival order within the same millisecond: how merged containers' lines interleave. */
export function compareEntries(a: LogEntry, b: LogEntry): number {
	return a.time - b.time || a.seq - b.seq;
}

/** Case-insensitive; an empty query matches nothing (there is no search). */
export function lineMatches(text: string, query: string): boolean {
	return query !== '' && text.toLowerCase().includes(query.toLowerCase());
}

/** Where `query` occurs in `text`, case-insensitively, as `[start, end)` pairs that do not overlap. */
export function matchRanges(
	text: string,
	query: string,
): readonly (readonly [number, number])[] {
	if (query === '') {
		return [];
	}

	const haystack = text.toLowerCase();
	const needle = query.toLowerCase();
	const ranges: [number, number][] = [];
	for (
		let start = haystack.indexOf(needle);
		start !== -1;
		start = haystack.indexOf(needle, start + needle.length)
	) {
		ranges.push([start, start + needle.length]);
	}

	return ranges;
}

/** The lines a dialog shows: all of them, or in filter mode only those that match. */
export const shownLines = memoizeLast(
	(
		lines: readonly LogEntry[],
		query: string,
		filter: boolean,
	): readonly LogEntry[] =>
		filter && query !== ''
			? lines.filter(line => lineMatches(line.text, query))
			: lines,
);

/** How many of the lines match: for the "3 matches" note, counted once per batch of lines. */
export const matchCount = memoizeLast(
	(lines: readonly {readonly text: string}[], query: string): number =>
		query === ''
			? 0
			: lines.reduce(
					(count, line) => count + (lineMatches(line.text, query) ? 1 : 0),
					0,
				),
);

/**
 * The index of the line a view ends with: the newest when following, else the anchored line, or
 * (when it left the buffer or the filter hides it) the last line not newer than it. Never above
 * `rows - 1`, so a view is full whenever there are lines enough; -1 when there are none.
 */
export function bottomIndex(
	lines: readonly LogEntry[],
	anchor: LogAnchor | undefined,
	rows: number,
): number {
	const last = lines.length - 1;
	if (anchor === undefined) {
		return last;
	}

	let index = lines.findIndex(line => line.seq === anchor.seq);
	if (index === -1) {
		index = lastNotAfter(lines, anchor);
	}

	return Math.max(index, Math.min(last, rows - 1));
}

/** Binary search over time-ordered lines: the last one that sorts before the anchor, or -1. */
function lastNotAfter(lines: readonly LogEntry[], anchor: LogAnchor): number {
	let low = 0;
	let high = lines.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const line = lines[middle];
		if (
			line !== undefined &&
			(line.time < anchor.time ||
				(line.time === anchor.time && line.seq < anchor.seq))
		) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low - 1;
}

/** The anchor of the line at `index`, if there is one. */
export function anchorAt(
	lines: readonly LogEntry[],
	index: number,
): LogAnchor | undefined {
	const line = lines[index];
	return line === undefined ? undefined : {seq: line.seq, time: line.time};
}

/**
 * The next line matching `query` from `from` (exclusive) in `direction` (-1 older, 1 newer),
 * wrapping around the ends; `wrapped` says it did. Undefined when no line matches.
 */
export function findMatch(
	lines: readonly {readonly text: string}[],
	query: string,
	from: number,
	direction: 1 | -1,
): {readonly index: number; readonly wrapped: boolean} | undefined {
	const count = lines.length;
	for (let step = 1; step <= count; step++) {
		const raw = from + step * direction;
		const index = ((raw % count) + count) % count;
		if (lineMatches(lines[index]?.text ?? '', query)) {
			return {index, wrapped: raw < 0 || raw >= count};
		}
	}

	return undefined;
}

/** `12:34:56.789` in local time: a log line's time on screen. */
export function clockTime(time: number): string {
	const date = new Date(time);
	const pad = (value: number, width = 2): string =>
		String(value).padStart(width, '0');
	return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/**
 * The lines as a text file: the container's name first when there are several, the full time
 * when timestamps are on, then the text.
 */
export function logText(
	lines: readonly LogEntry[],
	options: {
		readonly names: readonly string[];
		readonly timestamps: boolean;
	},
): string {
	const {names, timestamps} = options;
	const nameWidth =
		names.length > 1 ? Math.max(...names.map(name => name.length)) : 0;
	return lines
		.map(line => {
			const name =
				nameWidth > 0
					? `${(names[line.source] ?? '').padEnd(nameWidth)} | `
					: '';
			const time = timestamps ? `${new Date(line.time).toISOString()} ` : '';
			return `${name}${time}${line.text}\n`;
		})
		.join('');
}
