// The remote case: the throwaway engine's containers reached through ssh:// to an sshd of the
// bench's own on 127.0.0.1, and what the remote cgroup sampler costs per sweep.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {CgroupDriver} from '../source/docker/cgroup/layout.js';
import {openRemoteCgroupMeter} from '../source/docker/cgroup/remote-cgroup-meter.js';
import type {HostShell} from '../source/docker/host-shell.js';
import {localShell} from '../test/helpers/local-shell.js';
import {startSshd, type Sshd} from '../test/helpers/sshd.js';
import type {ThrowawayDaemon} from '../test/helpers/throwaway-daemon.js';
import {measureCpuWindow, type CpuGroup} from './cpu-window.js';
import {benchLabel} from './fleet.js';
import {
	closeDockmate,
	firstPaintRuns,
	launchDockmate,
	settleMs,
	ticksToMs,
	type Target,
} from './launch.js';
import {containersSelection, timeUntilScreen} from './latency.js';
import {countLiveRows} from './live-figures.js';
import {
	cpuTicks,
	findChildPids,
	findDaemonPids,
	readProcStat,
} from './proc-stat.js';
import {setTimeout as delay} from 'node:timers/promises';

/** What one sweep of the remote sampler costs, run through a local sh over the engine's real files. */
export type SamplerCost = {
	readonly containers: number;
	readonly sweeps: number;
	readonly wallMs: number;
	/** The shell and its `tail`, as they would run on the server. */
	readonly shellCpuMs: number;
	/** dockmate's side: starting the run, parsing the output, the figures. */
	readonly dockmateCpuMs: number;
	readonly scriptBytes: number;
	readonly outputBytes: number;
};

/** The ids of the engine's running bench containers. */
async function runningIds(daemon: ThrowawayDaemon): Promise<string[]> {
	return (
		await daemon.dockerOk([
			'ps',
			'--quiet',
			'--no-trunc',
			'--filter',
			`label=${benchLabel}`,
		])
	)
		.split('\n')
		.filter(Boolean);
}

function childCpuMs(): number {
	const stat = readProcStat(process.pid);
	return stat === undefined
		? Number.NaN
		: ticksToMs(cpuTicks(stat, true) - cpuTicks(stat, false));
}

/**
 * Runs `sweeps` sweeps of the remote sampler over every running bench container through a local
 * `/bin/sh`, 40 of them read in full as the rows on screen are: what the server and dockmate
 * spend per sweep, whatever the transport.
 */
export async function measureSamplerCost(
	daemon: ThrowawayDaemon,
	sweeps = 20,
): Promise<SamplerCost> {
	const ids = await runningIds(daemon);
	const driver: CgroupDriver =
		(await daemon.dockerOk(['info', '--format', '{{.CgroupDriver}}'])) ===
		'systemd'
			? 'systemd'
			: 'cgroupfs';
	const shell = localShell();
	let scriptBytes = 0;
	let outputBytes = 0;
	const counting: HostShell = {
		via: shell.via,
		close: shell.close,
		async run(script, signal) {
			const output = await shell.run(script, signal);
			scriptBytes += script.length;
			outputBytes += output.length;
			return output;
		},
	};
	const meter = await openRemoteCgroupMeter({shell: counting, driver});
	if (meter === undefined) {
		throw new Error('the remote sampler found no cgroups on this machine');
	}

	try {
		// The first sweep looks for every container; the ones measured are the steady state.
		const found = await meter.measure(ids, 40);
		if (found.size < ids.length) {
			throw new Error(
				`the remote sampler found ${found.size} of ${ids.length} containers`,
			);
		}

		scriptBytes = 0;
		outputBytes = 0;
		const shellBefore = childCpuMs();
		const selfBefore = process.cpuUsage();
		const started = performance.now();
		for (let sweep = 0; sweep < sweeps; sweep++) {
			await meter.measure(ids, 40);
		}

		const wallMs = performance.now() - started;
		const self = process.cpuUsage(selfBefore);
		return {
			containers: ids.length,
			sweeps,
			wallMs: wallMs / sweeps,
			shellCpuMs: (childCpuMs() - shellBefore) / sweeps,
			dockmateCpuMs: (self.user + self.system) / 1000 / sweeps,
			scriptBytes: scriptBytes / sweeps,
			outputBytes: outputBytes / sweeps,
		};
	} finally {
		meter.close();
	}
}

function readText(file: string): string | undefined {
	try {
		return readFileSync(file, 'latin1');
	} catch {
		return undefined;
	}
}

/** The ssh clients that talk to the bench's sshd (by its port on their command line). */
export function findSshPids(port: number): number[] {
	return readdirSync('/proc')
		.map(Number)
		.filter(pid => Number.isInteger(pid))
		.filter(
			pid =>
				readText(`/proc/${pid}/comm`)?.trim() === 'ssh' &&
				(readText(`/proc/${pid}/cmdline`) ?? '')
					.split('\0')
					.some(argument => argument.includes(String(port))),
		);
}

/** Established TCP connections to 127.0.0.1:`port`, counted from the client's end. */
export function countConnections(port: number): number {
	const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
	return (readText('/proc/net/tcp') ?? '')
		.split('\n')
		.slice(1)
		.filter(line => {
			const fields = line.trim().split(/\s+/);
			return fields[2] === `0100007F:${hexPort}` && fields[3] === '01';
		}).length;
}

/** The sshd listener of `sshd` and everything below it: sessions, dial-stdio, the sampler's sh. */
function findSshdPids(sshd: Sshd): number[] {
	const config = path.join(path.dirname(sshd.trustedHome), 'sshd_config');
	const listeners = readdirSync('/proc')
		.map(Number)
		.filter(pid => Number.isInteger(pid))
		// sshd rewrites its command line ("sshd: /usr/sbin/sshd -D -e -f CONFIG [listener] …").
		.filter(pid => (readText(`/proc/${pid}/cmdline`) ?? '').includes(config));
	const all = [...listeners];
	let level = listeners;
	while (level.length > 0) {
		level = findChildPids(level);
		all.push(...level);
	}

	return all;
}

/** What the remote case measured. */
export type RemoteResult = {
	readonly sampler: SamplerCost;
	readonly firstPaints: readonly number[];
	/** The header's `stats:` source. */
	readonly source: string;
	readonly dockmatePercent: number;
	readonly sshPercent: number;
	/** dockerd and containerd, and the shims, with dockmate connected. */
	readonly enginePercent: number;
	readonly shimsPercent: number;
	/** sshd and all it runs for dockmate: dial-stdio, the sampler's shell. */
	readonly farSidePercent: number;
	/** Rows with a CPU figure, of those paged through. */
	readonly liveRows: number;
	readonly rows: number;
	/** From a new busy container's start to its CPU figure on screen. */
	readonly newRowFigureMs: number;
	readonly sshProcesses: number;
	readonly sshConnections: number;
};

/**
 * Measures dockmate on `size` running containers reached through ssh:// to a loopback sshd whose
 * logins reach the throwaway engine. Until dockmate's ssh transport gives a shell on the host,
 * figures come from the stats API for the rows on screen, and the live share says so.
 */
export async function measureRemote(
	daemon: ThrowawayDaemon,
	options: {
		readonly size: number;
		readonly windowMs: number;
		readonly cores: number;
		readonly image: string;
		readonly progress: (message: string) => void;
	},
): Promise<RemoteResult> {
	const {size, windowMs, cores, progress} = options;
	progress(`remote N = ${size}: the sampler's cost per sweep through sh`);
	const sampler = await measureSamplerCost(daemon);
	const sshd = await startSshd({dockerHost: daemon.host});
	try {
		const target: Target = {host: sshd.url, home: sshd.trustedHome};
		progress(
			`remote N = ${size}: launching dockmate ${firstPaintRuns} times over ssh`,
		);
		const firstPaints: number[] = [];
		for (let run = 1; run < firstPaintRuns; run++) {
			const launched = await launchDockmate(target);
			firstPaints.push(launched.firstPaintMs);
			await closeDockmate(launched);
		}

		const launched = await launchDockmate(target);
		firstPaints.push(launched.firstPaintMs);
		const {session, pid} = launched;
		try {
			await timeUntilScreen(
				session,
				performance.now(),
				text => containersSelection(text)?.shown === size,
				{
					timeoutMs: 60_000,
					message: `dockmate did not list all ${size} containers over ssh`,
				},
			);
			// As in the local case: ages tick every second, so there is no condition to wait for.
			await delay(settleMs);
			progress(`remote N = ${size}: CPU over ${windowMs / 1000} s`);
			const group = (findPids: () => readonly number[]): CpuGroup => ({
				findPids,
				withChildren: true,
			});
			const window = await measureCpuWindow(
				{
					dockmate: group(() => [pid]),
					ssh: {findPids: () => findSshPids(sshd.port), withChildren: false},
					engine: group(() => findDaemonPids(daemon.dir, 'engine')),
					shims: group(() => findDaemonPids(daemon.dir, 'shims')),
					farSide: group(() => findSshdPids(sshd)),
				},
				windowMs,
				cores,
			);
			const source =
				/stats: ([^·│\n]+)/.exec(await session.capture())?.[1]?.trim() ?? '?';
			const sshProcesses = findSshPids(sshd.port).length;
			const sshConnections = countConnections(sshd.port);
			progress(`remote N = ${size}: rows with a live figure`);
			const rows = await countLiveRows(session, size);
			progress(`remote N = ${size}: a new container's first figure`);
			const probeStarted = performance.now();
			await daemon.dockerOk([
				'run',
				'--detach',
				'--name',
				'bench-zzzz-probe',
				'--label',
				benchLabel,
				'--cpus',
				'0.2',
				options.image,
				'sh',
				'-c',
				'while :; do :; done',
			]);
			// Once listed, the new row is the last (by name); G brings it on screen.
			await timeUntilScreen(
				session,
				probeStarted,
				text => containersSelection(text)?.shown === size + 1,
				{timeoutMs: 30_000, message: 'the new container was not listed'},
			);
			await session.sendKeys('G');
			const newRowFigureMs = await timeUntilScreen(
				session,
				probeStarted,
				text => /bench-zzzz-probe.*\s[1-9]\d*(?:\.\d)?%/.test(text),
				{timeoutMs: 30_000, message: 'the new container got no CPU figure'},
			).catch(() => Number.NaN);
			await daemon.dockerOk(['rm', '--force', 'bench-zzzz-probe']);
			return {
				sampler,
				firstPaints,
				source,
				dockmatePercent: window.percent.dockmate,
				sshPercent: window.percent.ssh,
				enginePercent: window.percent.engine,
				shimsPercent: window.percent.shims,
				farSidePercent: window.percent.farSide,
				liveRows: rows.live,
				rows: rows.seen,
				newRowFigureMs,
				sshProcesses,
				sshConnections,
			};
		} finally {
			await closeDockmate(launched);
		}
	} finally {
		await sshd.stop();
	}
}
