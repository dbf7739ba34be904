/**
 * The figures of `docker stats`, computed from raw Engine API stats frames (`GET /containers/{id}/stats`).
 * Frames come from Docker on cgroup v1 or v2, or from Podman's compat API, which leaves fields out, so
 * every field is read defensively and a figure that can't be computed is `undefined`, never a made-up zero.
 * The formulas follow docker/cli `cli/command/container/stats_helpers.go` so the numbers match the CLI's.
 */

import {isObject, type Json} from './json.js';

/** One container's resource usage at one instant, as reported by the engine. */
export type ResourceSample = {
	/** When the engine read the counters, in milliseconds since the epoch. */
	readonly time: number;
	/**
	 * CPU use in percent of one CPU (200 = two CPUs busy), as `docker stats` shows it. `undefined` when the
	 * frame carries no previous reading (the first frame of a stream) or the counters went backwards (a restart).
	 */
	readonly cpuPercent: number | undefined;
	/** CPUs the engine counts as online; the ceiling of {@link ResourceSample.cpuPercent} is `100 × onlineCpus`. */
	readonly onlineCpus: number | undefined;
	/** Bytes in use without the reclaimable file cache (`inactive_file`), like `docker stats`. */
	readonly memoryUsage: number | undefined;
	/** The memory limit in bytes; for an unlimited container Docker and Podman report the host's memory. */
	readonly memoryLimit: number | undefined;
	/** Bytes received since the container started, summed over its interfaces. */
	readonly networkRx: number | undefined;
	/** Bytes sent since the container started, summed over its interfaces. */
	readonly networkTx: number | undefined;
	/** Bytes read from block devices since the container started. */
	readonly blockRead: number | undefined;
	/** Bytes written to block devices since the container started. */
	readonly blockWrite: number | undefined;
	/** Processes and threads in the container. */
	readonly pids: number | undefined;
	/** The pids limit; `undefined` when there is none (the engine reports an unlimited one as 0 or not at all). */
	readonly pidsLimit: number | undefined;
	/** CFS periods elapsed since the container started (`cpu_stats.throttling_data.periods`). */
	readonly cpuPeriods: number | undefined;
	/** Periods in which the CPU quota ran out. */
	readonly cpuThrottledPeriods: number | undefined;
};

/** Throughput between two {@link ResourceSample}s, in bytes per second; `undefined` where a counter was reset. */
export type ResourceRates = {
	readonly networkRxPerSecond: number | undefined;
	readonly networkTxPerSecond: number | undefined;
	readonly blockReadPerSecond: number | undefined;
	readonly blockWritePerSecond: number | undefined;
};

function objectAt(parent: Json | undefined, key: string): Json | undefined {
	const value = parent?.[key];
	return isObject(value) ? value : undefined;
}

function numberAt(parent: Json | undefined, key: string): number | undefined {
	const value = parent?.[key];
	return typeof value === 'number' && Number.isFinite(value)
		? value
		: undefined;
}

/** Zero is how the Engine API (Go's `omitempty`) says "not set"; treat it like a missing field. */
function positiveAt(parent: Json | undefined, key: string): number | undefined {
	const value = numberAt(parent, key);
	return value !== undefined && value > 0 ? value : undefined;
}

function onlineCpusOf(cpuStats: Json | undefined): number | undefined {
	const online = positiveAt(cpuStats, 'online_cpus');
	if (online !== undefined) {
		return online;
	}

	// Engines before API 1.27 and some cgroup v1 setups leave online_cpus out; the CLI counts percpu_usage instead.
	const perCpu = objectAt(cpuStats, 'cpu_usage')?.['percpu_usage'];
	return Array.isArray(perCpu) && perCpu.length > 0 ? perCpu.length : undefined;
}

function cpuPercentOf(
	cpuStats: Json | undefined,
	preCpuStats: Json | undefined,
): number | undefined {
	const total = numberAt(objectAt(cpuStats, 'cpu_usage'), 'total_usage');
	const system = numberAt(cpuStats, 'system_cpu_usage');
	const previousTotal = numberAt(
		objectAt(preCpuStats, 'cpu_usage'),
		'total_usage',
	);
	// The first frame of a stream (and Podman's one-shot frame) has an all-zero precpu_stats without
	// system_cpu_usage: a delta against it would be the average since boot, not a current figure.
	const previousSystem = positiveAt(preCpuStats, 'system_cpu_usage');
	const onlineCpus = onlineCpusOf(cpuStats);
	if (
		total === undefined ||
		system === undefined ||
		previousTotal === undefined ||
		previousSystem === undefined ||
		onlineCpus === undefined
	) {
		return undefined;
	}

	// Counters near 2^64 lose precision as JSON numbers, but the CLI converts to float64 before subtracting
	// too, so the figures agree; the relative error of either delta is far below what the display shows.
	const cpuDelta = total - previousTotal;
	const systemDelta = system - previousSystem;
	// A negative cpuDelta means the container restarted between the readings; the CLI shows 0 then, but
	// "unknown" is the honest answer. systemDelta is 0 when both readings fell within one 10 ms jiffy.
	if (cpuDelta < 0 || systemDelta <= 0) {
		return undefined;
	}

	return (cpuDelta / systemDelta) * onlineCpus * 100;
}

/**
 * Memory in use without the page cache the kernel can drop at once, exactly as docker/cli
 * `calculateMemUsageUnixNoCache`: `usage − total_inactive_file` on cgroup v1, `usage − inactive_file` on v2.
 * The CLI falls back to `inactive_file` when the v1 figure is not below `usage`, and so does this.
 */
export function memoryUsageWithoutCache(
	usage: number,
	totalInactiveFile: number | undefined,
	inactiveFile: number | undefined,
): number {
	if (totalInactiveFile !== undefined && totalInactiveFile < usage) {
		return usage - totalInactiveFile;
	}

	const inactive = inactiveFile ?? 0;
	return inactive < usage ? usage - inactive : usage;
}

function memoryUsageOf(memoryStats: Json | undefined): number | undefined {
	const usage = numberAt(memoryStats, 'usage');
	if (usage === undefined) {
		return undefined;
	}

	// Podman sends no `stats` map, so its figure includes the page cache.
	const stats = objectAt(memoryStats, 'stats');
	return memoryUsageWithoutCache(
		usage,
		numberAt(stats, 'total_inactive_file'),
		numberAt(stats, 'inactive_file'),
	);
}

function networkTotalsOf(networks: Json | undefined): {
	rx: number | undefined;
	tx: number | undefined;
} {
	// No `networks` at all means the engine has no figures (network "none", host networking, rootless Podman).
	if (networks === undefined) {
		return {rx: undefined, tx: undefined};
	}

	let rx = 0;
	let tx = 0;
	for (const value of Object.values(networks)) {
		const entry = isObject(value) ? value : undefined;
		rx += numberAt(entry, 'rx_bytes') ?? 0;
		tx += numberAt(entry, 'tx_bytes') ?? 0;
	}

	return {rx, tx};
}

function blockTotalsOf(blkioStats: Json | undefined): {
	read: number | undefined;
	write: number | undefined;
} {
	if (blkioStats === undefined) {
		return {read: undefined, write: undefined};
	}

	// Docker on cgroup v2 sends null until the container has done I/O (its io.stat is empty), so null is 0 bytes.
	const entries = blkioStats['io_service_bytes_recursive'];
	let read = 0;
	let write = 0;
	if (Array.isArray(entries)) {
		for (const entry of entries as readonly unknown[]) {
			if (!isObject(entry)) {
				continue;
			}

			// cgroup v1 and Podman say "Read"/"Write", Docker on v2 "read"/"write"; v1 adds Sync/Async/Discard/Total.
			const op =
				typeof entry['op'] === 'string' ? entry['op'].toLowerCase() : '';
			const value = numberAt(entry, 'value') ?? 0;
			if (op === 'read') {
				read += value;
			} else if (op === 'write') {
				write += value;
			}
		}
	}

	return {read, write};
}

/**
 * Turns one raw stats frame into a {@link ResourceSample}. Returns `undefined` for anything that is not a
 * stats frame, and for the frame the engine sends for a container that isn't running (its `read` time is
 * Go's zero time, 0001-01-01).
 */
export function resourceSampleFromStats(
	frame: unknown,
): ResourceSample | undefined {
	if (!isObject(frame)) {
		return undefined;
	}

	const time =
		typeof frame['read'] === 'string' ? Date.parse(frame['read']) : Number.NaN;
	if (!(time > 0)) {
		return undefined;
	}

	const cpuStats = objectAt(frame, 'cpu_stats');
	const memoryStats = objectAt(frame, 'memory_stats');
	const pidsStats = objectAt(frame, 'pids_stats');
	const network = networkTotalsOf(objectAt(frame, 'networks'));
	const block = blockTotalsOf(objectAt(frame, 'blkio_stats'));
	return {
		time,
		cpuPercent: cpuPercentOf(cpuStats, objectAt(frame, 'precpu_stats')),
		onlineCpus: onlineCpusOf(cpuStats),
		memoryUsage: memoryUsageOf(memoryStats),
		memoryLimit: positiveAt(memoryStats, 'limit'),
		networkRx: network.rx,
		networkTx: network.tx,
		blockRead: block.read,
		blockWrite: block.write,
		pids: numberAt(pidsStats, 'current'),
		pidsLimit: positiveAt(pidsStats, 'limit'),
		cpuPeriods: numberAt(objectAt(cpuStats, 'throttling_data'), 'periods'),
		cpuThrottledPeriods: numberAt(
			objectAt(cpuStats, 'throttling_data'),
			'throttled_periods',
		),
	};
}

/**
 * The per-second rate of a monotonic counter between two readings `elapsedMs` apart. `undefined` when
 * either reading is missing, no time passed, or the counter went backwards (the container restarted and
 * its counters began again at zero): a negative rate would be nonsense, and zero would be a lie.
 */
export function counterRate(
	previous: number | undefined,
	next: number | undefined,
	elapsedMs: number,
): number | undefined {
	if (
		previous === undefined ||
		next === undefined ||
		!(elapsedMs > 0) ||
		next < previous
	) {
		return undefined;
	}

	return ((next - previous) * 1000) / elapsedMs;
}

/** Network and block I/O throughput between two samples of the same container, `previous` being the older. */
export function resourceRates(
	previous: ResourceSample,
	next: ResourceSample,
): ResourceRates {
	const elapsedMs = next.time - previous.time;
	return {
		networkRxPerSecond: counterRate(
			previous.networkRx,
			next.networkRx,
			elapsedMs,
		),
		networkTxPerSecond: counterRate(
			previous.networkTx,
			next.networkTx,
			elapsedMs,
		),
		...blockRates(previous, next, elapsedMs),
	};
}

type BlockCounters = {
	readonly blockRead?: number | undefined;
	readonly blockWrite?: number | undefined;
};

/** Block I/O read and written per second between two readings of the same counters, however read. */
export function blockRates(
	previous: BlockCounters,
	next: BlockCounters,
	elapsedMs: number,
): Pick<ResourceRates, 'blockReadPerSecond' | 'blockWritePerSecond'> {
	return {
		blockReadPerSecond: counterRate(
			previous.blockRead,
			next.blockRead,
			elapsedMs,
		),
		blockWritePerSecond: counterRate(
			previous.blockWrite,
			next.blockWrite,
			elapsedMs,
		),
	};
}
