import type {CgroupMeter} from './cgroup/cgroup-meter.js';
import type {HostShell} from './host-shell.js';
import type {
	ContainerDetails,
	ImageDetails,
	ImageLayer,
	Inspected,
} from './inspect.js';
import type {ResourceSample} from './stats-math.js';
import type {ProcessSample} from './processes.js';
import type {IsolationReport} from './isolation.js';
import type {SystemDetails} from './system.js';
import type {CliEnvironment} from './cli-environment.js';
import type {
	NodeAvailability,
	SwarmNode,
	SwarmService,
	SwarmTask,
} from './swarm.js';
import type {NetworkDetails, VolumeDetails} from './volumes-networks.js';

import type {
	ContainerSummary,
	ImageSummary,
	EngineInfo,
	SystemInfo,
	ContainerLimits,
	ContainerAction,
	ExecSession,
	ImageRemoval,
	VolumeSummary,
	NetworkSummary,
	VolumeCreation,
	NetworkCreation,
	DiskUsage,
	PullEvent,
	BuildOptions,
	BuildEvent,
	ContainerSpec,
	DockerEvent,
	LogLine,
	ContainerChange,
} from './domain-types.js';

// The engine's domain types live in a leaf module so that the readers which produce them (inspect,
// logs, swarm…) need not import this interface that imports them; consumers keep importing both from
// here.
export type * from './domain-types.js';

/**
 * The Docker access layer's contract: every engine dockmate talks to (Docker, Podman, the in-memory fake)
 * is reached through this interface, in dockmate's own types. Nothing outside `source/docker/` knows the
 * Engine API's field names.
 */

/** How one engine of a fleet is connected, for its chip in the header. */
export type FleetEngineState =
	| {readonly status: 'connecting'}
	| {readonly status: 'connected'}
	| {readonly status: 'down'; readonly error: string; readonly retryAt: number};

/** One engine of a fleet, as the header shows it. */
export type FleetEngine = {
	readonly name: string;
	readonly readOnly: boolean;
	readonly state: FleetEngineState;
	/** `Docker 27.1`, once the engine has said. */
	readonly product: string | undefined;
};

/** What a client of several engines tells beyond the engine calls. */
export type Fleet = {
	/** Every engine, in the order they were given. */
	readonly engines: () => readonly FleetEngine[];
	/**
	 * Tells the listener when an engine's state changed (every list may show it otherwise), or when a
	 * late answer came in for one list, which it names.
	 */
	readonly subscribe: (listener: (list?: FleetList) => void) => () => void;
	/**
	 * The rows of one list as the engines last gave them, each tagged with its engine and stale where
	 * so: what a notice of {@link Fleet.subscribe} is shown with, asking no engine.
	 */
	readonly shown: <K extends FleetList>(list: K) => FleetRows[K];
	/** The name of the engine an object (by its fleet id) lives on. */
	readonly engineOf: (id: string) => string | undefined;
	/**
	 * How the docker CLI is told to reach the engine of an object: `docker --context lab` or
	 * `DOCKER_HOST=ssh://a docker`, to put before the command's own words.
	 */
	readonly cliOf: (id: string) => string;
	/** `reference` (an image tag) on the engine of the object `id`, as the fleet's calls take it. */
	readonly onEngineOf: (id: string, reference: string) => string;
	/**
	 * Each engine with its own client, for work done engine by engine on that engine's own facts
	 * (a prune, measuring its containers): the client's ids are the engine's own, and it refuses nothing of a read-only
	 * engine, which the caller leaves alone.
	 */
	readonly members: () => readonly FleetMemberClient[];
	/**
	 * The engine `name` alone, for what is made on one engine (pull, run, build, a volume…).
	 * Throws a {@link DockerError} for a read-only engine or a name the fleet lacks.
	 */
	readonly member: (name: string) => OneEngine;
};

/** The lists a fleet gives engine by engine. */
export type FleetList = 'containers' | 'images' | 'volumes' | 'networks';

/** The rows of each {@link FleetList}. */
export type FleetRows = {
	readonly containers: ContainerSummary[];
	readonly images: ImageSummary[];
	readonly volumes: VolumeSummary[];
	readonly networks: NetworkSummary[];
};

/** One engine to make something on: in a fleet, one of its engines; else the engine itself. */
export type OneEngine = {
	/** The engine's name in the fleet; undefined outside a fleet. */
	readonly name: string | undefined;
	/** Its own client: ids go to it and come from it as the engine gives them. */
	readonly client: DockerClient;
	/** The docker CLI reaching it: `docker --context lab`, or `docker`. */
	readonly cli: string;
	/** An id it gave, as the fleet lists that object. */
	readonly listedId: (id: string) => string;
};

/** One engine of a fleet and its own client (see {@link Fleet.members}). */
export type FleetMemberClient = {
	readonly engine: FleetEngine;
	readonly client: DockerClient;
	/** What reaches it from the docker CLI, for the command log: `docker --context lab`. */
	readonly cli: string;
};

/** The client side of the engine connection, as used by feeds and actions. */
export type DockerClient = {
	/** A human-readable name of the endpoint, e.g. `unix:///var/run/docker.sock` or a context name. */
	readonly endpoint: string;
	/** Set where this client stands for several engines at once (see fleet-client.ts). */
	readonly fleet?: Fleet;
	/** Resolves when the engine answers; rejects with a {@link DockerError}. */
	ping(signal?: AbortSignal): Promise<void>;
	engineInfo(signal?: AbortSignal): Promise<EngineInfo>;
	listContainers(signal?: AbortSignal): Promise<ContainerSummary[]>;
	listImages(signal?: AbortSignal): Promise<ImageSummary[]>;
	/**
	 * Follows the engine's event stream until the signal aborts. The iterable ends (or throws a
	 * {@link DockerError}) when the connection drops; reconnecting is the caller's policy.
	 */
	events(signal: AbortSignal): AsyncIterable<DockerEvent>;
	/** The events of a past span (`GET /events?since&until`, times in ms), oldest first: one request, not a stream. */
	pastEvents(options: {
		readonly since: number;
		readonly until: number;
		readonly signal?: AbortSignal;
	}): Promise<DockerEvent[]>;
	/** `GET /containers/{id}/json`: the details dockmate shows, and the whole answer. */
	inspectContainer(id: string): Promise<Inspected<ContainerDetails>>;
	/** `GET /images/{reference}/json`. */
	inspectImage(reference: string): Promise<Inspected<ImageDetails>>;
	/** `GET /images/{reference}/history`: its layers, newest first, as `docker history` lists them. */
	imageHistory(reference: string): Promise<ImageLayer[]>;
	systemInfo(signal?: AbortSignal): Promise<SystemInfo>;
	containerLimits(id: string, signal?: AbortSignal): Promise<ContainerLimits>;
	/** Follows `GET /containers/{id}/stats?stream=1` (about one frame a second) until the signal aborts. */
	stats(id: string, signal: AbortSignal): AsyncIterable<ResourceSample>;
	/**
	 * Follows a container's output, its last `tail` lines first, until the signal aborts; yields the
	 * lines each chunk completes. Ends when the container stops.
	 */
	logs(
		id: string,
		options: {readonly tail: number; readonly signal: AbortSignal},
	): AsyncIterable<readonly LogLine[]>;
	/**
	 * Opens a reader of containers' counters straight from this machine's cgroup files, where the engine
	 * runs on this machine and they are readable: far cheaper for the engine than a stats stream per
	 * container. Undefined for a remote engine.
	 */
	openCgroupMeter(info: SystemInfo): CgroupMeter | undefined;
	/** A shell on the engine's machine where the transport gives one (ssh://); undefined for any other. */
	hostShell(): HostShell | undefined;
	containerAction(id: string, action: ContainerAction): Promise<void>;
	/** Removes a container; `volumes` also removes its anonymous volumes. */
	removeContainer(
		id: string,
		options: {readonly force: boolean; readonly volumes: boolean},
	): Promise<void>;
	/** Removes an image by id or by one of its tags (then only that tag goes while others remain). */
	removeImage(
		reference: string,
		options: {readonly force: boolean},
	): Promise<ImageRemoval>;
	/**
	 * The ids of the images that other images are built on, intermediate ones included
	 * (`GET /images/json?all=1`): the engine's prune removes no untagged parent, and only untags a
	 * tagged one.
	 */
	imageParentIds(signal?: AbortSignal): Promise<ReadonlySet<string>>;
	listVolumes(signal?: AbortSignal): Promise<VolumeSummary[]>;
	listNetworks(signal?: AbortSignal): Promise<NetworkSummary[]>;
	removeVolume(name: string): Promise<void>;
	removeNetwork(id: string): Promise<void>;
	/** Creates a volume; returns its name, the engine's choice where none was given. */
	createVolume(options: VolumeCreation): Promise<string>;
	/** Creates a network; returns its id. */
	createNetwork(options: NetworkCreation): Promise<string>;
	inspectVolume(name: string): Promise<Inspected<VolumeDetails>>;
	inspectNetwork(id: string): Promise<Inspected<NetworkDetails>>;
	/** `docker version` and `docker info` in one. */
	systemDetails(signal?: AbortSignal): Promise<SystemDetails>;
	/** Removes build cache records by id; returns the bytes reclaimed. */
	removeBuildCache(ids: readonly string[]): Promise<number>;
	diskUsage(signal?: AbortSignal): Promise<DiskUsage>;
	/** Reads one file from a container's file system (`GET /containers/{id}/archive`); undefined if absent. */
	readFile(id: string, path: string): Promise<string | undefined>;
	/**
	 * Streams `GET /containers/{id}/archive?path=`: a tar of the file or folder at `path` (a folder's
	 * members under its own name), until it ends or the signal aborts; not-found for a missing path.
	 */
	getArchive(
		id: string,
		path: string,
		signal: AbortSignal,
	): AsyncIterable<Uint8Array>;
	/**
	 * `PUT /containers/{id}/archive?path=`: extracts the tar `archive` into the folder `path` of the
	 * container, as `docker cp` does (a folder never replaced by a file); resolves once the engine has
	 * taken it all; not-found for a missing container or folder. Aborting the signal ends the request.
	 */
	putArchive(
		id: string,
		path: string,
		archive: AsyncIterable<Uint8Array>,
		signal: AbortSignal,
	): Promise<void>;
	/**
	 * A container's processes: from this machine's cgroup and /proc where the engine runs here and
	 * they are readable (no work for the engine), else from `GET /containers/{id}/top`.
	 */
	processes(id: string, signal?: AbortSignal): Promise<ProcessSample>;
	/**
	 * Sends `signal` (`TERM`, `KILL`…) to the process `pid` (as the container numbers it) through an
	 * exec of `kill` in the container; throws with its output when kill fails.
	 */
	signalProcess(id: string, pid: number, signal: string): Promise<void>;
	/**
	 * What makes a container one: its namespaces and who shares them, its cgroup's limits (both
	 * only where the engine runs on this machine and the container runs), and the settings that
	 * weaken its isolation.
	 */
	isolation(id: string): Promise<IsolationReport>;
	/** What a container changed against its image (`GET /containers/{id}/changes`), by path. */
	changes(id: string, signal?: AbortSignal): Promise<ContainerChange[]>;
	/** Whether a path exists in a container's file system. */
	fileExists(id: string, path: string): Promise<boolean>;
	/** The user a container's processes run as by default (`Config.User`), empty for root. */
	containerUser(id: string): Promise<string>;
	/** Swarm services, with their running and wanted task counts; a manager only. */
	listServices(signal?: AbortSignal): Promise<SwarmService[]>;
	/** The tasks of one service, past ones included (as `docker service ps`). */
	listTasks(serviceId: string, signal?: AbortSignal): Promise<SwarmTask[]>;
	listNodes(signal?: AbortSignal): Promise<SwarmNode[]>;
	/** Sets a replicated service's replica count; a global service is refused. */
	scaleService(id: string, replicas: number): Promise<void>;
	removeService(id: string): Promise<void>;
	/** Drains, pauses or activates a node. */
	setNodeAvailability(
		id: string,
		availability: NodeAvailability,
	): Promise<void>;
	/** Follows a service's output from all its tasks, as {@link DockerClient.logs} does a container's. */
	serviceLogs(
		id: string,
		options: {readonly tail: number; readonly signal: AbortSignal},
	): AsyncIterable<readonly LogLine[]>;
	/**
	 * The environment that points the docker CLI and compose at this same engine (`DOCKER_HOST`,
	 * TLS settings or a context), or why that cannot be done.
	 */
	cliEnvironment(): CliEnvironment;
	/**
	 * Pulls an image by reference, following its progress until the pull ends; throws a
	 * {@link RegistryError} when the engine reports that it failed. Aborting the signal cancels it.
	 */
	pullImage(reference: string, signal: AbortSignal): AsyncIterable<PullEvent>;
	/** Builds an image from a local folder, following its output; throws when the build fails. */
	buildImage(
		options: BuildOptions,
		signal: AbortSignal,
	): AsyncIterable<BuildEvent>;
	/** Creates (without starting) a container; returns its id. */
	createContainer(spec: ContainerSpec): Promise<string>;
	/**
	 * Attaches to a created container's TTY, then starts it: as `docker run -it` does, so that no
	 * output is missed. The session's exit code is undefined while the container runs on (detached).
	 */
	startAttached(
		id: string,
		size: {readonly columns: number; readonly rows: number},
	): Promise<ExecSession>;
	/** Starts `command` in the container with a TTY of the given size, attached. */
	exec(
		id: string,
		options: {
			readonly command: readonly string[];
			readonly columns: number;
			readonly rows: number;
		},
	): Promise<ExecSession>;
};
