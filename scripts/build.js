// Bundles dockmate into dist/: Node loads a few large modules far faster than Ink's hundreds of
// small ones, which was most of dockmate's start-up time.
import {chmod, rm} from 'node:fs/promises';
import {build} from 'esbuild';
import {boundedInkCaches, patched} from './ink-patches.js';

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
