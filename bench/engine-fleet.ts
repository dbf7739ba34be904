// The fleet case: five throwaway engines on this machine, each with the same number of running
// containers, reached the ways a fleet's engines are: three through their unix sockets, one
// through ssh:// to an sshd of the bench's own on 127.0.0.1, one through tcp with TLS on
// 127.0.0.1. dockmate is started on all five at once (`--host` repeated).
import {mkdtempSync, rmSync} from 'node:fs';
import {setTimeout as delay} from 'node:timers/promises';
import {runMany} from '../test/helpers/e2e-containers.js';
import {freePort} from '../test/helpers/free-port.js';
import {startSshd, type Sshd} from '../test/helpers/sshd.js';
import {
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../test/helpers/throwaway-daemon.js';
import {makeTlsMaterial, tlsListenArgs} from '../test/helpers/tls-certs.js';
import {measureCpuWindow, type CpuGroup} from './cpu-window.js';
import {benchLabel, containerName, removeFleet} from './fleet.js';
import {
	closeDockmate,
	firstPaintRuns,
	launchDockmate,
	settleMs,
	type Launched,
	type Target,
} from './launch.js';
import {
	containersSelection,
	measureKeyLatency,
	timeUntilScreen,
} from './latency.js';
import {findDaemonPids, readProcMemory} from './proc-stat.js';
import {findSshPids} from './remote.js';

/** How each engine of the fleet is reached, in the order dockmate is given them. */
const engineKinds = ['unix 1', 'unix 2', 'unix 3', 'ssh', 'tls'] as const;
type EngineKind = (typeof engineKinds)[number];

const keyPresses = 20;

/** One engine's side, with dockmate connected and without. */
export type EngineSide = {
	readonly kind: EngineKind;
	/** dockerd, containerd and the shims, in % of one core. */
	readonly idlePercent: number;
	readonly busyPercent: number;
};

/** What the fleet case measured. */
export type EngineFleetResult = {
	readonly perEngine: number;
	/** Until the first engine's rows show, one per launch. */
	readonly firstPaints: readonly number[];
	/** Until every engine's rows are listed (the pane counts them all), one per launch. */
	readonly allListed: readonly number[];
	readonly dockmatePercent: number;
	/** dockmate's ssh processes: the master connection and its channels. */
	readonly sshPercent: number;
	readonly engines: readonly EngineSide[];
	readonly rssMib: number;
	readonly latencies: readonly number[];
	/** The whole machine over dockmate's window, in % of one core: other load skews the figures. */
	readonly machinePercent: number;
};

type Engines = {
	readonly daemons: ReadonlyMap<EngineKind, ThrowawayDaemon>;
	readonly sshd: Sshd;
	/** dockmate's command line and environment for all five. */
	readonly target: Target;
};

/**
 * Starts the five engines in parallel, each with `perEngine` running containers named after
 * its place (the first engine's sort first), and calls `measure` with them; stops them all after,
 * also when something failed halfway.
 */
async function withEngines<T>(
	perEngine: number,
	image: string,
	progress: (message: string) => void,
	measure: (engines: Engines) => Promise<T>,
): Promise<T> {
	const pki = mkdtempSync('/tmp/dmt-tls-');
	const daemons = new Map<EngineKind, ThrowawayDaemon>();
	let sshd: Sshd | undefined;
	try {
		const tls = makeTlsMaterial(pki);
		const tlsHost = `tcp://127.0.0.1:${await freePort()}`;
		progress(
			`fleet: starting 5 engines with ${perEngine} running containers each`,
		);
		const started = await Promise.allSettled(
			engineKinds.map(async (kind, index) => {
				const daemon = await startThrowawayDaemon(
					kind === 'tls' ? {extraArgs: tlsListenArgs(tls, tlsHost)} : {},
				);
				daemons.set(kind, daemon);
				if (kind === 'ssh') {
					sshd = await startSshd({dockerHost: daemon.host});
				}

				await daemon.importBusyboxImage(image);
				await runMany(daemon, {
					count: perEngine,
					image,
					nameOf: number => containerName(index * perEngine + number),
					label: benchLabel,
					command: ['sleep', '100000'],
				});
			}),
		);
		for (const outcome of started) {
			if (outcome.status === 'rejected') {
				throw outcome.reason;
			}
		}

		// Set by the ssh engine's start, which did not fail.
		const server = sshd!;
		const hosts = engineKinds.map(kind =>
			kind === 'ssh'
				? server.url
				: kind === 'tls'
					? tlsHost
					: daemons.get(kind)!.host,
		);
		return await measure({
			daemons,
			sshd: server,
			target: {
				host: hosts,
				home: server.trustedHome,
				env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tls.clientDir},
			},
		});
	} finally {
		progress('fleet: removing the containers and stopping the engines');
		await sshd?.stop();
		await Promise.all(
			[...daemons.values()].map(async daemon => {
				await removeFleet(daemon).catch(() => undefined);
				await daemon.stop();
			}),
		);
		rmSync(pki, {recursive: true, force: true});
	}
}

/** Launches dockmate on the fleet and times it until the first rows, then until all are listed. */
async function launchTimed(
	target: Target,
	total: number,
): Promise<{
	readonly launched: Launched;
	readonly allListedMs: number;
}> {
	const launched = await launchDockmate(target);
	try {
		const allListedMs = await timeUntilScreen(
			launched.session,
			launched.startedAt,
			screen => containersSelection(screen)?.shown === total,
			{
				timeoutMs: 60_000,
				message: `dockmate did not list all ${total} containers of the fleet`,
			},
		);
		return {launched, allListedMs};
	} catch (error: unknown) {
		await closeDockmate(launched);
		throw error;
	}
}

/**
 * Measures dockmate on a fleet of five engines with `perEngine` running containers each: first
 * paint, all listed, its CPU and each engine's side over one window, RSS and key latency.
 */
export async function measureEngineFleet(options: {
	readonly perEngine: number;
	readonly windowMs: number;
	readonly cores: number;
	readonly image: string;
	readonly progress: (message: string) => void;
}): Promise<EngineFleetResult> {
	const {perEngine, windowMs, cores, progress} = options;
	const total = perEngine * engineKinds.length;
	return withEngines(perEngine, options.image, progress, async engines => {
		const sides = {} as Record<EngineKind, CpuGroup>;
		for (const kind of engineKinds) {
			sides[kind] = {
				findPids: () => findDaemonPids(engines.daemons.get(kind)!.dir),
				withChildren: true,
			};
		}

		progress(`fleet: the engines' idle baseline over ${windowMs / 1000} s`);
		const idle = await measureCpuWindow(sides, windowMs, cores);

		progress(`fleet: launching dockmate ${firstPaintRuns} times on all five`);
		const firstPaints: number[] = [];
		const allListed: number[] = [];
		for (let run = 1; run < firstPaintRuns; run++) {
			const {launched, allListedMs} = await launchTimed(engines.target, total);
			firstPaints.push(launched.firstPaintMs);
			allListed.push(allListedMs);
			await closeDockmate(launched);
		}

		// The last launch stays for the rest of the measurements.
		const {launched, allListedMs} = await launchTimed(engines.target, total);
		firstPaints.push(launched.firstPaintMs);
		allListed.push(allListedMs);
		try {
			// As in the other cases: ages tick every second, so there is no condition to wait for.
			await delay(settleMs);
			progress(`fleet: dockmate and engine CPU over ${windowMs / 1000} s`);
			const busy = await measureCpuWindow(
				{
					dockmate: {findPids: () => [launched.pid], withChildren: true},
					sshClient: {
						findPids: () => findSshPids(engines.sshd.port),
						withChildren: false,
					},
					...sides,
				},
				windowMs,
				cores,
			);
			const memory = readProcMemory(launched.pid);
			if (!memory || !(await launched.session.isAlive())) {
				throw new Error(
					`dockmate exited during the CPU window:\n${await launched.session.capture()}`,
				);
			}

			progress('fleet: key latency');
			const latencies = await measureKeyLatency(launched.session, keyPresses);
			return {
				perEngine,
				firstPaints,
				allListed,
				dockmatePercent: busy.percent.dockmate,
				sshPercent: busy.percent.sshClient,
				engines: engineKinds.map(kind => ({
					kind,
					idlePercent: idle.percent[kind],
					busyPercent: busy.percent[kind],
				})),
				rssMib: memory.rssKb / 1024,
				latencies,
				machinePercent: busy.machinePercent,
			};
		} finally {
			await closeDockmate(launched);
		}
	});
}

/** Where the engines are, for the table's notes. */
export const engineFleetLayout = `five engines on this machine: ${engineKinds.length - 2} through unix sockets, one through ssh:// to sshd on 127.0.0.1, one through tcp with TLS on 127.0.0.1`;
