import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {stripVTControlCharacters} from 'node:util';
import {
	cellsOf,
	changedSpans,
	lineUpdate,
	type Pen,
} from '../../source/ui/frames/frame-diff.js';
import {createFrameWriter} from '../../source/ui/frames/frame-writer.js';
import {ScreenModel} from '../helpers/screen-model.js';
import {cellWidth} from '../../source/ui/format/cells.js';

const bold = (text: string): string => `\u001B[1m${text}\u001B[22m`;
const red = (text: string): string => `\u001B[31m${text}\u001B[39m`;

function spans(previous: string, next: string): [number, number][] {
	return changedSpans(cellsOf(previous), cellsOf(next)).map(span => [
		span.start,
		span.end,
	]);
}

/** The bytes that turn `previous` into `next` on row 0, the cursor at its start, unstyled. */
function update(previous: string, next: string, columns = 40): string {
	const pen: Pen = {row: 0, column: 0, styles: []};
	return lineUpdate(pen, 0, cellsOf(previous), cellsOf(next), columns);
}

describe('the columns of a line', () => {
	it('are as many as Ink measured the line, whatever its clusters', () => {
		for (const line of [
			'a\u0903b', // a spacing mark: part of the cluster, and a column of its own
			'\u0301x', // a combining mark with nothing to combine with: no column
			'e\u0301\u0302z',
			'中x',
			'\u0915\u094D\u0937a', // a conjunct
			'👍 ok',
			bold('a\u0903') + 'b',
		]) {
			assert.equal(
				cellsOf(line).length,
				cellWidth(stripVTControlCharacters(line)),
				JSON.stringify(line),
			);
		}
	});
});

describe('the width of a cluster', () => {
	it('is that of each of its visible characters, as terminals that measure by code point draw it', () => {
		const widths: Record<string, number> = {
			'\u0915\u094D\u0937': 2, // a conjunct: two consonants joined by a virama
			'\u0E01\u0E33': 2, // ก + SARA AM
			'a\u0903': 2, // a spacing mark
			'e\u0301': 1, // a combining mark
			'\u0E01\u0E48': 1, // a Thai tone mark
			'\u{1F1FA}\u{1F1F8}': 2, // a flag
			'👍': 2,
			'\u1100\u1161': 2, // a Hangul syllable of jamo
		};
		for (const [text, width] of Object.entries(widths)) {
			assert.equal(cellWidth(text), width, JSON.stringify(text));
		}
	});
});

describe('changed spans of a line', () => {
	it('are the columns that differ, each run of them one span', () => {
		assert.deepEqual(spans('web-1  12.5%  40 MB', 'web-1  13.0%  40 MB'), [
			[8, 9],
			[10, 11],
		]);
		assert.deepEqual(spans('same', 'same'), []);
	});

	it('count a change of style alone as a change', () => {
		assert.deepEqual(spans(`ab${bold('cd')}`, `ab${red('cd')}`), [[2, 4]]);
		assert.deepEqual(spans(`ab${bold('cd')}`, `ab${bold('cd')}`), []);
	});

	it('reach past the end of a line that got shorter', () => {
		assert.deepEqual(spans('running 12%', 'running'), [[8, 11]]);
	});

	it('see an unstyled space and nothing as the same', () => {
		assert.deepEqual(spans('ab  ', 'ab'), []);
		assert.deepEqual(spans(`ab${red(' ')}`, 'ab'), [[2, 3]]);
	});

	it('cover both columns of a wide character, in either line', () => {
		// 漢 takes columns 1 and 2; x and y replace it.
		assert.deepEqual(spans('a漢b', 'axyb'), [[1, 3]]);
		assert.deepEqual(spans('axyb', 'a漢b'), [[1, 3]]);
		// A wide character moved one column on: all it covered before and after.
		assert.deepEqual(spans('ab漢', 'abc漢'), [[2, 5]]);
		assert.deepEqual(spans('🐳 web', '🐳 api'), [[3, 6]]);
		assert.deepEqual(spans('漢字', '漢子'), [[2, 4]]);
	});
});

describe('the bytes of a line’s update', () => {
	it('move to each changed span and write only it, with the styles Ink writes', () => {
		assert.equal(
			update(`${bold('web-1')}  12.5%`, `${bold('web-1')}  13.5%`),
			'\u001B[9G3',
		);
		assert.equal(
			update(`x ${red('12')}% y`, `x ${red('47')}% y`),
			'\u001B[3G\u001B[31m47',
		);
	});

	it('write the few unchanged columns between two near spans rather than move over them', () => {
		assert.equal(update('1 2 3', '4 5 6'), '4 5 6');
		assert.equal(update('1.........2', '3.........4'), '3\u001B[11G4');
	});

	it('clear to the end of the line, unstyled, where the line got shorter', () => {
		assert.equal(update(`ab ${red('cd')}`, 'ab'), '\u001B[4G\u001B[K');
		assert.equal(
			update('ab cd', `ab ${red('x')}`),
			'\u001B[4G\u001B[31mx\u001B[39m\u001B[K',
		);
	});

	it('write a wide character whole', () => {
		assert.equal(update('a漢b', 'a字b'), '\u001B[2G字');
		assert.equal(update('axyb', 'a🐳b'), '\u001B[2G🐳');
	});
});

/** A small seeded random source: the same frames on every run. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

/** A line as Ink writes one: styled runs of narrow and wide characters, trailing blanks dropped. */
function randomLine(next: () => number, columns: number): string {
	const pieces = ['a', 'b', '7', ' ', '漢', '🐳', '%'];
	const styles = [
		(text: string) => text,
		bold,
		red,
		(text: string) => `\u001B[44m${text}\u001B[49m`,
	];
	let line = '';
	let width = 0;
	const target = Math.floor(next() * columns);
	while (width < target) {
		const style = styles[Math.floor(next() * styles.length)] ?? bold;
		let run = '';
		for (let count = 1 + Math.floor(next() * 4); count > 0; count--) {
			const piece = pieces[Math.floor(next() * pieces.length)] ?? 'a';
			const pieceWidth = piece.length > 1 || piece === '漢' ? 2 : 1;
			if (width + pieceWidth > columns) {
				break;
			}

			run += piece;
			width += pieceWidth;
		}

		line += run === '' ? '' : style(run);
		if (run === '') {
			break;
		}
	}

	return line.endsWith(' ') ? line.trimEnd() : line;
}

describe('the frame writer', () => {
	it('leaves the screen showing each frame of a random series, one row shorter than the screen', () => {
		const columns = 30;
		const rows = 8;
		const screen = new ScreenModel(columns, rows);
		const output = {
			columns,
			rows,
			write: (data: string) => {
				screen.write(data);
			},
		};
		const write = createFrameWriter(output);
		const next = random(16);
		let lines = Array.from({length: rows - 1}, () => randomLine(next, columns));
		for (let frame = 0; frame < 300; frame++) {
			// Some lines change each frame, and the frame grows and shrinks now and then.
			lines = lines.map(line =>
				next() < 0.3 ? randomLine(next, columns) : line,
			);
			const count =
				next() < 0.1 ? 1 + Math.floor(next() * (rows - 1)) : rows - 1;
			const shown = Array.from({length: count}, (_, row) => lines[row] ?? '');
			write(`${shown.join('\n')}\n`);
			const expected = Array.from({length: rows}, (_, row) =>
				row < count ? cellsOf(shown[row] ?? '').map(cell => cell.key) : [],
			).map(keys => {
				while (keys.length > 0 && keys.at(-1) === '\u0000 ') {
					keys.pop();
				}

				return keys;
			});
			assert.deepEqual(screen.keys(), expected, `frame ${frame}`);
		}
	});

	it('writes a frame whole first, then only what changed, and nothing for the same frame', () => {
		const written: string[] = [];
		const write = createFrameWriter({
			columns: 20,
			rows: 4,
			write: data => written.push(data),
		});
		assert.equal(write('CPU 10%\nMEM 5 MB\n'), true);
		assert.equal(write('CPU 10%\nMEM 5 MB\n'), false);
		assert.equal(write('CPU 11%\nMEM 5 MB\n'), true);
		assert.deepEqual(written, [
			'\u001B[?25l\u001B[JCPU 10%\r\nMEM 5 MB',
			'\u001B[A\u001B[6G1',
		]);
	});

	it('draws the frame whole again when the terminal’s size changed, or after a clear', () => {
		const written: string[] = [];
		const output = {
			columns: 20,
			rows: 4,
			write: (data: string) => written.push(data),
		};
		const write = createFrameWriter(output);
		write('one\ntwo\n');
		output.columns = 30;
		write('one\ntwo!\n');
		write.clear();
		write('one\ntwo?\n');
		assert.deepEqual(written, [
			'\u001B[?25l\u001B[Jone\r\ntwo',
			'\u001B[?25l\u001B[A\r\u001B[Jone\r\ntwo!',
			'\u001B[A\r\u001B[J',
			'\u001B[?25l\u001B[Jone\r\ntwo?',
		]);
	});
});
