import type {
	BuildCacheRecord,
	DiskUsage,
	ImageRemoval,
	NetworkSummary,
	VolumeSummary,
	ContainerLimits,
	SystemInfo,
	ContainerState,
	ContainerSummary,
	DockerEvent,
	EngineInfo,
	ImageSummary,
	PortMapping,
} from './domain-types.js';
import {isObject, type Json} from './json.js';
import {sanitize} from './sanitize.js';

/** A string from the wire, sanitised; '' for anything else. */
export function text(value: unknown): string {
	return typeof value === 'string' ? sanitize(value) : '';
}

/** A finite number from the wire; 0 for anything else. */
export function number(value: unknown): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A string-to-string map from the wire (labels, attributes), sanitised and sorted by key. */
export function stringRecord(value: unknown): Readonly<Record<string, string>> {
	if (!isObject(value)) {
		return {};
	}

	const entries = Object.entries(value)
		.filter((entry): entry is [string, string] => typeof entry[1] === 'string')
		.map(([key, entryValue]) => [sanitize(key), sanitize(entryValue)] as const)
		.sort(([a], [b]) => compareText(a, b));
	return Object.fromEntries(entries);
}

const containerStates = new Set<string>([
	'running',
	'exited',
	'paused',
	'restarting',
	'created',
	'dead',
	'removing',
]);

/** Podman reports `configured` and `stopped` where Docker says `created` and `exited`. */
const stateAliases: Readonly<Record<string, ContainerState>> = {
	configured: 'created',
	stopped: 'exited',
	initialized: 'created',
};

export function containerState(value: unknown): ContainerState {
	const state = typeof value === 'string' ? value.toLowerCase() : '';
	if (containerStates.has(state)) {
		return state as ContainerState;
	}

	return stateAliases[state] ?? 'dead';
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function ipFamily(port: PortMapping): number {
	return port.ip?.includes(':') ? 1 : 0;
}

/**
 * Sort order that keeps the ports column stable between re-lists: by port, then protocol, then
 * host IP with IPv4 before IPv6 (as `docker ps` shows a dual-stack binding). Plain code-unit
 * comparison, so the order does not depend on the locale.
 */
export function comparePorts(a: PortMapping, b: PortMapping): number {
	return (
		a.privatePort - b.privatePort ||
		(a.publicPort ?? 0) - (b.publicPort ?? 0) ||
		compareText(a.protocol, b.protocol) ||
		ipFamily(a) - ipFamily(b) ||
		compareText(a.ip ?? '', b.ip ?? '')
	);
}

function ports(value: unknown): PortMapping[] {
	if (!Array.isArray(value)) {
		return [];
	}

	return value
		.filter(isObject)
		.map(port => {
			const ip = text(port['IP']);
			const publicPort = number(port['PublicPort']);
			return {
				privatePort: number(port['PrivatePort']),
				protocol: text(port['Type']) || 'tcp',
				...(publicPort > 0 ? {publicPort} : {}),
				...(ip === '' ? {} : {ip}),
			};
		})
		.sort(comparePorts);
}

/** Docker names carry a leading slash (`/web-1`); Podman's do not. Links (`/a/b`) are skipped. */
function containerName(names: unknown, id: string): string {
	const list = Array.isArray(names) ? names.map(text) : [];
	const primary = list.find(name => !name.slice(1).includes('/')) ?? list[0];
	return primary === undefined || primary === ''
		? id.slice(0, 12)
		: primary.replace(/^\//, '');
}

/** Maps one entry of `GET /containers/json`. */
export function toContainerSummary(raw: unknown): ContainerSummary | undefined {
	if (!isObject(raw) || typeof raw['Id'] !== 'string') {
		return undefined;
	}

	const id = text(raw['Id']);
	return {
		id,
		name: containerName(raw['Names'], id),
		image: text(raw['Image']),
		imageId: text(raw['ImageID']),
		command: text(raw['Command']),
		state: containerState(raw['State']),
		status: text(raw['Status']),
		ports: ports(raw['Ports']),
		createdAt: number(raw['Created']) * 1000,
		labels: stringRecord(raw['Labels']),
		networks: networkNames(raw['NetworkSettings']),
		volumes: volumeNames(raw['Mounts']),
	};
}

/** The named and anonymous volumes among a container's mounts; bind mounts have no name. */
function volumeNames(mounts: unknown): string[] {
	const list = Array.isArray(mounts) ? mounts.filter(isObject) : [];
	return list
		.filter(mount => text(mount['Type']) === 'volume')
		.map(mount => text(mount['Name']))
		.filter(Boolean)
		.sort();
}

function networkNames(settings: unknown): string[] {
	const networks = isObject(settings) ? settings['Networks'] : undefined;
	return isObject(networks) ? Object.keys(networks).map(sanitize).sort() : [];
}

/** Maps one entry of `GET /images/json`; `<none>:<none>` tags mean dangling. */
export function toImageSummary(raw: unknown): ImageSummary | undefined {
	if (!isObject(raw) || typeof raw['Id'] !== 'string') {
		return undefined;
	}

	const tags = Array.isArray(raw['RepoTags'])
		? raw['RepoTags']
				.map(text)
				.filter(tag => tag !== '' && tag !== '<none>:<none>')
		: [];
	const created = number(raw['Created']);
	return {
		id: text(raw['Id']),
		tags: tags.sort(),
		size: number(raw['Size']),
		createdAt: created * 1000,
		labels: stringRecord(raw['Labels']),
	};
}

/** Maps `GET /version`. Podman names itself in `Components`. */
export function toEngineInfo(raw: unknown): EngineInfo {
	const info = isObject(raw) ? raw : {};
	const components = Array.isArray(info['Components'])
		? info['Components'].filter(isObject)
		: [];
	const isPodman = components.some(component =>
		text(component['Name']).toLowerCase().includes('podman'),
	);
	return {
		product: isPodman ? 'Podman' : 'Docker',
		version: text(info['Version']) || '?',
		apiVersion: text(info['ApiVersion']) || '?',
		os: text(info['Os']),
		arch: text(info['Arch']),
	};
}

/** Maps one `GET /events` message. Old engines use `status`/`id` instead of `Action`/`Actor`. */
export function toDockerEvent(raw: unknown): DockerEvent | undefined {
	if (!isObject(raw)) {
		return undefined;
	}

	const actor = isObject(raw['Actor']) ? raw['Actor'] : {};
	// Engines before API 1.22 send no Type; of their events only a container's carries `from`.
	const type =
		text(raw['Type']) ||
		text(raw['type']) ||
		(typeof raw['from'] === 'string' ? 'container' : '');
	const nanos = number(raw['timeNano']);
	const action = text(raw['Action']) || text(raw['status']);
	const id = text(actor['ID']) || text(raw['id']);
	const attributes = stringRecord(actor['Attributes']);
	const time = nanos > 0 ? Math.floor(nanos / 1e6) : number(raw['time']) * 1000;
	return {
		type: type || 'unknown',
		// Podman before 4.4 sends its own `died` through the Docker API.
		action: action === 'died' ? 'die' : action,
		id,
		name: eventObjectName(type, id, attributes),
		time,
		timeNano: nanos > 0 ? nanos : time * 1e6,
		attributes,
	};
}

/**
 * A volume's event names it by id; an image's by the reference pulled or pushed, else by the tag
 * in `name`; everything else carries its name in `name`.
 */
function eventObjectName(
	type: string,
	id: string,
	attributes: Readonly<Record<string, string>>,
): string {
	if (type === 'volume' || (type === 'image' && !id.startsWith('sha256:'))) {
		return id;
	}

	return attributes['name'] ?? id;
}

/** Maps `GET /info`. */
export function toSystemInfo(raw: unknown): SystemInfo {
	const info = isObject(raw) ? raw : {};
	const driver = text(info['CgroupDriver']);
	return {
		cpus: number(info['NCPU']),
		memory: number(info['MemTotal']),
		cgroupDriver:
			driver === 'cgroupfs' || driver === 'systemd' ? driver : undefined,
		cgroupVersion: text(info['CgroupVersion']) || '1',
		isSwarmManager: isSwarmManager(info['Swarm']),
		...swarmCluster(info['Swarm']),
	};
}

/** The id of the Swarm an engine manages, as `GET /info` gives it to a manager. */
function swarmCluster(swarm: unknown): {swarmCluster?: string} {
	const id =
		isSwarmManager(swarm) && isObject(swarm) && isObject(swarm['Cluster'])
			? text(swarm['Cluster']['ID'])
			: '';
	return id === '' ? {} : {swarmCluster: id};
}

/** A node in a Swarm whose manager role is in force: a worker, or a manager cut off, cannot list services. */
function isSwarmManager(swarm: unknown): boolean {
	return (
		isObject(swarm) &&
		swarm['LocalNodeState'] === 'active' &&
		swarm['ControlAvailable'] === true
	);
}

export function positive(value: unknown): number | undefined {
	const result = number(value);
	return result > 0 ? result : undefined;
}

/** Maps the limits in `GET /containers/{id}/json`'s HostConfig. */
export function toContainerLimits(raw: unknown): ContainerLimits {
	const hostConfig =
		isObject(raw) && isObject(raw['HostConfig']) ? raw['HostConfig'] : {};
	const nanoCpus = positive(hostConfig['NanoCpus']);
	const quota = positive(hostConfig['CpuQuota']);
	const period = positive(hostConfig['CpuPeriod']) ?? 100_000;
	return {
		cpus:
			nanoCpus === undefined
				? quota === undefined
					? undefined
					: quota / period
				: nanoCpus / 1e9,
		memory: positive(hostConfig['Memory']),
		pids: positive(hostConfig['PidsLimit']),
	};
}

/** An RFC 3339 time from the wire in milliseconds; 0 when absent or unreadable. */
export function time(value: unknown): number {
	const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	return Number.isFinite(parsed) ? parsed : 0;
}

/** Maps `DELETE /images/{name}`: `[{Untagged}, {Deleted}]`. */
export function toImageRemoval(raw: unknown): ImageRemoval {
	const entries = Array.isArray(raw) ? raw.filter(isObject) : [];
	return {
		untagged: entries.map(entry => text(entry['Untagged'])).filter(Boolean),
		deleted: entries.map(entry => text(entry['Deleted'])).filter(Boolean),
	};
}

/** The engine names anonymous volumes with 64 hex digits. */
const anonymousVolumeName = /^[\da-f]{64}$/;

function toVolume(raw: Json): VolumeSummary {
	const usage = isObject(raw['UsageData']) ? raw['UsageData'] : {};
	const size = number(usage['Size']);
	const refCount = number(usage['RefCount']);
	const name = text(raw['Name']);
	const labels = stringRecord(raw['Labels']);
	return {
		name,
		driver: text(raw['Driver']),
		// -1 is how the engine says "not measured".
		size: isObject(raw['UsageData']) && size >= 0 ? size : undefined,
		refCount:
			isObject(raw['UsageData']) && refCount >= 0 ? refCount : undefined,
		isAnonymous:
			anonymousVolumeName.test(name) ||
			labels['com.docker.volume.anonymous'] !== undefined,
		createdAt: time(raw['CreatedAt']),
		labels,
	};
}

/** Maps `GET /volumes`: `{Volumes: [...]}`. */
export function toVolumes(raw: unknown): VolumeSummary[] {
	const list =
		isObject(raw) && Array.isArray(raw['Volumes']) ? raw['Volumes'] : [];
	return list.filter(isObject).map(toVolume);
}

const builtInNetworks = new Set(['bridge', 'host', 'none']);

/** Maps one entry of `GET /networks`. */
export function toNetworkSummary(raw: unknown): NetworkSummary | undefined {
	if (!isObject(raw) || typeof raw['Id'] !== 'string') {
		return undefined;
	}

	const name = text(raw['Name']);
	const ipam = isObject(raw['IPAM']) ? raw['IPAM'] : {};
	const config = Array.isArray(ipam['Config'])
		? ipam['Config'].filter(isObject)
		: [];
	return {
		id: text(raw['Id']),
		name,
		driver: text(raw['Driver']),
		scope: text(raw['Scope']),
		subnets: config.map(entry => text(entry['Subnet'])).filter(Boolean),
		internal: raw['Internal'] === true,
		createdAt: time(raw['Created']),
		labels: stringRecord(raw['Labels']),
		isBuiltIn: builtInNetworks.has(name),
		isIngress: raw['Ingress'] === true,
		isConfigOnly: raw['ConfigOnly'] === true,
	};
}

/** The ids that some image of `GET /images/json?all=1` names as its `ParentId`. */
export function toParentIds(raw: unknown): ReadonlySet<string> {
	const list = Array.isArray(raw) ? raw.filter(isObject) : [];
	return new Set(list.map(image => text(image['ParentId'])).filter(Boolean));
}

/** Bytes reclaimed, from a prune answer. */
export function toReclaimed(raw: unknown): number {
	return isObject(raw) ? number(raw['SpaceReclaimed']) : 0;
}

function toBuildCacheRecord(raw: Json): BuildCacheRecord {
	return {
		id: text(raw['ID']),
		type: text(raw['Type']),
		description: text(raw['Description']),
		size: number(raw['Size']),
		inUse: raw['InUse'] === true,
		shared: raw['Shared'] === true,
		lastUsedAt: time(raw['LastUsedAt']),
	};
}

/** Maps `GET /system/df`. */
export function toDiskUsage(raw: unknown): DiskUsage {
	const df = isObject(raw) ? raw : {};
	const list = (key: string): Json[] =>
		Array.isArray(df[key]) ? df[key].filter(isObject) : [];
	const images = list('Images');
	return {
		containerSizes: new Map(
			list('Containers').map(container => [
				text(container['Id']),
				number(container['SizeRw']),
			]),
		),
		// Podman lists an image once per tag: the map keeps one entry per id.
		imageSizes: new Map(
			images.map(image => {
				const size = number(image['Size']);
				const shared = number(image['SharedSize']);
				return [
					imageId(image['Id']),
					{size, unique: shared > 0 ? size - shared : size},
				];
			}),
		),
		volumes: list('Volumes').map(toVolume),
		buildCache: list('BuildCache').map(toBuildCacheRecord),
		// Podman says 0 for images that take space: it did not add the layers up.
		layersSize:
			typeof df['LayersSize'] === 'number' &&
			(df['LayersSize'] > 0 ||
				images.every(image => number(image['Size']) === 0))
				? number(df['LayersSize'])
				: undefined,
	};
}

/**
 * An image id in the `sha256:…` form the lists use: Podman's `/system/df` gives bare hex ids,
 * which would join with no image or container of the lists.
 */
function imageId(value: unknown): string {
	const id = text(value);
	return /^[\da-f]{64}$/.test(id) ? `sha256:${id}` : id;
}

/** The default user of a container, from `GET /containers/{id}/json`. */
export function toContainerUser(raw: unknown): string {
	const config = isObject(raw) && isObject(raw['Config']) ? raw['Config'] : {};
	return text(config['User']);
}
