/**
 * A container's processes: read from this machine's /proc for a local engine (no work for the
 * engine), or from the engine's `/top` (which forks `ps` on each call) for a remote one.
 */
import path from 'node:path';
import type {ContainerCgroup} from './cgroup/layout.js';
import {procsFile} from './cgroup/cgroup-meter.js';
import {readTextOnce, type OpenFile} from './cgroup/read-text.js';
import {sanitize} from './sanitize.js';

/** One process of a container. */
export type ProcessInfo = {
	/** The PID on the engine's host. */
	readonly pid: number;
	/** The PID inside the container (`NSpid`); undefined where the engine does not say (`/top`). */
	readonly nsPid: number | undefined;
	/** The user by name where known, else by uid. */
	readonly user: string;
	/** `R`, `S`, `D`, `Z`…, as ps shows it. */
	readonly state: string;
	/** CPU used since the last sample, in % of one CPU; undefined on the first sample. */
	readonly cpuPercent: number | undefined;
	/** CPU time used so far, in clock ticks; undefined from `/top`. */
	readonly cpuTicks: number | undefined;
	/** Resident memory, bytes. */
	readonly rss: number | undefined;
	readonly threads: number | undefined;
	/** When it started, ms since the epoch. */
	readonly startedAt: number | undefined;
	/** Its command line, made safe to show. */
	readonly command: string;
};

/** One sample of a container's processes, and where it came from. */
export type ProcessSample = {
	readonly source: 'proc' | 'top';
	/** When it was taken, ms since the epoch. */
	readonly time: number;
	readonly processes: readonly ProcessInfo[];
};

/** The fields of `/proc/<pid>/stat` the view shows. */
export type ProcStat = {
	readonly pid: number;
	readonly comm: string;
	readonly state: string;
	/** utime + stime, clock ticks. */
	readonly cpuTicks: number;
	readonly threads: number;
	/** Clock ticks after boot. */
	readonly startTicks: number;
	/** Resident pages. */
	readonly rssPages: number;
};

/**
 * Parses `/proc/<pid>/stat`. The command name sits in parentheses and may itself hold spaces and
 * parentheses, so the fields are counted from the last `)`.
 */
export function parseProcStat(text: string): ProcStat | undefined {
	const open = text.indexOf('(');
	const close = text.lastIndexOf(')');
	if (open === -1 || close < open) {
		return undefined;
	}

	const rest = text
		.slice(close + 2)
		.trim()
		.split(/\s+/);
	// Field n of proc(5) is rest[n - 3].
	const field = (n: number): number => Number(rest[n - 3] ?? Number.NaN);
	const pid = Number.parseInt(text.slice(0, open), 10);
	const stat = {
		pid,
		comm: text.slice(open + 1, close),
		state: rest[0] ?? '?',
		cpuTicks: field(14) + field(15),
		threads: field(20),
		startTicks: field(22),
		rssPages: field(24),
	};
	return Number.isFinite(pid) && Number.isFinite(stat.cpuTicks)
		? stat
		: undefined;
}

/** The fields of `/proc/<pid>/status` the view shows. */
export type ProcStatus = {
	readonly uid: number | undefined;
	/** The PID in each PID namespace, outermost first: the last is the container's. */
	readonly nsPids: readonly number[];
};

export function parseProcStatus(text: string): ProcStatus {
	const line = (key: string): string | undefined =>
		new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(text)?.[1];
	const uid = line('Uid')?.split(/\s+/)[0];
	return {
		uid: uid === undefined ? undefined : Number(uid),
		nsPids: (line('NSpid') ?? '').split(/\s+/).filter(Boolean).map(Number),
	};
}

/** `/proc/<pid>/cmdline`: arguments split by NULs; empty for kernel threads and zombies. */
export function parseCmdline(bytes: Buffer): string {
	return bytes
		.toString('utf8')
		.split('\0')
		.filter(Boolean)
		.map(argument => sanitize(argument))
		.join(' ');
}

/**
 * User names by uid from a passwd file. The container's own file names its users as `docker exec
 * id` would; the host's may not know them or name the uid differently.
 */
export function parsePasswd(text: string | undefined): Map<number, string> {
	const users = new Map<number, string>();
	for (const line of (text ?? '').split('\n')) {
		const [name, , uid] = line.split(':');
		if (name && uid !== undefined && /^\d+$/.test(uid)) {
			users.set(Number(uid), sanitize(name));
		}
	}

	return users;
}

/** The boot time in ms since the epoch, from `/proc/stat`'s `btime`. */
export function parseBootTime(text: string | undefined): number | undefined {
	const match = /^btime\s+(\d+)/m.exec(text ?? '');
	return match === null ? undefined : Number(match[1]) * 1000;
}

/** The PIDs listed in a `cgroup.procs` file. */
export function parseCgroupProcs(text: string | undefined): number[] {
	return (text ?? '')
		.split('\n')
		.map(line => Number.parseInt(line, 10))
		.filter(pid => pid > 0);
}

/** Where a process list is read from, and the machine's constants (`getconf CLK_TCK`, `PAGESIZE`). */
export type ProcOptions = {
	readonly procRoot?: string;
	readonly openFile?: OpenFile;
	readonly clockTicks?: number;
	readonly pageSize?: number;
	readonly now?: () => number;
};

/**
 * Reads a container's processes from its cgroup and /proc: each file opened, read and closed in
 * turn, so a container of thousands of processes never holds more than one descriptor. A process
 * that ends meanwhile is left out.
 */
export function readCgroupProcesses(
	cgroup: ContainerCgroup,
	options: ProcOptions = {},
): ProcessSample {
	const {
		procRoot = '/proc',
		openFile,
		clockTicks = 100,
		pageSize = 4096,
		now = Date.now,
	} = options;
	const file = procsFile(cgroup);
	const pids = parseCgroupProcs(
		file === undefined ? undefined : readTextOnce(file, openFile),
	);
	const bootTime = parseBootTime(
		readTextOnce(path.join(procRoot, 'stat'), openFile),
	);
	const processes: ProcessInfo[] = [];
	// Read through the first process's root: every process of a container shares its files.
	let users: Map<number, string> | undefined;
	for (const pid of pids) {
		const read = (name: string): string | undefined =>
			readTextOnce(path.join(procRoot, String(pid), name), openFile);
		const stat = parseProcStat(read('stat') ?? '');
		const statusText = read('status');
		if (stat === undefined || statusText === undefined) {
			continue;
		}

		const status = parseProcStatus(statusText);
		users ??= parsePasswd(read('root/etc/passwd'));
		const cmdline = parseCmdline(Buffer.from(read('cmdline') ?? '', 'latin1'));
		processes.push({
			pid,
			nsPid: status.nsPids.at(-1),
			user:
				status.uid === undefined
					? '?'
					: (users.get(status.uid) ?? String(status.uid)),
			state: stat.state,
			cpuPercent: undefined,
			cpuTicks: stat.cpuTicks,
			rss: stat.rssPages * pageSize,
			threads: stat.threads,
			startedAt:
				bootTime === undefined
					? undefined
					: bootTime + (stat.startTicks / clockTicks) * 1000,
			command: cmdline === '' ? `[${sanitize(stat.comm)}]` : cmdline,
		});
	}

	return {source: 'proc', time: now(), processes};
}

/** The `ps` columns asked of `/top`: what the view shows, as procps names them. */
export const topPsArgs = '-eo pid,user,stat,pcpu,rss,nlwp,etimes,args';

/** A `/top` answer (`Titles`, `Processes`) in the columns of {@link topPsArgs}. */
export function processesFromTop(answer: unknown, now: number): ProcessSample {
	const {Titles: titles, Processes: rows} = (answer ?? {}) as {
		readonly Titles?: readonly string[];
		readonly Processes?: readonly (readonly string[])[];
	};
	const column = (
		row: readonly string[],
		title: string,
	): string | undefined => {
		const index = titles?.indexOf(title) ?? -1;
		return index === -1 ? undefined : row[index];
	};

	const number = (text: string | undefined): number | undefined => {
		const value = Number(text);
		return text === undefined || text === '' || !Number.isFinite(value)
			? undefined
			: value;
	};

	const processes = (rows ?? []).map(row => {
		const rssKb = number(column(row, 'RSS'));
		const elapsed = number(column(row, 'ELAPSED'));
		return {
			pid: number(column(row, 'PID')) ?? 0,
			nsPid: undefined,
			user: sanitize(column(row, 'USER') ?? '?'),
			state: sanitize(column(row, 'STAT') ?? '?'),
			cpuPercent: number(column(row, '%CPU')),
			cpuTicks: undefined,
			rss: rssKb === undefined ? undefined : rssKb * 1024,
			threads: number(column(row, 'NLWP')),
			startedAt: elapsed === undefined ? undefined : now - elapsed * 1000,
			command: sanitize(column(row, 'COMMAND') ?? column(row, 'CMD') ?? ''),
		};
	});
	return {source: 'top', time: now, processes};
}

/**
 * The CPU % of each process of `current` over the time since `previous`, from its CPU ticks; a
 * `/top` sample has its own figures and is left as it is.
 */
export function withCpuPercent(
	previous: ProcessSample | undefined,
	current: ProcessSample,
	clockTicks = 100,
): ProcessSample {
	if (current.source !== 'proc' || previous?.source !== 'proc') {
		return current;
	}

	const seconds = (current.time - previous.time) / 1000;
	const before = new Map(
		previous.processes.map(process => [process.pid, process.cpuTicks]),
	);
	return {
		...current,
		processes: current.processes.map(process => {
			const earlier = before.get(process.pid);
			return earlier === undefined ||
				process.cpuTicks === undefined ||
				seconds <= 0
				? process
				: {
						...process,
						cpuPercent:
							((process.cpuTicks - earlier) / clockTicks / seconds) * 100,
					};
		}),
	};
}
