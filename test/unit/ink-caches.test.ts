import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';

type Cache = {readonly size: number};
type Output = {
	readonly caches: {
		readonly widths: Cache;
		readonly blockWidths: Cache;
		readonly styledChars: Cache & {get(line: string): unknown};
	};
	write(
		x: number,
		y: number,
		text: string,
		options: {readonly transformers: readonly unknown[]},
	): void;
	get(): {readonly output: string};
};
type OutputClass = new (size: {width: number; height: number}) => Output;

const width = 200;
const rows = 50;

/**
 * A frame like the container list's: a name per row and a figure that changes every frame, and
 * `fixed` as a first row that does not.
 */
function drawFrame(Output: OutputClass, frame: number, fixed?: string): Output {
	const output = new Output({width, height: rows});
	if (fixed !== undefined) {
		output.write(0, 0, fixed, {transformers: []});
	}

	for (let row = fixed === undefined ? 0 : 1; row < rows; row++) {
		const name = `\u001B[1mweb-${row}\u001B[22m`.padEnd(width - 20);
		output.write(0, row, `${name} ${((frame * rows + row) % 997) / 10}%`, {
			transformers: [],
		});
	}

	output.get();
	return output;
}

describe('Ink’s output as patches/ink+6.8.0.patch leaves it', () => {
	let Output: OutputClass;
	before(async () => {
		// node_modules as the install patched it: what the bundle is built from.
		const module = (await import(
			new URL('../../node_modules/ink/build/output.js', import.meta.url).href
		)) as {default: OutputClass};
		Output = module.default;
	});

	it('keeps no more cached lines than the last two frames drew, however many frames go by', () => {
		let last = drawFrame(Output, 0);
		for (let frame = 1; frame < 12; frame++) {
			last = drawFrame(Output, frame);
		}

		const {widths, blockWidths, styledChars} = last.caches;
		for (const [name, cache] of Object.entries({
			widths,
			blockWidths,
			styledChars,
		})) {
			assert.ok(cache.size <= 2 * rows, `${name} holds ${cache.size} entries`);
		}
	});

	it('still finds the lines that stay on screen from one frame to the next', () => {
		const line = 'a line that stays';
		const first = drawFrame(Output, 0, line);
		const cached = first.caches.styledChars.get(line);
		assert.ok(cached !== undefined);
		let last = first;
		for (let frame = 1; frame < 5; frame++) {
			last = drawFrame(Output, frame, line);
		}

		// The same characters, not taken apart anew every frame.
		assert.equal(last.caches.styledChars.get(line), cached);
	});
});
