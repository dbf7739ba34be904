import type {FeedContext} from './feed-context.js';
import {homedir} from 'node:os';
import type {DockerClient} from '../docker/docker-client.js';
import {initialState, type AppState, type Update} from '../state/app-state.js';
import {createStore, type Store} from '../state/store.js';
import {statusExpired} from '../state/status.js';
import {marksPruned} from '../state/marks.js';
import {clockTicked} from '../state/updates.js';
import {
	defaultFeedTiming,
	startContainerFeed,
	type FeedTiming,
} from './container-feed.js';
import {createActions, type Actions} from './actions.js';
import {createPruneActions, type PruneActions} from './prune-actions.js';
import {createSystemFeed, type SystemFeed} from './system-feed.js';
import {realSchedule, type Schedule} from './scheduler.js';
import {
	defaultStatsTiming,
	startStatsFeed,
	type StatsTiming,
} from './stats-feed.js';
import {
	createLogs,
	defaultLogSettings,
	type Logs,
	type LogSettings,
} from './log-feed.js';
import {createComposeActions, type ComposeActions} from './compose-actions.js';
import {createComposeRunner, type ComposeRunner} from './compose-runner.js';
import {createSwarmActions, type SwarmActions} from './swarm-actions.js';
import {createSwarmFeed, defaultSwarmTiming} from './swarm-feed.js';
import {createDetails, type Details} from './details-loader.js';
import {createFiles, type Files} from './container-files.js';
import {createProcessFeed, type ProcessFeed} from './process-feed.js';
import {createEventLogFeed} from './event-log-feed.js';
import {startOomProbe} from './oom-probe.js';
import {createImageWorkflow, type ImageWorkflow} from './image-workflow.js';
import {createTextSave, type TextSave} from './text-save.js';
import {
	createHostSwitcher,
	type EngineSwitching,
	type HostSwitcher,
} from './host-switcher.js';
import {keepSelection} from '../state/selection.js';

/** Everything the view needs: the store to read, `dispatch` to change it, and the feeds' lifetime. */
export type Services = {
	readonly store: Store<AppState>;
	/** Applies a transition and keeps each pane's selection on the same item (or its neighbour). */
	readonly dispatch: (update: Update) => void;
	/**
	 * Asks the app to quit with an exit status (0, or 130 for Ctrl-C); the CLI decides what
	 * quitting means (restoring the terminal first).
	 */
	readonly quit: (status: number) => void;
	/**
	 * Hands the terminal to an interactive process in a container (`command` undefined: the user's
	 * shell) and brings the app back, as it was, when it ends. The CLI provides it.
	 */
	readonly exec: (
		containerId: string,
		command: readonly string[] | undefined,
	) => void;
	/** Puts text on the user's clipboard (through the terminal); the CLI provides it. */
	readonly copy: (text: string) => void;
	readonly actions: Actions;
	/** The prune dialog's preview and removal (`P`). */
	readonly prune: PruneActions;
	/** The System pane's engine details and disk usage, measured on demand. */
	readonly system: SystemFeed;
	/** Container logs: `logs.open({ids, title})` shows one container's, or several merged. */
	readonly logs: Logs;
	/** `s` in a text viewer: saves the text it shows to a file. */
	readonly saveText: TextSave;
	/** The host switcher (`c`): lists the engines and moves dockmate to another. */
	readonly hosts: HostSwitcher;
	/** compose up and down on a project (`U`, `D`). */
	readonly compose: ComposeActions;
	/** Scale and remove services, drain and activate nodes. */
	readonly swarm: SwarmActions;
	/** Details dialogs (`i`): opens one and loads what the engine says about its object. */
	readonly details: Details;
	/** Pull, run and build from the Images pane (`u`, `n`, `b`). */
	readonly images: ImageWorkflow;
	/** A container's files (`f`): browsing, the pager, copying out. */
	readonly files: Files;
	/** A container's processes (`t`), live, and signals to them (`K`). */
	readonly processes: ProcessFeed;
	/** Starts the feeds; resolves when they have stopped. */
	readonly start: () => Promise<void>;
	/**
	 * Resolves once the containers are listed or the engine is found down, or after `timeoutMs`:
	 * a first frame drawn before then would only be redrawn at once, delaying the rows.
	 */
	readonly firstList: (timeoutMs: number) => Promise<void>;
	/** Stops every feed and closes every stream. */
	readonly dispose: () => void;
};

/** How often ages and durations on screen advance. */
const clockIntervalMs = 1000;

/** How long a footer message stays when no key is pressed (a key clears it at once). */
export const statusLifetimeMs = 10_000;

/**
 * Clears each footer message `statusLifetimeMs` after it was shown: a message that stayed would be
 * read as news about whatever the user looks at minutes later. Returns the way to stop.
 */
function expireMessages(
	store: Store<AppState>,
	dispatch: (update: Update) => void,
	schedule: Schedule,
): () => void {
	let shown = store.getState().status;
	let cancel: (() => void) | undefined;
	const unsubscribe = store.subscribe(() => {
		const {status} = store.getState();
		if (status === shown) {
			return;
		}

		shown = status;
		cancel?.();
		cancel =
			status === undefined
				? undefined
				: schedule(() => {
						cancel = undefined;
						dispatch(statusExpired(status));
					}, statusLifetimeMs);
	});
	return () => {
		unsubscribe();
		cancel?.();
	};
}

/** Wires a Docker client to a fresh store. */
export function createServices(options: {
	readonly docker: DockerClient;
	readonly readOnly?: boolean;
	readonly quit?: (status: number) => void;
	readonly exec?: (
		containerId: string,
		command: readonly string[] | undefined,
	) => void;
	readonly schedule?: Schedule;
	readonly now?: () => number;
	readonly timing?: FeedTiming;
	readonly statsTiming?: StatsTiming;
	readonly logSettings?: Partial<LogSettings>;
	/** Moving to another engine; without it the host switcher says it is not available. */
	readonly switching?: EngineSwitching;
	/** Runs compose; the real programs unless a test gives its own. */
	readonly composeRunner?: ComposeRunner;
	/**
	 * Hands the terminal to a container's TTY (`docker run -it`) and brings the app back when it
	 * ends or is detached from. The CLI provides it.
	 */
	readonly attach?: (containerId: string, name: string) => void;
	readonly copy?: (text: string) => void;
	/** Where a build context starts; the current folder unless told. */
	readonly cwd?: string;
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
	const context: FeedContext = {
		docker,
		store,
		dispatch,
		schedule,
		now,
		signal: controller.signal,
	};
	const system = createSystemFeed(context);
	const stopExpiring = expireMessages(store, dispatch, schedule);
	const logSettings = {...defaultLogSettings, ...options.logSettings};

	return {
		store,
		dispatch,
		quit: options.quit ?? (() => undefined),
		exec: options.exec ?? (() => undefined),
		copy: options.copy ?? (() => undefined),
		actions: createActions({docker, dispatch, now}),
		prune: createPruneActions({docker, store, dispatch, now}),
		system,
		hosts: createHostSwitcher({
			switching: options.switching,
			store,
			dispatch,
		}),
		logs: createLogs({...context, settings: logSettings}),
		saveText: createTextSave({
			dispatch,
			now,
			directory: logSettings.directory,
		}),
		compose: createComposeActions({
			...context,
			runner: options.composeRunner ?? createComposeRunner(),
		}),
		swarm: createSwarmActions({docker, dispatch, now}),
		details: createDetails({docker, dispatch}),
		processes: createProcessFeed(context),
		files: createFiles({
			docker,
			store,
			dispatch,
			now,
			cwd: options.cwd ?? process.cwd(),
		}),
		images: createImageWorkflow({
			...context,
			attach: options.attach ?? (() => undefined),
			cwd: options.cwd ?? process.cwd(),
			home: homedir(),
		}),
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
			system.start();
			startOomProbe(context);
			startStatsFeed({
				...context,
				timing: options.statsTiming ?? defaultStatsTiming,
			});
			const swarm = createSwarmFeed({
				...context,
				timing: {
					...defaultSwarmTiming,
					relistIntervalMs: (options.timing ?? defaultFeedTiming)
						.relistIntervalMs,
				},
			});
			await startContainerFeed({
				...context,
				...(options.timing ? {timing: options.timing} : {}),
				followers: [swarm, createEventLogFeed(context)],
			});
		},
		async firstList(timeoutMs) {
			const isSettled = (state: AppState): boolean =>
				state.containers.loaded || state.connection.status === 'down';
			await new Promise<void>(resolve => {
				if (isSettled(store.getState())) {
					resolve();
					return;
				}

				const done = (): void => {
					unsubscribe();
					cancel();
					resolve();
				};

				const unsubscribe = store.subscribe(() => {
					if (isSettled(store.getState())) {
						done();
					}
				});
				const cancel = schedule(done, timeoutMs);
			});
		},
		dispose() {
			controller.abort();
			stopExpiring();
		},
	};
}
