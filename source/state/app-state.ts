import type {
	ContainerSummary,
	EngineInfo,
	FleetEngine,
	ImageSummary,
	NetworkSummary,
	VolumeSummary,
} from '../docker/docker-client.js';
import type {Collection} from './collections.js';
import type {History} from './history.js';
import type {ListView} from './list-view.js';
import type {TextField} from './text-field.js';
import type {ResourceUsage} from './resource-usage.js';
import {
	emptyEventLog,
	initialCompose,
	initialSwarm,
	initialSystemView,
	type ComposeState,
	type EventLog,
	type SwarmState,
	type SystemView,
} from './slices.js';

/** The list panes, in the order `Tab` and the number keys visit them. */
export const panes = [
	'containers',
	'images',
	'resources',
	'projects',
	'volumes',
	'networks',
	'events',
	'system',
	'services',
	'nodes',
] as const;
export type Pane = (typeof panes)[number];

/** Panes whose rows are containers: container actions apply to their selection and marks. */
const containerPanes: ReadonlySet<Pane> = new Set(['containers', 'resources']);

export function isContainerPane(pane: Pane): boolean {
	return containerPanes.has(pane);
}

/** A record with the same value for every pane, for per-pane state. */
export function perPane<T>(value: T): Record<Pane, T> {
	return Object.fromEntries(panes.map(pane => [pane, value])) as Record<
		Pane,
		T
	>;
}

/** The state of the engine connection, as the header shows it. */
export type Connection =
	| {readonly status: 'connecting'}
	| {readonly status: 'up'}
	| {readonly status: 'down'; readonly error: string; readonly retryAt: number};

/**
 * The dialogs, by kind: those of the core here, each feature's in `dialog-registry.ts`, which
 * adds them to this interface (declaration merging). The core so names no feature, and
 * `Dialog['kind']` still lists every kind: a table keyed by it must say what each does.
 */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged by dialog-registry.ts
export interface Dialogs {
	help: {readonly kind: 'help'; readonly list: ListView};
	filter: {
		readonly kind: 'filter';
		readonly draft: TextField;
		/** The kept filter, shown selected as the prompt opens: typing replaces it. */
		readonly isSelected?: boolean;
	};
	exec: {
		readonly kind: 'exec';
		readonly containerId: string;
		readonly draft: TextField;
	};
	audit: {readonly kind: 'audit'; readonly list: ListView};
}

/** What sits on top of the panes; one at a time. */
export type Dialog = Dialogs[keyof Dialogs];

/** The dialog of one kind (by its `kind`, whatever key it was registered under). */
export type DialogOf<K extends Dialog['kind']> = Extract<Dialog, {kind: K}>;

/** A recorded action, with the docker CLI command that does the same. */
export type AuditEntry = {
	readonly time: number;
	readonly command: string;
	readonly error: string | undefined;
	/** The engine it ran against, as the header names it: the log outlives a switch of engines. */
	readonly engine: string;
};

/** The status line: the outcome of the last action, or why a key did nothing. */
export type Status = {readonly text: string; readonly isError: boolean};

/** How many samples of history each container keeps: a minute at one sample a second. */
export const historyLength = 60;

/** The latest figures of a container and the recent history the sparklines draw. */
export type ResourceSnapshot = {
	readonly usage: ResourceUsage;
	/** CPU percent per sample, oldest first; unknown samples are left out. */
	readonly cpuHistory: History;
	/** Memory bytes per sample, oldest first. */
	readonly memoryHistory: History;
};

/** Where one engine's figures come from, and its host's size. */
export type EngineSource = {
	/** `cgroup v1`, `cgroup v2 via ssh`, `engine API`. */
	readonly source: string;
	readonly cpus: number;
	readonly memory: number;
};

/** Where resource figures come from, and the host they are measured against. */
export type Resources = {
	readonly byId: ReadonlyMap<string, ResourceSnapshot>;
	/** `cgroup v1`, `cgroup v2` or `stats API`; undefined until measuring starts. */
	readonly source: string | undefined;
	readonly hostCpus: number | undefined;
	readonly hostMemory: number | undefined;
	/** In a fleet, each engine's own source and host by engine name (`source` stays undefined). */
	readonly engines: ReadonlyMap<string, EngineSource>;
	/** `oom` events seen per container: the OOM count where cgroup files cannot be read. */
	readonly oomEvents: ReadonlyMap<string, number>;
	/** Exited containers that inspect found the OOM killer ended (the list does not say). */
	readonly oomKilled: ReadonlySet<string>;
	/**
	 * Set while the last measurement left running containers without figures because dockmate ran out
	 * of file descriptors; `limit` is its open-files limit when known.
	 */
	readonly outOfFiles: {readonly limit: number | undefined} | undefined;
};

/**
 * What a list is ordered by: containers by name, CPU or memory; images by name, size or age;
 * volumes by name or size.
 */
export type SortKey = 'name' | 'cpu' | 'memory' | 'size' | 'age' | 'engine';
export type Sort = {readonly key: SortKey; readonly descending: boolean};

export type UiState = {
	readonly focus: Pane;
	/** The pane focused before this one, for `-` (back). */
	readonly previousFocus: Pane | undefined;
	/** False shows running containers only. */
	readonly showAll: boolean;
	readonly filters: Readonly<Record<Pane, string>>;
	/** Selection is kept by id, so re-sorts and removals never move the cursor to another item. */
	readonly selection: Readonly<Record<Pane, string | undefined>>;
	readonly dialog: Dialog | undefined;
	/** Each list's order, kept per pane: sorting one list leaves the others as they were. */
	readonly sorts: Readonly<Record<Pane, Sort>>;
	/** The ids each pane shows right now (its window), so feeds can measure just those. */
	readonly shown: Readonly<Record<Pane, readonly string[]>>;
	/** What was last chosen in the command palette, newest first: it ranks those higher. */
	readonly recentPicks: readonly string[];
	/** In a fleet, the one engine whose rows the panes show; undefined: every engine's. */
	readonly engine: string | undefined;
};

export type AppState = {
	/** Where we are connected, for the header. */
	readonly endpoint: string;
	readonly engine: EngineInfo | undefined;
	readonly connection: Connection;
	/** The engines of a fleet, each with its connection; undefined for one engine. */
	readonly fleet: readonly FleetEngine[] | undefined;
	readonly containers: Collection<ContainerSummary>;
	readonly images: Collection<ImageSummary>;
	/** Volumes by name: the engine knows a volume by its name. */
	readonly volumes: Collection<VolumeSummary>;
	readonly networks: Collection<NetworkSummary>;
	/** The engine and host, and disk usage, for the System pane. */
	readonly system: SystemView;
	readonly resources: Resources;
	/** The daemon's recent events, for the Events pane. */
	readonly events: EventLog;
	/** Services, nodes and tasks, when the engine manages a Swarm. */
	readonly swarm: SwarmState;
	/** Compose projects taken down this session. */
	readonly compose: ComposeState;
	readonly ui: UiState;
	readonly readOnly: boolean;
	/** The time the view shows ages against; advanced by a slow tick, not per render. */
	readonly clock: number;
	/** Actions under way, by container or image id: `stopping…`, `removing…`. */
	readonly pending: ReadonlyMap<string, string>;
	/** Rows marked for a bulk action (container and image ids). */
	readonly marks: ReadonlySet<string>;
	readonly status: Status | undefined;
	/** Newest last; capped. */
	readonly audit: readonly AuditEntry[];
};

/** A pure state transition. */
export type Update = (state: AppState) => AppState;

/** The state with some of its view state changed. */
export function withUi(state: AppState, ui: Partial<AppState['ui']>): AppState {
	return {...state, ui: {...state.ui, ...ui}};
}

/**
 * Changes one part of the state with `change`, which takes and returns that part alone; the
 * same state when the part comes back the same, so nothing redraws.
 */
export function sliceChanged<K extends keyof AppState>(
	key: K,
	change: (slice: AppState[K]) => AppState[K],
): Update {
	return state => {
		const slice = change(state[key]);
		return slice === state[key] ? state : {...state, [key]: slice};
	};
}

/** The state before the engine has answered. */
export function initialState(options: {
	endpoint: string;
	readOnly: boolean;
	now: number;
}): AppState {
	return {
		endpoint: options.endpoint,
		engine: undefined,
		connection: {status: 'connecting'},
		fleet: undefined,
		containers: {byId: new Map(), loaded: false, listedAt: options.now},
		images: {byId: new Map(), loaded: false, listedAt: options.now},
		volumes: {byId: new Map(), loaded: false, listedAt: options.now},
		networks: {byId: new Map(), loaded: false, listedAt: options.now},
		system: initialSystemView,
		resources: {
			byId: new Map(),
			source: undefined,
			hostCpus: undefined,
			hostMemory: undefined,
			engines: new Map(),
			oomEvents: new Map(),
			oomKilled: new Set(),
			outOfFiles: undefined,
		},
		events: emptyEventLog,
		swarm: initialSwarm(options.now),
		compose: initialCompose,
		ui: {
			focus: 'containers',
			previousFocus: undefined,
			showAll: true,
			filters: perPane(''),
			selection: perPane<string | undefined>(undefined),
			dialog: undefined,
			sorts: perPane<Sort>({key: 'name', descending: false}),
			shown: perPane<readonly string[]>([]),
			recentPicks: [],
			engine: undefined,
		},
		readOnly: options.readOnly,
		clock: options.now,
		pending: new Map(),
		marks: new Set(),
		status: undefined,
		audit: [],
	};
}
