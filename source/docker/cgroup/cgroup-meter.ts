import path from 'node:path';
import {
	detectCgroupLayout,
	locateContainerCgroup,
	type CgroupDriver,
	type CgroupLayout,
	type ContainerCgroup,
} from './layout.js';
import {openProcNetDevReader, type ProcNetDevReader} from './proc-net-dev.js';
import type {NetworkTotals} from './proc-net-dev.js';
import {
	openCgroupReader,
	type CgroupReader,
	type CgroupSample,
} from './read-cgroup.js';
import {OutOfFilesError, readTextOnce, type OpenFile} from './read-text.js';

/** One reading of a container's counters straight from the kernel. */
export type CgroupMeasurement = {
	/** Milliseconds since the epoch. */
	readonly time: number;
	readonly sample: CgroupSample;
	/** Summed over the container's interfaces but `lo`; undefined when its network namespace is unreadable. */
	readonly network: NetworkTotals | undefined;
};

/** The sweep that ran out of file descriptors, and the process's open-files limit when known. */
export type OutOfFiles = {readonly limit: number | undefined};

/**
 * Reads the resource counters of local containers from their cgroup files, with a bounded number of
 * files open whatever the number of containers.
 */
export type CgroupMeter = {
	/** `cgroup v1` or `cgroup v2`, for the header. */
	readonly description: string;
	/**
	 * Reads every container in `ids` that has a cgroup here; a container not in the answer has none (stopped,
	 * or not on this host), or was not reached for want of descriptors (see {@link CgroupMeter.outOfFiles}).
	 * `ids` come most wanted first: the first `shown` are on screen and read in full every time, the first
	 * few of those through files kept open; the rest get what a sort needs (CPU, memory) every time
	 * and the other figures every few sweeps. Containers measured before and not in `ids` are released.
	 * With `offScreenEvery` above 1, a container off screen with a reading is read only every that many
	 * sweeps; in the others its entry is its last measurement, the very object, unchanged.
	 */
	readonly measure: (
		ids: readonly string[],
		shown?: number,
		offScreenEvery?: number,
	) => ReadonlyMap<string, CgroupMeasurement>;
	/** Set when the last sweep stopped short because no file descriptor was left. */
	readonly outOfFiles: () => OutOfFiles | undefined;
	/** Closes every open file. */
	readonly close: () => void;
};

/**
 * How many containers keep their files open (13 descriptors each on v1, 10 on v2): at most ~160 in all.
 * Measured on the development VM (2 vCPUs, loaded; cgroup v1, 150 running containers), CPU time per
 * container per sweep: every file kept open 26–27 µs, plus 4 µs for net/dev; every file opened, read
 * and closed 111–117 µs, plus 11–13 µs; CPU and memory alone 5 µs kept open, ~15 µs opened each time.
 * So the rows on screen that matter most keep their files, and the rest open what a sort needs each
 * sweep and the other files every {@link fullEvery} sweeps. Whole sweeps of 200 containers, 40 of them
 * on screen: 39–48 µs a container with 206 descriptors open in all, against 28–42 µs with 2,650 when
 * every file stayed open.
 */
const keptOpen = 12;

/** Containers off screen read their details, limits and network every this many sweeps. */
export const fullEvery = 10;

type Meter = ReadingPlan & {
	readonly cgroup: CgroupReader;
	readonly network: ProcNetDevReader | undefined;
	/** What the last reading found: given again in the sweeps that skip the container. */
	last: CgroupMeasurement | undefined;
	/** Readings made so far, up to 2: a CPU figure needs two. */
	readings: number;
};

/**
 * The file listing the container's processes: all of them for its processes view, the first one for
 * its namespaces (network counters, isolation).
 */
export function procsFile(cgroup: ContainerCgroup): string | undefined {
	const dir =
		cgroup.version === 2
			? cgroup.dir
			: (cgroup.dirs.pids ?? cgroup.dirs.memory ?? cgroup.dirs.cpu);
	return dir === undefined ? undefined : path.join(dir, 'cgroup.procs');
}

/** Any process of the container shares its namespaces; the first one listed will do. */
export function firstPid(
	cgroup: ContainerCgroup,
	openFile?: OpenFile,
): number | undefined {
	const file = procsFile(cgroup);
	const text = file === undefined ? undefined : readTextOnce(file, openFile);
	const pid = Number.parseInt(text ?? '', 10);
	return pid > 0 ? pid : undefined;
}

/** How a container's readings are spread over the sweeps. */
export type ReadingPlan = {
	/** Spreads the full readings of containers off screen over the sweeps. */
	readonly phase: number;
	/** Whether a full reading was made: the first one is, so every figure is there from the start. */
	hasFullReading: boolean;
};

/**
 * Whether this sweep reads all of a container's files (details, limits, network) or only what a sort
 * needs: always for the `shown` first ranks and a first reading, else every {@link fullEvery} sweeps.
 */
export function isFullReading(
	plan: ReadingPlan,
	rank: number,
	shown: number,
	sweep: number,
): boolean {
	return (
		rank < shown ||
		!plan.hasFullReading ||
		(sweep + plan.phase) % fullEvery === 0
	);
}

/**
 * Whether this sweep reads the container at all: always on screen and until it has the two readings of
 * a first CPU figure, else every `every` sweeps, on the same phase as its full readings (so those still
 * come every {@link fullEvery} sweeps when `every` divides it).
 */
export function isReadingDue(
	meter: Pick<Meter, 'phase' | 'readings'>,
	rank: number,
	shown: number,
	sweep: number,
	every: number,
): boolean {
	return (
		every <= 1 ||
		rank < shown ||
		meter.readings < 2 ||
		(sweep + meter.phase) % every === 0
	);
}

/** The soft `Max open files` of `/proc/<pid>/limits`, the one the kernel enforces. */
export function parseOpenFilesLimit(
	text: string | undefined,
): number | undefined {
	const match = /^Max open files\s+(\d+)/m.exec(text ?? '');
	return match === null ? undefined : Number(match[1]);
}

/**
 * Opens the cgroup hierarchy of this machine, or returns undefined where there is none to read (not Linux,
 * or /sys/fs/cgroup not mounted). `driver` is the engine's cgroup driver, which decides where its
 * containers' cgroups are named.
 */
export function createCgroupMeter(options: {
	readonly driver: CgroupDriver | undefined;
	readonly root?: string;
	readonly procRoot?: string;
	readonly now?: () => number;
	/** Opens files; tests inject failures. */
	readonly openFile?: OpenFile;
}): CgroupMeter | undefined {
	const layout: CgroupLayout | undefined = detectCgroupLayout(options.root);
	if (layout === undefined) {
		return undefined;
	}

	const {openFile, procRoot = '/proc'} = options;
	const now = options.now ?? Date.now;
	// Read now: once descriptors run out, this file cannot be opened either.
	const limit = parseOpenFilesLimit(
		readTextOnce(path.join(procRoot, 'self', 'limits'), openFile),
	);
	const meters = new Map<string, Meter>();
	// Containers whose cgroup could not be found are not searched for again on every sweep.
	const missing = new Set<string>();
	let sweeps = 0;
	let kept = keptOpen;
	let outOfFiles: OutOfFiles | undefined;
	const release = (id: string): void => {
		const meter = meters.get(id);
		meter?.cgroup.close();
		meter?.network?.close();
		meters.delete(id);
	};

	const open = (id: string): Meter | undefined => {
		const cgroup = locateContainerCgroup(layout, {
			id,
			...(options.driver === undefined ? {} : {driver: options.driver}),
		});
		if (cgroup === undefined) {
			missing.add(id);
			return undefined;
		}

		const pid = firstPid(cgroup, openFile);
		const meter = {
			cgroup: openCgroupReader(cgroup, openFile),
			network:
				pid === undefined
					? undefined
					: openProcNetDevReader(pid, procRoot, openFile),
			phase: meters.size % fullEvery,
			hasFullReading: false,
			last: undefined,
			readings: 0,
		};
		meters.set(id, meter);
		return meter;
	};

	const measureOne = (
		id: string,
		rank: number,
		shown: number,
		offScreenEvery: number,
	): CgroupMeasurement | undefined => {
		const meter = meters.get(id) ?? (missing.has(id) ? undefined : open(id));
		if (meter === undefined) {
			return undefined;
		}

		if (!isReadingDue(meter, rank, shown, sweeps, offScreenEvery)) {
			return meter.last;
		}

		const keepOpen = rank < kept;
		const isFull = isFullReading(meter, rank, shown, sweeps);
		// On screen but not kept open, every file is opened again for each reading, several times the
		// cost of a kept one: its details every other sweep, and its limits, which seldom change, with
		// the full readings of the rows off screen.
		const isOpenedAgain = !keepOpen && meter.hasFullReading;
		const phase = sweeps + meter.phase;
		const details = isFull && (!isOpenedAgain || phase % 2 === 0);
		const limits = isFull && (!isOpenedAgain || phase % fullEvery === 0);
		const sample = meter.cgroup.read({details, limits, keepOpen});
		if (sample === undefined) {
			// Gone between the list and this read; it is looked for afresh if it runs again.
			release(id);
			return undefined;
		}

		meter.hasFullReading ||= isFull;
		if (!keepOpen) {
			meter.network?.release();
		}

		const network = details ? meter.network?.read({keepOpen}) : undefined;
		meter.last = {time: now(), sample, network};
		meter.readings = Math.min(meter.readings + 1, 2);
		return meter.last;
	};

	return {
		description: `cgroup v${layout.version}`,
		measure(ids, shown = ids.length, offScreenEvery = 1) {
			const wanted = new Set(ids);
			for (const id of meters.keys()) {
				if (!wanted.has(id)) {
					release(id);
				}
			}

			for (const id of missing) {
				if (!wanted.has(id)) {
					missing.delete(id);
				}
			}

			sweeps++;
			outOfFiles = undefined;
			const result = new Map<string, CgroupMeasurement>();
			for (const [rank, id] of ids.entries()) {
				let measurement: CgroupMeasurement | undefined;
				try {
					measurement = measureOne(id, rank, shown, offScreenEvery);
				} catch (error) {
					if (!(error instanceof OutOfFilesError)) {
						throw error;
					}

					// Give back what we keep open, for logs and shells first, and keep half as many
					// from now on; the containers not reached yet (the least wanted) go without figures.
					outOfFiles = {limit};
					kept = Math.floor(kept / 2);
					for (const other of [...meters.keys()]) {
						release(other);
					}

					break;
				}

				if (measurement !== undefined) {
					result.set(id, measurement);
				}
			}

			return result;
		},
		outOfFiles: () => outOfFiles,
		close() {
			for (const id of [...meters.keys()]) {
				release(id);
			}
		},
	};
}
