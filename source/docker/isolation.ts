/**
 * What makes a container one: its namespaces (and who else shares them), its cgroup and the
 * limits in force there, and the settings that weaken its isolation.
 */
import {readlinkSync} from 'node:fs';
import path from 'node:path';
import {
	locateContainerCgroup,
	readProcCgroup,
	type CgroupLayout,
	type ContainerCgroup,
} from './cgroup/layout.js';
import {firstPid} from './cgroup/cgroup-meter.js';
import {readTextOnce} from './cgroup/read-text.js';
import type {ContainerDetails} from './inspect.js';
import {sanitize} from './sanitize.js';

export const namespaceKinds = [
	'pid',
	'net',
	'mnt',
	'ipc',
	'uts',
	'user',
	'cgroup',
	'time',
] as const;
export type NamespaceKind = (typeof namespaceKinds)[number];

/** One namespace of a container, and who else is in it. */
export type NamespaceShare = {
	readonly kind: NamespaceKind;
	/** `4026532201`, the namespace's inode; undefined where it could not be read. */
	readonly inode: string | undefined;
	/** `host`, and the names of other containers in the same namespace. */
	readonly sharedWith: readonly string[];
};

/** A cgroup file's setting, as shown: `cpu.max` → `150000 100000`. */
export type CgroupSetting = {readonly file: string; readonly value: string};

/** What {@link DockerClient.isolation} tells. */
export type IsolationReport = {
	/** Undefined where /proc cannot be read: a remote engine, or a container not running. */
	readonly namespaces: readonly NamespaceShare[] | undefined;
	readonly cgroup:
		| {
				readonly version: 1 | 2;
				/** Its directory (v2), or each controller's (v1). */
				readonly paths: readonly string[];
				readonly settings: readonly CgroupSetting[];
		  }
		| undefined;
	/** The settings that weaken its isolation, each said plainly. */
	readonly weakenings: readonly string[];
};

/** `net:[4026531993]` → `4026531993`. */
export function namespaceInode(link: string): string | undefined {
	return /\[(\d+)\]$/.exec(link)?.[1];
}

/** The namespace inodes of process `pid`; a kind the kernel lacks (time before 5.6) is absent. */
export function readNamespaces(
	pid: number | 'self',
	procRoot = '/proc',
): Partial<Record<NamespaceKind, string>> {
	const ids: Partial<Record<NamespaceKind, string>> = {};
	for (const kind of namespaceKinds) {
		try {
			const inode = namespaceInode(
				readlinkSync(path.join(procRoot, String(pid), 'ns', kind)),
			);
			if (inode !== undefined) {
				ids[kind] = inode;
			}
		} catch {
			// Gone, or not a kind this kernel has.
		}
	}

	return ids;
}

/**
 * Each namespace of a container with who shares it: the host (PID 1's) and other containers, by
 * the inodes of their processes' namespaces.
 */
export function namespaceShares(
	own: Partial<Record<NamespaceKind, string>>,
	host: Partial<Record<NamespaceKind, string>>,
	others: readonly {
		readonly name: string;
		readonly ids: Partial<Record<NamespaceKind, string>>;
	}[],
): NamespaceShare[] {
	return namespaceKinds.map(kind => {
		const inode = own[kind];
		return {
			kind,
			inode,
			sharedWith:
				inode === undefined
					? []
					: [
							...(host[kind] === inode ? ['host'] : []),
							...others
								.filter(other => other.ids[kind] === inode)
								.map(other => other.name)
								.sort(),
						],
		};
	});
}

/** The cgroup files of the limits in force, by version. */
const limitFiles = {
	2: [
		'cpu.max',
		'cpu.weight',
		'cpuset.cpus',
		'cpuset.mems',
		'memory.max',
		'memory.high',
		'memory.swap.max',
		'pids.max',
		'io.weight',
		'io.max',
	],
	1: [
		'cpu/cpu.cfs_quota_us',
		'cpu/cpu.cfs_period_us',
		'cpu/cpu.shares',
		'memory/memory.limit_in_bytes',
		'memory/memory.memsw.limit_in_bytes',
		'memory/memory.soft_limit_in_bytes',
		'pids/pids.max',
		'blkio/blkio.weight',
	],
} as const;

/** The limits a container's cgroup holds, read once each; a file that is not there is left out. */
export function readCgroupSettings(cgroup: ContainerCgroup): CgroupSetting[] {
	const read = (file: string): CgroupSetting[] => {
		const at =
			cgroup.version === 2
				? path.join(cgroup.dir, file)
				: (() => {
						const [controller = '', name = ''] = file.split('/');
						const dir = (cgroup.dirs as Record<string, string | undefined>)[
							controller
						];
						return dir === undefined ? undefined : path.join(dir, name);
					})();
		const text = at === undefined ? undefined : readTextOnce(at);
		return text === undefined
			? []
			: [{file: path.basename(file), value: sanitize(text.trim())}];
	};

	return limitFiles[cgroup.version].flatMap(read);
}

/** The directories of a container's cgroup, for the view. */
export function cgroupPaths(cgroup: ContainerCgroup): string[] {
	return cgroup.version === 2
		? [cgroup.dir]
		: [...new Set(Object.values(cgroup.dirs))].sort();
}

/** `HostConfig.SecurityOpt` from an inspect's JSON. */
function securityOptions(json: string): string[] {
	try {
		const parsed = JSON.parse(json) as {
			readonly HostConfig?: {readonly SecurityOpt?: unknown};
		};
		const options = parsed.HostConfig?.SecurityOpt;
		return Array.isArray(options)
			? options.filter((option): option is string => typeof option === 'string')
			: [];
	} catch {
		return [];
	}
}

const hostModes: readonly (readonly [
	keyof ContainerDetails['namespaces'],
	string,
])[] = [
	['pid', '--pid host: it sees and can signal every process of the host'],
	['network', "--network host: it uses the host's network stack"],
	['ipc', "--ipc host: it shares the host's shared memory and message queues"],
	['uts', "--uts host: it can set the host's name"],
	['user', '--userns host: its root is the host root'],
	['cgroup', "--cgroupns host: it sees the host's cgroup tree"],
];

/** The settings of a container that weaken its isolation, each said plainly. */
export function isolationWeakenings(
	details: ContainerDetails,
	json: string,
): string[] {
	const security = securityOptions(json);
	const unconfined = (name: string): boolean =>
		security.some(option => new RegExp(`^${name}[=:]unconfined$`).test(option));
	return [
		...(details.privileged
			? ['--privileged: every capability and device, no seccomp or AppArmor']
			: []),
		...hostModes
			.filter(([key]) => details.namespaces[key] === 'host')
			.map(([, text]) => text),
		...(details.capAdd.length > 0
			? [`--cap-add ${details.capAdd.join(',')}: capabilities added`]
			: []),
		...(unconfined('seccomp')
			? ['seccomp=unconfined: no system call filter']
			: []),
		...(unconfined('apparmor')
			? ['apparmor=unconfined: no AppArmor profile']
			: []),
		...(security.includes('label=disable') || security.includes('label:disable')
			? ['label=disable: no SELinux labels']
			: []),
		...details.mounts.flatMap(mount =>
			mount.source.endsWith('docker.sock') ||
			mount.destination.endsWith('docker.sock')
				? [
						`${mount.source} mounted at ${mount.destination}: it can drive the engine, and so the host`,
					]
				: (mount.source === '/sys' || mount.source === '/proc') &&
					  mount.readWrite
					? [`${mount.source} mounted writable at ${mount.destination}`]
					: [],
		),
	];
}

/** Where a local engine's containers are found on this machine. */
export type LocalView = {
	readonly layout: CgroupLayout;
	/** The other running containers, to tell who shares a namespace. */
	readonly others: readonly {readonly id: string; readonly name: string}[];
	readonly procRoot?: string;
};

/**
 * A container's isolation: its settings from the engine, and where the engine runs on this
 * machine (`local`), its namespaces and cgroup read from /proc and cgroupfs.
 */
export function isolationReport(
	details: ContainerDetails,
	json: string,
	local: LocalView | undefined,
): IsolationReport {
	const weakenings = isolationWeakenings(details, json);
	const isRunning = details.state.status === 'running' && details.state.pid > 0;
	if (local === undefined || !isRunning) {
		return {namespaces: undefined, cgroup: undefined, weakenings};
	}

	const procRoot = local.procRoot ?? '/proc';
	const own = readNamespaces(details.state.pid, procRoot);
	const others = local.others
		.filter(other => other.id !== details.id)
		.flatMap(other => {
			const cgroup = locateContainerCgroup(local.layout, {id: other.id});
			const pid = cgroup === undefined ? undefined : firstPid(cgroup);
			return pid === undefined
				? []
				: [{name: other.name, ids: readNamespaces(pid, procRoot)}];
		});
	const procCgroup = readProcCgroup(details.state.pid, procRoot);
	const cgroup = locateContainerCgroup(local.layout, {
		id: details.id,
		cgroupParent: details.cgroupParent,
		...(procCgroup === undefined ? {} : {procCgroup}),
	});
	return {
		namespaces:
			Object.keys(own).length === 0
				? undefined
				: // The host as dockmate sees it: it runs beside the engine, where a container's init (PID 1)
					// may be a sandbox's rather than the machine's.
					namespaceShares(own, readNamespaces('self', procRoot), others),
		cgroup:
			cgroup === undefined
				? undefined
				: {
						version: cgroup.version,
						paths: cgroupPaths(cgroup),
						settings: readCgroupSettings(cgroup),
					},
		weakenings,
	};
}
