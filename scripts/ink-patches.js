// The patches that make Ink's per-frame work and memory bounded, applied to its source as it is
// bundled: the bundle, not node_modules, is what runs.
import {readFile} from 'node:fs/promises';

const narrowCharacters = JSON.parse(
	await readFile(new URL('narrow-characters.json', import.meta.url), 'utf8'),
);

/**
 * Replaces exact snippets of a dependency's source as it is bundled. The build fails when a
 * snippet is no longer there, so an upgrade that changes the code cannot silently undo a patch.
 */
export function patched(replacements) {
	return async ({path}) => {
		let source = await readFile(path, 'utf8');
		for (const [from, to] of replacements) {
			if (!source.includes(from)) {
				throw new Error(`dependency changed: "${from}" not found in ${path}`);
			}

			source = source.replace(from, to);
		}

		return {contents: source, loader: 'js'};
	};
}

/**
 * A map for what one frame computes from its texts: it keeps the entries the current and the
 * previous frame used, so what stays on screen is found again and what left it goes, whatever the
 * texts drawn over a session. Ink's output calls `endFrame` after each frame. A frame that alone
 * draws more than 4,096 texts starts over, so no frame can make it grow without a bound.
 */
const frameCacheSource = `class FrameCache {
	current = new Map();
	previous = new Map();
	get size() { return this.current.size + this.previous.size; }
	get(key) {
		let value = this.current.get(key);
		if (value === undefined) {
			value = this.previous.get(key);
			if (value !== undefined) this.set(key, value);
		}
		return value;
	}
	set(key, value) {
		if (this.current.size >= 4096) this.current.clear();
		this.current.set(key, value);
	}
	endFrame() {
		this.previous = this.current;
		this.current = new Map();
	}
}`;

/**
 * Ink caches the measured size and the wrapped form of every text it ever rendered, without a
 * bound. A screen of figures that change every second renders new texts every second, so in a
 * session left open for hours those caches only grow; here they are emptied when they get large.
 */
export const boundedInkCaches = {
	name: 'bounded-ink-caches',
	setup(context) {
		context.onLoad(
			{filter: /ink[/\\]build[/\\]measure-text\.js$/},
			patched([
				[
					'cache.set(text, dimensions);',
					'if (cache.size >= 4096) cache.clear(); cache.set(text, dimensions);',
				],
			]),
		);
		/*
		 * string-width measures a string of printable ASCII by its length but sends any other through
		 * grapheme segmentation. Ink measures every text of every frame, and nearly every row has a
		 * separator, arrow, box-drawing character, block or glyph, so strings made only of the
		 * one-column characters dockmate draws with take the same short cut
		 * (test/unit/narrow-characters.test.ts checks each against string-width itself).
		 */
		context.onLoad(
			// The copies Ink and widest-line use; dockmate's own is an older major.
			{
				filter:
					/(?:ink|widest-line)[/\\]node_modules[/\\]string-width[/\\]index\.js$/,
			},
			patched([
				[
					'if (/^[\\u0020-\\u007E]*$/.test(string)) {',
					`if (/^[${narrowCharacters.characterClass}]*$/.test(string)) {`,
				],
			]),
		);
		context.onLoad(
			{filter: /ink[/\\]build[/\\]render-node-to-output\.js$/},
			patched([
				// Measured again for every text of every frame, though most texts stay the same.
				[
					'const currentWidth = widestLine(text);',
					'let currentWidth = widths.get(text); if (currentWidth === undefined) { if (widths.size >= 4096) widths.clear(); currentWidth = widestLine(text); widths.set(text, currentWidth); }',
				],
				[
					"import widestLine from 'widest-line';",
					"import widestLine from 'widest-line';\nconst widths = new Map();",
				],
			]),
		);
		context.onLoad(
			{filter: /ink[/\\]build[/\\]output\.js$/},
			patched([
				/*
				 * Shared by every frame instead of made anew for each, and holding only what the last two
				 * frames drew. Ink keeps each line it ever drew as an array of one object per character;
				 * a screen of figures that change every second draws new lines every second, and even
				 * 4,096 lines of 200 characters came to 50 MB that filled up and were dropped over and
				 * over. What is still on screen stays cached; what left it is dropped a frame later.
				 */
				['class OutputCaches {', `${frameCacheSource}\nclass OutputCaches {`],
				['widths = new Map();', 'widths = new FrameCache();'],
				['blockWidths = new Map();', 'blockWidths = new FrameCache();'],
				['styledChars = new Map();', 'styledChars = new FrameCache();'],
				[
					'export default class Output {',
					'const sharedCaches = new OutputCaches();\nexport default class Output {',
				],
				['caches = new OutputCaches();', 'caches = sharedCaches;'],
				[
					'return {\n            output: generatedOutput,',
					'for (const cache of [this.caches.widths, this.caches.blockWidths, this.caches.styledChars]) cache.endFrame();\n        return {\n            output: generatedOutput,',
				],
				// Cells are replaced, never changed, so every blank one can be the same object.
				[
					`row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
					'row.push(blankCell);',
				],
				[
					'const sharedCaches',
					"const blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});\nconst sharedCaches",
				],
			]),
		);
		context.onLoad(
			{filter: /ansi-tokenize[/\\]build[/\\]styledChars\.js$/},
			patched([
				// Neighbouring characters mostly share their styles; diffing equal styles (three sets and
				// two arrays a character) yields nothing, so it is skipped.
				[
					'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
					'if (!sameCodes(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
				],
				[
					'export function styledCharsToString(chars) {',
					'function sameCodes(a, b) { if (a === b) return true; if (a.length !== b.length) return false; for (let i = 0; i < a.length; i++) { if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false; } return true; }\nexport function styledCharsToString(chars) {',
				],
			]),
		);
		context.onLoad(
			{filter: /ink[/\\]build[/\\]wrap-text\.js$/},
			patched([
				['const cache = {};', 'let cache = {}; let cacheSize = 0;'],
				[
					'cache[cacheKey] = wrappedText;',
					'if (++cacheSize > 4096) { cache = {}; cacheSize = 1; } cache[cacheKey] = wrappedText;',
				],
			]),
		);
	},
};
