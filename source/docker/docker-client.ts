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
};

/** One row of `GET /images/json`. A dangling image has no tags. */
export type ImageSummary = {
	readonly id: string;
	/** `repository:tag` strings; empty for a dangling image. */
	readonly tags: readonly string[];
	readonly size: number;
	readonly createdAt: number;
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
};
