/** What one container costs right now, whichever source measured it. Undefined means unknown. */
export type ResourceUsage = {
	/** Milliseconds since the epoch. */
	readonly time: number;
	/** Percent of one CPU, as `docker stats` shows it; unknown until a second sample. */
	readonly cpuPercent: number | undefined;
	/** The CPU limit in CPUs (`--cpus 1.5` → 1.5); undefined when there is none. */
	readonly cpuLimit: number | undefined;
	readonly memoryUsage: number | undefined;
	/** The memory limit in bytes; undefined when there is none (the view compares with the host's memory). */
	readonly memoryLimit: number | undefined;
	readonly networkRx: number | undefined;
	readonly networkTx: number | undefined;
	readonly networkRxRate: number | undefined;
	readonly networkTxRate: number | undefined;
	readonly blockRead: number | undefined;
	readonly blockWrite: number | undefined;
	readonly blockReadRate: number | undefined;
	readonly blockWriteRate: number | undefined;
	readonly pids: number | undefined;
	readonly pidsLimit: number | undefined;
	/** Share (0–1) of the CPU periods in which the quota ran out. */
	readonly throttledRatio: number | undefined;
	/** Throttled periods per second. */
	readonly throttledPerSecond: number | undefined;
	/** OOM kills in the container's cgroup; from `oom` events where the cgroup is not readable. */
	readonly oomKills: number | undefined;
};
