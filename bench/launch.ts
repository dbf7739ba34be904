// Starting dockmate (or lazydocker, for the ratios) in tmux for the bench, timing its first
// paint, and ending it.
import {asLoginHome, cliPath} from '../test/helpers/dockmate.js';
import {startTmux, type TmuxSession} from '../test/helpers/tmux.js';
import {waitFor} from '../test/helpers/wait-for.js';
import {timeUntilScreen} from './latency.js';
import {clockTicksPerSecond, cpuTicks, readProcStat} from './proc-stat.js';

// The size the targets are set for; the frames' bytes grow with it.
export const columns = 200;
export const rows = 50;
/** Launches per size for first paint, of which the median counts: one is at the mercy of noise. */
export const firstPaintRuns = 5;
/** Lets the first stats samples and JIT warm-up pass before the CPU window opens. */
export const settleMs = 2000;
/** A container name as the bench names them (the image name has `bench/`, not `bench-`). */
export const containerNamePattern = /(?:bench-(?:burn-)?|tick-)\d{2}/;

export function ticksToMs(ticks: number): number {
	return (ticks * 1000) / clockTicksPerSecond();
}

export function dockmateCpuMs(pid: number): number {
	const stat = readProcStat(pid);
	if (!stat) {
		throw new Error(`dockmate (pid ${pid}) is gone`);
	}

	return ticksToMs(cpuTicks(stat, true));
}

function isGone(pid: number): boolean {
	const state = readProcStat(pid)?.state;
	return state === undefined || state === 'Z' || state === 'X';
}

export type Launched = {
	readonly session: TmuxSession;
	/** The program's (dockmate's or lazydocker's), which is also the pane's. */
	readonly pid: number;
	/** The tmux server's. */
	readonly tmuxPid: number;
	/** When the program was let go (performance.now()), from which first paint counts. */
	readonly startedAt: number;
	readonly firstPaintMs: number;
	readonly firstPaintCpuMs: number;
};

/** Where dockmate connects (`--host`, repeated for a fleet), and what with. */
export type Target = {
	readonly host: string | readonly string[];
	/** More variables, e.g. DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for a tcp:// engine with TLS. */
	readonly env?: Readonly<Record<string, string>>;
	/**
	 * A home folder with ssh keys: both $HOME and the home the passwd file names, which is where
	 * ssh reads `~/.ssh` (see {@link asLoginHome}).
	 */
	readonly home?: string;
	/** The lazydocker binary to run in dockmate's place, pointed at `host`. */
	readonly lazydocker?: string;
};

/** The command line and environment that run the target's program against its host. */
/** DOCKMATE_TRACE_STARTUP passed on to dockmate: where each launch's start-up time goes. */
function traceEnv(): Record<string, string> {
	const file = process.env['DOCKMATE_TRACE_STARTUP'];
	return file === undefined ? {} : {DOCKMATE_TRACE_STARTUP: file};
}

function commandFor(target: Target): {
	readonly command: readonly string[];
	readonly env: Readonly<Record<string, string>>;
} {
	const hosts = typeof target.host === 'string' ? [target.host] : target.host;
	let command: readonly string[];
	let env: Readonly<Record<string, string>>;
	if (target.lazydocker === undefined) {
		// As users run it: the bundle's shebang sets dockmate's V8 flags.
		command = [cliPath, ...hosts.flatMap(host => ['--host', host])];
		env = {...traceEnv(), ...target.env};
	} else {
		if (typeof target.host !== 'string') {
			throw new TypeError('lazydocker shows one engine, not a fleet');
		}

		command = [target.lazydocker];
		env = {...target.env, DOCKER_HOST: target.host};
	}

	return target.home === undefined
		? {command, env}
		: {
				command: asLoginHome(target.home, command),
				env: {...env, HOME: target.home},
			};
}

/** Starts dockmate, or lazydocker, in a tmux pane of its own and times it until a container name shows. */
export async function launchDockmate(target: Target): Promise<Launched> {
	const program = target.lazydocker === undefined ? 'dockmate' : 'lazydocker';
	const {command, env} = commandFor(target);
	// The shell waits for a keystroke and then becomes the program (exec), so the clock starts
	// when it does rather than when the tmux server does, and the pane's pid is the program's.
	const session = await startTmux({
		command: ['sh', '-c', 'read -r _ && exec "$0" "$@"', ...command],
		columns,
		rows,
		env,
	});
	try {
		const pid = Number(await session.display('#{pane_pid}'));
		const tmuxPid = Number(await session.display('#{pid}'));
		// Sleeping means blocked in `read`: sh has nothing else to wait for at that point.
		await waitFor(() => readProcStat(pid)?.state === 'S', {
			timeoutMs: 5000,
			message: 'the pane shell did not get to `read`',
		});
		// Includes one send-keys (see the tmux round trip) and the polling's lateness (see
		// pollIntervalMs): an upper bound.
		const started = performance.now();
		await session.sendKeys('Enter');
		const firstPaintMs = await timeUntilScreen(
			session,
			started,
			screen => containerNamePattern.test(screen),
			{timeoutMs: 30_000, message: `${program} showed no container name`},
		);
		const stat = readProcStat(pid);
		if (stat?.comm === 'sh' || stat === undefined) {
			throw new Error(
				`pid ${pid} is "${stat?.comm ?? 'gone'}", not ${program}`,
			);
		}

		return {
			session,
			pid,
			tmuxPid,
			startedAt: started,
			firstPaintMs,
			firstPaintCpuMs: ticksToMs(cpuTicks(stat, true)),
		};
	} catch (error: unknown) {
		await session.kill();
		throw error;
	}
}

export async function closeDockmate({session, pid}: Launched): Promise<void> {
	await session.kill();
	// The next launch, or the next size's idle baseline, must not see this one still closing its
	// connections.
	await waitFor(() => isGone(pid), {
		timeoutMs: 10_000,
		message: `pid ${pid} did not exit after its tmux server was killed`,
	});
}
