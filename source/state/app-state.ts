import type {
	ContainerSummary,
	EngineInfo,
	ImageSummary,
	NetworkSummary,
	VolumeSummary,
} from '../docker/docker-client.js';
import type {ResourceUsage} from './resource-usage.js';
import {initialSystemView, type SystemView} from './system-view.js';
import type {CreateDialog} from './create-form.js';
import type {LogsDialog} from './logs-dialog.js';
import type {HostsDialog} from './hosts-dialog.js';
import type {DetailsDialog} from './details.js';
import {
	initialCompose,
	type ComposeDownDialog,
	type ComposeOutputDialog,
	type ComposeState,
} from './compose-state.js';
import {
	initialSwarm,
	type ScaleDialog,
	type SwarmConfirmDialog,
	type SwarmState,
} from './swarm-state.js';
import {emptyEventLog, type EventLog} from './events.js';
import type {ImageDialog} from './image-dialogs.js';
import type {ListView} from './list-view.js';
import type {FilesDialog} from './files-view.js';
import type {ProcessesDialog} from './processes-view.js';

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

/** What sits on top of the panes; one at a time. */
export type Dialog =
	| {readonly kind: 'help'; readonly list: ListView}
	| {
			readonly kind: 'filter';
			readonly draft: string;
			/** The kept filter, shown selected as the prompt opens: typing replaces it. */
			readonly isSelected?: boolean;
	  }
	| {
			readonly kind: 'exec';
			readonly containerId: string;
			readonly draft: string;
	  }
	| ConfirmDialog
	| PruneDialog
	| LogsDialog
	| DetailsDialog
	| ComposeDownDialog
	| ComposeOutputDialog
	| ScaleDialog
	| SwarmConfirmDialog
	| CreateDialog
	| HostsDialog
	| ImageDialog
	| {readonly kind: 'audit'; readonly list: ListView}
	| FilesDialog
	| ProcessesDialog;

/** One thing a confirm dialog will act on, named as the user knows it. */
export type Target = {
	readonly id: string;
	/** Container name, or the image reference that will be removed (a tag, or the id). */
	readonly name: string;
	readonly isRunning: boolean;
	/** A container's state as a dialog names it (`paused`, `exited (137)`…); undefined for others. */
	readonly state?: string;
	/** Containers using an image (names); empty for containers. */
	readonly usedBy: readonly string[];
	/** Those of them that run: the engine then refuses even a forced removal. */
	readonly runningUsers: readonly string[];
	/** Other tags of the image that stay when only `name` is removed. */
	readonly otherTags: readonly string[];
	/**
	 * An image's tags that go (all of them when no other tag stays: then the image goes too);
	 * none for a dangling image, removed by id.
	 */
	readonly tags?: readonly string[];
};

/** Why the engine would refuse to act on one target; decided before the dialog opens. */
export type Refusal = {
	/** Read after the target's name: `is running: press f to force…`. */
	readonly reason: string;
	/** Whether `f` (force) lifts it. */
	readonly forcible: boolean;
};

/** A destructive action waiting for `y`; nothing else confirms it. */
export type ConfirmDialog = {
	readonly kind: 'confirm';
	readonly action:
		| 'remove-containers'
		| 'remove-images'
		| 'remove-volumes'
		| 'remove-networks'
		| 'kill';
	readonly targets: readonly Target[];
	/** Targets the engine would refuse, by id: shown in the dialog, and `y` leaves them. */
	readonly refusals: ReadonlyMap<string, Refusal>;
	readonly force: boolean;
	/** Containers: remove their anonymous volumes too. */
	readonly volumes: boolean;
	readonly list: ListView;
};

/** What a prune may remove, by category. */
export type PruneCategory =
	| 'containers'
	| 'dangling-images'
	| 'unused-images'
	| 'volumes'
	| 'networks'
	| 'build-cache';

/** One item of a prune preview: exactly what would be removed and what it frees. */
export type PruneItem = {
	readonly category: PruneCategory;
	/** Container or image id, volume name, network id, build cache id. */
	readonly id: string;
	readonly name: string;
	/** Why it is eligible, e.g. `Exited (0) 2 days ago`, `dangling`, `tagged, unused`. */
	readonly detail: string;
	/** Bytes it frees; undefined where the engine does not say. */
	readonly size: number | undefined;
	/**
	 * An image's tags. The engine refuses to delete an image with several tags by id unless
	 * forced, so such an image is removed tag by tag; the last tag takes the image with it.
	 */
	readonly tags: readonly string[];
};

export type PruneDialog = {
	readonly kind: 'prune';
	readonly stage: 'choose' | 'loading' | 'preview' | 'running' | 'done';
	readonly categories: ReadonlySet<PruneCategory>;
	/** Only items older than this many hours (0: any age). */
	readonly olderThanHours: number;
	/** Volumes: named ones too, not only anonymous ones. */
	readonly allVolumes: boolean;
	/** Only items with this label: `key` or `key=value`, as `docker … prune --filter label=`. */
	readonly label: string;
	/** The label is being typed. */
	readonly isEditingLabel: boolean;
	readonly items: readonly PruneItem[];
	/** Keys (`category:id`) of the items the user unmarked in the preview. */
	readonly skipped: ReadonlySet<string>;
	readonly cursor: number;
	/** The preview's items or, once done, the report's lines, as scrolled. */
	readonly list: ListView;
	/** What happened, once done. */
	readonly report: readonly string[];
};

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

/** A list loaded from the engine, keyed by id. `loaded` is false until the first answer. */
export type Collection<T> = {
	readonly byId: ReadonlyMap<string, T>;
	readonly loaded: boolean;
	/** When the engine produced this list: its status texts are as of this time. */
	readonly listedAt: number;
};

/** How many samples of history each container keeps: a minute at one sample a second. */
export const historyLength = 60;

/** The latest figures of a container and the recent history the sparklines draw. */
export type ResourceSnapshot = {
	readonly usage: ResourceUsage;
	/** CPU percent per sample, oldest first; unknown samples are left out. */
	readonly cpuHistory: readonly number[];
	/** Memory bytes per sample, oldest first. */
	readonly memoryHistory: readonly number[];
};

/** Where resource figures come from, and the host they are measured against. */
export type Resources = {
	readonly byId: ReadonlyMap<string, ResourceSnapshot>;
	/** `cgroup v1`, `cgroup v2` or `stats API`; undefined until measuring starts. */
	readonly source: string | undefined;
	readonly hostCpus: number | undefined;
	readonly hostMemory: number | undefined;
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

/** What the container lists are ordered by. */
export type SortKey = 'name' | 'cpu' | 'memory';
export type Sort = {readonly key: SortKey; readonly descending: boolean};

export type UiState = {
	readonly focus: Pane;
	/** False shows running containers only. */
	readonly showAll: boolean;
	readonly filters: Readonly<Record<Pane, string>>;
	/** Selection is kept by id, so re-sorts and removals never move the cursor to another item. */
	readonly selection: Readonly<Record<Pane, string | undefined>>;
	readonly dialog: Dialog | undefined;
	readonly sort: Sort;
	/** The ids each pane shows right now (its window), so feeds can measure just those. */
	readonly shown: Readonly<Record<Pane, readonly string[]>>;
};

export type AppState = {
	/** Where we are connected, for the header. */
	readonly endpoint: string;
	readonly engine: EngineInfo | undefined;
	readonly connection: Connection;
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
			oomEvents: new Map(),
			oomKilled: new Set(),
			outOfFiles: undefined,
		},
		events: emptyEventLog,
		swarm: initialSwarm(options.now),
		compose: initialCompose,
		ui: {
			focus: 'containers',
			showAll: true,
			filters: perPane(''),
			selection: perPane<string | undefined>(undefined),
			dialog: undefined,
			sort: {key: 'name', descending: false},
			shown: perPane<readonly string[]>([]),
		},
		readOnly: options.readOnly,
		clock: options.now,
		pending: new Map(),
		marks: new Set(),
		status: undefined,
		audit: [],
	};
}
