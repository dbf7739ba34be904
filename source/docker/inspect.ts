import type {
	ContainerLimits,
	ContainerState,
	PortMapping,
} from './domain-types.js';
import {sanitize} from './sanitize.js';
import {isObject, jsonObject, type Json} from './json.js';
import {
	comparePorts,
	containerState,
	number,
	positive,
	stringRecord,
	text,
	time,
	toContainerLimits,
} from './to-domain.js';

/** An inspect answer: what dockmate summarises, and the whole answer as indented JSON. */
export type Inspected<T> = {
	readonly details: T;
	/** `docker inspect`'s JSON, two-space indented, every key and string value sanitised. */
	readonly json: string;
};

/** A volume, bind or tmpfs mount of a container. */
export type MountInfo = {
	readonly type: string;
	/** The volume's name, for a volume mount. */
	readonly name: string;
	readonly source: string;
	readonly destination: string;
	readonly readWrite: boolean;
	readonly mode: string;
};

/** A health check's verdict and its last probe. */
export type HealthInfo = {
	/** `starting`, `healthy` or `unhealthy`. */
	readonly status: string;
	readonly failingStreak: number;
	readonly lastExitCode: number | undefined;
	/** What the last probe printed, on one line. */
	readonly lastOutput: string;
};

/** Namespace modes as `docker run` sets them; an empty string means the engine's default. */
export type NamespaceModes = {
	readonly pid: string;
	readonly ipc: string;
	readonly uts: string;
	readonly network: string;
	readonly user: string;
	readonly cgroup: string;
};

/** Limits beyond those of {@link ContainerLimits}; undefined where none is set. */
export type ExtraLimits = {
	/** Memory plus swap; -1 means unlimited swap. */
	readonly memorySwap: number | undefined;
	readonly memoryReservation: number | undefined;
	readonly cpuShares: number | undefined;
	readonly cpusetCpus: string;
};

/** What a container starts with, from the `Config` of a container or an image. */
export type StartConfig = {
	readonly entrypoint: readonly string[];
	readonly cmd: readonly string[];
	readonly workingDir: string;
	readonly user: string;
	readonly env: readonly string[];
	readonly labels: Readonly<Record<string, string>>;
};

/** `GET /containers/{id}/json`, reduced to what the details view shows. */
export type ContainerDetails = StartConfig & {
	readonly id: string;
	readonly name: string;
	readonly createdAt: number;
	/** The image as the user named it, and its id. */
	readonly image: string;
	readonly imageId: string;
	readonly tty: boolean;
	readonly mounts: readonly MountInfo[];
	/** Published ports, and exposed ones without a binding. */
	readonly ports: readonly PortMapping[];
	readonly networks: readonly {
		readonly name: string;
		readonly ipAddress: string;
	}[];
	readonly restartPolicy: {
		readonly name: string;
		readonly maximumRetryCount: number;
	};
	readonly restartCount: number;
	readonly state: {
		readonly status: ContainerState;
		readonly exitCode: number;
		readonly oomKilled: boolean;
		/** The engine's error of the last start, if it failed. */
		readonly error: string;
		readonly pid: number;
		/** Zero when never started or never finished. */
		readonly startedAt: number;
		readonly finishedAt: number;
	};
	readonly health: HealthInfo | undefined;
	readonly limits: ContainerLimits & ExtraLimits;
	readonly namespaces: NamespaceModes;
	readonly cgroupParent: string;
	readonly privileged: boolean;
	readonly readOnlyRootfs: boolean;
	readonly capAdd: readonly string[];
	readonly capDrop: readonly string[];
	readonly logDriver: string;
};

/** `GET /images/{id}/json`, reduced to what the details view shows. */
export type ImageDetails = StartConfig & {
	readonly id: string;
	readonly tags: readonly string[];
	readonly digests: readonly string[];
	readonly createdAt: number;
	readonly size: number;
	readonly architecture: string;
	readonly os: string;
	readonly variant: string;
	readonly author: string;
	/** `80/tcp`-style keys, sorted. */
	readonly exposedPorts: readonly string[];
	readonly layerCount: number;
};

/** One row of `GET /images/{id}/history`, as `docker history` prints it. */
export type ImageLayer = {
	/** Image id of this step; empty where the engine says `<missing>` (built elsewhere, or a layer of a pulled image). */
	readonly id: string;
	readonly createdAt: number;
	readonly createdBy: string;
	readonly size: number;
	readonly comment: string;
	readonly tags: readonly string[];
};

function strings(value: unknown): string[] {
	return Array.isArray(value) ? value.map(text) : [];
}

/** Engines write `0001-01-01T00:00:00Z` for a time that never was. */
function moment(value: unknown): number {
	return Math.max(0, time(value));
}

/** Keys and string values sanitised, all the way down: the JSON view shows daemon text verbatim. */
function sanitizeJson(value: unknown): unknown {
	if (typeof value === 'string') {
		return sanitize(value);
	}

	if (Array.isArray(value)) {
		return value.map(sanitizeJson);
	}

	if (isObject(value)) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [
				sanitize(key),
				sanitizeJson(entry),
			]),
		);
	}

	return value;
}

/** Pairs an answer's summary with its sanitised, indented JSON. */
export function inspected<T>(
	raw: unknown,
	map: (raw: unknown) => T,
): Inspected<T> {
	return {details: map(raw), json: JSON.stringify(sanitizeJson(raw), null, 2)};
}

function mounts(value: unknown): MountInfo[] {
	return (Array.isArray(value) ? value.filter(isObject) : [])
		.map(mount => ({
			type: text(mount['Type']),
			name: text(mount['Name']),
			source: text(mount['Source']),
			destination: text(mount['Destination']),
			readWrite: mount['RW'] !== false,
			mode: text(mount['Mode']),
		}))
		.sort((a, b) => (a.destination < b.destination ? -1 : 1));
}

/** `80/tcp` → port and protocol. */
function portKey(key: string): {privatePort: number; protocol: string} {
	const [port = '', protocol = 'tcp'] = key.split('/');
	return {privatePort: Number(port) || 0, protocol};
}

/** `NetworkSettings.Ports` gives each exposed port its host bindings, or null for none. */
function inspectPorts(settings: Json, config: Json): PortMapping[] {
	const bound = jsonObject(settings['Ports']);
	const keys = new Set([
		...Object.keys(bound),
		...Object.keys(jsonObject(config['ExposedPorts'])),
	]);
	return [...keys]
		.flatMap((key): PortMapping[] => {
			const port = portKey(sanitize(key));
			const bindings = bound[key];
			const hosts = Array.isArray(bindings) ? bindings.filter(isObject) : [];
			if (hosts.length === 0) {
				return [port];
			}

			return hosts.map(host => {
				const ip = text(host['HostIp']);
				const publicPort = Number(text(host['HostPort'])) || 0;
				return {
					...port,
					...(publicPort > 0 ? {publicPort} : {}),
					...(ip === '' ? {} : {ip}),
				};
			});
		})
		.sort(comparePorts);
}

function health(state: Json): HealthInfo | undefined {
	const raw = jsonObject(state['Health']);
	// Podman reports a Health of status "" for a container without a health check.
	if (text(raw['Status']) === '') {
		return undefined;
	}

	const log = Array.isArray(raw['Log']) ? raw['Log'].filter(isObject) : [];
	const last = log.at(-1);
	return {
		status: text(raw['Status']),
		failingStreak: number(raw['FailingStreak']),
		lastExitCode:
			last === undefined || typeof last['ExitCode'] !== 'number'
				? undefined
				: last['ExitCode'],
		// Probe output is often several lines; on one line they stay apart.
		lastOutput: text(
			typeof last?.['Output'] === 'string'
				? last['Output'].replaceAll('\n', ' ')
				: '',
		).trim(),
	};
}

function startConfig(config: Json): StartConfig {
	return {
		entrypoint: strings(config['Entrypoint']),
		cmd: strings(config['Cmd']),
		workingDir: text(config['WorkingDir']),
		user: text(config['User']),
		env: strings(config['Env']),
		labels: stringRecord(config['Labels']),
	};
}

/** Maps `GET /containers/{id}/json`. */
export function toContainerDetails(raw: unknown): ContainerDetails {
	const root = jsonObject(raw);
	const config = jsonObject(root['Config']);
	const hostConfig = jsonObject(root['HostConfig']);
	const state = jsonObject(root['State']);
	const settings = jsonObject(root['NetworkSettings']);
	const restart = jsonObject(hostConfig['RestartPolicy']);
	const logConfig = jsonObject(hostConfig['LogConfig']);
	const id = text(root['Id']);
	return {
		id,
		name: text(root['Name']).replace(/^\//, '') || id.slice(0, 12),
		createdAt: moment(root['Created']),
		image: text(config['Image']),
		imageId: text(root['Image']),
		...startConfig(config),
		tty: config['Tty'] === true,
		mounts: mounts(root['Mounts']),
		ports: inspectPorts(settings, config),
		networks: Object.entries(jsonObject(settings['Networks']))
			.map(([name, network]) => ({
				name: sanitize(name),
				ipAddress: text(jsonObject(network)['IPAddress']),
			}))
			.sort((a, b) => (a.name < b.name ? -1 : 1)),
		restartPolicy: {
			name: text(restart['Name']),
			maximumRetryCount: number(restart['MaximumRetryCount']),
		},
		restartCount: number(root['RestartCount']),
		state: {
			status: containerState(state['Status']),
			exitCode: number(state['ExitCode']),
			oomKilled: state['OOMKilled'] === true,
			error: text(state['Error']),
			pid: number(state['Pid']),
			startedAt: moment(state['StartedAt']),
			finishedAt: moment(state['FinishedAt']),
		},
		health: health(state),
		limits: {
			...toContainerLimits(raw),
			memorySwap:
				number(hostConfig['MemorySwap']) === 0
					? undefined
					: number(hostConfig['MemorySwap']),
			memoryReservation: positive(hostConfig['MemoryReservation']),
			cpuShares: positive(hostConfig['CpuShares']),
			cpusetCpus: text(hostConfig['CpusetCpus']),
		},
		namespaces: {
			pid: text(hostConfig['PidMode']),
			ipc: text(hostConfig['IpcMode']),
			uts: text(hostConfig['UTSMode']),
			network: text(hostConfig['NetworkMode']),
			user: text(hostConfig['UsernsMode']),
			cgroup: text(hostConfig['CgroupnsMode']),
		},
		cgroupParent: text(hostConfig['CgroupParent']),
		privileged: hostConfig['Privileged'] === true,
		readOnlyRootfs: hostConfig['ReadonlyRootfs'] === true,
		capAdd: strings(hostConfig['CapAdd']),
		capDrop: strings(hostConfig['CapDrop']),
		logDriver: text(logConfig['Type']),
	};
}

/** Maps `GET /images/{id}/json`. */
export function toImageDetails(raw: unknown): ImageDetails {
	const root = jsonObject(raw);
	// `ContainerConfig` is what built the last layer; `Config` is what containers start with.
	const config = jsonObject(root['Config']);
	const rootFs = jsonObject(root['RootFS']);
	return {
		id: text(root['Id']),
		tags: strings(root['RepoTags'])
			.filter(tag => tag !== '' && tag !== '<none>:<none>')
			.sort(),
		digests: strings(root['RepoDigests'])
			.filter(digest => digest !== '' && !digest.startsWith('<none>@'))
			.sort(),
		createdAt: moment(root['Created']),
		size: number(root['Size']),
		architecture: text(root['Architecture']),
		os: text(root['Os']),
		variant: text(root['Variant']),
		author: text(root['Author']),
		...startConfig(config),
		exposedPorts: Object.keys(jsonObject(config['ExposedPorts']))
			.map(sanitize)
			.sort((a, b) => {
				const left = portKey(a);
				const right = portKey(b);
				return (
					left.privatePort - right.privatePort ||
					(left.protocol < right.protocol ? -1 : 1)
				);
			}),
		layerCount: Array.isArray(rootFs['Layers']) ? rootFs['Layers'].length : 0,
	};
}

/** Maps `GET /images/{id}/history`: newest step first, as the engine and `docker history` order it. */
export function toImageHistory(raw: unknown): ImageLayer[] {
	return (Array.isArray(raw) ? raw.filter(isObject) : []).map(layer => {
		const id = text(layer['Id']);
		return {
			id: id === '<missing>' ? '' : id,
			createdAt: number(layer['Created']) * 1000,
			createdBy: text(layer['CreatedBy']),
			size: number(layer['Size']),
			comment: text(layer['Comment']),
			tags: strings(layer['Tags']).filter(tag => tag !== '<none>:<none>'),
		};
	});
}
