import type {CgroupMeasurement} from '../../source/docker/cgroup/cgroup-meter.js';
import type {CgroupSample} from '../../source/docker/cgroup/read-cgroup.js';

/** A cgroup sample with every figure unknown: spread it and set the figures a test needs. */
export const emptySample: CgroupSample = {
	cpuUsageNs: undefined,
	cpuPeriods: undefined,
	cpuThrottledPeriods: undefined,
	cpuThrottledNs: undefined,
	cpuQuota: undefined,
	memoryUsage: undefined,
	memoryLimit: undefined,
	memoryLimitHits: undefined,
	oomKills: undefined,
	isUnderOom: undefined,
	pids: undefined,
	pidsLimit: undefined,
	blockRead: undefined,
	blockWrite: undefined,
};

/** A cgroup meter's reading at `time`: the given figures, the rest unknown. */
export function cgroupMeasurement(
	time: number,
	sample: Partial<CgroupSample>,
	network?: CgroupMeasurement['network'],
): CgroupMeasurement {
	return {time, sample: {...emptySample, ...sample}, network};
}
