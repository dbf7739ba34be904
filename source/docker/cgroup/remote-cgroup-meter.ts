/**
 * Measures the containers of an engine on another machine from their cgroup files, through a shell on
 * that machine ({@link HostShell}): one script per sweep for every running container, the
 * texts parsed by the same code as local readings. Where the shell is no POSIX shell or the files are
 * not readable (a rootless engine, a Docker Desktop VM), the probe or the first sweep finds nothing and
 * the caller falls back to the engine's stats API.
 */
import type {HostShell} from '../host-shell.js';
import {
	fullEvery,
	isFullReading,
	isReadingDue,
	type CgroupMeasurement,
	type ReadingPlan,
} from './cgroup-meter.js';
import {
	cgroupAt,
	layoutFromEntries,
	type CgroupDriver,
	type CgroupLayout,
} from './layout.js';
import {
	parseProcNetDev,
	sumNetworkCounters,
	netDevPath,
} from './proc-net-dev.js';
import {cgroupFiles, sampleFromTexts, type FileSpec} from './read-cgroup.js';
import {
	isSafePath,
	parseSweepOutput,
	probeScript,
	sweepScript,
} from './remote-sweep.js';

/** Reads the counters of containers on the engine's machine, one shell script per sweep. */
export type RemoteCgroupMeter = {
	/** `cgroup v2 via ssh`, for the header. */
	readonly description: string;
	/**
	 * Like {@link CgroupMeter.measure}, in one run of the shell: rejects when the run fails (the
	 * connection is lost), and with an abort error once {@link RemoteCgroupMeter.close} is called.
	 */
	readonly measure: (
		ids: readonly string[],
		shown?: number,
		offScreenEvery?: number,
	) => Promise<ReadonlyMap<string, CgroupMeasurement>>;
	/** Ends a run under way; the meter is unusable afterwards. */
	readonly close: () => void;
};

type Container = ReadingPlan & {
	readonly dir: string;
	readonly lastTexts: Record<string, string | undefined>;
	/** How many times it was read, and its last measurement, given again when a sweep skips it. */
	readings: number;
	last: CgroupMeasurement | undefined;
};

/**
 * Probes the shell's machine for its cgroup layout and returns a meter for it; `undefined` when
 * the probe fails or finds no cgroup hierarchy (no POSIX shell, no /sys/fs/cgroup).
 */
export async function openRemoteCgroupMeter(options: {
	readonly shell: HostShell;
	readonly driver: CgroupDriver | undefined;
	readonly signal?: AbortSignal;
	/** The far machine's cgroup root and /proc; tests point them at fixture trees. */
	readonly root?: string;
	readonly procRoot?: string;
	readonly now?: () => number;
}): Promise<RemoteCgroupMeter | undefined> {
	const {shell, root = '/sys/fs/cgroup', procRoot = '/proc'} = options;
	if (!isSafePath(root) || !isSafePath(procRoot)) {
		return undefined;
	}

	let entries: Set<string>;
	try {
		entries = new Set(
			(await shell.run(probeScript(root), options.signal)).split('\n'),
		);
	} catch {
		shell.close();
		return undefined;
	}

	// Paths relative to the root, which the script makes its working directory.
	const layout = layoutFromEntries('.', name => entries.has(name));
	if (layout === undefined) {
		shell.close();
		return undefined;
	}

	return createRemoteCgroupMeter({...options, layout, root, procRoot});
}

function createRemoteCgroupMeter(options: {
	readonly shell: HostShell;
	readonly driver: CgroupDriver | undefined;
	readonly layout: CgroupLayout;
	readonly root: string;
	readonly procRoot: string;
	readonly now?: () => number;
}): RemoteCgroupMeter {
	const {shell, layout, procRoot} = options;
	const now = options.now ?? Date.now;
	const containers = new Map<string, Container>();
	// Containers whose cgroup could not be found are not searched for again while they run.
	const missing = new Set<string>();
	const parents = new Set<string>();
	const controller = new AbortController();
	let sweeps = 0;
	let placed = 0;

	const measureFound = (
		id: string,
		container: Container,
		isFull: boolean,
		output: ReturnType<typeof parseSweepOutput>,
	): CgroupMeasurement | undefined => {
		const read: (readonly [FileSpec, string | undefined])[] = [];
		for (const file of cgroupFiles(cgroupAt(layout, container.dir))) {
			if (isFull || file.spec.tier === 'counter') {
				read.push([
					file.spec,
					file.path === undefined ? undefined : output.texts.get(file.path),
				]);
			}
		}

		const sample = sampleFromTexts(layout.version, container.lastTexts, read);
		if (sample === undefined) {
			// Gone between the list and this sweep; it is looked for afresh if it runs again.
			containers.delete(id);
			return undefined;
		}

		container.hasFullReading ||= isFull;
		const pid = output.pids.get(container.dir);
		const netDev =
			isFull && pid !== undefined
				? output.texts.get(netDevPath(pid, procRoot))
				: undefined;
		return {
			time: now(),
			sample,
			network:
				netDev === undefined
					? undefined
					: sumNetworkCounters(parseProcNetDev(netDev)),
		};
	};

	return {
		description: `cgroup v${layout.version} via ${shell.via}`,
		async measure(ids, shown = ids.length, offScreenEvery = 1) {
			const wanted = new Set(ids);
			for (const id of [...containers.keys(), ...missing]) {
				if (!wanted.has(id)) {
					containers.delete(id);
					missing.delete(id);
				}
			}

			sweeps++;
			const known: {dir: string; isFull: boolean}[] = [];
			const full = new Set<string>();
			const unknown: string[] = [];
			const skipped = new Set<string>();
			for (const [rank, id] of ids.entries()) {
				const container = containers.get(id);
				if (container === undefined) {
					if (!missing.has(id)) {
						unknown.push(id);
					}

					continue;
				}

				if (!isReadingDue(container, rank, shown, sweeps, offScreenEvery)) {
					skipped.add(id);
					continue;
				}

				const isFull = isFullReading(container, rank, shown, sweeps);
				if (isFull) {
					full.add(id);
				}

				known.push({dir: container.dir, isFull});
			}

			const output = parseSweepOutput(
				await shell.run(
					sweepScript({
						root: options.root,
						procRoot,
						layout,
						driver: options.driver,
						parents: [...parents],
						known,
						unknown,
					}),
					controller.signal,
				),
			);
			for (const id of unknown) {
				const dir = output.found.get(id);
				if (dir === undefined) {
					missing.add(id);
					continue;
				}

				const slash = dir.lastIndexOf('/');
				if (slash > 0) {
					parents.add(dir.slice(0, slash));
				}

				containers.set(id, {
					dir,
					lastTexts: {},
					phase: placed++ % fullEvery,
					hasFullReading: false,
					readings: 0,
					last: undefined,
				});
				full.add(id);
			}

			const result = new Map<string, CgroupMeasurement>();
			for (const id of ids) {
				const container = containers.get(id);
				if (container !== undefined && skipped.has(id)) {
					if (container.last !== undefined) {
						result.set(id, container.last);
					}

					continue;
				}

				const measurement =
					container === undefined
						? undefined
						: measureFound(id, container, full.has(id), output);
				if (container !== undefined && measurement !== undefined) {
					container.readings++;
					container.last = measurement;
					result.set(id, measurement);
				}
			}

			return result;
		},
		close() {
			controller.abort();
			shell.close();
		},
	};
}
