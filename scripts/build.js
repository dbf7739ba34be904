// Bundles the CLI into one file: Node loads a single module far faster than Ink's hundreds,
// which is most of dockmate's start-up time.
import {chmod, readFile} from 'node:fs/promises';
import {build} from 'esbuild';

/** Ink loads React DevTools only when DEV=true; dockmate never ships them. */
const withoutDevtools = {
	name: 'without-devtools',
	setup(context) {
		context.onResolve({filter: /^react-devtools-core$/}, () => ({
			path: 'react-devtools-core',
			namespace: 'stub',
		}));
		context.onLoad({filter: /.*/, namespace: 'stub'}, () => ({
			contents: 'export default {connectToDevTools() {}};',
		}));
	},
};

/**
 * Keeps what start-up never needs out of it. dockerode loads gRPC for BuildKit sessions, which
 * dockmate does not use (about 16 ms), and docker-modem loads ssh2 for ssh:// engines at the top of
 * its module (about 37 ms); ssh2 is loaded on the first ssh:// connection instead.
 */
const lazyDependencies = {
	name: 'lazy-dependencies',
	setup(context) {
		context.onLoad({filter: /dockerode[/\\]lib[/\\]session\.js$/}, () => ({
			contents:
				"module.exports = function () { throw new Error('BuildKit sessions are not supported'); };",
			loader: 'js',
		}));
		context.onLoad(
			{filter: /docker-modem[/\\]lib[/\\]modem\.js$/},
			async ({path}) => {
				const source = await readFile(path, 'utf8');
				const eager = "ssh = require('./ssh'),";
				if (!source.includes(eager)) {
					throw new Error(
						`docker-modem changed: "${eager}" not found in ${path}`,
					);
				}

				return {
					contents: source.replace(
						eager,
						"ssh = (options) => require('./ssh')(options),",
					),
					loader: 'js',
				};
			},
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
		const patch = (file, replacements) =>
			context.onLoad({filter: file}, async ({path}) => {
				let source = await readFile(path, 'utf8');
				for (const [from, to] of replacements) {
					if (!source.includes(from)) {
						throw new Error(`ink changed: "${from}" not found in ${path}`);
					}

					source = source.replace(from, to);
				}

				return {contents: source, loader: 'js'};
			});

		patch(/ink[/\\]build[/\\]measure-text\.js$/, [
			[
				'cache.set(text, dimensions);',
				'if (cache.size >= 4096) cache.clear(); cache.set(text, dimensions);',
			],
		]);
		patch(/ink[/\\]build[/\\]wrap-text\.js$/, [
			['const cache = {};', 'let cache = {}; let cacheSize = 0;'],
			[
				'cache[cacheKey] = wrappedText;',
				'if (++cacheSize > 4096) { cache = {}; cacheSize = 1; } cache[cacheKey] = wrappedText;',
			],
		]);
	},
};

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/cli.js',
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
