import type {DockerClient} from '../docker/docker-client.js';
import {DockerError} from '../docker/errors.js';
import type {Update} from '../state/updates.js';
import {
	oomReported,
	connectionChanged,
	containersListed,
	engineIdentified,
	imagesListed,
} from '../state/updates.js';
import {pause, type Schedule} from './scheduler.js';
import {createThrottle} from './throttle.js';

/** How the feed is timed; every figure is a reason, not a guess. */
export type FeedTiming = {
	/** Minimum gap between re-lists of one kind: a burst of 200 events costs a handful of lists. */
	readonly relistIntervalMs: number;
	/** First reconnect delay; doubles up to {@link FeedTiming.maxBackoffMs}. */
	readonly backoffMs: number;
	readonly maxBackoffMs: number;
	/** A last re-list this long after a burst of container events, for state the list shows late. */
	readonly settleMs: number;
};

export const defaultFeedTiming: FeedTiming = {
	relistIntervalMs: 100,
	backoffMs: 500,
	maxBackoffMs: 15_000,
	settleMs: 400,
};

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps the container and image lists in step with the engine: lists once, then follows
 * `/events` and re-lists (throttled) the kind an event touched. When the event stream drops it
 * reports the connection as down at once, retries with backoff, and re-lists after reconnecting,
 * since a reconnect is not itself an event.
 */
export function startContainerFeed(options: {
	readonly docker: DockerClient;
	readonly dispatch: (update: Update) => void;
	readonly schedule: Schedule;
	readonly now: () => number;
	readonly timing?: FeedTiming;
	readonly signal: AbortSignal;
}): Promise<void> {
	const {docker, dispatch, schedule, now, signal} = options;
	const timing = options.timing ?? defaultFeedTiming;

	// A failed list leaves the old rows up: the event stream, not a list, decides that we are disconnected.
	const relist =
		<T>(
			list: (signal: AbortSignal) => Promise<T[]>,
			listed: (items: T[], listedAt: number) => Update,
		) =>
		async (): Promise<void> => {
			const listedAt = now();
			await list(signal).then(
				items => {
					dispatch(listed(items, listedAt));
				},
				() => undefined,
			);
		};

	const listContainers = relist(
		async s => docker.listContainers(s),
		containersListed,
	);
	const listImages = relist(async s => docker.listImages(s), imagesListed);

	const throttles = {
		container: createThrottle({
			intervalMs: timing.relistIntervalMs,
			schedule,
			now,
			run: listContainers,
		}),
		image: createThrottle({
			intervalMs: timing.relistIntervalMs,
			schedule,
			now,
			run: listImages,
		}),
	};

	// The engine announces some changes (pause, unpause, health) a moment before its list shows
	// them; one more re-list a little after the last event of a burst catches up with those.
	let cancelSettle: (() => void) | undefined;
	const settleLater = (): void => {
		cancelSettle?.();
		cancelSettle = schedule(() => {
			cancelSettle = undefined;
			throttles.container.trigger();
		}, timing.settleMs);
	};

	const followOnce = async (): Promise<void> => {
		const info = await docker.engineInfo(signal);
		dispatch(engineIdentified(info));
		const events = docker.events(signal)[Symbol.asyncIterator]();
		// Subscribing first and listing right after, plus one trailing re-list once the stream is
		// up, closes the gap in which an event could slip between the list and the subscription.
		const first = events.next();
		// Awaited below; until then a failure must not count as an unhandled rejection.
		first.catch(() => undefined);
		await Promise.all([listContainers(), listImages()]);
		dispatch(connectionChanged({status: 'up'}));
		throttles.container.trigger();
		throttles.image.trigger();
		for (let result = await first; !result.done; result = await events.next()) {
			const {type, action, id} = result.value;
			if (type === 'container') {
				if (action === 'oom') {
					dispatch(oomReported(id));
				}

				throttles.container.trigger();
				settleLater();
			} else if (type === 'image') {
				throttles.image.trigger();
			}
		}

		if (!isStopped()) {
			throw new DockerError(
				'unreachable',
				`the engine at ${docker.endpoint} closed the event stream`,
			);
		}
	};

	// A function, not `signal.aborted` inline: the compiler would keep its narrowing across awaits.
	const isStopped = (): boolean => signal.aborted;
	const run = async (): Promise<void> => {
		let backoff = timing.backoffMs;
		while (!isStopped()) {
			const startedAt = now();
			try {
				await followOnce();
			} catch (error) {
				if (isStopped()) {
					break;
				}

				// A connection that stayed up a while starts the backoff again from its shortest step.
				if (now() - startedAt > timing.maxBackoffMs) {
					backoff = timing.backoffMs;
				}

				dispatch(
					connectionChanged({
						status: 'down',
						error: describe(error),
						retryAt: now() + backoff,
					}),
				);
				await pause(schedule, backoff, signal);
				backoff = Math.min(backoff * 2, timing.maxBackoffMs);
			}
		}

		throttles.container.cancel();
		throttles.image.cancel();
		cancelSettle?.();
	};

	return run();
}
