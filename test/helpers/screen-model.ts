import {
	reduceAnsiCodes,
	tokenize,
	type AnsiCode,
} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';

/**
 * A terminal's screen as the bytes written to it leave it, for the sequences a frame writer uses:
 * text (wide characters over two columns), CR, LF, cursor up/down (CUU, CUD), to a column (CHA),
 * erase to the end of the line (EL) and of the screen (ED), SGR styles, and the start and end of
 * a synchronized update (which change nothing on screen). Anything else throws,
 * so a writer that starts using more is noticed. Each cell is read as `cellsOf` keys it
 * (the style codes, a NUL, the character), the same as a blank for an unstyled space.
 */
export class ScreenModel {
	private readonly cells: string[][];
	private row = 0;
	private column = 0;
	/** After a character in the last column: the cursor waits there for the next one to wrap. */
	private isWaitingToWrap = false;
	private styles: AnsiCode[] = [];

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		this.cells = Array.from({length: rows}, () => this.blankRow());
	}

	/** Whether the cursor shows, as `ESC [?25h` and `ESC [?25l` last left it. */
	isCursorShown = true;

	/** Applies bytes written to the terminal. */
	write(data: string): void {
		// eslint-disable-next-line no-control-regex -- reading escape sequences is the point
		const sequence = /\u001B\[(\??[\d;]*)([A-Za-z])/y;
		let index = 0;
		while (index < data.length) {
			sequence.lastIndex = index;
			const match = sequence.exec(data);
			if (match !== null) {
				if (match[1] === '?25') {
					this.isCursorShown = match[2] === 'h';
				} else if (match[1] !== '?2026') {
					this.control(
						match[0],
						Number(match[1] === '' ? 1 : match[1]),
						match[2] ?? '',
					);
				}

				index = sequence.lastIndex;
				continue;
			}

			const next = data.indexOf('\u001B', index);
			this.text(data.slice(index, next === -1 ? undefined : next));
			index = next === -1 ? data.length : next;
			if (next !== -1 && data[next + 1] !== '[') {
				throw new Error(`unexpected escape at ${next}`);
			}
		}
	}

	/** Each line's cell keys, trailing blanks dropped. */
	keys(): string[][] {
		return this.cells.map(row => {
			const kept = [...row];
			while (kept.length > 0 && kept.at(-1) === blank) {
				kept.pop();
			}

			return kept;
		});
	}

	private blankRow(): string[] {
		return Array.from({length: this.columns}, () => blank);
	}

	private control(whole: string, count: number, final: string): void {
		switch (final) {
			case 'A': {
				this.moveTo(Math.max(0, this.row - count), this.column);
				break;
			}

			case 'B': {
				this.moveTo(Math.min(this.rows - 1, this.row + count), this.column);
				break;
			}

			case 'G': {
				this.moveTo(this.row, Math.min(this.columns - 1, count - 1));
				break;
			}

			case 'K': {
				this.erase(this.row, this.column);
				break;
			}

			case 'J': {
				this.erase(this.row, this.column);
				for (let row = this.row + 1; row < this.rows; row++) {
					this.cells[row] = this.blankRow();
				}

				break;
			}

			case 'm': {
				const codes = tokenize(whole).filter(
					(token): token is AnsiCode => token.type === 'ansi',
				);
				this.styles = reduceAnsiCodes([...this.styles, ...codes]);
				break;
			}

			default: {
				throw new Error(`unexpected sequence ${JSON.stringify(whole)}`);
			}
		}
	}

	private moveTo(row: number, column: number): void {
		this.row = row;
		this.column = column;
		this.isWaitingToWrap = false;
	}

	private erase(row: number, from: number): void {
		const cells = this.cells[row] ?? [];
		this.splitAt(row, from);
		for (let column = from; column < this.columns; column++) {
			cells[column] = blank;
		}
	}

	/** Blanks the first half of a wide character whose second half is at `column`, as terminals do. */
	private splitAt(row: number, column: number): void {
		const cells = this.cells[row] ?? [];
		if (column > 0 && isSecondHalf(cells[column])) {
			cells[column - 1] = blank;
		}
	}

	private text(text: string): void {
		const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		for (const {segment} of segmenter.segment(text)) {
			if (segment === '\r') {
				this.moveTo(this.row, 0);
			} else if (segment === '\n' || segment === '\r\n') {
				if (this.row === this.rows - 1) {
					throw new Error('the screen would scroll');
				}

				this.moveTo(this.row + 1, segment === '\n' ? this.column : 0);
			} else {
				this.character(segment);
			}
		}
	}

	private character(char: string): void {
		const width = Math.max(1, stringWidth(char));
		if (this.isWaitingToWrap || this.column + width > this.columns) {
			throw new Error(`"${char}" would wrap on row ${this.row}`);
		}

		const cells = this.cells[this.row] ?? [];
		this.splitAt(this.row, this.column);
		if (isSecondHalf(cells[this.column + width])) {
			cells[this.column + width] = blank;
		}

		const key = `${this.styles.map(style => style.code).join('')}\u0000${char}`;
		cells[this.column] = key;
		for (let half = 1; half < width; half++) {
			cells[this.column + half] = `${key}\u0000${half}`;
		}

		this.column += width;
		if (this.column === this.columns) {
			this.column = this.columns - 1;
			this.isWaitingToWrap = true;
		}
	}
}

const blank = '\u0000 ';

function isSecondHalf(key: string | undefined): boolean {
	// A character's key has one NUL; a second half's adds another and its column.
	return key?.split('\u0000').length === 3;
}
