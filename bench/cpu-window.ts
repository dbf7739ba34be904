import {setTimeout as delay} from 'node:timers/promises';
import {
	clockTicksPerSecond,
	cpuPercent,
	readMachineTicks,
	sampleTicks,
	ticksBetween,
} from './proc-stat.js';

/** Processes whose CPU is added up; looked up at both ends of the window, as shims may come and go. */
export type CpuGroup = {
	readonly findPids: () => readonly number[];
	/** Also count children that exited and were reaped in the window (runc under a shim, say). */
	readonly withChildren: boolean;
};

export type CpuWindow<Name extends string> = {
	/** Per group, in % of one core. */
	readonly percent: Readonly<Record<Name, number>>;
	/**
	 * The whole machine, every process included, in % of one core (so up to nproc × 100): tells
	 * whether something else competed for the CPU while we measured.
	 */
	readonly machinePercent: number;
	readonly elapsedMs: number;
};

/** Measures several groups of processes over one shared window of `windowMs`. */
export async function measureCpuWindow<Name extends string>(
	groups: Readonly<Record<Name, CpuGroup>>,
	windowMs: number,
	cores: number,
): Promise<CpuWindow<Name>> {
	const names = Object.keys(groups) as Name[];
	const before = names.map(name => {
		const group = groups[name];
		return sampleTicks(group.findPids(), group.withChildren);
	});
	const machineBefore = readMachineTicks();
	const started = performance.now();
	// A fixed measurement window, not a wait for something to happen.
	await delay(windowMs);
	const elapsedMs = performance.now() - started;
	const machineAfter = readMachineTicks();
	const hz = clockTicksPerSecond();
	const percent = {} as Record<Name, number>;
	for (const [index, name] of names.entries()) {
		const group = groups[name];
		const after = sampleTicks(group.findPids(), group.withChildren);
		percent[name] = cpuPercent(
			ticksBetween(before[index] ?? new Map(), after),
			elapsedMs,
			hz,
		);
	}

	const total = machineAfter.total - machineBefore.total;
	const machinePercent =
		total <= 0
			? 0
			: ((machineAfter.busy - machineBefore.busy) / total) * cores * 100;
	return {percent, machinePercent, elapsedMs};
}
