import {execFile} from 'node:child_process';
import os from 'node:os';
import {promisify} from 'node:util';
import type {ThrowawayDaemon} from '../test/helpers/throwaway-daemon.js';
import {median} from './latency.js';

const run = promisify(execFile);

/** What a reader needs to compare figures between machines. */
export type MachineInfo = {
	readonly cores: number;
	readonly cpuModel: string;
	readonly memoryGib: number;
	readonly kernel: string;
	readonly node: string;
	readonly engine: string;
	readonly tmux: string;
	/** 1-minute load average at the start: other work on the machine skews every figure. */
	readonly loadAverage: number;
};

export async function readMachineInfo(
	daemon: ThrowawayDaemon,
): Promise<MachineInfo> {
	const tmux = await run('tmux', ['-V'], {encoding: 'utf8'}).then(
		({stdout}) => stdout.trim(),
		() => 'tmux ?',
	);
	return {
		cores: os.availableParallelism(),
		cpuModel: os.cpus()[0]?.model.trim() ?? '?',
		memoryGib: os.totalmem() / 2 ** 30,
		kernel: os.release(),
		node: process.version,
		engine: await daemon.dockerOk([
			'version',
			'--format',
			'{{.Server.Version}} (API {{.Server.APIVersion}})',
		]),
		tmux,
		loadAverage: os.loadavg()[0] ?? Number.NaN,
	};
}

export function formatMachineInfo(info: MachineInfo): string {
	return [
		`machine  ${info.cores} cores (${info.cpuModel}), ${info.memoryGib.toFixed(0)} GiB, Linux ${info.kernel}, load average ${info.loadAverage.toFixed(2)} at start`,
		`software node ${info.node}, Docker Engine ${info.engine}, ${info.tmux}`,
	].join('\n');
}

/** Start-up floors, each the median of several runs, in ms. */
export type StartupFloor = {
	/** `node -e 0`: what any Node program pays. */
	readonly bareNodeMs: number;
	/** `node dist/cli.js --version`: loading and parsing the bundle, without any Docker or Ink work. */
	readonly versionMs: number;
};

async function timeRuns(
	args: readonly string[],
	runs: number,
): Promise<number> {
	const durations: number[] = [];
	for (let index = 0; index < runs; index++) {
		const started = performance.now();
		await run(process.execPath, args, {env: {PATH: process.env['PATH']}});
		durations.push(performance.now() - started);
	}

	return median(durations);
}

export async function measureStartupFloor(
	cliPath: string,
	runs = 7,
): Promise<StartupFloor> {
	return {
		bareNodeMs: await timeRuns(['-e', '0'], runs),
		versionMs: await timeRuns([cliPath, '--version'], runs),
	};
}
