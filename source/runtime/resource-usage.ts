import {cgroupRates} from '../docker/cgroup/cgroup-math.js';
import type {CgroupMeasurement} from '../docker/cgroup/cgroup-meter.js';
import type {ContainerLimits} from '../docker/docker-client.js';
import {
	counterRate,
	resourceRates,
	type ResourceSample,
} from '../docker/stats-math.js';
import type {ResourceUsage} from '../state/resource-usage.js';

// Turns the engine's and the cgroup's raw readings into the figures the state keeps; the maths
// lives with the readers in docker/, so this sits above both.

function finite(value: number | undefined): number | undefined {
	return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** Figures from two cgroup readings of the same container (`previous` undefined for the first). */
export function usageFromCgroup(
	previous: CgroupMeasurement | undefined,
	next: CgroupMeasurement,
): ResourceUsage {
	const elapsedMs = previous === undefined ? 0 : next.time - previous.time;
	const rates =
		previous === undefined
			? undefined
			: cgroupRates(previous.sample, next.sample, elapsedMs * 1e6);
	const {sample} = next;
	return {
		time: next.time,
		cpuPercent: rates?.cpuPercent,
		cpuLimit: finite(sample.cpuQuota),
		memoryUsage: sample.memoryUsage,
		memoryLimit: finite(sample.memoryLimit),
		networkRx: next.network?.rxBytes,
		networkTx: next.network?.txBytes,
		networkRxRate: counterRate(
			previous?.network?.rxBytes,
			next.network?.rxBytes,
			elapsedMs,
		),
		networkTxRate: counterRate(
			previous?.network?.txBytes,
			next.network?.txBytes,
			elapsedMs,
		),
		blockRead: sample.blockRead,
		blockWrite: sample.blockWrite,
		blockReadRate: rates?.blockReadPerSecond,
		blockWriteRate: rates?.blockWritePerSecond,
		pids: sample.pids,
		pidsLimit: finite(sample.pidsLimit),
		throttledRatio: rates?.throttledPeriodRatio,
		throttledPerSecond: rates?.throttledPeriodsPerSecond,
		oomKills: sample.oomKills,
	};
}

/**
 * Figures from two stats frames of the engine's API (`previous` undefined for the first). The engine
 * reports an unlimited container's memory limit as the host's memory, so that is no limit here.
 */
export function usageFromStats(
	previous: ResourceSample | undefined,
	next: ResourceSample,
	limits: ContainerLimits | undefined,
	hostMemory: number,
	oomKills: number | undefined,
): ResourceUsage {
	const elapsedMs = previous === undefined ? 0 : next.time - previous.time;
	const periods =
		previous?.cpuPeriods === undefined || next.cpuPeriods === undefined
			? undefined
			: next.cpuPeriods - previous.cpuPeriods;
	const throttled =
		previous?.cpuThrottledPeriods === undefined ||
		next.cpuThrottledPeriods === undefined
			? undefined
			: next.cpuThrottledPeriods - previous.cpuThrottledPeriods;
	const rates =
		previous === undefined ? undefined : resourceRates(previous, next);
	const memoryLimit =
		limits?.memory ??
		(next.memoryLimit !== undefined && next.memoryLimit < hostMemory
			? next.memoryLimit
			: undefined);
	return {
		time: next.time,
		cpuPercent: next.cpuPercent,
		cpuLimit: limits?.cpus,
		memoryUsage: next.memoryUsage,
		memoryLimit,
		networkRx: next.networkRx,
		networkTx: next.networkTx,
		networkRxRate: rates?.networkRxPerSecond,
		networkTxRate: rates?.networkTxPerSecond,
		blockRead: next.blockRead,
		blockWrite: next.blockWrite,
		blockReadRate: rates?.blockReadPerSecond,
		blockWriteRate: rates?.blockWritePerSecond,
		pids: next.pids,
		pidsLimit: next.pidsLimit ?? limits?.pids,
		throttledRatio:
			periods === undefined ||
			throttled === undefined ||
			periods <= 0 ||
			throttled < 0
				? undefined
				: throttled / periods,
		throttledPerSecond: counterRate(
			previous?.cpuThrottledPeriods,
			next.cpuThrottledPeriods,
			elapsedMs,
		),
		oomKills,
	};
}
