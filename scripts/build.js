// Bundles dockmate into dist/: Node loads a few large modules far faster than Ink's hundreds of
// small ones, which was most of dockmate's start-up time.
import {chmod, rm} from 'node:fs/promises';
import {build} from 'esbuild';

/**
 * Leaves out of the bundle modules that dockmate never runs. Dependency code that runs but is
 * changed lives in patches/, applied to node_modules at install, so that tests run it too; these
 * stubs change nothing that runs, so they stay here:
 * - Ink loads React DevTools (and a WebSocket client for them) only when DEV=true; their package is
 *   not even installed;
 * - dockerode loads gRPC for BuildKit sessions (about 26 ms of start-up, 5 MB of memory and
 *   440 KB of the bundle) and protobuf for BuildKit progress (about 2 ms, 100 KB), which dockmate
 *   does not use;
 * - docker-modem loads its own ssh client (ssh2 and its crypto) for ssh:// at start; dockmate
 *   reaches ssh:// engines through the system ssh instead (source/docker/ssh-channel-agent.ts).
 */
const unusedModules = {
	name: 'unused-modules',
	setup(context) {
		context.onLoad({filter: /ink[/\\]build[/\\]devtools\.js$/}, () => ({
			contents: 'export {};',
			loader: 'js',
		}));
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
		context.onLoad({filter: /docker-modem[/\\]lib[/\\]ssh\.js$/}, () => ({
			contents:
				"module.exports = function () { throw new Error('ssh:// goes through the system ssh'); };",
			loader: 'js',
		}));
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
	plugins: [unusedModules],
	banner: {
		// A 1 MB young generation (about 10 MB less resident memory): the once-a-second figures make
		// short-lived garbage that default semi-spaces let pile up before a scavenge. V8 takes the
		// flag only at start, hence the first two lines: sh runs them and execs node with the flags,
		// where node reads `":"` and a comment. `env -S` would do it in one line, but BusyBox's env
		// (Alpine) refuses -S.
		// Two malloc arenas, not glibc's eight a core: V8's helper threads each kept an arena of a
		// few hundred KB to 4 MB resident for their short jobs (3.6 MB less at 300 containers, with
		// no more CPU). glibc reads it only at start, as V8 its flags; other C libraries ignore it.
		// (The old space's growth is set where V8 reads it at each collection: see bin.ts.)
		js:
			'#!/bin/sh\n":" //; exec env MALLOC_ARENA_MAX=2 node --max-semi-space-size=1 "$0" "$@"\n' +
			"import {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
});

// The bundle is the package's bin: runnable as it is.
await chmod('dist/cli.js', 0o755);
