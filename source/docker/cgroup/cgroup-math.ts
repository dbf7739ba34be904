/**
 * Rates between two {@link CgroupSample}s of one container, taken `wallDeltaNs` apart by the caller's
 * monotonic clock (`process.hrtime.bigint()`), in the same units `docker stats` uses.
 */
import {blockRates} from '../stats-math.js';
import type {CgroupSample} from './read-cgroup.js';

/** What happened between two cgroup readings. Each figure is `undefined` when a counter is missing or was reset. */
export type CgroupRates = {
	/** CPU use in percent of one CPU (see {@link cgroupCpuPercent}). */
	readonly cpuPercent: number | undefined;
	/** CFS periods per second in which the quota ran out. With the default 100 ms period, 10 means always. */
	readonly throttledPeriodsPerSecond: number | undefined;
	/** Share of the elapsed CFS periods in which the quota ran out, 0–1; `undefined` when no period elapsed. */
	readonly throttledPeriodRatio: number | undefined;
	/**
	 * Time held back by the quota per unit of wall-clock time. It is summed over CPUs, so it can exceed 1
	 * when tasks on several CPUs were waiting at once.
	 */
	readonly throttledTimeShare: number | undefined;
	readonly blockReadPerSecond: number | undefined;
	readonly blockWritePerSecond: number | undefined;
};

function delta(
	previous: number | undefined,
	next: number | undefined,
): number | undefined {
	return previous === undefined || next === undefined || next < previous
		? undefined
		: next - previous;
}

/**
 * CPU use between two readings, in percent of one CPU: `Δusage / Δwall × 100`.
 *
 * `docker stats` computes `Δusage / Δsystem × onlineCpus × 100`, where Δsystem is the growth of the host's
 * total CPU time in /proc/stat, idle included, over all online CPUs. Each online CPU accrues one second of
 * that per wall-clock second, so Δsystem ≈ Δwall × onlineCpus and docker's figure reduces to this one.
 * They differ only by /proc/stat's 10 ms tick (±1 tick per CPU over the interval, ±0.5 % of a 2-CPU second)
 * and by the daemon reading the two counters at slightly different moments.
 */
export function cgroupCpuPercent(
	previous: CgroupSample,
	next: CgroupSample,
	wallDeltaNs: number,
): number | undefined {
	const usage = delta(previous.cpuUsageNs, next.cpuUsageNs);
	return usage === undefined || !(wallDeltaNs > 0)
		? undefined
		: (usage / wallDeltaNs) * 100;
}

/** Everything that can be derived from two readings of the same cgroup, `previous` being the older. */
export function cgroupRates(
	previous: CgroupSample,
	next: CgroupSample,
	wallDeltaNs: number,
): CgroupRates {
	const hasElapsed = wallDeltaNs > 0;
	const periods = delta(previous.cpuPeriods, next.cpuPeriods);
	const throttledPeriods = delta(
		previous.cpuThrottledPeriods,
		next.cpuThrottledPeriods,
	);
	const throttledNs = delta(previous.cpuThrottledNs, next.cpuThrottledNs);
	const elapsedMs = wallDeltaNs / 1e6;
	return {
		cpuPercent: cgroupCpuPercent(previous, next, wallDeltaNs),
		throttledPeriodsPerSecond:
			throttledPeriods === undefined || !hasElapsed
				? undefined
				: (throttledPeriods * 1e9) / wallDeltaNs,
		throttledPeriodRatio:
			throttledPeriods === undefined || periods === undefined || periods === 0
				? undefined
				: throttledPeriods / periods,
		throttledTimeShare:
			throttledNs === undefined || !hasElapsed
				? undefined
				: throttledNs / wallDeltaNs,
		...blockRates(previous, next, elapsedMs),
	};
}
