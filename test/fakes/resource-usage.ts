import type {ResourceUsage} from '../../source/state/resource-usage.js';

/** A resource usage with every figure unknown, at time 0: spread it and set the figures a test needs. */
export const unknownUsage: ResourceUsage = {
	time: 0,
	cpuPercent: undefined,
	cpuLimit: undefined,
	memoryUsage: undefined,
	memoryLimit: undefined,
	networkRx: undefined,
	networkTx: undefined,
	networkRxRate: undefined,
	networkTxRate: undefined,
	blockRead: undefined,
	blockWrite: undefined,
	blockReadRate: undefined,
	blockWriteRate: undefined,
	pids: undefined,
	pidsLimit: undefined,
	throttledRatio: undefined,
	throttledPerSecond: undefined,
	oomKills: undefined,
};
