import type {EngineInfo} from './domain-types.js';
import {jsonObject} from './json.js';
import {number, text, toEngineInfo} from './to-domain.js';

/** What `docker version` and `docker info` say about the engine and its host, as the System pane shows it. */
export type SystemDetails = {
	readonly engine: EngineInfo;
	/** The oldest API version the engine still answers. */
	readonly minApiVersion: string;
	/** The host's name for itself. */
	readonly hostname: string;
	/** The host's operating system, e.g. `Debian GNU/Linux 12 (bookworm)`. */
	readonly operatingSystem: string;
	readonly kernel: string;
	/** `cgroupfs` or `systemd`; empty where the engine does not say. */
	readonly cgroupDriver: string;
	/** `1` or `2`. */
	readonly cgroupVersion: string;
	/** `overlay2`, `btrfs`, `vfs`… */
	readonly storageDriver: string;
	readonly rootDir: string;
	readonly cpus: number;
	/** Host memory in bytes. */
	readonly memory: number;
	/** Swarm membership: `inactive`, `active`, `pending`, `error` or `locked`. */
	readonly swarm: string;
	/** Whether this node manages the swarm (and so can list services and nodes). */
	readonly isSwarmManager: boolean;
	readonly containers: {
		readonly total: number;
		readonly running: number;
		readonly paused: number;
		readonly stopped: number;
	};
	readonly images: number;
	/** What the engine warns about its set-up, e.g. `WARNING: IPv4 forwarding is disabled`. */
	readonly warnings: readonly string[];
};

/** Maps `GET /version` and `GET /info` together. */
export function toSystemDetails(
	rawVersion: unknown,
	rawInfo: unknown,
): SystemDetails {
	const version = jsonObject(rawVersion);
	const info = jsonObject(rawInfo);
	const swarm = jsonObject(info['Swarm']);
	return {
		engine: toEngineInfo(version),
		minApiVersion: text(version['MinAPIVersion']),
		hostname: text(info['Name']),
		operatingSystem: text(info['OperatingSystem']),
		kernel: text(info['KernelVersion']) || text(version['KernelVersion']),
		cgroupDriver: text(info['CgroupDriver']),
		cgroupVersion: text(info['CgroupVersion']) || '1',
		storageDriver: text(info['Driver']),
		rootDir: text(info['DockerRootDir']),
		cpus: number(info['NCPU']),
		memory: number(info['MemTotal']),
		swarm: text(swarm['LocalNodeState']) || 'inactive',
		isSwarmManager: swarm['ControlAvailable'] === true,
		containers: {
			total: number(info['Containers']),
			running: number(info['ContainersRunning']),
			paused: number(info['ContainersPaused']),
			stopped: number(info['ContainersStopped']),
		},
		images: number(info['Images']),
		warnings: Array.isArray(info['Warnings'])
			? info['Warnings'].map(text).filter(Boolean)
			: [],
	};
}
