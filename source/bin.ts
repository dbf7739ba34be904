// The bin. Before the bulk of dockmate is loaded, it asks a local engine for its containers (or
// logs in to an ssh:// one and asks it), so that this happens while Node compiles the app (see
// container-prefetch.ts).
import os from 'node:os';
import v8 from 'node:v8';
import {isUsageError, parseCliFlags} from './cli-flags.js';
import {
	prefetchContainers,
	type ContainerPrefetch,
} from './docker/container-prefetch.js';
import {resolveEndpoint} from './docker/endpoint.js';
import {traceStartup} from './startup-trace.js';

// An old space allowed 30% above what the last full collection kept, not up to four times that:
// V8 judged dockmate's small heap cheap to let grow, and a churn of 500 containers left it at 61 MB
// for 18.5 MB live (148 MB resident), which V8 does not give back while figures keep coming. With
// it the same churn stayed at 92-94 MB and ended at 84 MB, for about 9 more full collections a
// minute at 300 containers and no measurable CPU. V8 reads it at each collection, so it is set
// here rather than on node's command line, where a Node that no longer knew it would not start.
v8.setFlagsFromString('--heap-growing-percent=30');

/**
 * The list of the engine the arguments name. Anything but plain connection flags (`--help`, a
 * typo) asks nothing: the app then explains, or lists for itself.
 */
function prefetch(args: readonly string[]): ContainerPrefetch | undefined {
	const flags = parseCliFlags(args);
	// A fleet's engines are asked by the app, all at once.
	if (
		isUsageError(flags) ||
		flags.help ||
		flags.version ||
		flags.engines !== undefined ||
		flags.fleet !== undefined
	) {
		return undefined;
	}

	try {
		return prefetchContainers(
			resolveEndpoint({
				host: flags.host,
				context: flags.context,
				env: process.env,
				homeDir: os.homedir(),
			}),
			// ssh's prompts go to the terminal, before the full-screen UI starts; without one it fails.
			{interactive: process.stdin.isTTY},
		);
	} catch {
		return undefined;
	}
}

traceStartup('bin running');
const early = prefetch(process.argv.slice(2));
const {main} = await import('./cli.js');
await main(early);
