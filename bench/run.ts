// Measures dockmate against a throwaway Docker daemon with 10, 100 and 300 containers: first
// paint, its own CPU and memory, the CPU it costs the daemon, and key latency; the same through
// ssh://, and on a fleet of five engines at once; and, in-process, the command palette's
// key-to-list time at 1,000 containers. Run it with `npm run bench` (see bench/options.ts for the
// flags).
import {spawnSync} from 'node:child_process';
import {availableParallelism} from 'node:os';
import {setTimeout as delay} from 'node:timers/promises';
import {cliPath} from '../test/helpers/dockmate.js';
import {
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../test/helpers/throwaway-daemon.js';
import {measureCpuWindow, type CpuGroup} from './cpu-window.js';
import {
	burnerCount,
	cpusPerBurner,
	createTicking,
	lastSleeper,
	removeFleet,
	scaleFleet,
	type Fleet,
} from './fleet.js';
import {
	engineFleetLayout,
	measureEngineFleet,
	type EngineFleetResult,
} from './engine-fleet.js';
import {countLiveRows, timeToTop, type LiveRows} from './live-figures.js';
import {countOpenFiles} from './open-files.js';
import {recordOutput} from './terminal-output.js';
import {
	containersSelection,
	measureKeyLatency,
	measureTmuxRoundTrip,
	median,
	percentile,
	timeUntilScreen,
	typingGapMs,
} from './latency.js';
import {
	formatMachineInfo,
	measureStartupFloor,
	readMachineInfo,
} from './machine.js';
import {
	closeDockmate,
	columns,
	dockmateCpuMs,
	firstPaintRuns,
	launchDockmate,
	rows,
	settleMs,
	type Target,
} from './launch.js';
import {parseBenchOptions, usage, type BenchOptions} from './options.js';
import {formatPaletteTiming, measurePalette} from './palette.js';
import {measureRemote, type RemoteResult} from './remote.js';
import {findChildPids, findDaemonPids, readProcMemory} from './proc-stat.js';
import {
	fleetGoals,
	formatTable,
	formatValue,
	goals,
	referenceSize,
	goalAt,
	remoteGoals,
	type Figure,
} from './report.js';

const image = 'dockmate-bench/busybox:1';
const keyPresses = 20;

type SizeResult = {
	/** One per launch. */
	readonly firstPaints: readonly number[];
	/** CPU that dockmate had used by then, one per launch: unlike the time, barely moved by other load. */
	readonly firstPaintCpu: readonly number[];
	/** dockerd and containerd, without dockmate and with it. */
	readonly engineIdlePercent: number;
	readonly engineBusyPercent: number;
	/** The containerd shims, one per container. */
	readonly shimsIdlePercent: number;
	readonly shimsBusyPercent: number;
	readonly dockmatePercent: number;
	/** The tmux server, which parses every frame dockmate writes, as a user's terminal would. */
	readonly terminalPercent: number;
	/** The containers' own processes, CPU burners included. */
	readonly containersIdlePercent: number;
	readonly containersBusyPercent: number;
	/** Everything else on the machine in each window: other users' work skews the figures. */
	readonly otherIdlePercent: number;
	readonly otherBusyPercent: number;
	readonly daemonProcesses: number;
	readonly rssMib: number;
	readonly hwmMib: number;
	/** Paced like typing: see typingGapMs. */
	readonly latencies: readonly number[];
	/** Pressed as soon as the previous press showed, as a held key. */
	readonly heldLatencies: readonly number[];
	/** dockmate's CPU per typed key, less its idle rate: the part of key latency that is its own work. */
	readonly cpuPerPressMs: number;
	readonly roundTrips: readonly number[];
	/** What dockmate wrote to its terminal over the CPU window. */
	readonly outputBytesPerSecond: number;
	readonly openFiles: number;
	readonly liveRows: LiveRows;
	/** How long a container made busy took to reach the top of the list sorted by CPU. */
	readonly riseMs: number;
	/** lazydocker measured the same way in the same run, when there is one. */
	readonly lazydocker: Compared | undefined;
};

/** The figures measured for lazydocker too, for the ratios. */
type Compared = {
	readonly firstPaintMs: number;
	readonly cpuPercent: number;
	/** dockerd, containerd and the shims with it, less their idle baseline. */
	readonly daemonPercent: number;
	readonly rssMib: number;
	readonly openFiles: number;
	readonly outputBytesPerSecond: number;
};

/** Runs lazydocker against the same fleet, measured as dockmate is, for the ratios. */
async function measureLazydocker(
	daemon: ThrowawayDaemon,
	size: number,
	lazydocker: string,
	options: {
		readonly windowMs: number;
		readonly cores: number;
		readonly daemonGroups: Readonly<Record<'engine' | 'shims', CpuGroup>>;
		readonly daemonIdlePercent: number;
	},
): Promise<Compared> {
	progress(`N = ${size}: lazydocker, first paint and CPU`);
	const firstPaints: number[] = [];
	for (let run = 1; run < firstPaintRuns; run++) {
		const launched = await launchDockmate({host: daemon.host, lazydocker});
		firstPaints.push(launched.firstPaintMs);
		await closeDockmate(launched);
	}

	const launched = await launchDockmate({host: daemon.host, lazydocker});
	firstPaints.push(launched.firstPaintMs);
	try {
		await delay(settleMs);
		const output = await recordOutput(launched.session);
		const busy = await measureCpuWindow(
			{
				lazydocker: {findPids: () => [launched.pid], withChildren: true},
				...options.daemonGroups,
			},
			options.windowMs,
			options.cores,
		);
		const outputBytesPerSecond = await output.stop();
		return {
			firstPaintMs: median(firstPaints),
			cpuPercent: busy.percent.lazydocker,
			daemonPercent:
				busy.percent.engine + busy.percent.shims - options.daemonIdlePercent,
			rssMib: (readProcMemory(launched.pid)?.rssKb ?? Number.NaN) / 1024,
			openFiles: countOpenFiles(launched.pid),
			outputBytesPerSecond,
		};
	} finally {
		await closeDockmate(launched);
	}
}

/** Containers in the case where every row's CPU changes: more than the list shows at 200x50. */
const tickingCount = 48;

/**
 * The bytes each program writes to its terminal while every container row on screen changes
 * every second: {@link tickingCount} containers each burning a hundredth of a core, whose CPU
 * figure and history move with every sample. They are removed afterwards.
 * @returns bytes per second for dockmate, and for lazydocker when there is one.
 */
async function measureBusyScreen(
	daemon: ThrowawayDaemon,
	windowMs: number,
	lazydocker: string | undefined,
): Promise<{readonly dockmate: number; readonly lazydocker?: number}> {
	progress(`every row changing: creating ${tickingCount} ticking containers`);
	await createTicking(daemon, image, tickingCount);
	try {
		const rate = async (target: Target): Promise<number> => {
			const launched = await launchDockmate(target);
			try {
				await delay(settleMs);
				progress(
					`every row changing: ${target.lazydocker === undefined ? 'dockmate' : 'lazydocker'}'s output over ${windowMs / 1000} s`,
				);
				const output = await recordOutput(launched.session);
				await delay(windowMs);
				return await output.stop();
			} finally {
				await closeDockmate(launched);
			}
		};

		const dockmate = await rate({host: daemon.host});
		return lazydocker === undefined
			? {dockmate}
			: {dockmate, lazydocker: await rate({host: daemon.host, lazydocker})};
	} finally {
		await removeFleet(daemon);
	}
}

/** The lazydocker to compare with: `option` if it runs, else undefined (the bench says so). */
function findLazydocker(option: string): string | undefined {
	const found = spawnSync(option, ['--version'], {encoding: 'utf8'});
	return found.status === 0 ? option : undefined;
}

function progress(message: string): void {
	// Progress goes to stderr, so that stdout holds just the report.
	process.stderr.write(`· ${message}\n`);
}

async function measureSize(
	daemon: ThrowawayDaemon,
	size: number,
	windowMs: number,
	cores: number,
	lazydocker: string | undefined,
): Promise<SizeResult> {
	// Apart, because the shims' own periodic work (below) swamps the engine's in the sum.
	const engineGroup: CpuGroup = {
		findPids: () => findDaemonPids(daemon.dir, 'engine'),
		withChildren: true,
	};
	const shimsGroup: CpuGroup = {
		findPids: () => findDaemonPids(daemon.dir, 'shims'),
		withChildren: true,
	};
	const containersGroup: CpuGroup = {
		findPids() {
			const daemonPids = findDaemonPids(daemon.dir);
			// Children of dockerd include containerd, which is daemon side already.
			return findChildPids(daemonPids).filter(pid => !daemonPids.includes(pid));
		},
		withChildren: true,
	};
	const daemonProcesses = findDaemonPids(daemon.dir).length;
	progress(`N = ${size}: daemon idle baseline over ${windowMs / 1000} s`);
	const idle = await measureCpuWindow(
		{engine: engineGroup, shims: shimsGroup, containers: containersGroup},
		windowMs,
		cores,
	);

	progress(
		`N = ${size}: launching dockmate ${firstPaintRuns} times for first paint`,
	);
	const firstPaints: number[] = [];
	const firstPaintCpu: number[] = [];
	for (let run = 1; run < firstPaintRuns; run++) {
		const launched = await launchDockmate({host: daemon.host});
		firstPaints.push(launched.firstPaintMs);
		firstPaintCpu.push(launched.firstPaintCpuMs);
		await closeDockmate(launched);
	}

	// The last launch stays for the rest of the measurements.
	const launched = await launchDockmate({host: daemon.host});
	const {session, pid, tmuxPid} = launched;
	firstPaints.push(launched.firstPaintMs);
	firstPaintCpu.push(launched.firstPaintCpuMs);
	try {
		await timeUntilScreen(
			session,
			performance.now(),
			screen => containersSelection(screen)?.shown === size,
			{
				timeoutMs: 30_000,
				message: `dockmate did not list all ${size} containers`,
			},
		);
		// A fixed settling time, as the brief asks: ages tick every second, so the screen never
		// stops changing and there is no condition to wait for.
		await delay(settleMs);

		progress(`N = ${size}: dockmate and daemon CPU over ${windowMs / 1000} s`);
		const output = await recordOutput(session);
		const busy = await measureCpuWindow(
			{
				dockmate: {findPids: () => [pid], withChildren: true},
				terminal: {findPids: () => [tmuxPid], withChildren: false},
				engine: engineGroup,
				shims: shimsGroup,
				containers: containersGroup,
			},
			windowMs,
			cores,
		);
		const outputBytesPerSecond = await output.stop();
		const openFiles = countOpenFiles(pid);
		const memory = readProcMemory(pid);
		if (!memory || !(await session.isAlive())) {
			throw new Error(
				`dockmate exited during the CPU window:\n${await session.capture()}`,
			);
		}

		progress(`N = ${size}: key latency`);
		const roundTrips = await measureTmuxRoundTrip(session, keyPresses);
		const pressesStarted = performance.now();
		const cpuBefore = dockmateCpuMs(pid);
		const latencies = await measureKeyLatency(session, keyPresses);
		// Less what dockmate spends anyway (the clock redraws every second), as in the window.
		const cpuPerPressMs =
			(dockmateCpuMs(pid) -
				cpuBefore -
				(busy.percent.dockmate / 100) * (performance.now() - pressesStarted)) /
			keyPresses;
		const heldLatencies = await measureKeyLatency(session, keyPresses, {
			gapMs: 0,
		});
		progress(`N = ${size}: rows with figures, and a busy container's rise`);
		const liveRows = await countLiveRows(session, size);
		const riseMs = await timeToTop(session, daemon, lastSleeper(size));
		await closeDockmate(launched);
		const daemonIdlePercent = idle.percent.engine + idle.percent.shims;
		const compared =
			lazydocker === undefined
				? undefined
				: await measureLazydocker(daemon, size, lazydocker, {
						windowMs,
						cores,
						daemonGroups: {engine: engineGroup, shims: shimsGroup},
						daemonIdlePercent,
					});
		return {
			lazydocker: compared,
			outputBytesPerSecond,
			openFiles,
			liveRows,
			riseMs,
			firstPaints,
			firstPaintCpu,
			cpuPerPressMs,
			engineIdlePercent: idle.percent.engine,
			engineBusyPercent: busy.percent.engine,
			shimsIdlePercent: idle.percent.shims,
			shimsBusyPercent: busy.percent.shims,
			dockmatePercent: busy.percent.dockmate,
			terminalPercent: busy.percent.terminal,
			containersIdlePercent: idle.percent.containers,
			containersBusyPercent: busy.percent.containers,
			otherIdlePercent:
				idle.machinePercent -
				idle.percent.engine -
				idle.percent.shims -
				idle.percent.containers,
			otherBusyPercent:
				busy.machinePercent -
				busy.percent.engine -
				busy.percent.shims -
				busy.percent.containers -
				busy.percent.dockmate -
				busy.percent.terminal,
			daemonProcesses,
			rssMib: memory.rssKb / 1024,
			hwmMib: memory.hwmKb / 1024,
			latencies,
			heldLatencies,
			roundTrips,
		};
	} finally {
		// Already closed when all went well; closing twice is harmless.
		await closeDockmate(launched);
	}
}

/**
 * Above this, in % of one core, something outside the bench competed for the CPU: tmux alone
 * stays well below it, since nothing polls the screen during the CPU windows.
 */
const otherLoadWarning = 10;

/** A warning when processes outside the bench used more than {@link otherLoadWarning}. */
function loadWarning(otherPercent: number): string[] {
	return otherPercent > otherLoadWarning
		? [
				`WARNING: processes outside this bench used up to ${formatValue(otherPercent, '%')} of a core while it measured: times come out longer, and every figure less certain, than on a quiet machine`,
			]
		: [];
}

function machineNotes(result: SizeResult): string[] {
	const percent = (value: number): string => formatValue(value, '%');
	return [
		`containers used ${percent(result.containersIdlePercent)} (idle window) and ${percent(result.containersBusyPercent)} (dockmate window); the rest of the machine ${percent(result.otherIdlePercent)} and ${percent(result.otherBusyPercent)}`,
		...loadWarning(Math.max(result.otherIdlePercent, result.otherBusyPercent)),
	];
}

function daemonNotes(result: SizeResult): string[] {
	const percent = (value: number): string => formatValue(value, '%');
	return [
		`daemon side: ${result.daemonProcesses} processes (dockerd, containerd, one shim per container); idle → with dockmate: dockerd+containerd ${percent(result.engineIdlePercent)} → ${percent(result.engineBusyPercent)}, shims ${percent(result.shimsIdlePercent)} → ${percent(result.shimsBusyPercent)}`,
		// Measured with no client at all: the share of it that a window catches varies.
		'  (each shim works ~10 ms on its own every 30 s: a window that is not a multiple of 30 s catches more or less of it, whatever dockmate does)',
	];
}

function figuresFor(result: SizeResult, size: number): Figure[] {
	const percent = (value: number): string => formatValue(value, '%');
	const daemonIdle = result.engineIdlePercent + result.shimsIdlePercent;
	const daemonBusy = result.engineBusyPercent + result.shimsBusyPercent;
	const compared = result.lazydocker;
	/** lazydocker's figure of this run, in place of the one measured before. */
	const measured = (
		value: number | undefined,
	): {reference?: number; referenceMeasured?: true} =>
		value === undefined ? {} : {reference: value, referenceMeasured: true};
	return [
		{
			label: 'first paint median',
			value: median(result.firstPaints),
			unit: 'ms',
			...goalAt('firstPaintMs', size),
			...measured(compared?.firstPaintMs),
			note: `of ${result.firstPaints.length} launches: ${result.firstPaints.map(ms => Math.round(ms)).join(', ')} ms`,
		},
		{
			label: 'CPU until first paint',
			value: median(result.firstPaintCpu),
			unit: 'ms',
			note: 'median; all threads, in 10 ms ticks; unlike the time, other load barely moves it',
		},
		{
			label: 'dockmate CPU',
			value: result.dockmatePercent,
			unit: '%',
			...goalAt('dockmateCpuPercent', size),
			...measured(compared?.cpuPercent),
		},
		{
			label: 'daemon-side CPU',
			value: daemonBusy - daemonIdle,
			unit: '%',
			...goalAt('daemonCpuPercent', size),
			...measured(compared?.daemonPercent),
			note: `${percent(daemonBusy)} with dockmate − ${percent(daemonIdle)} idle`,
		},
		{
			label: 'terminal (tmux) CPU',
			value: result.terminalPercent,
			unit: '%',
			note: 'drawing what dockmate writes; not in the targets',
		},
		{
			label: 'RSS at end',
			value: result.rssMib,
			unit: 'MiB',
			...goalAt('rssMib', size),
			...measured(compared?.rssMib),
		},
		{label: 'peak RSS (VmHWM)', value: result.hwmMib, unit: 'MiB'},
		{
			label: 'key latency median',
			value: median(result.latencies),
			unit: 'ms',
			...goalAt('keyLatencyMs', size),
			note: `j and k typed ${typingGapMs} ms apart`,
		},
		{
			label: 'key latency p90',
			value: percentile(result.latencies, 0.9),
			unit: 'ms',
		},
		{
			label: 'CPU per key press',
			value: result.cpuPerPressMs,
			unit: 'ms',
			note: "dockmate's own work in each latency above, less its idle rate",
		},
		{
			label: 'keys back to back',
			value: median(result.heldLatencies),
			unit: 'ms',
			note: `median; p90 ${formatValue(percentile(result.heldLatencies, 0.9), 'ms')}; a held key, where Ink's 30 fps cap adds up to 34 ms`,
		},
		{
			label: 'output to the terminal',
			value: result.outputBytesPerSecond,
			unit: 'B/s',
			...measured(compared?.outputBytesPerSecond),
			note: 'bytes written to the pane per second over the CPU window',
		},
		{
			label: 'open descriptors',
			value: result.openFiles,
			unit: 'files',
			...goals.openFiles,
			...measured(compared?.openFiles),
		},
		{
			label: 'rows with figures',
			value: result.liveRows.live,
			unit: 'rows',
			note: `of ${result.liveRows.seen} rows read page by page; every running container should have them`,
		},
		{
			label: 'busy one to the top',
			value: result.riseMs,
			unit: 'ms',
			...goals.riseMs,
			note: 'a sleeper at the bottom starts burning CPU, until its row is in the first 3 sorted by CPU: the age of figures off screen plus a sampling period',
		},
		{
			label: 'tmux round trip median',
			value: median(result.roundTrips),
			unit: 'ms',
			note: `p90 ${formatValue(percentile(result.roundTrips, 0.9), 'ms')}; send-keys + one capture, inside every latency above`,
		},
	];
}

function remoteFiguresFor(result: RemoteResult): Figure[] {
	const {sampler} = result;
	return [
		{
			label: 'first paint median',
			value: median(result.firstPaints),
			unit: 'ms',
			...remoteGoals.firstPaintMs,
			note: `of ${result.firstPaints.length} launches: ${result.firstPaints.map(ms => Math.round(ms)).join(', ')} ms`,
		},
		{
			label: 'dockmate + ssh CPU',
			value: result.dockmatePercent + result.sshPercent,
			unit: '%',
			...remoteGoals.dockmateAndSshCpuPercent,
			note: `dockmate ${formatValue(result.dockmatePercent, '%')}, its ssh processes ${formatValue(result.sshPercent, '%')}`,
		},
		{
			label: 'engine-side CPU',
			value: result.enginePercent + result.shimsPercent,
			unit: '%',
			...remoteGoals.engineCpuPercent,
			note: `dockerd+containerd ${formatValue(result.enginePercent, '%')}, shims ${formatValue(result.shimsPercent, '%')}; with dockmate connected, idle not taken off`,
		},
		{
			label: 'server ssh side CPU',
			value: result.farSidePercent,
			unit: '%',
			note: "sshd, dial-stdio and the sampler's shell, all it runs for dockmate",
		},
		{
			label: 'rows without a figure',
			value:
				result.rows === 0
					? Number.NaN
					: (100 * (result.rows - result.liveRows)) / result.rows,
			unit: '%',
			...remoteGoals.rowsWithoutFigurePercent,
			note: `${result.liveRows} of ${result.rows} rows paged through show a CPU figure; source: ${result.source}`,
		},
		{
			label: "new row's first figure",
			value: result.newRowFigureMs,
			unit: 'ms',
			...remoteGoals.newRowFigureMs,
			note: 'a busy container started off screen, until its CPU figure shows after G: bounds the age of the oldest figure',
		},
		{
			label: 'sampler sweep, server',
			value: sampler.shellCpuMs,
			unit: 'ms',
			note: `CPU of sh + tail per sweep of ${sampler.containers} containers (40 in full), through a local sh; ${formatValue(sampler.wallMs, 'ms')} wall`,
		},
		{
			label: 'sampler sweep, dockmate',
			value: sampler.dockmateCpuMs,
			unit: 'ms',
			note: `CPU per sweep: the run and the parsing; script ${(sampler.scriptBytes / 1024).toFixed(1)} KiB, output ${(sampler.outputBytes / 1024).toFixed(1)} KiB`,
		},
	];
}

function engineFleetFiguresFor(result: EngineFleetResult): Figure[] {
	const percent = (value: number): string => formatValue(value, '%');
	const launches = (values: readonly number[]): string =>
		`of ${values.length} launches: ${values.map(ms => Math.round(ms)).join(', ')} ms`;
	return [
		{
			label: 'first paint median',
			value: median(result.firstPaints),
			unit: 'ms',
			note: `the first engine's rows; ${launches(result.firstPaints)}`,
		},
		{
			label: 'all listed median',
			value: median(result.allListed),
			unit: 'ms',
			...fleetGoals.allListedMs,
			note: `every engine's rows; ${launches(result.allListed)}`,
		},
		{
			label: 'dockmate CPU',
			value: result.dockmatePercent,
			unit: '%',
			...fleetGoals.dockmateCpuPercent,
			note: `its ssh processes ${percent(result.sshPercent)} more`,
		},
		...result.engines.map((engine): Figure => ({
			label: `engine side, ${engine.kind}`,
			value: engine.busyPercent - engine.idlePercent,
			unit: '%',
			...fleetGoals.engineCpuPercent,
			note: `dockerd, containerd and shims: ${percent(engine.busyPercent)} with dockmate − ${percent(engine.idlePercent)} idle`,
		})),
		{
			label: 'RSS at end',
			value: result.rssMib,
			unit: 'MiB',
			...fleetGoals.rssMib,
		},
		{
			label: 'key latency median',
			value: median(result.latencies),
			unit: 'ms',
			...fleetGoals.keyLatencyMs,
			note: `j and k typed ${typingGapMs} ms apart; p90 ${formatValue(percentile(result.latencies, 0.9), 'ms')}`,
		},
	];
}

async function bench(options: BenchOptions): Promise<void> {
	const runStarted = performance.now();
	const windowMs = options.windowSeconds * 1000;
	progress('starting a throwaway Docker daemon');
	const daemon = await startThrowawayDaemon();
	try {
		if (daemon.external) {
			throw new Error(
				'the bench measures the CPU of dockerd, containerd and the shims, so it needs a daemon of its own: unset DOCKMATE_TEST_DOCKER_HOST',
			);
		}

		const info = await readMachineInfo(daemon);
		const floor = await measureStartupFloor(cliPath);
		console.log(formatMachineInfo(info));
		console.log(
			`start-up floor: node -e 0 ${formatValue(floor.bareNodeMs, 'ms')}, dockmate --version ${formatValue(floor.versionMs, 'ms')} (medians of 7)`,
		);
		console.log(
			`window ${options.windowSeconds} s; CPU in % of one core (${info.cores * 100}% = the whole machine); targets are for N = ${referenceSize}, tighter at 300 (CPU, memory) and 1,000; lazydocker 0.23 figures are for N = ${referenceSize}`,
		);
		progress('timing the command palette at 1,000 containers');
		console.log(formatPaletteTiming(await measurePalette()));
		const lazydocker = findLazydocker(options.lazydocker);
		console.log(
			lazydocker === undefined
				? `lazydocker: "${options.lazydocker}" does not run here (--lazydocker PATH), so the ratios are to lazydocker 0.23's figures at N = ${referenceSize} measured before`
				: `lazydocker: ${lazydocker}, measured in this run the same way; ratios are to its figures at each size`,
		);
		await daemon.importBusyboxImage(image);
		const busyScreen = await measureBusyScreen(daemon, windowMs, lazydocker);
		console.log(
			`\n${formatTable(
				`every row's CPU changing, ${columns}x${rows}`,
				[
					{
						label: 'output to the terminal',
						value: busyScreen.dockmate,
						unit: 'B/s',
						...goals.outputBytesPerSecond,
						...(busyScreen.lazydocker === undefined
							? {}
							: {reference: busyScreen.lazydocker, referenceMeasured: true}),
					},
				],
				[
					`${tickingCount} containers each burning 1% of a core: every row's CPU figure and history change every second`,
				],
			)}`,
		);
		const fleet: Fleet = {sleepers: 0, burners: 0};
		for (const size of options.sizes) {
			const burners = burnerCount(size);
			const cpus = cpusPerBurner(burners, options.burnBudget);
			const before = fleet.sleepers + fleet.burners;
			progress(`N = ${size}: creating ${size - before} containers`);
			const setupMs = await scaleFleet(daemon, fleet, {
				image,
				total: size,
				cpus,
			});
			const result = await measureSize(
				daemon,
				size,
				windowMs,
				info.cores,
				lazydocker,
			);
			console.log(
				`\n${formatTable(`N = ${size}`, figuresFor(result, size), [
					`${size} containers: ${size - burners} running sleep, ${burners} burning CPU under --cpus ${cpus}; the ${size - before} new ones created in ${(setupMs / 1000).toFixed(1)} s`,
					...daemonNotes(result),
					...machineNotes(result),
				])}`,
			);
		}

		if (options.remote > 0) {
			const burners = burnerCount(options.remote);
			const cpus = cpusPerBurner(burners, options.burnBudget);
			await scaleFleet(daemon, fleet, {image, total: options.remote, cpus});
			const size = fleet.sleepers + fleet.burners;
			const result = await measureRemote(daemon, {
				size,
				windowMs,
				cores: info.cores,
				image,
				progress,
			});
			console.log(
				`\n${formatTable(
					`remote N = ${size}, through ssh:// to sshd on 127.0.0.1`,
					remoteFiguresFor(result),
					[
						`ssh processes ${result.sshProcesses}, TCP connections to sshd ${result.sshConnections}, held by dockmate while it ran`,
					],
				)}`,
			);
		}
	} finally {
		progress('removing the containers and stopping the daemon');
		const stopping = performance.now();
		await removeFleet(daemon).catch(() => undefined);
		await daemon.stop();
		progress(
			`removed and stopped in ${((performance.now() - stopping) / 1000).toFixed(1)} s`,
		);
	}

	if (options.fleet > 0) {
		// After the single engine is gone, so that its containers are no load here.
		const result = await measureEngineFleet({
			perEngine: options.fleet,
			windowMs,
			cores: availableParallelism(),
			image,
			progress,
		});
		console.log(
			`\n${formatTable(
				`fleet N = ${options.fleet} per engine, ${options.fleet * 5} in all`,
				engineFleetFiguresFor(result),
				[
					engineFleetLayout,
					'dockmate started with --host five times; no lazydocker ratio: lazydocker shows one engine at a time',
					...loadWarning(
						result.machinePercent -
							result.dockmatePercent -
							result.sshPercent -
							result.engines.reduce(
								(sum, engine) => sum + engine.busyPercent,
								0,
							),
					),
				],
			)}`,
		);
	}

	progress(
		`bench finished in ${((performance.now() - runStarted) / 1000).toFixed(0)} s`,
	);
}

let options: BenchOptions | undefined;
try {
	options = parseBenchOptions(process.argv.slice(2));
} catch (error: unknown) {
	console.error(
		`${error instanceof Error ? error.message : String(error)}\n\n${usage}`,
	);
	process.exitCode = 2;
}

if (options) {
	await bench(options);
}
