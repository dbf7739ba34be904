import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {
	parseCmdline,
	parsePasswd,
	parseProcStat,
	parseProcStatus,
	processesFromTop,
	readCgroupProcesses,
	withCpuPercent,
	type ProcessSample,
} from '../../source/docker/processes.js';

/** Recorded from a process in a PID namespace of its own, its name with spaces and parentheses. */
const fixtures = path.resolve('test/fixtures/proc-processes');
const recorded = (name: string): Buffer =>
	readFileSync(path.join(fixtures, '5081', name));

describe('/proc parsers', () => {
	it('reads stat past a command name holding spaces and parentheses', () => {
		assert.deepEqual(parseProcStat(recorded('stat').toString('latin1')), {
			pid: 5081,
			comm: 'my) odd (name',
			state: 'S',
			cpuTicks: 0,
			threads: 1,
			startTicks: 1_127_068,
			rssPages: 412,
		});
		assert.equal(parseProcStat('garbage'), undefined);
	});

	it("reads the uid and the PID in each namespace from status: the last is the container's", () => {
		assert.deepEqual(parseProcStatus(recorded('status').toString('latin1')), {
			uid: 0,
			nsPids: [5081, 1],
		});
	});

	it('joins the command line, made safe to show', () => {
		assert.equal(
			parseCmdline(recorded('cmdline')),
			'/tmp/oddbin/my) odd (name 30',
		);
		assert.equal(
			parseCmdline(Buffer.from('sh\0-c\0echo \u001B[2Jhi\0')),
			'sh -c echo hi',
		);
	});

	it("names users as the container's own /etc/passwd does, made safe to show", () => {
		const users = parsePasswd(
			readFileSync(path.join(fixtures, '5081/root/etc/passwd'), 'latin1'),
		);
		assert.deepEqual(
			[...users],
			[
				[0, 'root'],
				[1, 'daemon'],
				[5, 'evil'],
			],
		);
		assert.deepEqual([...parsePasswd(undefined)], []);
	});

	it("lists a cgroup's processes from /proc, leaving out one that ended", () => {
		const sample = readCgroupProcesses(
			{version: 2, dir: path.join(fixtures, 'cgroup')},
			{procRoot: fixtures, now: () => 1000},
		);
		assert.deepEqual(sample, {
			source: 'proc',
			time: 1000,
			processes: [
				{
					pid: 5081,
					nsPid: 1,
					user: 'root',
					state: 'S',
					cpuPercent: undefined,
					cpuTicks: 0,
					rss: 412 * 4096,
					threads: 1,
					// btime 1796422145 s, started 11270.68 s after boot.
					startedAt: 1_796_422_145_000 + 11_270_680,
					command: '/tmp/oddbin/my) odd (name 30',
				},
			],
		});
	});
});

describe('process samples', () => {
	const process = {
		pid: 7,
		nsPid: 1,
		user: '0',
		state: 'R',
		cpuPercent: undefined,
		rss: 0,
		threads: 1,
		startedAt: 0,
		command: 'busy',
	};

	it('works out CPU % from the ticks used between two samples', () => {
		const first: ProcessSample = {
			source: 'proc',
			time: 0,
			processes: [{...process, cpuTicks: 100}],
		};
		const second: ProcessSample = {
			source: 'proc',
			time: 2000,
			processes: [{...process, cpuTicks: 250}],
		};
		assert.equal(withCpuPercent(first, second).processes[0]?.cpuPercent, 75);
		assert.equal(
			withCpuPercent(undefined, second).processes[0]?.cpuPercent,
			undefined,
		);
	});

	it('reads the columns of /top', () => {
		const sample = processesFromTop(
			{
				Titles: [
					'PID',
					'USER',
					'STAT',
					'%CPU',
					'RSS',
					'NLWP',
					'ELAPSED',
					'COMMAND',
				],
				Processes: [
					['4711', 'root', 'Ss', '1.5', '400', '2', '10', 'sleep 600'],
				],
			},
			100_000,
		);
		assert.deepEqual(sample.processes, [
			{
				pid: 4711,
				nsPid: undefined,
				user: 'root',
				state: 'Ss',
				cpuPercent: 1.5,
				cpuTicks: undefined,
				rss: 409_600,
				threads: 2,
				startedAt: 90_000,
				command: 'sleep 600',
			},
		]);
	});
});
