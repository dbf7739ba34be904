import type {DockerClient} from '../docker/docker-client.js';
import {initialState, type AppState} from '../state/app-state.js';
import {createStore, type Store} from '../state/store.js';
import {marksPruned} from '../state/action-updates.js';
import {clockTicked, keepSelection, type Update} from '../state/updates.js';
import {startContainerFeed, type FeedTiming} from './container-feed.js';
import {createActions, type Actions} from './actions.js';
import {realSchedule, type Schedule} from './scheduler.js';
import {
	defaultStatsTiming,
	startStatsFeed,
	type StatsTiming,
} from './stats-feed.js';

/** Everything the view needs: the store to read, `dispatch` to change it, and the feeds' lifetime. */
export type Services = {
	readonly store: Store<AppState>;
	/** Applies a transition and keeps each pane's selection on the same item (or its neighbour). */
	readonly dispatch: (update: Update) => void;
	/** Asks the app to quit; the CLI decides what quitting means (restoring the terminal first). */
	readonly quit: () => void;
	/**
	 * Hands the terminal to an interactive process in a container (`command` undefined: the user's
	 * shell) and brings the app back, as it was, when it ends. The CLI provides it.
	 */
	readonly exec: (
		containerId: string,
		command: readonly string[] | undefined,
	) => void;
	readonly actions: Actions;
	/** Starts the feeds; resolves when they have stopped. */
	readonly start: () => Promise<void>;
	/** Stops every feed and closes every stream. */
	readonly dispose: () => void;
};

/** How often ages and durations on screen advance. */
const clockIntervalMs = 1000;

/** Wires a Docker client to a fresh store. */
export function createServices(options: {
	readonly docker: DockerClient;
	readonly readOnly?: boolean;
	readonly quit?: () => void;
	readonly exec?: (
		containerId: string,
		command: readonly string[] | undefined,
	) => void;
	readonly schedule?: Schedule;
	readonly now?: () => number;
	readonly timing?: FeedTiming;
	readonly statsTiming?: StatsTiming;
}): Services {
	const {docker} = options;
	const schedule = options.schedule ?? realSchedule;
	const now = options.now ?? Date.now;
	const store = createStore(
		initialState({
			endpoint: docker.endpoint,
			readOnly: options.readOnly ?? false,
			now: now(),
		}),
	);
	const controller = new AbortController();
	const dispatch = (update: Update): void => {
		store.update(state => keepSelection(state, marksPruned(update(state))));
	};

	return {
		store,
		dispatch,
		quit: options.quit ?? (() => undefined),
		exec: options.exec ?? (() => undefined),
		actions: createActions({docker, store, dispatch, now}),
		async start() {
			// Skipped while resource figures already moved the clock along within the last second.
			const tick = (): void => {
				if (!controller.signal.aborted) {
					const time = now();
					if (time - store.getState().clock >= clockIntervalMs - 50) {
						dispatch(clockTicked(time));
					}

					schedule(tick, clockIntervalMs);
				}
			};

			schedule(tick, clockIntervalMs);
			startStatsFeed({
				docker,
				store,
				dispatch,
				schedule,
				timing: options.statsTiming ?? defaultStatsTiming,
				now,
				signal: controller.signal,
			});
			await startContainerFeed({
				docker,
				dispatch,
				schedule,
				now,
				...(options.timing ? {timing: options.timing} : {}),
				signal: controller.signal,
			});
		},
		dispose() {
			controller.abort();
		},
	};
}
