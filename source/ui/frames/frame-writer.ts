import {
	cellsOf,
	eraseDown,
	lineUpdate,
	moveTo,
	restyle,
	type Cell,
	type Pen,
} from './frame-diff.js';

/** The terminal the frames go to: its size decides when a frame is drawn whole. */
export type FrameOutput = {
	readonly columns?: number;
	readonly rows?: number;
	write(data: string): unknown;
};

/**
 * Ink's writer of frames (its `log-update`), as the `frameWriter` render option of
 * patches/ink+6.8.0.patch takes it.
 */
export type FrameWriter = {
	/** Writes the frame; returns whether anything was written. */
	(frame: string): boolean;
	/** Erases the frame, and the next one is drawn whole. */
	clear(): void;
	/** Ends writing: leaves the cursor under the frame. */
	done(): void;
	/** Takes `frame` as what is on screen: Ink has drawn it whole itself, the cursor on its last line. */
	sync(frame: string): void;
	/** dockmate keeps the cursor hidden: no component places it. */
	setCursorPosition(position: unknown): void;
	isCursorDirty(): boolean;
	willRender(frame: string): boolean;
};

const hideCursor = '\u001B[?25l';

/** A frame's lines as they show on screen: Ink ends a frame shorter than the screen in a newline. */
function linesOf(frame: string): string[] {
	const lines = frame.split('\n');
	if (frame.endsWith('\n')) {
		lines.pop();
	}

	return lines;
}

/**
 * Writes each frame as what changed since the one before: the changed spans of the changed lines,
 * each after a move of the cursor, with the same style sequences Ink writes. A frame is drawn
 * whole first, after `clear`, and when the terminal's size changed (the terminal may have moved or
 * dropped what was on it). Cursor moves are relative to the frame's first line, as Ink's are.
 */
export function createFrameWriter(output: FrameOutput): FrameWriter {
	let lines: string[] = [];
	/** The lines' cells, cut when a line is first compared. */
	let cells: (readonly Cell[] | undefined)[] = [];
	let frameText = '';
	let size: string | undefined;
	const pen: Pen = {row: 0, column: 0, styles: []};

	const columns = (): number => output.columns ?? Number.POSITIVE_INFINITY;
	const sizeNow = (): string => `${output.columns}x${output.rows}`;
	const toTop = (): string => moveTo(pen, 0, 0);

	/** Takes `frame` as what is on screen, the cursor on its last line (Ink's lines end unstyled). */
	const remember = (frame: string, next: string[]): void => {
		frameText = frame;
		lines = next;
		cells = [];
		size = sizeNow();
		pen.row = Math.max(0, next.length - 1);
		pen.column = undefined;
		pen.styles = [];
	};

	const forget = (): void => {
		frameText = '';
		lines = [];
		cells = [];
		size = undefined;
	};

	/** Writes what changed from the lines on screen to `next` and keeps `next` as on screen. */
	const drawChanges = (frame: string, next: string[]): string => {
		const width = columns();
		const nextCells: (readonly Cell[] | undefined)[] = [];
		let update = '';
		for (const [row, line] of next.entries()) {
			if (line === lines[row]) {
				nextCells[row] = cells[row];
				continue;
			}

			const before = cells[row] ?? cellsOf(lines[row] ?? '');
			const after = cellsOf(line);
			nextCells[row] = after;
			update += lineUpdate(pen, row, before, after, width);
		}

		if (next.length < lines.length) {
			update += restyle(pen, []) + moveTo(pen, next.length, 0) + eraseDown;
		}

		frameText = frame;
		lines = next;
		cells = nextCells;
		return update + restyle(pen, []);
	};

	const write: FrameWriter = Object.assign(
		(frame: string): boolean => {
			if (frame === frameText && size === sizeNow()) {
				return false;
			}

			const next = linesOf(frame);
			if (size === sizeNow()) {
				const update = drawChanges(frame, next);
				if (update !== '') {
					output.write(update);
				}

				return true;
			}

			const top = size === undefined ? '' : toTop();
			// A frame drawn whole also hides the cursor, as Ink's own writer does: a shell run in
			// the terminal meanwhile, or anything else that had it, may have left it showing.
			output.write(`${hideCursor}${top}${eraseDown}${next.join('\r\n')}`);
			remember(frame, next);
			return true;
		},
		{
			clear() {
				if (size !== undefined) {
					output.write(toTop() + eraseDown);
				}

				forget();
			},
			done() {
				if (size !== undefined) {
					output.write(moveTo(pen, lines.length, 0));
				}

				forget();
			},
			sync(frame: string) {
				remember(frame, linesOf(frame));
			},
			setCursorPosition() {
				// Nothing places the cursor: it stays hidden.
			},
			isCursorDirty: () => false,
			willRender: (frame: string) => frame !== frameText || size !== sizeNow(),
		},
	);
	return write;
}
