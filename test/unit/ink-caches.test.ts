import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import {boundedInkCaches} from '../../scripts/ink-patches.js';

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

const root = fileURLToPath(new URL('../..', import.meta.url));
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

describe('Ink’s output as the bundle patches it', () => {
	let dir: string;
	let Output: OutputClass;
	before(async () => {
		// Bundled with the build's own plugin: the bundle, not node_modules, is what runs.
		const result = await build({
			entryPoints: [path.join(root, 'node_modules/ink/build/output.js')],
			bundle: true,
			format: 'esm',
			platform: 'node',
			write: false,
			logLevel: 'silent',
			plugins: [boundedInkCaches],
		});
		dir = mkdtempSync(path.join(tmpdir(), 'dockmate-ink-'));
		const file = path.join(dir, 'output.mjs');
		writeFileSync(file, result.outputFiles[0]!.text);
		const module = (await import(pathToFileURL(file).href)) as {
			default: OutputClass;
		};
		Output = module.default;
	});
	after(() => {
		rmSync(dir, {recursive: true, force: true});
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
