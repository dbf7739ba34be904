// Follows the logs of two floods on a throwaway daemon, one at a time: 100 KB of random bytes a
// second, and one 1 MB line a second. For each, dockmate's resident memory (and its peak), its CPU
// and the key latency while following. Run it with `npm run build --silent && node --import tsx
// bench/logs-flood.ts [seconds]` (60 by default).
import {
	launchDockmate,
	dockmatePid,
	selectByFilter,
} from '../test/helpers/dockmate.js';
import {runLabelled} from '../test/helpers/e2e-containers.js';
import {startThrowawayDaemon} from '../test/helpers/throwaway-daemon.js';
import {median, percentile, timeUntilScreen} from './latency.js';
import {
	clockTicksPerSecond,
	cpuTicks,
	readProcMemory,
	readProcStat,
} from './proc-stat.js';

const image = 'dockmate-bench/busybox:logs';
const floods = [
	{
		name: 'random-100k',
		script: 'while :; do head -c 102400 /dev/urandom; sleep 1; done',
	},
	{
		name: 'line-1m',
		script: String.raw`while :; do head -c 1048576 /dev/zero | tr '\0' a; echo; sleep 1; done`,
	},
];
const seconds = Number(process.argv[2] ?? 60);
/** A search prompt opened and closed every this often while the flood runs. */
const pressEveryMs = 1000;

function cpuMs(pid: number): number {
	const stat = readProcStat(pid);
	return stat === undefined
		? Number.NaN
		: (cpuTicks(stat, true) * 1000) / clockTicksPerSecond();
}

const daemon = await startThrowawayDaemon();
try {
	await daemon.importBusyboxImage(image);
	for (const flood of floods) {
		await runLabelled(daemon, {
			name: flood.name,
			image,
			command: ['sh', '-c', flood.script],
		});
	}

	for (const flood of floods) {
		const screen = await launchDockmate({
			host: daemon.host,
			columns: 200,
			rows: 50,
		});
		try {
			const pid = await dockmatePid(screen);
			await screen.waitForText(flood.name);
			await selectByFilter(screen, flood.name);
			await screen.sendKeys('l');
			await screen.waitForText(`Logs · ${flood.name}`);
			const latencies: number[] = [];
			let rssKb = 0;
			const cpuBefore = cpuMs(pid);
			const started = performance.now();
			while (performance.now() - started < seconds * 1000) {
				// `/` opens the search prompt, Escape closes it: each a key whose answer shows.
				for (const [key, shown] of [
					['/', true],
					['Escape', false],
				] as const) {
					const pressed = performance.now();
					await screen.sendKeys(key);
					latencies.push(
						await timeUntilScreen(
							screen,
							pressed,
							text => text.includes('text to find') === shown,
							{timeoutMs: 120_000, message: `no answer to ${key}`},
						),
					);
				}

				rssKb = Math.max(rssKb, readProcMemory(pid)?.rssKb ?? 0);
				await new Promise(resolve => {
					setTimeout(resolve, pressEveryMs);
				});
			}

			const elapsed = performance.now() - started;
			const cpu = ((cpuMs(pid) - cpuBefore) / elapsed) * 100;
			const memory = readProcMemory(pid);
			const status = /following · [^\n│]*/.exec(await screen.capture())?.[0];
			console.log(
				[
					`${flood.name} (${Math.round(elapsed / 1000)} s)`,
					`CPU ${cpu.toFixed(1)}% of a core`,
					`RSS ${Math.round((memory?.rssKb ?? 0) / 1024)} MiB (max sampled ${Math.round(rssKb / 1024)}, peak ${Math.round((memory?.hwmKb ?? 0) / 1024)})`,
					`key latency median ${median(latencies).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} keys)`,
					`screen: ${status ?? '?'}`,
				].join('\n  '),
			);
		} finally {
			await screen.kill();
		}
	}
} finally {
	await daemon.stop();
}
