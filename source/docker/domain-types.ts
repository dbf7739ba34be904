// Dockmate's own names for what the engine holds and reports, shared by the readers in this folder
// and everything above it. Types only: this module imports nothing.

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

/** Where a fleet lists an object: its engine, and whether that engine is out of reach. */
export type EngineTag = {
	/** The engine's name, in a fleet only. */
	readonly engine?: string;
	/** The engine is out of reach: this is its last list, not news. */
	readonly stale?: boolean;
};

/** One row of `GET /containers/json?all=1`, cleaned of control characters. */
export type ContainerSummary = EngineTag & {
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
	/** Names of the volumes it mounts, sorted. */
	readonly volumes: readonly string[];
};

/** One row of `GET /images/json`. A dangling image has no tags. */
export type ImageSummary = EngineTag & {
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
	/** The engine manages a Swarm (`Swarm.LocalNodeState` active with `ControlAvailable`): services and nodes can be listed. */
	readonly isSwarmManager: boolean;
	/** The id of the Swarm it manages (`Swarm.Cluster.ID`): two engines may manage the same one. */
	readonly swarmCluster?: string;
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
export type VolumeSummary = EngineTag & {
	readonly name: string;
	/**
	 * In a fleet, the name made unique across its engines, as an id is there (see fleet-ids.ts);
	 * absent on one engine, where the name is the id.
	 */
	readonly id?: string;
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
export type NetworkSummary = EngineTag & {
	readonly id: string;
	readonly name: string;
	readonly driver: string;
	/** `local`, `swarm` or `global`. */
	readonly scope: string;
	/** The subnets of its IPAM config, e.g. `172.18.0.0/16`. */
	readonly subnets: readonly string[];
	/** Internal networks have no route out of the host. */
	readonly internal: boolean;
	readonly createdAt: number;
	readonly labels: Readonly<Record<string, string>>;
	/** bridge, host and none come with the engine and cannot be removed. */
	readonly isBuiltIn: boolean;
	/** The Swarm's routing mesh (`Ingress: true`): services with published ports need it. */
	readonly isIngress: boolean;
	/** A template for other networks (`--config-only`): it connects nothing itself. */
	readonly isConfigOnly: boolean;
};

/** What `docker volume create` is given. */
export type VolumeCreation = {
	readonly name: string;
	readonly driver: string;
};

/** What `docker network create` is given. */
export type NetworkCreation = {
	readonly name: string;
	readonly driver: string;
	/** A CIDR, or undefined to let the engine pick one. */
	readonly subnet: string | undefined;
	readonly internal: boolean;
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
	/** Bytes of all image layers, each shared layer counted once; undefined where the engine does not say. */
	readonly layersSize: number | undefined;
};

/** One message of an image pull's progress stream (`POST /images/create`), cleaned of control characters. */
export type PullEvent =
	/** Progress of one layer: `Downloading` with byte counts, `Already exists`, `Pull complete`… */
	| {
			readonly kind: 'layer';
			readonly id: string;
			readonly status: string;
			readonly current: number | undefined;
			readonly total: number | undefined;
	  }
	/** A line about the whole pull: `Pulling from library/busybox`, `Digest: sha256:…`, `Status: …`. */
	| {readonly kind: 'status'; readonly text: string};

/** What `docker build` sends: a folder, filtered by its `.dockerignore`, and where the Dockerfile is in it. */
export type BuildOptions = {
	/** Absolute path of the context folder. */
	readonly context: string;
	/** The Dockerfile's path inside the context, with forward slashes. */
	readonly dockerfile: string;
	/** `name:tag` for the image; undefined leaves it untagged. */
	readonly tag: string | undefined;
};

/** One message of a build's output stream (`POST /build`), cleaned of control characters. */
export type BuildEvent =
	/** One line of the builder's output. */
	| {readonly kind: 'output'; readonly text: string}
	/** The id of the image the build produced. */
	| {readonly kind: 'image'; readonly id: string}
	/** The context has reached the engine: this many bytes of tar. */
	| {readonly kind: 'sent'; readonly bytes: number};

/** A port of a new container published on the host, as `-p [ip:][hostPort:]containerPort[/protocol]`. */
export type PortBinding = {
	readonly containerPort: number;
	readonly protocol: 'tcp' | 'udp' | 'sctp';
	/** Undefined: every address. */
	readonly hostIp: string | undefined;
	/** Undefined: a port the engine picks. */
	readonly hostPort: number | undefined;
};

/** A restart policy, as `--restart`. */
export type RestartPolicy = {
	readonly name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
	/** Only for `on-failure`; 0 retries for ever. */
	readonly maximumRetryCount: number;
};

/** What `docker run` makes of its options: a container to create. */
export type ContainerSpec = {
	/** Image id or reference. */
	readonly image: string;
	/** Undefined: the engine picks a name. */
	readonly name: string | undefined;
	/** Empty: the image's own command. */
	readonly command: readonly string[];
	/** `KEY=VALUE` strings. */
	readonly env: readonly string[];
	readonly ports: readonly PortBinding[];
	/** Memory limit in bytes; undefined for none. */
	readonly memory: number | undefined;
	/** CPU limit in CPUs (`--cpus`); undefined for none. */
	readonly cpus: number | undefined;
	readonly restart: RestartPolicy;
	/** With a TTY and stdin kept open, as `-it`. */
	readonly interactive: boolean;
};

/** A change reported by `GET /events`, cleaned of control characters. */
export type DockerEvent = EngineTag & {
	/**
	 * The engine's object type: `container`, `image`, `volume`, `network`, `daemon`, `plugin`,
	 * `builder`, Swarm's `service`/`node`/`secret`/`config`, Podman's `pod`; `unknown` if it names none.
	 */
	readonly type: string;
	/** `die`, `start`, `health_status: healthy`…; Podman's `died` reads `die`, as Docker's. */
	readonly action: string;
	readonly id: string;
	/** The object as the user knows it: a container's or network's name, an image reference, a volume name. */
	readonly name: string;
	/** Milliseconds since the epoch. */
	readonly time: number;
	/** Nanoseconds since the epoch, as precise as a double holds: tells apart events of one millisecond. */
	readonly timeNano: number;
	readonly attributes: Readonly<Record<string, string>>;
};

/** One line a container wrote, cleaned of control characters. */
export type LogLine = {
	readonly stream: 'stdout' | 'stderr';
	/** When the engine received it, in milliseconds since the epoch. */
	readonly time: number;
	readonly text: string;
	/** A service's line: the id of the task that printed it. */
	readonly taskId?: string;
	/** A line too long to keep whole: about how many characters after `text` were left out. */
	readonly omitted?: number;
};

/** One path a container changed against its image (`GET /containers/{id}/changes`, `docker diff`). */
export type ContainerChange = {
	/** The path, made safe to show. */
	readonly path: string;
	readonly kind: 'added' | 'changed' | 'deleted';
};
