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
	plugins: [withoutDevtools, lazyDependencies],
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
