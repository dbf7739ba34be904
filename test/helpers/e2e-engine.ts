import {after, before} from 'node:test';
import {
	startThrowawayDaemon,
	type ThrowawayDaemon,
	type ThrowawayDaemonOptions,
} from './throwaway-daemon.js';

/** What {@link engineFixture} starts. */
export type EngineFixtureOptions = {
	/** Imports the busybox image under this tag. */
	readonly image?: string;
	/** How the engine is started; a plain throwaway daemon with {@link EngineFixtureOptions.daemon} unless told. */
	readonly start?: () => Promise<ThrowawayDaemon>;
	readonly daemon?: ThrowawayDaemonOptions;
	/** Runs on the engine before it stops, e.g. to remove what `stop()` would not. */
	readonly beforeStop?: (daemon: ThrowawayDaemon) => Promise<void>;
};

/**
 * What {@link engineFixture} hands a test file: the file's own throwaway engine, usable from its
 * `before` hook on, with the id of the imported image.
 */
export type EngineFixture = ThrowawayDaemon & {
	/** The id of the busybox image imported under {@link EngineFixtureOptions.image}. */
	readonly imageId: string;
};

/**
 * Gives the enclosing suite (or file) its own throwaway engine: started, with the busybox image
 * imported, in a `before` hook, and stopped in an `after` hook, also when the set-up failed
 * halfway. Each e2e file runs in its own process and so has its own engine; this is the one copy
 * of that set-up. Call it before the suite's own hooks, which then find the engine started.
 */
export function engineFixture(
	options: EngineFixtureOptions = {},
): EngineFixture {
	let daemon: ThrowawayDaemon | undefined;
	let imageId: string | undefined;

	before(async () => {
		daemon = await (options.start?.() ?? startThrowawayDaemon(options.daemon));
		if (options.image !== undefined) {
			imageId = await daemon.importBusyboxImage(options.image);
		}
	});

	after(async () => {
		if (daemon !== undefined) {
			try {
				await options.beforeStop?.(daemon);
			} finally {
				await daemon.stop();
			}
		}
	});

	// Stands for the daemon that the before hook starts, so that a file declares it once, up front.
	return new Proxy({} as EngineFixture, {
		get(_target, key) {
			if (daemon === undefined) {
				throw new Error('the engine is used before its before hook ran');
			}

			if (key === 'imageId') {
				return imageId;
			}

			const value: unknown = Reflect.get(daemon, key, daemon);
			return typeof value === 'function'
				? (value as (...parameters: unknown[]) => unknown).bind(daemon)
				: value;
		},
	});
}
