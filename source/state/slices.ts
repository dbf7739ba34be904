// The parts of the state that one feature each looks after: their shapes and starting values. The
// state's shape names them, so they sit in the core; each feature's module holds the transitions
// and selectors over its part.

import type {
	DiskUsage,
	DockerEvent,
	EngineTag,
} from '../docker/docker-client.js';
import type {SwarmNode, SwarmService, SwarmTask} from '../docker/swarm.js';
import type {SystemDetails} from '../docker/system.js';
import type {Collection} from './collections.js';

/** A container the timeline is narrowed to. */
export type EventContainer = {readonly id: string; readonly name: string};

/** The daemon's recent events and how the Events pane narrows them. */
export type EventLog = {
	/** Newest first, one per event (an event seen by both the history request and the stream counts once). */
	readonly items: readonly DockerEvent[];
	/** `all`, or one event type. */
	readonly type: string;
	/** Only this container's events, when set. */
	readonly container: EventContainer | undefined;
};

export const emptyEventLog: EventLog = {
	items: [],
	type: 'all',
	container: undefined,
};

/** How the System pane orders each category's items. */
export type DiskOrder = 'size' | 'name';

/** What the System pane shows: the engine and host, and disk usage measured on demand. */
export type SystemView = {
	readonly details: SystemDetails | undefined;
	/** The last `system df` answer; undefined until measured once. */
	readonly disk: DiskUsage | undefined;
	/** When `disk` was measured. */
	readonly measuredAt: number | undefined;
	/** A `system df` is under way: it can take seconds on a large engine. */
	readonly isMeasuring: boolean;
	/** Why the last load failed. */
	readonly error: string | undefined;
	readonly order: DiskOrder;
};

export const initialSystemView: SystemView = {
	details: undefined,
	disk: undefined,
	measuredAt: undefined,
	isMeasuring: false,
	error: undefined,
	order: 'size',
};

/** The tasks of the service selected in the Services pane. */
export type TaskList = {
	/** The service they belong to; undefined before any was listed. */
	readonly serviceId: string | undefined;
	/** By slot, the newest task of each first (see `compareTasks` in swarm-state.ts). */
	readonly tasks: readonly SwarmTask[];
};

/** What dockmate knows of the Swarm the engine manages. */
export type SwarmState = {
	/** The engine is a Swarm manager: the Services and Nodes panes exist. */
	readonly isManager: boolean;
	readonly services: Collection<SwarmService>;
	readonly nodes: Collection<SwarmNode>;
	readonly tasks: TaskList;
};

export function initialSwarm(now: number): SwarmState {
	return {
		isManager: false,
		services: {byId: new Map(), loaded: false, listedAt: now},
		nodes: {byId: new Map(), loaded: false, listedAt: now},
		tasks: {serviceId: undefined, tasks: []},
	};
}

/** A compose project, as its containers' labels describe it. */
export type ComposeProject = EngineTag & {
	/** The project name; in a fleet, the engine's name, `/` and the project name. */
	readonly id: string;
	/** The project name, which is how compose tells projects apart. */
	readonly name: string;
	/** Service names, sorted. */
	readonly services: readonly string[];
	readonly running: number;
	readonly total: number;
	/**
	 * The compose files it was started from, as recorded: compose v2 writes absolute paths,
	 * v1 (1.29) paths relative to the working directory.
	 */
	readonly configFiles: readonly string[];
	/** The folder compose ran in; '' if no container recorded one. */
	readonly workingDir: string;
	/** Its containers, by name. */
	readonly containerIds: readonly string[];
};

/** What dockmate keeps of compose projects beyond what containers' labels say. */
export type ComposeState = {
	/**
	 * Projects taken down with `D` this session, as they were: no container is left to find
	 * them by, and `U` must still bring them back.
	 */
	readonly downed: ReadonlyMap<string, ComposeProject>;
};

export const initialCompose: ComposeState = {downed: new Map()};
