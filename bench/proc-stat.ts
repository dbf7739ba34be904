import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';

/** The fields of `/proc/<pid>/stat` that the bench uses; times are in clock ticks. */
export type ProcStat = {
	readonly pid: number;
	readonly comm: string;
	readonly state: string;
	readonly ppid: number;
	readonly utime: number;
	readonly stime: number;
	/** CPU of children that have exited and been waited for, e.g. the runc calls of a shim. */
	readonly cutime: number;
	readonly cstime: number;
	/** Ticks after boot; with the pid it names one process, since pids are reused. */
	readonly startTime: number;
};

/** Memory figures from `/proc/<pid>/status`, in KiB. */
export type ProcMemory = {
	readonly rssKb: number;
	/** The peak resident set size (VmHWM). */
	readonly hwmKb: number;
};

/** The aggregate line of `/proc/stat`: ticks the machine spent busy and in total, over all CPUs. */
export type MachineTicks = {
	readonly busy: number;
	readonly total: number;
};

/**
 * Parses `/proc/<pid>/stat` (proc(5)).
 * @throws Error when the text is not in that format.
 */
export function parseProcStat(text: string): ProcStat {
	// The command name is in parentheses and may itself hold spaces and ')', so the fields are
	// counted from the last ')'.
	const open = text.indexOf('(');
	const close = text.lastIndexOf(')');
	if (open < 0 || close < open) {
		throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
	}

	// fields[0] is field 3 (state) of proc(5).
	const fields = text
		.slice(close + 2)
		.trim()
		.split(' ');
	const field = (number: number): number => {
		const value = Number(fields[number - 3]);
		if (!Number.isFinite(value)) {
			throw new TypeError(
				`field ${number} of a /proc/<pid>/stat line is not a number: ${text.slice(0, 80)}`,
			);
		}

		return value;
	};

	return {
		pid: Number(text.slice(0, open).trim()),
		comm: text.slice(open + 1, close),
		state: fields[0] ?? '?',
		ppid: field(4),
		utime: field(14),
		stime: field(15),
		cutime: field(16),
		cstime: field(17),
		startTime: field(22),
	};
}

/**
 * Parses VmRSS and VmHWM out of `/proc/<pid>/status`.
 * @returns undefined when either is missing, as for a zombie or a kernel thread.
 */
export function parseProcStatus(text: string): ProcMemory | undefined {
	const kb = (name: string): number | undefined => {
		const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(text);
		return match?.[1] === undefined ? undefined : Number(match[1]);
	};

	const rssKb = kb('VmRSS');
	const hwmKb = kb('VmHWM');
	return rssKb === undefined || hwmKb === undefined
		? undefined
		: {rssKb, hwmKb};
}

/** Parses the first line of `/proc/stat`; idle and iowait count as not busy. */
export function parseMachineTicks(text: string): MachineTicks {
	const line = text.split('\n', 1)[0] ?? '';
	const [label, ...rest] = line.trim().split(/\s+/);
	if (label !== 'cpu' || rest.length < 4) {
		throw new Error(`not the first line of /proc/stat: ${line}`);
	}

	const values = rest.map(Number);
	// user nice system idle iowait irq softirq steal; guest time is already inside user.
	const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
	const idle = (values[3] ?? 0) + (values[4] ?? 0);
	return {busy: total - idle, total};
}

/**
 * Ticks as a percentage of one core over `elapsedMs`: 100 means one core fully busy, and a
 * multi-threaded process can go past it.
 */
export function cpuPercent(
	ticks: number,
	elapsedMs: number,
	clockTicksPerSecond: number,
): number {
	return elapsedMs <= 0
		? 0
		: ((ticks / clockTicksPerSecond) * 100_000) / elapsedMs;
}

/** What a process has used so far; with children, also its reaped children's CPU. */
export function cpuTicks(stat: ProcStat, withChildren: boolean): number {
	return (
		stat.utime + stat.stime + (withChildren ? stat.cutime + stat.cstime : 0)
	);
}

/** CPU ticks used so far per process, keyed by pid and start time. */
export type TickSample = ReadonlyMap<string, number>;

/**
 * What a set of processes used between two samples. A process that started in between counts
 * with all its ticks; one that ended in between loses what it used since `before` (unless its
 * parent is sampled with its children and reaped it).
 */
export function ticksBetween(before: TickSample, after: TickSample): number {
	let sum = 0;
	for (const [key, ticks] of after) {
		sum += ticks - (before.get(key) ?? 0);
	}

	return sum;
}

/** True for a dockerd, containerd or containerd shim whose command line names a path in `dir`. */
export function isDaemonProcess(
	comm: string,
	cmdline: string,
	dir: string,
): boolean {
	// The shim's comm is cut to 15 characters: "containerd-shim".
	return /^(?:dockerd|containerd)/.test(comm) && cmdline.includes(`${dir}/`);
}

let clockTicks: number | undefined;

/** `getconf CLK_TCK`: the unit of the times in `/proc/<pid>/stat`. */
export function clockTicksPerSecond(): number {
	if (clockTicks === undefined) {
		const value = Number(
			execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim(),
		);
		// 100 on every Linux configuration we know of; getconf missing should not stop a run.
		clockTicks = Number.isInteger(value) && value > 0 ? value : 100;
	}

	return clockTicks;
}

/** @returns undefined when the process is gone. */
export function readProcStat(pid: number): ProcStat | undefined {
	try {
		return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return undefined;
	}
}

/** @returns undefined when the process is gone or a zombie. */
export function readProcMemory(pid: number): ProcMemory | undefined {
	try {
		return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return undefined;
	}
}

export function readMachineTicks(): MachineTicks {
	return parseMachineTicks(readFileSync('/proc/stat', 'utf8'));
}

/** Which of a daemon's processes to find: dockerd and containerd are the engine. */
export type DaemonPart = 'all' | 'engine' | 'shims';

/** True for a containerd shim, by its comm (cut to 15 characters: "containerd-shim"). */
export function isShim(comm: string): boolean {
	return comm.startsWith('containerd-shim');
}

/** The dockerd, containerd and shims of the throwaway daemon in `dir`, and no other engine's. */
export function findDaemonPids(
	dir: string,
	part: DaemonPart = 'all',
): number[] {
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		const pid = Number(entry);
		if (!Number.isInteger(pid)) {
			continue;
		}

		try {
			const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
			const wanted = part === 'all' || (part === 'shims') === isShim(comm);
			if (
				wanted &&
				isDaemonProcess(
					comm,
					readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '),
					dir,
				)
			) {
				pids.push(pid);
			}
		} catch {
			// It exited while we looked.
		}
	}

	return pids;
}

/** The processes whose parent is one of `parents`: for shims, the containers' main processes. */
export function findChildPids(parents: readonly number[]): number[] {
	const wanted = new Set(parents);
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		const pid = Number(entry);
		if (Number.isInteger(pid)) {
			const stat = readProcStat(pid);
			if (stat && wanted.has(stat.ppid)) {
				pids.push(pid);
			}
		}
	}

	return pids;
}

export function sampleTicks(
	pids: readonly number[],
	withChildren: boolean,
): TickSample {
	const sample = new Map<string, number>();
	for (const pid of pids) {
		const stat = readProcStat(pid);
		if (stat) {
			sample.set(`${pid}@${stat.startTime}`, cpuTicks(stat, withChildren));
		}
	}

	return sample;
}
