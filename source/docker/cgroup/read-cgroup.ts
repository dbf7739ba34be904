/**
 * A container's counters read straight from its cgroup files. Parsing is pure (file texts in, numbers out);
 * reading is a thin layer that can keep each file open and re-read it from offset 0 (see read-text.ts), and
 * lets a caller skip the costlier and the rarely changing files on most sweeps.
 */
import path from 'node:path';
import {memoryUsageWithoutCache} from '../stats-math.js';
import type {CgroupController, ContainerCgroup} from './layout.js';
import {closeText, openText, readText, type OpenFile} from './read-text.js';

/**
 * One reading of a container's cgroup counters. Counters are cumulative since the cgroup was created.
 * Limits are `Infinity` when there is none; any field is `undefined` when its file is missing or unreadable
 * (a controller not enabled, an older kernel).
 */
export type CgroupSample = {
	/** CPU time used, in nanoseconds (all CPUs together). */
	readonly cpuUsageNs: number | undefined;
	/** CFS enforcement periods that elapsed while the cgroup had runnable tasks. */
	readonly cpuPeriods: number | undefined;
	/** Periods in which the cgroup used up its quota and was held back. */
	readonly cpuThrottledPeriods: number | undefined;
	/** Time the cgroup's tasks spent held back by the quota, in nanoseconds, summed over CPUs. */
	readonly cpuThrottledNs: number | undefined;
	/** The CPU quota as a number of CPUs (`--cpus`), e.g. 1.5. */
	readonly cpuQuota: number | undefined;
	/** Bytes in use without the inactive file cache, like `docker stats`. */
	readonly memoryUsage: number | undefined;
	readonly memoryLimit: number | undefined;
	/**
	 * How often usage hit the limit: v1 `memory.failcnt`, v2 `memory.events` `max`. On some recent kernels
	 * the v1 figure stays 0 even while the OOM killer fires, so pair it with {@link CgroupSample.oomKills}.
	 */
	readonly memoryLimitHits: number | undefined;
	/** Processes the OOM killer killed in this cgroup (v1 needs Linux 4.13 or later). */
	readonly oomKills: number | undefined;
	/** Whether the cgroup is stuck at its limit with the OOM killer disabled (v1 only). */
	readonly isUnderOom: boolean | undefined;
	readonly pids: number | undefined;
	readonly pidsLimit: number | undefined;
	/**
	 * Bytes read from block devices. On cgroup v1 Docker's source, `blkio.throttle.io_service_bytes`, only
	 * counts once the kernel has block throttling active on the device (Linux 6.x), so it may stay 0.
	 */
	readonly blockRead: number | undefined;
	readonly blockWrite: number | undefined;
};

/** The text of each cgroup file, keyed by file name (`memory.stat`); an unreadable file is absent. */
export type CgroupFileTexts = Readonly<Record<string, string | undefined>>;

/** Block I/O totals summed over devices. */
export type BlockTotals = {readonly read: number; readonly write: number};

function toNumber(text: string): number | undefined {
	const trimmed = text.trim();
	if (trimmed === '') {
		return undefined;
	}

	const value = Number(trimmed);
	return Number.isFinite(value) ? value : undefined;
}

/** Parses a file holding one integer (`cpuacct.usage`, `memory.current`, `pids.current`). */
export function parseCounter(text: string | undefined): number | undefined {
	return text === undefined ? undefined : toNumber(text);
}

/**
 * Parses a limit file (`memory.max`, `memory.limit_in_bytes`, `pids.max`): `max` is `Infinity`, and so is
 * v1's "unlimited" memory value (the largest page-aligned 64-bit number, beyond any real machine).
 */
export function parseLimit(text: string | undefined): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	if (text.trim() === 'max') {
		return Number.POSITIVE_INFINITY;
	}

	const value = toNumber(text);
	if (value === undefined) {
		return undefined;
	}

	return value < 0 || value > Number.MAX_SAFE_INTEGER
		? Number.POSITIVE_INFINITY
		: value;
}

/**
 * The value of `key` in a flat keyed file (`cpu.stat`, `memory.stat`, `memory.events`, `memory.oom_control`),
 * matching whole keys only: `inactive_file` does not match `total_inactive_file`. Looks the key up in the
 * text instead of splitting every line, since memory.stat has some 50 lines and we want one or two.
 */
export function parseKeyedValue(
	text: string | undefined,
	key: string,
): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	let from = 0;
	for (;;) {
		const at = text.indexOf(key, from);
		if (at < 0) {
			return undefined;
		}

		const end = at + key.length;
		if (
			(at === 0 || text.charCodeAt(at - 1) === 10) &&
			text.charCodeAt(end) === 32
		) {
			const lineEnd = text.indexOf('\n', end);
			return toNumber(text.slice(end + 1, lineEnd < 0 ? text.length : lineEnd));
		}

		from = end;
	}
}

/** Parses v2 `cpu.max` (`"150000 100000"` → 1.5 CPUs, `"max 100000"` → `Infinity`). */
export function parseCpuMax(text: string | undefined): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	const [quota, period] = text.trim().split(/\s+/);
	if (quota === 'max') {
		return Number.POSITIVE_INFINITY;
	}

	const quotaUs = quota === undefined ? undefined : toNumber(quota);
	const periodUs = period === undefined ? undefined : toNumber(period);
	return quotaUs === undefined || periodUs === undefined || periodUs <= 0
		? undefined
		: quotaUs / periodUs;
}

/** The v1 quota (`cpu.cfs_quota_us`, -1 for none) over the period (`cpu.cfs_period_us`), as a number of CPUs. */
export function cpuQuotaV1(
	quotaText: string | undefined,
	periodText: string | undefined,
): number | undefined {
	const quotaUs = parseCounter(quotaText);
	if (quotaUs !== undefined && quotaUs < 0) {
		return Number.POSITIVE_INFINITY;
	}

	const periodUs = parseCounter(periodText);
	return quotaUs === undefined || periodUs === undefined || periodUs <= 0
		? undefined
		: quotaUs / periodUs;
}

/**
 * Sums `rbytes`/`wbytes` over the devices of v2 `io.stat`
 * (`8:0 rbytes=1459200 wbytes=314773504 rios=192 …`). An empty file, a container without I/O yet, is 0.
 */
export function parseIoStat(text: string | undefined): BlockTotals | undefined {
	if (text === undefined) {
		return undefined;
	}

	let read = 0;
	let write = 0;
	for (const line of text.split('\n')) {
		for (const field of line.split(' ')) {
			if (field.startsWith('rbytes=')) {
				read += toNumber(field.slice('rbytes='.length)) ?? 0;
			} else if (field.startsWith('wbytes=')) {
				write += toNumber(field.slice('wbytes='.length)) ?? 0;
			}
		}
	}

	return {read, write};
}

/**
 * Sums the `Read` and `Write` lines over the devices of v1 `blkio.throttle.io_service_bytes`
 * (`8:0 Read 1228800`); the `Sync`, `Async`, `Discard` and `Total` lines count the same bytes again.
 */
export function parseBlkioServiceBytes(
	text: string | undefined,
): BlockTotals | undefined {
	if (text === undefined) {
		return undefined;
	}

	let read = 0;
	let write = 0;
	for (const line of text.split('\n')) {
		const [, op, value] = line.trim().split(/\s+/);
		if (op === 'Read') {
			read += toNumber(value ?? '') ?? 0;
		} else if (op === 'Write') {
			write += toNumber(value ?? '') ?? 0;
		}
	}

	return {read, write};
}

function memoryUsageOf(
	usage: number | undefined,
	totalInactiveFile: number | undefined,
	inactiveFile: number | undefined,
) {
	return usage === undefined
		? undefined
		: memoryUsageWithoutCache(usage, totalInactiveFile, inactiveFile);
}

/** Builds a {@link CgroupSample} from the texts of a cgroup v1 container's files. */
export function parseCgroupV1(files: CgroupFileTexts): CgroupSample {
	const cpuStat = files['cpu.stat'];
	const memoryStat = files['memory.stat'];
	const oomControl = files['memory.oom_control'];
	const underOom = parseKeyedValue(oomControl, 'under_oom');
	const block = parseBlkioServiceBytes(
		files['blkio.throttle.io_service_bytes'],
	);
	return {
		cpuUsageNs: parseCounter(files['cpuacct.usage']),
		cpuPeriods: parseKeyedValue(cpuStat, 'nr_periods'),
		cpuThrottledPeriods: parseKeyedValue(cpuStat, 'nr_throttled'),
		cpuThrottledNs: parseKeyedValue(cpuStat, 'throttled_time'),
		cpuQuota: cpuQuotaV1(files['cpu.cfs_quota_us'], files['cpu.cfs_period_us']),
		memoryUsage: memoryUsageOf(
			parseCounter(files['memory.usage_in_bytes']),
			parseKeyedValue(memoryStat, 'total_inactive_file'),
			parseKeyedValue(memoryStat, 'inactive_file'),
		),
		memoryLimit: parseLimit(files['memory.limit_in_bytes']),
		memoryLimitHits: parseCounter(files['memory.failcnt']),
		oomKills: parseKeyedValue(oomControl, 'oom_kill'),
		isUnderOom: underOom === undefined ? undefined : underOom > 0,
		pids: parseCounter(files['pids.current']),
		pidsLimit: parseLimit(files['pids.max']),
		blockRead: block?.read,
		blockWrite: block?.write,
	};
}

function microsToNanos(value: number | undefined): number | undefined {
	return value === undefined ? undefined : value * 1000;
}

/** Builds a {@link CgroupSample} from the texts of a cgroup v2 container's files. */
export function parseCgroupV2(files: CgroupFileTexts): CgroupSample {
	const cpuStat = files['cpu.stat'];
	const events = files['memory.events'];
	const block = parseIoStat(files['io.stat']);
	return {
		cpuUsageNs: microsToNanos(parseKeyedValue(cpuStat, 'usage_usec')),
		// Without the cpu controller enabled, cpu.stat still has usage_usec but no nr_* lines.
		cpuPeriods: parseKeyedValue(cpuStat, 'nr_periods'),
		cpuThrottledPeriods: parseKeyedValue(cpuStat, 'nr_throttled'),
		cpuThrottledNs: microsToNanos(parseKeyedValue(cpuStat, 'throttled_usec')),
		cpuQuota: parseCpuMax(files['cpu.max']),
		memoryUsage: memoryUsageOf(
			parseCounter(files['memory.current']),
			undefined,
			parseKeyedValue(files['memory.stat'], 'inactive_file'),
		),
		memoryLimit: parseLimit(files['memory.max']),
		memoryLimitHits: parseKeyedValue(events, 'max'),
		oomKills: parseKeyedValue(events, 'oom_kill'),
		isUnderOom: undefined,
		pids: parseCounter(files['pids.current']),
		pidsLimit: parseLimit(files['pids.max']),
		blockRead: block?.read,
		blockWrite: block?.write,
	};
}

/**
 * How often a file needs reading. `counter`: what a sort needs every second (CPU time, memory usage).
 * `detail`: the rest of the counters, some of them costly for the kernel to render (memory.stat takes
 * a third of a v1 sweep). `limit`: what only `docker update` changes.
 */
export type Tier = 'counter' | 'detail' | 'limit';

/** A cgroup file we read, and how often it needs reading. */
export type FileSpec = {
	readonly name: string;
	/** Which v1 hierarchy holds it; v2 has one directory for all. */
	readonly controller: CgroupController;
	readonly tier: Tier;
};

const v1Files: readonly FileSpec[] = [
	{name: 'cpuacct.usage', controller: 'cpuacct', tier: 'counter'},
	{name: 'cpu.stat', controller: 'cpu', tier: 'detail'},
	{name: 'cpu.cfs_quota_us', controller: 'cpu', tier: 'limit'},
	{name: 'cpu.cfs_period_us', controller: 'cpu', tier: 'limit'},
	{name: 'memory.usage_in_bytes', controller: 'memory', tier: 'counter'},
	{name: 'memory.limit_in_bytes', controller: 'memory', tier: 'limit'},
	{name: 'memory.stat', controller: 'memory', tier: 'detail'},
	{name: 'memory.failcnt', controller: 'memory', tier: 'detail'},
	{name: 'memory.oom_control', controller: 'memory', tier: 'detail'},
	{name: 'pids.current', controller: 'pids', tier: 'detail'},
	{name: 'pids.max', controller: 'pids', tier: 'limit'},
	{
		name: 'blkio.throttle.io_service_bytes',
		controller: 'blkio',
		tier: 'detail',
	},
];

// On v2 cpu.stat holds usage and throttling together, so it is a counter.
const v2Files: readonly FileSpec[] = [
	{name: 'cpu.stat', controller: 'cpu', tier: 'counter'},
	{name: 'cpu.max', controller: 'cpu', tier: 'limit'},
	{name: 'memory.current', controller: 'memory', tier: 'counter'},
	{name: 'memory.max', controller: 'memory', tier: 'limit'},
	{name: 'memory.stat', controller: 'memory', tier: 'detail'},
	{name: 'memory.events', controller: 'memory', tier: 'detail'},
	{name: 'pids.current', controller: 'pids', tier: 'detail'},
	{name: 'pids.max', controller: 'pids', tier: 'limit'},
	{name: 'io.stat', controller: 'blkio', tier: 'detail'},
];

/** A file of one container's cgroup: `path` is undefined when its v1 controller is not mounted. */
export type CgroupFile = {
	readonly spec: FileSpec;
	readonly path: string | undefined;
};

/** The files to read for a container whose cgroup is at `cgroup`, counters first. */
export function cgroupFiles(cgroup: ContainerCgroup): readonly CgroupFile[] {
	const specs = cgroup.version === 2 ? v2Files : v1Files;
	return specs.map(spec => {
		const dir =
			cgroup.version === 2 ? cgroup.dir : cgroup.dirs[spec.controller];
		return {
			spec,
			path: dir === undefined ? undefined : path.join(dir, spec.name),
		};
	});
}

/**
 * Stores the texts of the files just read (`undefined` for one missing or unreadable) over `lastTexts`,
 * which keeps those of files skipped this time, and builds the sample; `undefined` when no counter
 * could be read, as once the cgroup is gone.
 */
export function sampleFromTexts(
	version: 1 | 2,
	lastTexts: Record<string, string | undefined>,
	read: readonly (readonly [FileSpec, string | undefined])[],
): CgroupSample | undefined {
	let hasCounters = false;
	for (const [spec, text] of read) {
		lastTexts[spec.name] = text;
		hasCounters ||= text !== undefined && spec.tier === 'counter';
	}

	return hasCounters
		? (version === 2 ? parseCgroupV2 : parseCgroupV1)(lastTexts)
		: undefined;
}

/**
 * Options for {@link CgroupReader.read}. A skipped file's last text is reused, so fields stay filled once
 * a full reading was made; a sweep over many containers can read details and limits every few seconds
 * only. Measured on the development VM (v1): ~20–25 µs for every file, ~5 µs for the counters alone.
 */
export type CgroupReadOptions = {
	/**
	 * Re-read throttling, OOM, block I/O, pids and `memory.stat`. When false, memory usage subtracts the
	 * inactive file cache of the last detailed reading, which drifts slowly.
	 * @default true
	 */
	readonly details?: boolean;
	/**
	 * Re-read the quota, memory and pids limits.
	 * @default true
	 */
	readonly limits?: boolean;
	/**
	 * Keep the files open for the next reading (a pread each, about 5× cheaper than open, read and
	 * close). When false, each file is opened, read and closed, and descriptors kept by earlier
	 * readings are closed: nothing stays open.
	 * @default true
	 */
	readonly keepOpen?: boolean;
};

/** Reads one container's cgroup again and again, through descriptors kept open between readings if asked. */
export type CgroupReader = {
	/**
	 * Reads the counters; `undefined` once the cgroup is gone (the container stopped or was removed).
	 * @throws OutOfFilesError when a file cannot be opened for want of descriptors.
	 */
	read(options?: CgroupReadOptions): CgroupSample | undefined;
	/** Closes the descriptors; the reader is unusable afterwards. */
	close(): void;
};

type OpenedFile = {
	readonly spec: FileSpec;
	/** Undefined when its controller is not mounted, or once opening it failed: it is not tried again. */
	path: string | undefined;
	fd: number | undefined;
};

function closeFile(file: OpenedFile): void {
	if (file.fd !== undefined) {
		closeText(file.fd);
		file.fd = undefined;
	}
}

function readFile(
	file: OpenedFile,
	keepOpen: boolean,
	openFile: OpenFile | undefined,
): string | undefined {
	if (file.fd === undefined && file.path !== undefined) {
		const fd = openText(file.path, openFile);
		if (fd === undefined) {
			file.path = undefined;
			return undefined;
		}

		if (!keepOpen) {
			try {
				return readText(fd);
			} finally {
				closeText(fd);
			}
		}

		file.fd = fd;
	}

	return file.fd === undefined ? undefined : readText(file.fd);
}

/**
 * A reader of a container's cgroup files. Files open on first reading; with `keepOpen` (the default)
 * it holds up to 12 descriptors (v1) or 9 (v2) until {@link CgroupReader.close}, so callers should cap
 * how many readers keep their files open at once.
 */
export function openCgroupReader(
	cgroup: ContainerCgroup,
	openFile?: OpenFile,
): CgroupReader {
	const files: OpenedFile[] = cgroupFiles(cgroup).map(file => ({
		...file,
		fd: undefined,
	}));
	const lastTexts: Record<string, string | undefined> = {};
	let isClosed = false;

	return {
		read(options) {
			if (isClosed) {
				return undefined;
			}

			const skipped: Readonly<Record<Tier, boolean>> = {
				counter: false,
				detail: options?.details === false,
				limit: options?.limits === false,
			};
			const keepOpen = options?.keepOpen ?? true;
			if (!keepOpen) {
				// Skipped files too: descriptors kept by earlier readings are released.
				for (const file of files) {
					closeFile(file);
				}
			}

			const read: (readonly [FileSpec, string | undefined])[] = [];
			for (const file of files) {
				if (!skipped[file.spec.tier]) {
					read.push([file.spec, readFile(file, keepOpen, openFile)]);
				}
			}

			return sampleFromTexts(cgroup.version, lastTexts, read);
		},
		close() {
			isClosed = true;
			for (const file of files) {
				closeFile(file);
			}
		},
	};
}

/** Reads a container's cgroup once (open, read, close); for repeated readings use {@link openCgroupReader}. */
export function readCgroupSample(
	cgroup: ContainerCgroup,
): CgroupSample | undefined {
	const reader = openCgroupReader(cgroup);
	try {
		return reader.read({keepOpen: false});
	} finally {
		reader.close();
	}
}
