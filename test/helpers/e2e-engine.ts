import {after, before} from 'node:test';
import {
	startThrowawayDaemon,
	type ThrowawayDaemon,
	type ThrowawayDaemonOptions,
} from './throwaway-daemon.js';

/** What {@link engineFixture} hands a test file: valid from its `before` hook on. */
export type UsedEngine = {
	/** The file's own throwaway engine. */
	readonly daemon: ThrowawayDaemon;
	/** The id of the busybox image imported under the file's tag. */
	readonly imageId: string;
};

/**
 * Gives the enclosing suite (or file) its own throwaway engine with a busybox image under `image`:
 * started in a `before` hook, stopped in an `after` hook, even when the set-up failed halfway.
 * Each e2e file is its own process, so each has its own engine; this is the one copy of that set-up.
 */
export function engineFixture(options: {
	readonly image: string;
	readonly daemon?: ThrowawayDaemonOptions;
}): UsedEngine {
	let started: {daemon: ThrowawayDaemon; imageId: string} | undefined;
	let daemon: ThrowawayDaemon | undefined;

	before(async () => {
		daemon = await startThrowawayDaemon(options.daemon);
		started = {daemon, imageId: await daemon.importBusyboxImage(options.image)};
	});

	after(async () => {
		await daemon?.stop();
	});

	const current = (): {daemon: ThrowawayDaemon; imageId: string} => {
		if (started === undefined) {
			throw new Error('the engine is used before its before hook ran');
		}

		return started;
	};

	return {
		get daemon() {
			return current().daemon;
		},
		get imageId() {
			return current().imageId;
		},
	};
}
