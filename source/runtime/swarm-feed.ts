import type {FeedContext} from './feed-context.js';
import type {DockerEvent} from '../docker/docker-client.js';
import type {AppState} from '../state/app-state.js';
import {selectedId} from '../state/selectors.js';
import {
	nodesListed,
	servicesListed,
	swarmDetected,
	tasksListed,
} from '../state/swarm-updates.js';
import {createThrottle} from './throttle.js';

/** How the Swarm lists are kept fresh. */
export type SwarmTiming = {
	/** Minimum gap between re-lists of one kind, as for containers. */
	readonly relistIntervalMs: number;
	/** How often the Services pane re-lists while it is on screen. */
	readonly pollIntervalMs: number;
};

export const defaultSwarmTiming: SwarmTiming = {
	relistIntervalMs: 100,
	pollIntervalMs: 2000,
};

/** What the container feed's event stream tells the Swarm lists; it stops with the signal. */
export type SwarmFeed = {
	/** Asks the engine whether it manages a Swarm now and, if it does, lists services and nodes. */
	readonly relist: () => Promise<void>;
	/** Re-lists what an event changed (throttled). */
	readonly onEvent: (event: DockerEvent) => void;
};

/** The label the engine puts on every task's container: its events tell of a service's tasks. */
const serviceLabel = 'com.docker.swarm.service.id';

/**
 * The Services pane is on screen (a dialog hides it, except the filter prompt at its foot), or the
 * logs of its service are.
 */
function showsServices(state: AppState): boolean {
	const {focus, dialog} = state.ui;
	return (
		state.swarm.isManager &&
		focus === 'services' &&
		// A service's logs name each line's task from this list, new tasks too.
		(dialog === undefined || dialog.kind === 'filter' || dialog.kind === 'logs')
	);
}

/**
 * Keeps services, nodes and the selected service's tasks up to date. Service and node events
 * re-list their kind. Tasks have no events of their own before API 1.41 and a task's progress
 * (pending, running, failed) changes no service, while events of tasks on other nodes never
 * reach this engine: so while the Services pane or a service's logs are on screen, and only then,
 * services and the selected service's tasks are also re-listed every couple of seconds.
 */
export function createSwarmFeed(
	options: FeedContext & {readonly timing?: SwarmTiming},
): SwarmFeed {
	const {docker, store, dispatch, schedule, now, signal} = options;
	const timing = options.timing ?? defaultSwarmTiming;
	const isManager = (): boolean => store.getState().swarm.isManager;

	/** Whether the engine manages a Swarm, as it says now. */
	const checkRole = async (): Promise<void> => {
		const info = await docker.systemInfo(signal).catch(() => undefined);
		if (info !== undefined) {
			dispatch(swarmDetected(info.isSwarmManager, now()));
		}
	};

	// A failed list leaves the old rows up, as the container lists do; but a node that left the
	// Swarm says so only by failing, so its role is asked again.
	const listServices = async (): Promise<void> => {
		const listedAt = now();
		await docker.listServices(signal).then(services => {
			dispatch(servicesListed(services, listedAt));
		}, checkRole);
	};

	const listNodes = async (): Promise<void> => {
		const listedAt = now();
		await docker.listNodes(signal).then(
			nodes => {
				dispatch(nodesListed(nodes, listedAt));
			},
			() => undefined,
		);
	};

	const detect = async (): Promise<void> => {
		await checkRole();
		if (isManager()) {
			await Promise.all([listServices(), listNodes()]);
		}
	};

	const throttle = (run: () => Promise<void>) =>
		createThrottle({intervalMs: timing.relistIntervalMs, schedule, now, run});
	const throttles = {
		detect: throttle(detect),
		services: throttle(async () => (isManager() ? listServices() : undefined)),
		nodes: throttle(async () => (isManager() ? listNodes() : undefined)),
	};

	// The tasks poll: one loop per selected service, ended by a newer one.
	let generation = 0;
	let watched: string | undefined;
	let cancelPoll: (() => void) | undefined;
	const pollTasks = async (serviceId: string, loop: number): Promise<void> => {
		const tasks = await docker
			.listTasks(serviceId, signal)
			.catch(() => undefined);
		if (loop !== generation || signal.aborted) {
			return;
		}

		if (tasks !== undefined) {
			dispatch(tasksListed(serviceId, tasks));
		}

		cancelPoll = schedule(() => {
			throttles.services.trigger();
			void pollTasks(serviceId, loop);
		}, timing.pollIntervalMs);
	};

	const watch = (): void => {
		const state = store.getState();
		const serviceId = showsServices(state)
			? selectedId(state, 'services')
			: undefined;
		if (serviceId === watched) {
			return;
		}

		watched = serviceId;
		generation++;
		cancelPoll?.();
		cancelPoll = undefined;
		if (serviceId !== undefined) {
			void pollTasks(serviceId, generation);
		}
	};

	/** The watched service's tasks, now, and the poll from here on. */
	const refreshTasks = (): void => {
		watched = undefined;
		watch();
	};

	const unsubscribe = store.subscribe(watch);
	signal.addEventListener(
		'abort',
		() => {
			unsubscribe();
			generation++;
			cancelPoll?.();
			for (const each of Object.values(throttles)) {
				each.cancel();
			}
		},
		{once: true},
	);
	return {
		relist: detect,
		onEvent(event) {
			if (event.type === 'service' || event.type === 'node') {
				if (!isManager()) {
					// The engine became a manager (swarm init or join) while we watched.
					throttles.detect.trigger();
					return;
				}

				throttles[event.type === 'service' ? 'services' : 'nodes'].trigger();
				if (event.type === 'service' && event.id === watched) {
					refreshTasks();
				}
			} else if (
				event.type === 'container' &&
				event.attributes[serviceLabel] !== undefined &&
				isManager()
			) {
				throttles.services.trigger();
				if (event.attributes[serviceLabel] === watched) {
					refreshTasks();
				}
			}
		},
	};
}
