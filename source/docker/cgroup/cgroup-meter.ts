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
import {readTextOnce} from './read-text.js';

/** One reading of a container's counters straight from the kernel. */
export type CgroupMeasurement = {
	/** Milliseconds since the epoch. */
	readonly time: number;
	readonly sample: CgroupSample;
	/** Summed over the container's interfaces but `lo`; undefined when its network namespace is unreadable. */
	readonly network: NetworkTotals | undefined;
};

/** Reads the resource counters of local containers from their cgroup files, keeping them open between sweeps. */
export type CgroupMeter = {
	/** `cgroup v1` or `cgroup v2`, for the header. */
	readonly description: string;
	/**
	 * Reads every container in `ids` that has a cgroup here; a container not in the answer has none (stopped,
	 * or not on this host). Containers measured before and not in `ids` are released.
	 */
	readonly measure: (
		ids: readonly string[],
	) => ReadonlyMap<string, CgroupMeasurement>;
	/** Closes every open file. */
	readonly close: () => void;
};

type Meter = {
	readonly cgroup: CgroupReader;
	readonly network: ProcNetDevReader | undefined;
};

/** Any process of the container shares its network namespace; the first one listed will do. */
function firstPid(cgroup: ContainerCgroup): number | undefined {
	const dir =
		cgroup.version === 2
			? cgroup.dir
			: (cgroup.dirs.pids ?? cgroup.dirs.memory ?? cgroup.dirs.cpu);
	const text =
		dir === undefined
			? undefined
			: readTextOnce(path.join(dir, 'cgroup.procs'));
	const pid = Number.parseInt(text ?? '', 10);
	return pid > 0 ? pid : undefined;
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
}): CgroupMeter | undefined {
	const layout: CgroupLayout | undefined = detectCgroupLayout(options.root);
	if (layout === undefined) {
		return undefined;
	}

	const now = options.now ?? Date.now;
	const meters = new Map<string, Meter>();
	// Containers whose cgroup could not be found are not searched for again on every sweep.
	const missing = new Set<string>();
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

		const pid = firstPid(cgroup);
		const meter = {
			cgroup: openCgroupReader(cgroup),
			network:
				pid === undefined
					? undefined
					: openProcNetDevReader(pid, options.procRoot),
		};
		meters.set(id, meter);
		return meter;
	};

	return {
		description: `cgroup v${layout.version}`,
		measure(ids) {
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

			const result = new Map<string, CgroupMeasurement>();
			for (const id of ids) {
				const meter =
					meters.get(id) ?? (missing.has(id) ? undefined : open(id));
				const sample = meter?.cgroup.read();
				if (meter === undefined || sample === undefined) {
					// Gone between the list and this read; it is looked for afresh if it runs again.
					release(id);
					continue;
				}

				result.set(id, {time: now(), sample, network: meter.network?.read()});
			}

			return result;
		},
		close() {
			for (const id of [...meters.keys()]) {
				release(id);
			}
		},
	};
}
