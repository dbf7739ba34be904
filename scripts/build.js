// Bundles the CLI into one file: Node loads a single module far faster than Ink's hundreds,
// which is most of dockmate's start-up time.
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
	plugins: [withoutDevtools],
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
	define: {'process.env.NODE_ENV': '"production"'},
	logLevel: 'warning',
});
