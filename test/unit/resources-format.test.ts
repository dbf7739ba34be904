import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	historyLength,
	initialState,
	type ResourceSnapshot,
} from '../../source/state/app-state.js';
import type {ContainerSummary} from '../../source/docker/docker-client.js';
import {figuresByEngine} from '../../source/state/fleet.js';
import {
	combinedTotalsLine,
	engineTotalsLines,
} from '../../source/ui/format/engine-totals.js';
import {fakeContainer} from '../fakes/fake-docker-client.js';
import {cellWidth} from '../../source/ui/format/cells.js';
import {historyOf} from '../../source/state/history.js';
import type {ResourceUsage} from '../../source/state/resource-usage.js';
import {
	cpuScale,
	formatCpus,
	formatPercent,
	formatRate,
	historyGraph,
	memoryScale,
	resourceCells,
	sparkline,
} from '../../source/ui/format/resources.js';
import {formatMemory} from '../../source/format/units.js';
import {unknownUsage} from '../fakes/resource-usage.js';

const kib = 1024;
const mib = 1024 * kib;
const gib = 1024 * mib;
const tib = 1024 * gib;
const dash = '–';

function snapshot(
	usage: Partial<ResourceUsage>,
	history: {cpu?: readonly number[]; memory?: readonly number[]} = {},
): ResourceSnapshot {
	return {
		usage: {...unknownUsage, ...usage},
		cpuHistory: historyOf(history.cpu ?? [], historyLength),
		memoryHistory: historyOf(history.memory ?? [], historyLength),
	};
}

describe('formatPercent', () => {
	const cases: readonly [number | undefined, string][] = [
		[undefined, dash],
		[Number.NaN, dash],
		[Number.POSITIVE_INFINITY, dash],
		[0, '0.0%'],
		[0.04, '0.0%'],
		[9.84, '9.8%'],
		[98.76, '98.8%'],
		[100, '100%'],
		[123.4, '123%'],
		[123.5, '124%'],
		[399.6, '400%'],
	];
	for (const [percent, expected] of cases) {
		it(`${percent} → ${expected}`, () => {
			assert.equal(formatPercent(percent), expected);
		});
	}
});

describe('formatCpus', () => {
	const cases: readonly [number, string][] = [
		[0.2, '0.2 CPU'],
		[0.5, '0.5 CPU'],
		[1, '1 CPU'],
		[1.5, '1.5 CPUs'],
		[2, '2 CPUs'],
		[1 / 3, '0.33 CPU'],
		[2.125, '2.13 CPUs'],
	];
	for (const [cpus, expected] of cases) {
		it(`${cpus} → ${expected}`, () => {
			assert.equal(formatCpus(cpus), expected);
		});
	}
});

describe('formatRate', () => {
	const cases: readonly [number | undefined, string][] = [
		[undefined, dash],
		[0, '0B/s'],
		[512, '512B/s'],
		[1200, '1.2kB/s'],
		[1_200_000, '1.2MB/s'],
		// Rounded before the unit is chosen: never 1000kB/s.
		[999_950, '1MB/s'],
	];
	for (const [rate, expected] of cases) {
		it(`${rate} → ${expected}`, () => {
			assert.equal(formatRate(rate), expected);
		});
	}
});

describe('formatMemory', () => {
	const cases: readonly [number, string][] = [
		[0, '0B'],
		[1, '1B'],
		[512, '512B'],
		[1000, '1000B'],
		[1023, '1023B'],
		[1024, '1KiB'],
		[1536, '1.5KiB'],
		[10 * kib + 512, '10.5KiB'],
		[1023 * kib, '1023KiB'],
		// Just below 1 MiB rounds to 1024 KiB, which reads 1MiB.
		[mib - 1, '1MiB'],
		[mib, '1MiB'],
		[32 * mib, '32MiB'],
		[12.34 * mib, '12.3MiB'],
		[123.4 * mib, '123MiB'],
		[1000 * mib, '1000MiB'],
		[gib - 1, '1GiB'],
		[gib, '1GiB'],
		[1.5 * gib, '1.5GiB'],
		[1.234 * gib, '1.23GiB'],
		[8 * gib, '8GiB'],
		[tib, '1TiB'],
		// TiB is the largest unit.
		[2048 * tib, '2048TiB'],
		[-1, '-'],
		[Number.NaN, '-'],
		[Number.POSITIVE_INFINITY, '-'],
	];
	for (const [bytes, expected] of cases) {
		it(`${bytes} → ${expected}`, () => {
			assert.equal(formatMemory(bytes), expected);
		});
	}
});

describe('sparkline', () => {
	const cases: readonly [string, readonly number[], number, number, string][] =
		[
			['scales to max', [0, 50, 100], 3, 100, '▁▅█'],
			['every level', [0, 1, 2, 3, 4, 5, 6, 7], 8, 7, '▁▂▃▄▅▆▇█'],
			['clamps values above max', [200, 100, 150], 3, 100, '███'],
			['clamps values below zero', [-50], 1, 100, '▁'],
			['pads on the left when history is short', [100], 4, 100, '   █'],
			['is blank without history', [], 3, 100, '   '],
			['shows the last width values', [0, 0, 100, 50], 2, 100, '█▅'],
			['draws the floor when max is 0', [0, 10], 2, 0, '▁▁'],
		];
	for (const [name, values, width, max, expected] of cases) {
		it(name, () => {
			const line = sparkline(values, width, max);
			assert.equal(line, expected);
			assert.equal(Array.from(line).length, width);
		});
	}
});

describe('historyGraph', () => {
	const cases: readonly [
		string,
		readonly number[],
		number,
		number,
		number,
		readonly string[],
	][] = [
		[
			'one row per unit of height, top row first',
			[100, 50, 25, 0],
			4,
			2,
			100,
			['█   ', '██▄ '],
		],
		[
			'a partial block on the row where the value ends',
			[75],
			1,
			2,
			100,
			['▄', '█'],
		],
		[
			'eighths of a cell',
			[12.5, 25, 37.5, 50, 62.5, 75, 87.5, 100],
			8,
			1,
			100,
			['▁▂▃▄▅▆▇█'],
		],
		['rounds to the nearest eighth', [1, 7, 19], 3, 1, 100, [' ▁▂']],
		['pads on the left when history is short', [100], 3, 1, 100, ['  █']],
		['shows the last width values', [100, 0, 50], 2, 1, 100, [' ▄']],
		['clamps values above max', [300], 1, 3, 100, ['█', '█', '█']],
		['is empty when max is 0', [5, 10], 2, 2, 0, ['  ', '  ']],
	];
	for (const [name, values, width, height, max, expected] of cases) {
		it(name, () => {
			const rows = historyGraph(values, width, height, max);
			assert.deepEqual(rows, expected);
			assert.equal(rows.length, height);
			for (const row of rows) {
				assert.equal(Array.from(row).length, width);
			}
		});
	}
});

describe('cpuScale and memoryScale', () => {
	const cpu: readonly [string, ResourceSnapshot, number][] = [
		['one CPU without a limit', snapshot({}, {cpu: [20, 50]}), 100],
		['what it used when that is more', snapshot({}, {cpu: [20, 150]}), 150],
		['the limit', snapshot({cpuLimit: 2}, {cpu: [20, 150]}), 200],
		['a limit below one CPU', snapshot({cpuLimit: 0.5}, {cpu: [30]}), 50],
		['use above a small limit', snapshot({cpuLimit: 0.5}, {cpu: [80]}), 80],
	];
	for (const [name, value, expected] of cpu) {
		it(`cpuScale: ${name}`, () => {
			assert.equal(cpuScale(value), expected);
		});
	}

	const memory: readonly [string, ResourceSnapshot, number][] = [
		['the limit', snapshot({memoryLimit: 512 * mib}), 512 * mib],
		[
			'a quarter above the most used without a limit',
			snapshot({}, {memory: [10, 300, 20]}),
			375,
		],
		['at least 1 with nothing known', snapshot({}), 1.25],
	];
	for (const [name, value, expected] of memory) {
		it(`memoryScale: ${name}`, () => {
			assert.equal(memoryScale(value), expected);
		});
	}
});

describe('resourceCells', () => {
	it('shows dashes for a container not measured yet', () => {
		assert.deepEqual(resourceCells('web', undefined, 8 * gib, 4), {
			name: 'web',
			cpu: dash,
			cpuLimit: '',
			cpuGraph: '',
			memory: dash,
			memoryLimit: '',
			memoryGraph: '',
			network: '',
			block: '',
			pids: '',
			throttled: '',
			oom: '',
		});
	});

	it('shows a dash for every figure still unknown, never a made-up zero', () => {
		assert.deepEqual(resourceCells('web', snapshot({}), undefined, 3), {
			name: 'web',
			cpu: dash,
			cpuLimit: dash,
			cpuGraph: '   ',
			memory: dash,
			memoryLimit: `host·${dash}`,
			memoryGraph: '   ',
			network: `${dash} ${dash}`,
			block: `${dash} ${dash}`,
			pids: dash,
			throttled: dash,
			oom: dash,
		});
	});

	it('shows limits with the share used', () => {
		const cells = resourceCells(
			'db',
			snapshot(
				{
					cpuPercent: 75,
					cpuLimit: 1.5,
					memoryUsage: 128 * mib,
					memoryLimit: 512 * mib,
					networkRxRate: 1200,
					networkTxRate: 0,
					blockReadRate: 4_000_000,
					blockWriteRate: 512,
					pids: 3,
					pidsLimit: 100,
					throttledRatio: 0.25,
					oomKills: 2,
				},
				{cpu: [0, 75, 150], memory: [0, 256 * mib, 512 * mib]},
			),
			8 * gib,
			3,
		);
		assert.deepEqual(cells, {
			name: 'db',
			cpu: '75.0%',
			cpuLimit: '1.5·50.0%',
			cpuGraph: '▁▅█',
			memory: '128MiB',
			memoryLimit: '512MiB·25.0%',
			memoryGraph: '▁▅█',
			network: '1.2kB/s 0B/s',
			block: '4MB/s 512B/s',
			pids: '3/100',
			throttled: '25.0%',
			oom: '2',
		});
	});

	it('shows the share of the host’s memory when there is no limit', () => {
		const cells = resourceCells(
			'web',
			snapshot({memoryUsage: gib, cpuPercent: 150}, {memory: [8 * gib]}),
			8 * gib,
			2,
		);
		assert.equal(cells.memory, '1GiB');
		assert.equal(cells.memoryLimit, 'host·12.5%');
		// Scaled to a quarter above the most used, not to the host: a visible line.
		assert.equal(cells.memoryGraph, ' ▇');
		assert.equal(cells.cpu, '150%');
		assert.equal(cells.cpuLimit, dash);
	});

	it('shows the CPU limit rounded to two decimals', () => {
		const cells = resourceCells(
			'web',
			snapshot({cpuLimit: 1 / 3, cpuPercent: 10}),
			undefined,
			1,
		);
		assert.equal(cells.cpuLimit, '0.33·30.0%');
	});

	const pids: readonly [number | undefined, number | undefined, string][] = [
		[3, 100, '3/100'],
		[3, undefined, '3'],
		[0, undefined, '0'],
		[undefined, 100, dash],
	];
	for (const [count, limit, expected] of pids) {
		it(`pids ${count}, limit ${limit} → ${expected}`, () => {
			assert.equal(
				resourceCells(
					'web',
					snapshot({pids: count, pidsLimit: limit}),
					undefined,
					1,
				).pids,
				expected,
			);
		});
	}

	it('shows no throttling as 0%, and OOM kills of 0 as 0', () => {
		const cells = resourceCells(
			'web',
			snapshot({throttledRatio: 0, oomKills: 0}),
			undefined,
			1,
		);
		assert.equal(cells.throttled, '0.0%');
		assert.equal(cells.oom, '0');
	});
});

describe('engine totals', () => {
	const lab = {
		name: 'lab',
		figures: {cpuPercent: 12.5, memory: 150 * mib, measured: 2},
		source: {source: 'cgroup v1', cpus: 4, memory: 8 * gib},
		state: {status: 'connected'} as const,
	};
	const production = {
		name: 'production-east-1b',
		figures: {cpuPercent: 101.04, memory: 2 * gib, measured: 40},
		source: {source: 'cgroup v1 via ssh', cpus: 8, memory: 32 * gib},
		state: {status: 'connected'} as const,
	};
	const waiting = {
		name: 'pi',
		figures: undefined,
		source: undefined,
		state: {status: 'connected'} as const,
	};

	it('gives each engine a line: CPU and memory summed, containers measured, the source; names aligned and cut to fit 80 columns', () => {
		const lines = engineTotalsLines([lab, production, waiting]);
		assert.deepEqual(lines, [
			'lab               CPU  12.5%  MEM  150MiB    2 measured  cgroup v1',
			'production-east…  CPU   101%  MEM    2GiB   40 measured  cgroup v1 via ssh',
			'pi                CPU      –  MEM       –    0 measured  measuring…',
		]);
		assert.ok(lines.every(line => line.length <= 78));
	});

	it('says of an engine not reached what its chip says and why, not that it is being measured, and no figures', () => {
		assert.deepEqual(
			engineTotalsLines([
				{...waiting, state: {status: 'connecting'}},
				{
					...waiting,
					name: 'db',
					state: {
						status: 'down',
						error:
							'cannot connect to the Docker engine at tcp://10.0.0.7:2376: dial tcp 10.0.0.7:2376: connect: connection refused',
						retryAt: 0,
					},
				},
			]),
			[
				'pi  CPU      –  MEM       –    0 measured  connecting…',
				'db  CPU      –  MEM       –    0 measured  ✕ connection refused',
			],
		);
	});

	it('measures and cuts names by columns: a wide name keeps the figures aligned', () => {
		const lines = engineTotalsLines([
			{...lab, name: '東京-本番-サーバー-一号機'},
			lab,
		]);
		assert.deepEqual(
			lines.map(line => cellWidth(line.split('  CPU')[0] ?? '')),
			[16, 16],
		);
		assert.match(lines[0] ?? '', /^東京-本番-サー… {3}CPU/);
	});

	it('sums every engine on one line, with how many engines use each source', () => {
		assert.equal(
			combinedTotalsLine([lab, production, {...lab, name: 'lab2'}, waiting]),
			'4 engines  CPU   126%  MEM 2.29GiB   44 measured  cgroup v1 ×2, cgroup v1 via ssh ×1, measuring… ×1',
		);
	});

	it('sums the figures of each engine’s containers, counting those measured', () => {
		const web = {...fakeContainer({name: 'web'}), engine: 'lab'};
		const db = {...fakeContainer({name: 'db'}), engine: 'lab'};
		const api = {...fakeContainer({name: 'api'}), engine: 'prod'};
		const byId = new Map(
			[
				[web, 10, 100],
				[db, undefined, 50],
				[api, 1.5, 20],
			].map(([container, cpuPercent, memory]) => [
				(container as ContainerSummary).id,
				snapshot({
					cpuPercent: cpuPercent as number | undefined,
					memoryUsage: (memory as number) * mib,
				}),
			]),
		);
		const resources = initialState({
			endpoint: '',
			readOnly: false,
			now: 0,
		}).resources;
		const figures = figuresByEngine(
			new Map([web, db, api].map(container => [container.id, container])),
			{...resources, byId},
		);
		assert.deepEqual(Object.fromEntries(figures), {
			lab: {cpuPercent: 10, memory: 150 * mib, measured: 2},
			prod: {cpuPercent: 1.5, memory: 20 * mib, measured: 1},
		});
	});
});
