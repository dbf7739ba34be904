import {cellWidth} from './cells.js';
import {findMatch, matchCount, matchRanges} from '../../state/log-lines.js';
import {memoizeLast} from '../../state/memo.js';
import {
	hangingIndent,
	lineText,
	type DetailLine,
	type DetailSegment,
} from './details-lines.js';
import {wrapSegments} from './log-rows.js';

/** The size of a details view, in rows and columns of text. */
export type Viewport = {readonly rows: number; readonly columns: number};

/**
 * `line` as rows of at most `columns`, the rows after the first indented by `hang` (a labelled
 * value continues under itself), unless that would leave the value less than half the width.
 */
function wrapLine(
	line: DetailLine,
	columns: number,
	hang: number,
): DetailLine[] {
	const [first = [], ...rest] = wrapSegments(line, columns);
	if (rest.length === 0 || hang === 0 || hang > columns / 2) {
		return [first, ...rest];
	}

	const indent: DetailSegment = {text: ' '.repeat(hang), tone: 'plain'};
	return [
		first,
		...wrapSegments(rest.flat(), columns - hang).map(row => [indent, ...row]),
	];
}

/** How many rows `line` takes: one when cut at the edge, as many as wrapping makes otherwise. */
export function lineRows(
	line: DetailLine,
	columns: number,
	wrap: boolean,
): number {
	return wrap && columns > 0 && cellWidth(lineText(line)) > columns
		? wrapLine(line, columns, hangingIndent(line)).length
		: 1;
}

/** The first line of the last page: the largest scroll that still fills the view. */
export function lastScroll(
	lines: readonly DetailLine[],
	viewport: Viewport,
	wrap: boolean,
): number {
	let rows = 0;
	for (let index = lines.length - 1; index >= 0; index--) {
		rows += lineRows(lines[index] ?? [], viewport.columns, wrap);
		if (rows > viewport.rows) {
			return index + 1;
		}
	}

	return 0;
}

/** `scroll` kept between the first line and the last page. */
export function clampScroll(
	scroll: number,
	lines: readonly DetailLine[],
	viewport: Viewport,
	wrap: boolean,
): number {
	return Math.max(0, Math.min(scroll, lastScroll(lines, viewport, wrap)));
}

/** A line's segments with the matches of `query` drawn as matches, whatever their tone. */
export function markMatches(
	line: DetailLine,
	query: string,
	isCurrent: boolean,
): DetailLine {
	const ranges = matchRanges(lineText(line), query);
	if (ranges.length === 0) {
		return line;
	}

	const marked: DetailSegment[] = [];
	let offset = 0;
	for (const segment of line) {
		const end = offset + segment.text.length;
		let at = offset;
		for (const [start, stop] of ranges) {
			const from = Math.max(start, at);
			const to = Math.min(stop, end);
			if (from >= to) {
				continue;
			}

			if (from > at) {
				marked.push({
					...segment,
					text: segment.text.slice(at - offset, from - offset),
				});
			}

			marked.push({
				text: segment.text.slice(from - offset, to - offset),
				tone: isCurrent ? 'currentMatch' : 'match',
			});
			at = to;
		}

		if (at < end) {
			marked.push({...segment, text: segment.text.slice(at - offset)});
		}

		offset = end;
	}

	return marked;
}

/** One screen row: the segments to draw, and the line it belongs to. */
export type ViewRow = {
	readonly key: string;
	readonly line: number;
	readonly segments: DetailLine;
};

/** The rows that fill the view from line `scroll`, matches marked, wrapped or cut at the edge. */
export function viewRows(
	lines: readonly DetailLine[],
	options: {
		readonly scroll: number;
		readonly viewport: Viewport;
		readonly wrap: boolean;
		readonly query: string;
		readonly match: number | undefined;
	},
): ViewRow[] {
	const {scroll, viewport, wrap, query, match} = options;
	const rows: ViewRow[] = [];
	for (
		let index = scroll;
		index < lines.length && rows.length < viewport.rows;
		index++
	) {
		const line = lines[index] ?? [];
		const marked = markMatches(line, query, index === match);
		const pieces =
			wrap && viewport.columns > 0
				? wrapLine(marked, viewport.columns, hangingIndent(line))
				: [marked];
		for (const [part, segments] of pieces.entries()) {
			if (rows.length < viewport.rows) {
				rows.push({key: `${index}:${part}`, line: index, segments});
			}
		}
	}

	return rows;
}

const searchable = memoizeLast((lines: readonly DetailLine[]) =>
	lines.map(line => ({text: lineText(line)})),
);

/**
 * The next line matching `query` after `from` (`direction` 1: down, -1: up), wrapping around;
 * undefined when none matches.
 */
export function findLine(
	lines: readonly DetailLine[],
	query: string,
	from: number,
	direction: 1 | -1,
): number | undefined {
	return findMatch(searchable(lines), query, from, direction)?.index;
}

/** How many lines match `query`. */
export function countMatches(
	lines: readonly DetailLine[],
	query: string,
): number {
	return matchCount(searchable(lines), query);
}
