import {
	ansiCodesToString,
	diffAnsiCodes,
	styledCharsFromTokens,
	tokenize,
	type AnsiCode,
} from '@alcalzone/ansi-tokenize';
import {clusterWidth} from '../format/cells.js';

/**
 * One column of a frame's line: the character that starts there with its styles, or the second
 * half of a wide character (`width` 0), which is drawn with the character before it.
 */
export type Cell = {
	readonly char: string;
	readonly styles: readonly AnsiCode[];
	/** Columns the character takes: 1, 2 for a wide one (CJK, emoji), 0 for a wide one's second half. */
	readonly width: number;
	/** Equal for cells that look the same: the styles' codes and the character. */
	readonly key: string;
};

/** Columns `start` (included) to `end` (excluded) of a line that differ from the frame before. */
export type Span = {readonly start: number; readonly end: number};

/** What a column past a line's end shows: Ink drops trailing blanks, so it is an unstyled space. */
const blankKey = '\u0000 ';

const escape = '\u001B[';

/** Clears from the cursor to the end of its line, in the default background. */
export const eraseEndOfLine = `${escape}K`;

/** Clears from the cursor to the end of the screen, in the default background. */
export const eraseDown = `${escape}J`;

/**
 * A line of a frame as Ink writes it (characters and SGR sequences, trailing blanks dropped) cut
 * into columns, measured as Ink measured them when it laid the frame out (string-width).
 */
export function cellsOf(line: string): readonly Cell[] {
	const cells: Cell[] = [];
	for (const {value, styles} of styledCharsFromTokens(tokenize(line))) {
		// Ink keeps the columns a wide character covers as empty characters: they are not drawn.
		if (value === '') {
			continue;
		}

		// Measured with Ink's own string-width, or the columns would not be where Ink put them.
		const width = clusterWidth(value);
		const key = `${styles.map(style => style.code).join('')}\u0000${value}`;
		if (width === 0) {
			// A mark with no character of its own to combine with takes no column; it is drawn with
			// the character before it, which a terminal would join it to, or not at all at the start.
			const before = cells.findLastIndex(cell => cell.width > 0);
			const joined = cells[before];
			if (joined !== undefined) {
				cells[before] = {
					...joined,
					char: joined.char + value,
					key: `${joined.key}\u0000${key}`,
				};
			}

			continue;
		}

		cells.push({char: value, styles, width, key});
		for (let half = 1; half < width; half++) {
			cells.push({char: '', styles, width: 0, key: `${key}\u0000${half}`});
		}
	}

	return cells;
}

function keyAt(cells: readonly Cell[], column: number): string {
	return cells[column]?.key ?? blankKey;
}

/**
 * The columns of `next` that differ from `previous`, as spans in order. A wide character's second
 * half has a key made from its first's, so a span never starts or ends inside one: a terminal draws
 * or erases it whole.
 */
export function changedSpans(
	previous: readonly Cell[],
	next: readonly Cell[],
): Span[] {
	const length = Math.max(previous.length, next.length);
	const spans: Span[] = [];
	let column = 0;
	while (column < length) {
		if (keyAt(previous, column) === keyAt(next, column)) {
			column++;
			continue;
		}

		const start = column;
		while (column < length && keyAt(previous, column) !== keyAt(next, column)) {
			column++;
		}

		spans.push({start, end: column});
	}

	return spans;
}

/**
 * Unchanged columns between two spans that are written again rather than jumped over: a jump is a
 * sequence of 4 to 6 bytes, a column mostly one.
 */
const rewrittenGap = 4;

/** Where the terminal's cursor is and which styles are in force, as the writes so far left them. */
export type Pen = {
	/** Line of the frame, from 0 at its top. */
	row: number;
	/**
	 * Column, or undefined when unknown: after a character in the last column the cursor waits
	 * there to wrap, and terminals differ in what a relative move does from that state.
	 */
	column: number | undefined;
	styles: readonly AnsiCode[];
};

/** Moves the cursor to a line of the frame (relative: the frame may start anywhere) and a column. */
export function moveTo(pen: Pen, row: number, column: number): string {
	let sequence = '';
	if (row > pen.row) {
		sequence +=
			row - pen.row === 1 ? `${escape}B` : `${escape}${row - pen.row}B`;
	} else if (row < pen.row) {
		sequence +=
			row - pen.row === -1 ? `${escape}A` : `${escape}${pen.row - row}A`;
	}

	// A vertical move keeps the column; an unknown one (a wait to wrap) is set whatever the target.
	if (pen.column !== column) {
		sequence += column === 0 ? '\r' : `${escape}${column + 1}G`;
	}

	pen.row = row;
	pen.column = column;
	return sequence;
}

/** Sets the styles in force, with the same codes Ink itself writes between two characters. */
export function restyle(pen: Pen, styles: readonly AnsiCode[]): string {
	if (
		pen.styles.length === styles.length &&
		pen.styles.every((style, index) => style.code === styles[index]?.code)
	) {
		return '';
	}

	const sequence = ansiCodesToString(
		diffAnsiCodes([...pen.styles], [...styles]),
	);
	pen.styles = styles;
	return sequence;
}

/**
 * What turns a line of the frame on screen, `previous`, into `next`: for each changed span a move
 * of the cursor there and its characters, and a clear to the end of the line where `next` is
 * shorter. `columns` is the terminal's width, past which the cursor cannot move.
 */
export function lineUpdate(
	pen: Pen,
	row: number,
	previous: readonly Cell[],
	next: readonly Cell[],
	columns: number,
): string {
	let update = '';
	let span: Span | undefined;
	for (const changed of [...changedSpans(previous, next), undefined]) {
		if (
			span !== undefined &&
			changed !== undefined &&
			changed.start - span.end <= rewrittenGap
		) {
			span = {start: span.start, end: changed.end};
			continue;
		}

		if (span !== undefined) {
			update += moveTo(pen, row, span.start);
			const drawn = Math.min(span.end, next.length);
			for (let column = span.start; column < drawn; column++) {
				const cell = next[column];
				if (cell !== undefined && cell.width > 0) {
					update += restyle(pen, cell.styles) + cell.char;
				}
			}

			const reached = Math.max(drawn, span.start);
			pen.column = reached >= columns ? undefined : reached;
			if (span.end > next.length) {
				// What the line drew further on goes; nothing of it follows.
				update += restyle(pen, []) + eraseEndOfLine;
				break;
			}
		}

		span = changed;
	}

	return update;
}
