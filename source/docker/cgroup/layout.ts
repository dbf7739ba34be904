/**
 * Where a local container's cgroup lives. Reading the counters straight from cgroupfs costs microseconds,
 * where a stats stream costs the daemon a goroutine and a JSON frame per container per second; this finds
 * the directories to read. The root is injectable so tests run on fixture trees.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';

/** The v1 controllers whose counters we read. */
export type CgroupController = 'cpu' | 'cpuacct' | 'memory' | 'pids' | 'blkio';

/** Directories per v1 controller; a controller that isn't mounted is absent. */
export type ControllerDirs = Readonly<
	Partial<Record<CgroupController, string>>
>;

/** How cgroups are mounted on this host. */
export type CgroupLayout =
	| {
			/** The unified hierarchy: one tree, all controllers. */
			readonly version: 2;
			readonly root: string;
	  }
	| {
			/** One hierarchy per controller; hybrid hosts (v1 plus an empty `unified` tree) count as v1, as Docker does. */
			readonly version: 1;
			readonly root: string;
			/** The mount point of each controller's hierarchy. */
			readonly mounts: ControllerDirs;
	  };

/** The daemon's cgroup driver, as `docker info` reports it (`CgroupDriver`). */
export type CgroupDriver = 'cgroupfs' | 'systemd';

/** What we know about a container when looking for its cgroup. */
export type ContainerCgroupQuery = {
	/** The full 64-hex-digit container id. */
	readonly id: string;
	/** `HostConfig.CgroupParent`; empty or absent for the daemon's default. */
	readonly cgroupParent?: string;
	/** The daemon's driver; when absent, both drivers' paths are tried. */
	readonly driver?: CgroupDriver;
	/**
	 * The text of `/proc/<pid>/cgroup` for the container's main process (see {@link readProcCgroup}). It names
	 * the exact path, so it wins over guessing, which matters when the daemon runs with its own `--cgroup-parent`
	 * (that default is not visible in the container's `HostConfig`).
	 */
	readonly procCgroup?: string;
};

/** The directories holding one container's counters. */
export type ContainerCgroup =
	| {readonly version: 2; readonly dir: string}
	| {readonly version: 1; readonly dirs: ControllerDirs};

const controllers: readonly CgroupController[] = [
	'cpu',
	'cpuacct',
	'memory',
	'pids',
	'blkio',
];

// Systemd mounts cpu and cpuacct together as `cpu,cpuacct` (with `cpu` and `cpuacct` symlinks, which not every
// distribution creates); other setups mount them apart. The first existing name wins.
const mountNames: Readonly<Record<CgroupController, readonly string[]>> = {
	cpu: ['cpu', 'cpu,cpuacct', 'cpuacct,cpu'],
	cpuacct: ['cpuacct', 'cpu,cpuacct', 'cpuacct,cpu'],
	memory: ['memory'],
	pids: ['pids'],
	blkio: ['blkio'],
};

// The hierarchy used to find the container's relative path; on v1 that path is the same in every hierarchy.
const probeOrder: readonly CgroupController[] = [
	'memory',
	'cpuacct',
	'cpu',
	'pids',
	'blkio',
];

/**
 * Works out how cgroups are mounted under `root`. Returns `undefined` when the root holds neither a unified
 * hierarchy nor any controller we read (not Linux, cgroups not mounted, or a container without /sys/fs/cgroup).
 */
export function detectCgroupLayout(
	root = '/sys/fs/cgroup',
): CgroupLayout | undefined {
	if (existsSync(path.join(root, 'cgroup.controllers'))) {
		return {version: 2, root};
	}

	const mounts: Partial<Record<CgroupController, string>> = {};
	for (const controller of controllers) {
		const name = mountNames[controller].find(candidate =>
			existsSync(path.join(root, candidate)),
		);
		if (name !== undefined) {
			mounts[controller] = path.join(root, name);
		}
	}

	return Object.keys(mounts).length > 0
		? {version: 1, root, mounts}
		: undefined;
}

/**
 * Expands a systemd slice name into its path: `my-app.slice` → `my.slice/my-app.slice`, because a dash in a
 * slice name means nesting. `-.slice` is the root slice.
 */
export function sliceToPath(slice: string): string {
	if (slice === '-.slice') {
		return '';
	}

	const name = slice.slice(0, -'.slice'.length);
	const parts = name.split('-');
	return parts
		.map((_, index) => `${parts.slice(0, index + 1).join('-')}.slice`)
		.join('/');
}

// runc resolves a parent under each hierarchy's root whether or not it starts with a slash.
function withoutLeadingSlash(parent: string): string {
	return parent.replace(/^\/+/, '');
}

function systemdPath(id: string, parent: string | undefined): string {
	const slice = parent === undefined || parent === '' ? 'system.slice' : parent;
	const scope = `docker-${id}.scope`;
	return slice.endsWith('.slice')
		? path.posix.join(sliceToPath(slice), scope)
		: path.posix.join(withoutLeadingSlash(slice), scope);
}

function cgroupfsPath(id: string, parent: string | undefined): string {
	const base =
		parent === undefined || parent === ''
			? 'docker'
			: withoutLeadingSlash(parent);
	return path.posix.join(base, id);
}

/**
 * The cgroup paths (relative to a hierarchy's root) where Docker puts a container, most likely first:
 * the daemon's own driver, then the other driver in case the caller's guess about it is wrong.
 */
export function containerCgroupCandidates(
	query: ContainerCgroupQuery,
): readonly string[] {
	const systemd = systemdPath(query.id, query.cgroupParent);
	const cgroupfs = cgroupfsPath(query.id, query.cgroupParent);
	const ordered =
		query.driver === 'cgroupfs' ? [cgroupfs, systemd] : [systemd, cgroupfs];
	return [...new Set(ordered)];
}

/** The cgroup paths of one process, parsed from the text of `/proc/<pid>/cgroup`. */
export type ProcCgroupPaths = {
	/** The path in the unified hierarchy (the `0::` line), if any. */
	readonly unified: string | undefined;
	/** The path in each v1 hierarchy we read. */
	readonly controllers: Readonly<Partial<Record<CgroupController, string>>>;
};

/** Parses `/proc/<pid>/cgroup` lines (`hierarchy-id:controller,list:/path`). */
export function parseProcCgroup(text: string): ProcCgroupPaths {
	let unified: string | undefined;
	const byController: Partial<Record<CgroupController, string>> = {};
	for (const line of text.split('\n')) {
		const first = line.indexOf(':');
		const second = line.indexOf(':', first + 1);
		if (first < 0 || second < 0) {
			continue;
		}

		const names = line.slice(first + 1, second);
		const cgroupPath = line.slice(second + 1);
		if (names === '') {
			unified = cgroupPath;
			continue;
		}

		for (const name of names.split(',')) {
			if ((controllers as readonly string[]).includes(name)) {
				byController[name as CgroupController] = cgroupPath;
			}
		}
	}

	return {unified, controllers: byController};
}

/** Reads `/proc/<pid>/cgroup`; `undefined` when the process is gone. `procRoot` is for tests. */
export function readProcCgroup(
	pid: number,
	procRoot = '/proc',
): string | undefined {
	try {
		return readFileSync(path.join(procRoot, String(pid), 'cgroup'), 'latin1');
	} catch {
		return undefined;
	}
}

function isDirectory(dir: string): boolean {
	try {
		return statSync(dir, {throwIfNoEntry: false})?.isDirectory() === true;
	} catch {
		// ENOTDIR or EACCES on the way: not a directory we can use.
		return false;
	}
}

function childDirs(dir: string): string[] {
	try {
		return readdirSync(dir, {withFileTypes: true})
			.filter(entry => entry.isDirectory())
			.map(entry => path.join(dir, entry.name));
	} catch {
		return [];
	}
}

/**
 * Looks for a directory named `<id>` or `docker-<id>.scope` up to two levels below `base`. This finds
 * containers under a daemon-wide `--cgroup-parent`, which the container's own `HostConfig` does not show.
 */
function searchContainerDir(base: string, id: string): string | undefined {
	const names = [id, `docker-${id}.scope`];
	let level = [base];
	for (let depth = 0; depth <= 2; depth++) {
		for (const dir of level) {
			for (const name of names) {
				const candidate = path.join(dir, name);
				if (isDirectory(candidate)) {
					return candidate;
				}
			}
		}

		level = level.flatMap(dir => childDirs(dir));
	}

	return undefined;
}

function relativePathV1(
	layout: Extract<CgroupLayout, {version: 1}>,
	query: ContainerCgroupQuery,
): string | undefined {
	const probe = probeOrder.find(
		controller => layout.mounts[controller] !== undefined,
	);
	const probeRoot = probe === undefined ? undefined : layout.mounts[probe];
	if (probe === undefined || probeRoot === undefined) {
		return undefined;
	}

	if (query.procCgroup !== undefined) {
		const fromProc = parseProcCgroup(query.procCgroup).controllers[probe];
		if (fromProc !== undefined && isDirectory(path.join(probeRoot, fromProc))) {
			return fromProc;
		}
	}

	const candidate = containerCgroupCandidates(query).find(relative =>
		isDirectory(path.join(probeRoot, relative)),
	);
	if (candidate !== undefined) {
		return candidate;
	}

	const found = searchContainerDir(probeRoot, query.id);
	return found === undefined ? undefined : path.relative(probeRoot, found);
}

/**
 * Finds the cgroup directories of a running container: from `/proc/<pid>/cgroup` when given, else from
 * Docker's naming rules, else by a shallow search. `undefined` when none exists (the container is not
 * running, or runs on another host).
 */
export function locateContainerCgroup(
	layout: CgroupLayout,
	query: ContainerCgroupQuery,
): ContainerCgroup | undefined {
	if (layout.version === 2) {
		const fromProc =
			query.procCgroup === undefined
				? undefined
				: parseProcCgroup(query.procCgroup).unified;
		const relative = [
			...(fromProc === undefined ? [] : [fromProc]),
			...containerCgroupCandidates(query),
		].find(candidate => isDirectory(path.join(layout.root, candidate)));
		const dir =
			relative === undefined
				? searchContainerDir(layout.root, query.id)
				: path.join(layout.root, relative);
		return dir === undefined ? undefined : {version: 2, dir};
	}

	const relative = relativePathV1(layout, query);
	if (relative === undefined) {
		return undefined;
	}

	const dirs: Partial<Record<CgroupController, string>> = {};
	for (const controller of controllers) {
		const mount = layout.mounts[controller];
		const dir = mount === undefined ? undefined : path.join(mount, relative);
		if (dir !== undefined && isDirectory(dir)) {
			dirs[controller] = dir;
		}
	}

	return {version: 1, dirs};
}

/** The directory whose `cgroup.procs` lists a container's processes. */
export function procsDirOf(cgroup: ContainerCgroup): string | undefined {
	return cgroup.version === 2
		? cgroup.dir
		: (cgroup.dirs.pids ?? cgroup.dirs.memory ?? cgroup.dirs.cpu);
}
