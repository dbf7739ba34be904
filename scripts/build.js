// Bundles dockmate into dist/: Node loads a few large modules far faster than Ink's hundreds of
// small ones, which was most of dockmate's start-up time.
import {chmod, readFile, rm} from 'node:fs/promises';
import {build} from 'esbuild';

const narrowCharacters = JSON.parse(
	await readFile(new URL('narrow-characters.json', import.meta.url), 'utf8'),
);

/**
 * Ink loads React DevTools (and a WebSocket client for them) only when DEV=true; dockmate never
 * ships them.
 */
const withoutDevtools = {
	name: 'without-devtools',
	setup(context) {
		context.onLoad({filter: /ink[/\\]build[/\\]devtools\.js$/}, () => ({
			contents: 'export {};',
			loader: 'js',
		}));
	},
};

/**
 * Replaces exact snippets of a dependency's source as it is bundled. The build fails when a
 * snippet is no longer there, so an upgrade that changes the code cannot silently undo a patch.
 */
function patched(replacements) {
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
 * Keeps what start-up never needs out of it:
 * - dockerode loads gRPC for BuildKit sessions and protobuf for BuildKit progress, which dockmate
 *   does not use (about 16 ms, and 90 KB of the bundle);
 * - docker-modem loads ssh2 for ssh:// engines at the top of its module (about 37 ms): ssh2 is
 *   loaded on the first ssh:// connection instead;
 * - meow loads and runs normalize-package-data (with the SPDX licence lists) when it is imported,
 *   for nothing but its `pkg` result, which dockmate does not read (about 25 ms, and 100 KB);
 * - Yoga reads its embedded WebAssembly through `fetch`, and Node loads its whole fetch
 *   implementation (undici) on first use (about 40 ms); the same bytes are decoded directly.
 */
const lazyDependencies = {
	name: 'lazy-dependencies',
	setup(context) {
		context.onLoad({filter: /dockerode[/\\]lib[/\\]session\.js$/}, () => ({
			contents:
				"module.exports = function () { throw new Error('BuildKit sessions are not supported'); };",
			loader: 'js',
		}));
		context.onLoad({filter: /dockerode[/\\]lib[/\\]buildkit\.js$/}, () => ({
			contents:
				"module.exports = {followProgress() { throw new Error('BuildKit progress is not supported'); }};",
			loader: 'js',
		}));
		context.onLoad(
			{filter: /docker-modem[/\\]lib[/\\]modem\.js$/},
			patched([
				[
					"ssh = require('./ssh'),",
					"ssh = (options) => require('./ssh')(options),",
				],
			]),
		);
		context.onLoad(
			{filter: /meow[/\\]build[/\\]dependencies\.js$/},
			patched([
				[
					'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
					'const normalizePackageData = () => undefined;',
				],
			]),
		);
		context.onLoad(
			{
				filter:
					/yoga-layout[/\\]dist[/\\]binaries[/\\]yoga-wasm-base64-esm\.js$/,
			},
			patched([
				[
					'"function"!=typeof fetch?Promise.resolve()',
					'true?Promise.resolve()',
				],
			]),
		);
	},
};

/**
 * Ink caches the measured size and the wrapped form of every text it ever rendered, without a
 * bound. A screen of figures that change every second renders new texts every second, so in a
 * session left open for hours those caches only grow; here they are emptied when they get large.
 */
const boundedInkCaches = {
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
				// Shared by every frame instead of made anew for each, and bounded like the others.
				[
					'export default class Output {',
					'const sharedCaches = new OutputCaches();\nexport default class Output {',
				],
				['caches = new OutputCaches();', 'caches = sharedCaches;'],
				[
					'this.styledChars.set(line, cached);',
					'if (this.styledChars.size >= 4096) this.styledChars.clear(); this.styledChars.set(line, cached);',
				],
				[
					'this.widths.set(text, cached);',
					'if (this.widths.size >= 4096) this.widths.clear(); this.widths.set(text, cached);',
				],
				[
					'this.blockWidths.set(text, cached);',
					'if (this.blockWidths.size >= 4096) this.blockWidths.clear(); this.blockWidths.set(text, cached);',
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

await rm('dist', {recursive: true, force: true});
await build({
	// The bin loads the app as a second file (a chunk) only after it has asked the engine for its
	// containers: see source/bin.ts.
	entryPoints: {cli: 'source/bin.ts'},
	outdir: 'dist',
	splitting: true,
	chunkNames: '[name]-[hash]',
	bundle: true,
	minify: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	jsx: 'automatic',
	legalComments: 'none',
	// ssh2 loads optional native crypto bindings at run time, so it stays outside the bundle.
	external: ['ssh2', 'cpu-features'],
	plugins: [withoutDevtools, lazyDependencies, boundedInkCaches],
	banner: {
		// A 1 MB young generation (about 10 MB less resident memory): the once-a-second figures make
		// short-lived garbage that default semi-spaces let pile up before a scavenge. V8 takes the
		// flag only at start, hence the shebang; `env -S` splits it off (coreutils 8.30, macOS).
		js: "#!/usr/bin/env -S node --max-semi-space-size=1\nimport {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
});

// The bundle is the package's bin: runnable as it is.
await chmod('dist/cli.js', 0o755);
