import type {CgroupMeter} from './cgroup/cgroup-meter.js';
import type {ResourceSample} from './stats-math.js';

/**
 * The Docker access layer's contract: every engine dockmate talks to (Docker, Podman, the in-memory fake)
 * is reached through this interface, in dockmate's own types. Nothing outside `source/docker/` knows the
 * Engine API's field names.
 */

/** Lifecycle state of a container, as the Engine API reports it. */
export type ContainerState =
	| 'running'
	| 'exited'
	| 'paused'
	| 'restarting'
	| 'created'
	| 'dead'
	| 'removing';

/** A published or exposed port, already in display order. */
export type PortMapping = {
	readonly privatePort: number;
	readonly publicPort?: number;
	readonly ip?: string;
	readonly protocol: string;
};

/** One row of `GET /containers/json?all=1`, cleaned of control characters. */
export type ContainerSummary = {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly imageId: string;
	readonly command: string;
	readonly state: ContainerState;
	/** The engine's own status text, e.g. "Up 3 minutes" or "Exited (137) 2 hours ago". */
	readonly status: string;
	readonly ports: readonly PortMapping[];
	/** Creation time in milliseconds since the epoch. */
	readonly createdAt: number;
	readonly labels: Readonly<Record<string, string>>;
	/** Names of the networks it is attached to. */
	readonly networks: readonly string[];
};

/** One row of `GET /images/json`. A dangling image has no tags. */
export type ImageSummary = {
	readonly id: string;
	/** `repository:tag` strings; empty for a dangling image. */
	readonly tags: readonly string[];
	readonly size: number;
	readonly createdAt: number;
	readonly labels: Readonly<Record<string, string>>;
};

/** What `GET /version` says about the engine. */
export type EngineInfo = {
	/** "Docker" or "Podman". */
	readonly product: string;
	readonly version: string;
	readonly apiVersion: string;
	readonly os: string;
	readonly arch: string;
};

/** What `GET /info` says about the host the engine runs on. */
export type SystemInfo = {
	readonly cpus: number;
	/** Host memory in bytes. */
	readonly memory: number;
	readonly cgroupDriver: 'cgroupfs' | 'systemd' | undefined;
	readonly cgroupVersion: string;
};

/** The resource limits set on a container; undefined where there is none. */
export type ContainerLimits = {
	/** CPUs, from `--cpus` (NanoCpus) or a CFS quota over its period. */
	readonly cpus: number | undefined;
	readonly memory: number | undefined;
	readonly pids: number | undefined;
};

/** A lifecycle action on one container. */
export type ContainerAction =
	'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

/** An interactive process started in a container with a TTY. */
export type ExecSession = {
	/** The raw TTY: write keystrokes to it, read the terminal output from it. */
	readonly stream: NodeJS.ReadWriteStream;
	/** Tells the process the terminal's new size. */
	readonly resize: (columns: number, rows: number) => Promise<void>;
	/** The process's exit code, once it has ended. */
	readonly exitCode: () => Promise<number | undefined>;
};

/** What an image removal did: tags removed and images deleted. */
export type ImageRemoval = {
	readonly untagged: readonly string[];
	readonly deleted: readonly string[];
};

/** A volume, as `GET /volumes` and `system df` describe it. */
export type VolumeSummary = {
	readonly name: string;
	readonly driver: string;
	/** Bytes, where `system df` measured it; undefined otherwise. */
	readonly size: number | undefined;
	/** Containers using it, where `system df` counted them. */
	readonly refCount: number | undefined;
	/** Anonymous volumes are named by the engine (64 hex digits) and carry no name of the user's. */
	readonly isAnonymous: boolean;
	readonly createdAt: number;
	readonly labels: Readonly<Record<string, string>>;
};

/** A network, as `GET /networks` lists it. */
export type NetworkSummary = {
	readonly id: string;
	readonly name: string;
	readonly driver: string;
	readonly createdAt: number;
	readonly labels: Readonly<Record<string, string>>;
	/** bridge, host and none come with the engine and cannot be removed. */
	readonly isBuiltIn: boolean;
};

/** One build cache record from `system df`. */
export type BuildCacheRecord = {
	readonly id: string;
	readonly type: string;
	readonly description: string;
	readonly size: number;
	readonly inUse: boolean;
	readonly shared: boolean;
	readonly lastUsedAt: number;
};

/** Sizes from `GET /system/df`, keyed the way the prune preview needs them. */
export type DiskUsage = {
	/** Writable layer size of each container, by id. */
	readonly containerSizes: ReadonlyMap<string, number>;
	/** Size of each image, by id, and the part of it that no other image shares. */
	readonly imageSizes: ReadonlyMap<
		string,
		{readonly size: number; readonly unique: number}
	>;
	readonly volumes: readonly VolumeSummary[];
	readonly buildCache: readonly BuildCacheRecord[];
};

/** A change reported by `GET /events`, reduced to what the view reacts to. */
export type DockerEvent = {
	readonly type: 'container' | 'image' | 'other';
	readonly action: string;
	readonly id: string;
	/** Milliseconds since the epoch. */
	readonly time: number;
	readonly attributes: Readonly<Record<string, string>>;
};

/** The client side of the engine connection, as used by feeds and actions. */
export type DockerClient = {
	/** A human-readable name of the endpoint, e.g. `unix:///var/run/docker.sock` or a context name. */
	readonly endpoint: string;
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
	systemInfo(signal?: AbortSignal): Promise<SystemInfo>;
	containerLimits(id: string, signal?: AbortSignal): Promise<ContainerLimits>;
	/** Follows `GET /containers/{id}/stats?stream=1` (about one frame a second) until the signal aborts. */
	stats(id: string, signal: AbortSignal): AsyncIterable<ResourceSample>;
	/**
	 * Opens a reader of containers' counters straight from this machine's cgroup files, where the engine
	 * runs on this machine and they are readable: far cheaper for the engine than a stats stream per
	 * container. Undefined for a remote engine.
	 */
	openCgroupMeter(info: SystemInfo): CgroupMeter | undefined;
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
	listVolumes(signal?: AbortSignal): Promise<VolumeSummary[]>;
	listNetworks(signal?: AbortSignal): Promise<NetworkSummary[]>;
	removeVolume(name: string): Promise<void>;
	removeNetwork(id: string): Promise<void>;
	/** Removes build cache records by id; returns the bytes reclaimed. */
	removeBuildCache(ids: readonly string[]): Promise<number>;
	diskUsage(signal?: AbortSignal): Promise<DiskUsage>;
	/** Reads one file from a container's file system (`GET /containers/{id}/archive`); undefined if absent. */
	readFile(id: string, path: string): Promise<string | undefined>;
	/** Whether a path exists in a container's file system. */
	fileExists(id: string, path: string): Promise<boolean>;
	/** The user a container's processes run as by default (`Config.User`), empty for root. */
	containerUser(id: string): Promise<string>;
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
