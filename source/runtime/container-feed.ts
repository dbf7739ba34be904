import type {FeedContext} from './feed-context.js';
import type {DockerEvent, FleetList} from '../docker/docker-client.js';
import {DockerError, errorMessage} from '../docker/errors.js';
import {
	connectionChanged,
	containersListed,
	engineIdentified,
	imagesListed,
} from '../state/updates.js';
import {networksListed, volumesListed} from '../state/volumes-networks.js';
import {pause} from './scheduler.js';
import {createThrottle} from './throttle.js';
import type {Update} from '../state/app-state.js';
import {oomReported} from '../state/resources.js';
import {fleetChanged} from '../state/fleet.js';

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

/** A list kept up to date by the same event stream: listed on every (re)connect, told every event. */
export type FeedFollower = {
	readonly relist: () => Promise<void>;
	readonly onEvent: (event: DockerEvent) => void;
};

/**
 * Keeps the container and image lists in step with the engine: lists once, then follows
 * `/events` and re-lists (throttled) the kind an event touched. When the event stream drops it
 * reports the connection as down at once, retries with backoff, and re-lists after reconnecting,
 * since a reconnect is not itself an event.
 */
export function startContainerFeed(
	options: Omit<FeedContext, 'store'> & {
		readonly timing?: FeedTiming;
		/** Other lists the same event stream keeps up to date (Swarm's). */
		readonly followers?: readonly FeedFollower[];
	},
): Promise<void> {
	const {docker, dispatch, schedule, now, signal} = options;
	const followers = options.followers ?? [];
	const timing = options.timing ?? defaultFeedTiming;

	/** The lists given at least once: until then the pane waits for its first list, not a fleet's notice. */
	const given = new Set<FleetList>();
	// A failed list leaves the old rows up: the event stream, not a list, decides that we are disconnected.
	const relist =
		<T>(
			kind: FleetList,
			list: (signal: AbortSignal) => Promise<T[]>,
			listed: (items: T[], listedAt: number) => Update,
		) =>
		async (): Promise<void> => {
			const listedAt = now();
			await list(signal).then(
				items => {
					dispatch(listed(items, listedAt));
					given.add(kind);
				},
				() => undefined,
			);
		};

	const listContainers = relist(
		'containers',
		async s => docker.listContainers(s),
		containersListed,
	);
	const listImages = relist(
		'images',
		async s => docker.listImages(s),
		imagesListed,
	);
	const listVolumes = relist(
		'volumes',
		async s => docker.listVolumes(s),
		volumesListed,
	);
	const listNetworks = relist(
		'networks',
		async s => docker.listNetworks(s),
		networksListed,
	);

	const throttled = (run: () => Promise<void>) =>
		createThrottle({intervalMs: timing.relistIntervalMs, schedule, now, run});
	// By event type: an event re-lists the kind of object it is about.
	const throttles = {
		container: throttled(listContainers),
		image: throttled(listImages),
		volume: throttled(listVolumes),
		network: throttled(listNetworks),
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
		const events = docker.events(signal)[Symbol.asyncIterator]();
		// Subscribing first and listing right after, plus one trailing re-list once the stream is
		// up, closes the gap in which an event could slip between the list and the subscription.
		const first = events.next();
		// Awaited below; until then a failure must not count as an unhandled rejection.
		first.catch(() => undefined);
		// All at once: at start-up every round trip waited for would delay the first rows.
		const [info] = await Promise.all([
			docker.engineInfo(signal),
			listContainers(),
			listImages(),
			listVolumes(),
			listNetworks(),
			...followers.map(async follower => follower.relist()),
		]);
		dispatch(engineIdentified(info));
		dispatch(connectionChanged({status: 'up'}));
		for (const throttle of Object.values(throttles)) {
			throttle.trigger();
		}
		for (let result = await first; !result.done; result = await events.next()) {
			const {type, action, id} = result.value;
			for (const follower of followers) {
				follower.onEvent(result.value);
			}

			if (type === 'container') {
				if (action === 'oom') {
					dispatch(oomReported(id));
				}

				throttles.container.trigger();
				settleLater();
			} else if (type === 'image' || type === 'volume' || type === 'network') {
				throttles[type].trigger();
			}
		}

		if (!isStopped()) {
			throw new DockerError(
				'unreachable',
				`the engine at ${docker.endpoint} closed the event stream`,
			);
		}
	};

	// A fleet's engine that comes, goes, answers late or turns stale changes its chip and its rows:
	// they show as the engines last gave them. Asking every engine again would have each late answer
	// ask the others for more, for as long as an engine is slower; an engine that is back is asked
	// by the fleet itself.
	const {fleet} = docker;
	if (fleet !== undefined) {
		const show: Readonly<Record<FleetList, () => Update>> = {
			containers: () => containersListed(fleet.shown('containers'), now()),
			images: () => imagesListed(fleet.shown('images'), now()),
			volumes: () => volumesListed(fleet.shown('volumes'), now()),
			networks: () => networksListed(fleet.shown('networks'), now()),
		};
		const unsubscribe = fleet.subscribe(list => {
			dispatch(fleetChanged(fleet.engines()));
			// Every list given so far, or the one named once it has been given.
			const kinds = list === undefined ? given : given.has(list) ? [list] : [];
			for (const kind of kinds) {
				dispatch(show[kind]());
			}
		});
		dispatch(fleetChanged(fleet.engines()));
		signal.addEventListener('abort', unsubscribe, {once: true});
	}

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
						error: errorMessage(error),
						retryAt: now() + backoff,
					}),
				);
				await pause(schedule, backoff, signal);
				backoff = Math.min(backoff * 2, timing.maxBackoffMs);
			}
		}

		for (const throttle of Object.values(throttles)) {
			throttle.cancel();
		}

		cancelSettle?.();
	};

	return run();
}
