import type {FeedContext} from './feed-context.js';
import type {
	CgroupMeasurement,
	OutOfFiles,
} from '../docker/cgroup/cgroup-meter.js';
import {openRemoteCgroupMeter} from '../docker/cgroup/remote-cgroup-meter.js';
import type {ContainerLimits, SystemInfo} from '../docker/docker-client.js';
import type {ResourceSample} from '../docker/stats-math.js';
import {
	isContainerPane,
	type AppState,
	type Update,
} from '../state/app-state.js';
import type {ResourceUsage} from '../state/resource-usage.js';
import {usageFromCgroup, usageFromStats} from './resource-usage.js';
import {
	engineIdOf,
	isOnEngine,
	memberScope,
	soleScope,
	type Scope,
} from './measured-engine.js';
import {isLive} from '../state/liveness.js';
import {clockTicked} from '../state/updates.js';
import {
	resourcesDropped,
	resourcesMeasured,
	outOfFilesChanged,
} from '../state/resources.js';

/** How the stats feed is timed and bounded. */
export type StatsTiming = {
	/** One commit of all figures per interval: the screen repaints at this rate, not per sample. */
	readonly intervalMs: number;
	/** At most this many stats streams are open at once (API source). */
	readonly maxStreams: number;
};

export const defaultStatsTiming: StatsTiming = {
	intervalMs: 1000,
	maxStreams: 24,
};

/**
 * The longest pause between sweeps of a remote meter that keeps failing (the connection is lost),
 * in intervals: the pause doubles from one interval up to this.
 */
const maxBackoffIntervals = 16;

/**
 * After a sweep that read containers it had no reading of before (a container just started, or
 * the first sweep), the next comes after this share of an interval: a CPU figure needs two
 * readings, and so theirs shows a fraction of an interval after they are found, not a whole one.
 */
const newcomersFollowUp = 0.25;

type Options = Omit<FeedContext, 'now'> & {
	readonly timing: StatsTiming;
	/** The clock; figures carry it into the store so that ages and figures repaint together. */
	readonly now?: () => number;
};

/**
 * New figures and the clock in one commit: a repaint costs the same whatever changed, so the
 * once-a-second figures bring the ages along instead of a second repaint for them.
 */
function withClock(options: Options, update: Update): Update {
	const now = (options.now ?? Date.now)();
	return state => clockTicked(now)(update(state));
}

/** A source of figures while connected; stopped when the connection drops. */
type Source = {readonly stop: () => void};

function measurableIds(state: AppState, scope: Scope): string[] {
	return [...state.containers.byId.values()]
		.filter(container => isLive(container) && isOnEngine(scope, container.id))
		.map(container => container.id);
}

/** The selected container and those on screen, running, without repeats: the ones to measure first. */
function onScreenIds(state: AppState, scope: Scope, max: number): string[] {
	const {shown, selection, focus} = state.ui;
	const selected = isContainerPane(focus) ? selection[focus] : undefined;
	const candidates = [
		...(selected === undefined ? [] : [selected]),
		...shown.containers,
		...shown.resources,
	];
	const wanted: string[] = [];
	for (const id of candidates) {
		const container = state.containers.byId.get(id);
		if (
			container !== undefined &&
			isLive(container) &&
			isOnEngine(scope, id) &&
			!wanted.includes(id)
		) {
			wanted.push(id);
		}

		if (wanted.length === max) {
			break;
		}
	}

	return wanted;
}

/**
 * Containers off screen are read every this many sweeps while no pane sorts by a figure: they show
 * nowhere, and their figures (for the header's totals, and for a sort or a scroll later) stay at most
 * this many intervals old at half the cost of the files opened each sweep.
 */
const offScreenEvery = 2;

/** Whether a container pane's order depends on the figures, which must then be fresh for every row. */
function sortsByFigure(state: AppState): boolean {
	const {sorts} = state.ui;
	return [sorts.containers.key, sorts.resources.key].some(
		key => key === 'cpu' || key === 'memory',
	);
}

/**
 * Every running container, those on screen first, how many of them are on screen, and every how many
 * sweeps those off screen are read.
 */
function measurableByPriority(
	state: AppState,
	scope: Scope,
): {
	readonly ids: string[];
	readonly shown: number;
	readonly offScreenEvery: number;
} {
	const first = onScreenIds(state, scope, Number.POSITIVE_INFINITY);
	const taken = new Set(first);
	const rest = measurableIds(state, scope).filter(id => !taken.has(id));
	return {
		ids: [...first, ...rest],
		shown: first.length,
		offScreenEvery: sortsByFigure(state) ? 1 : offScreenEvery,
	};
}

/**
 * Reads every running container's counters from its cgroup files: on this machine (local files,
 * synchronously) or on the engine's through a shell there (one run per sweep).
 */
type SweepMeter = {
	/** For the header: `cgroup v2`, `cgroup v1 via ssh`. */
	readonly description: string;
	readonly measure: (
		ids: readonly string[],
		shown?: number,
		offScreenEvery?: number,
	) =>
		| ReadonlyMap<string, CgroupMeasurement>
		| Promise<ReadonlyMap<string, CgroupMeasurement>>;
	readonly outOfFiles?: () => OutOfFiles | undefined;
	readonly close: () => void;
};

/** `meter` over the store's ids of a fleet's engine, which it knows by the engine's own. */
function withStoreIds(meter: SweepMeter, scope: Scope): SweepMeter {
	const {ids} = scope;
	if (ids === undefined) {
		return meter;
	}

	const renamed = (
		measurements: ReadonlyMap<string, CgroupMeasurement>,
	): ReadonlyMap<string, CgroupMeasurement> =>
		new Map(
			[...measurements].map(([id, measurement]) => [
				ids.toStore(id),
				measurement,
			]),
		);
	return {
		...meter,
		measure(wanted, shown, offScreenEvery) {
			const measured = meter.measure(
				wanted.map(ids.toEngine),
				shown,
				offScreenEvery,
			);
			return measured instanceof Promise
				? measured.then(renamed)
				: renamed(measured);
		},
	};
}

/**
 * Reads every running container's cgroup once per interval: a few microseconds per container and no
 * work at all for the engine, so every row (and a sort by CPU over all of them) stays live. The next
 * sweep is timed from the end of the last, so a slow remote one never overlaps; a failed one (the
 * connection to the host lost) is retried after a pause that doubles each time.
 */
function startCgroupSource(
	options: Options,
	scope: Scope,
	meter: SweepMeter,
	onUnusable: () => void,
): Source {
	const {store, dispatch, schedule, timing} = options;
	let previous = new Map<string, CgroupMeasurement>();
	let cancel: (() => void) | undefined;
	let blindSweeps = 0;
	let failures = 0;
	let isStopped = false;
	/** The ids the last sweep asked for; `cancel` is undefined while a sweep runs. */
	let asked = new Set<string>();
	const next = (delayMs: number): void => {
		cancel = schedule(() => {
			void sweep();
		}, delayMs);
	};

	const sweep = async (): Promise<void> => {
		cancel = undefined;
		const {ids, shown, offScreenEvery} = measurableByPriority(
			store.getState(),
			scope,
		);
		asked = new Set(ids);
		let measurements: ReadonlyMap<string, CgroupMeasurement>;
		try {
			measurements = await meter.measure(ids, shown, offScreenEvery);
		} catch {
			if (!isStopped) {
				failures++;
				next(timing.intervalMs * Math.min(2 ** failures, maxBackoffIntervals));
			}

			return;
		}

		if (isStopped) {
			return;
		}

		failures = 0;
		// Containers run but none has a cgroup where we look (say, rootless Podman started its
		// first container after we connected): the engine's API has to measure them.
		blindSweeps =
			ids.length > 0 && measurements.size === 0 ? blindSweeps + 1 : 0;
		if (blindSweeps >= 3) {
			onUnusable();
			return;
		}

		const usages = new Map<string, ResourceUsage>();
		// Not read this sweep (the meter gave its last measurement again): its figures stay as they are.
		const unread = new Set<string>();
		let hasNewcomers = false;
		for (const [id, measurement] of measurements) {
			const before = previous.get(id);
			if (measurement === before) {
				unread.add(id);
				continue;
			}

			hasNewcomers ||= before === undefined;
			usages.set(id, usageFromCgroup(before, measurement));
		}

		previous = new Map(measurements);
		const isOwn = scope.ids?.isOwn;
		const measured = resourcesMeasured(usages, true, {
			unchanged: unread,
			...(isOwn === undefined ? {} : {isOwn}),
		});
		const outOfFiles = outOfFilesChanged(meter.outOfFiles?.());
		dispatch(withClock(options, state => outOfFiles(measured(state))));
		next(
			hasNewcomers ? timing.intervalMs * newcomersFollowUp : timing.intervalMs,
		);
	};

	// A container that starts running is read at once rather than at the next interval: its
	// first figure needs two readings, and it waits for neither more than it must.
	let containers = store.getState().containers;
	const unsubscribe = store.subscribe(() => {
		const state = store.getState();
		if (state.containers === containers) {
			return;
		}

		containers = state.containers;
		if (
			cancel !== undefined &&
			measurableIds(state, scope).some(id => !asked.has(id))
		) {
			cancel();
			next(0);
		}
	});
	void sweep();
	return {
		stop() {
			isStopped = true;
			unsubscribe();
			cancel?.();
			meter.close();
		},
	};
}

type Stream = {
	readonly controller: AbortController;
	limits: ContainerLimits | undefined;
	previous: ResourceSample | undefined;
	latest: ResourceSample | undefined;
	isFresh: boolean;
};

/**
 * Follows the engine's stats stream of each container on screen (for an engine whose cgroups cannot be read).
 * Streams open as rows scroll into view and close as they leave, stop or vanish, never more than
 * `maxStreams`; samples are kept latest-per-container and committed together once per interval.
 */
function startApiSource(
	options: Options,
	scope: Scope,
	info: SystemInfo,
): Source {
	const {store, dispatch, schedule, timing} = options;
	const {docker} = scope;
	const streams = new Map<string, Stream>();
	const retries: (() => void)[] = [];
	let cancel: (() => void) | undefined;

	const follow = async (id: string, stream: Stream): Promise<void> => {
		const {signal} = stream.controller;
		const own = engineIdOf(scope, id);
		try {
			stream.limits = await docker.containerLimits(own, signal);
			for await (const sample of docker.stats(own, signal)) {
				stream.previous = stream.latest;
				stream.latest = sample;
				stream.isFresh = true;
			}
		} catch {
			// A container that stopped or vanished ends its stream; the list will say why.
		} finally {
			if (streams.get(id) === stream) {
				streams.delete(id);
				dispatch(resourcesDropped([id]));
				// The engine may end a stream of a container that still runs (a restart, a
				// hiccup): look again once, after a pause, whether it is still wanted.
				if (!stream.controller.signal.aborted) {
					retries.push(schedule(reconcile, timing.intervalMs));
				}
			}
		}
	};

	const reconcile = (): void => {
		const wanted = new Set(
			onScreenIds(store.getState(), scope, timing.maxStreams),
		);
		for (const [id, stream] of streams) {
			if (!wanted.has(id)) {
				streams.delete(id);
				stream.controller.abort();
				dispatch(resourcesDropped([id]));
			}
		}

		for (const id of wanted) {
			if (!streams.has(id)) {
				const stream: Stream = {
					controller: new AbortController(),
					limits: undefined,
					previous: undefined,
					latest: undefined,
					isFresh: false,
				};
				streams.set(id, stream);
				void follow(id, stream);
			}
		}
	};

	const flush = (): void => {
		const {oomEvents} = store.getState().resources;
		const usages = new Map<string, ResourceUsage>();
		for (const [id, stream] of streams) {
			if (stream.isFresh && stream.latest !== undefined) {
				stream.isFresh = false;
				usages.set(
					id,
					usageFromStats(
						stream.previous,
						stream.latest,
						stream.limits,
						info.memory,
						oomEvents.get(id),
					),
				);
			}
		}

		if (usages.size > 0) {
			dispatch(withClock(options, resourcesMeasured(usages, false)));
		}

		cancel = schedule(flush, timing.intervalMs);
	};

	let lastState: AppState | undefined;
	const unsubscribe = store.subscribe(() => {
		const state = store.getState();
		// Only what decides the wanted set matters; figures arriving must not re-run this.
		if (
			lastState?.containers !== state.containers ||
			lastState.ui.shown !== state.ui.shown ||
			lastState.ui.selection !== state.ui.selection ||
			lastState.ui.focus !== state.ui.focus
		) {
			lastState = state;
			reconcile();
		}
	});
	reconcile();
	cancel = schedule(flush, timing.intervalMs);
	return {
		stop() {
			unsubscribe();
			cancel?.();
			for (const retry of retries) {
				retry();
			}

			for (const stream of streams.values()) {
				stream.controller.abort();
			}

			streams.clear();
		},
	};
}

/**
 * Keeps resource figures live while connected: from cgroup files where they can be read, on this
 * machine or through a shell on the engine's (ssh), else from the engine's stats streams. Restarts with the connection.
 * In a fleet each engine is measured so, on its own.
 */
export function startStatsFeed(options: Options): void {
	const {fleet} = options.docker;
	const together = {...options, dispatch: committedTogether(options)};
	const stops =
		fleet === undefined
			? [startEngineFeed(options, soleScope(options.docker))]
			: fleet
					.members()
					.map(({client}, index) =>
						startEngineFeed(together, memberScope(client, index)),
					);
	// One listener for all engines: past ten on the app's signal Node warns, over the screen.
	options.signal.addEventListener(
		'abort',
		() => {
			for (const stop of stops) {
				stop();
			}
		},
		{once: true},
	);
}

/**
 * A dispatch whose updates are held until the next whole interval of the clock and then committed
 * together: the engines of a fleet sweep on their own, each at its own moment, and would otherwise
 * repaint the screen once each per interval. Figures wait less than an interval for it.
 */
function committedTogether(options: Options): (update: Update) => void {
	const {dispatch, schedule, timing} = options;
	const now = options.now ?? Date.now;
	const held: Update[] = [];
	return update => {
		held.push(update);
		if (held.length === 1) {
			schedule(
				() => {
					const updates = held.splice(0);
					// Not after the feed ended: the store may show another engine by then.
					if (!options.signal.aborted) {
						dispatch(state =>
							updates.reduce((next, each) => each(next), state),
						);
					}
				},
				timing.intervalMs - (now() % timing.intervalMs),
			);
		}
	};
}

/**
 * Measures one engine while it answers, from the cheapest source it allows.
 * @returns what stops it for good.
 */
function startEngineFeed(options: Options, scope: Scope): () => void {
	const {store, dispatch, signal} = options;
	const {docker} = scope;
	let source: Source | undefined;
	let generation = 0;

	const begin = async (): Promise<void> => {
		const mine = ++generation;
		// The connection dropped, or came back for a newer begin, or the feed ended, while we awaited.
		const isStale = (): boolean => mine !== generation || signal.aborted;
		let info: SystemInfo;
		try {
			info = await docker.systemInfo(signal);
		} catch {
			// The connection dropped again; the next "up" begins anew.
			return;
		}

		if (isStale()) {
			return;
		}

		const shell = docker.hostShell();
		const meter: SweepMeter | undefined =
			docker.openCgroupMeter(info) ??
			(shell === undefined
				? undefined
				: await openRemoteCgroupMeter({
						shell,
						driver: info.cgroupDriver,
						signal,
					}));
		const running = measurableIds(store.getState(), scope).map(id =>
			engineIdOf(scope, id),
		);
		// An engine whose containers' cgroups are not where we look (rootless Podman, an unusual
		// layout, a host whose files we may not read) is measured through its API instead.
		let usable: SweepMeter | undefined;
		try {
			if (
				meter !== undefined &&
				!isStale() &&
				(running.length === 0 || (await meter.measure(running)).size > 0)
			) {
				usable = meter;
			}
		} catch {
			// The shell failed: the API it is.
		}

		if (isStale()) {
			meter?.close();
			return;
		}

		if (usable === undefined) {
			meter?.close();
		}

		dispatch(scope.sourceChanged(usable?.description ?? 'engine API', info));
		const useApi = (): void => {
			source?.stop();
			dispatch(scope.sourceChanged('engine API', info));
			source = startApiSource(options, scope, info);
		};

		source =
			usable === undefined
				? startApiSource(options, scope, info)
				: startCgroupSource(
						options,
						scope,
						withStoreIds(usable, scope),
						useApi,
					);
	};

	const end = (): void => {
		generation++;
		source?.stop();
		source = undefined;
	};

	let wasUp = false;
	const unsubscribe = store.subscribe(() => {
		const isUp = scope.isUp(store.getState());
		if (isUp !== wasUp) {
			wasUp = isUp;
			if (isUp) {
				void begin();
			} else {
				end();
			}
		}
	});
	return () => {
		unsubscribe();
		end();
	};
}
