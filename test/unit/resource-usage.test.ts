import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ContainerLimits} from '../../source/docker/docker-client.js';
import type {ResourceSample} from '../../source/docker/stats-math.js';
import {
	usageFromCgroup,
	usageFromStats,
} from '../../source/runtime/resource-usage.js';
import type {ResourceUsage} from '../../source/state/resource-usage.js';
import {cgroupMeasurement} from '../fakes/cgroup-samples.js';
import {fakeSample} from '../fakes/fake-docker-client.js';

const t0 = Date.parse('2026-11-28T12:00:00Z');
const mib = 1024 * 1024;
const hostMemory = 8 * 1024 * mib;

/** Every figure of a usage that is a number, by name, so tests can check none went negative. */
function numbers(usage: ResourceUsage): [string, number][] {
	return Object.entries(usage).filter(
		(entry): entry is [string, number] => typeof entry[1] === 'number',
	);
}

const rateFields = [
	'cpuPercent',
	'networkRxRate',
	'networkTxRate',
	'blockReadRate',
	'blockWriteRate',
	'throttledRatio',
	'throttledPerSecond',
] as const;

describe('usageFromCgroup', () => {
	const first = cgroupMeasurement(
		t0,
		{
			cpuUsageNs: 10e9,
			cpuPeriods: 1000,
			cpuThrottledPeriods: 100,
			cpuThrottledNs: 5e9,
			cpuQuota: 1.5,
			memoryUsage: 64 * mib,
			memoryLimit: 256 * mib,
			oomKills: 2,
			pids: 7,
			pidsLimit: 100,
			blockRead: 1000,
			blockWrite: 2000,
		},
		{rxBytes: 1000, txBytes: 500},
	);
	// Two seconds later: 1 s of CPU time, 20 periods of which 5 throttled, 4000 B read, 3000 B received.
	const second = cgroupMeasurement(
		t0 + 2000,
		{
			...first.sample,
			cpuUsageNs: 11e9,
			cpuPeriods: 1020,
			cpuThrottledPeriods: 105,
			cpuThrottledNs: 5.5e9,
			memoryUsage: 65 * mib,
			oomKills: 3,
			pids: 8,
			blockRead: 5000,
		},
		{rxBytes: 4000, txBytes: 1500},
	);

	it('has totals but no CPU percent and no rates on the first reading', () => {
		const usage = usageFromCgroup(undefined, first);
		assert.equal(usage.time, t0);
		for (const field of rateFields) {
			assert.equal(usage[field], undefined, field);
		}

		assert.equal(usage.cpuLimit, 1.5);
		assert.equal(usage.memoryUsage, 64 * mib);
		assert.equal(usage.memoryLimit, 256 * mib);
		assert.equal(usage.networkRx, 1000);
		assert.equal(usage.networkTx, 500);
		assert.equal(usage.blockRead, 1000);
		assert.equal(usage.blockWrite, 2000);
		assert.equal(usage.pids, 7);
		assert.equal(usage.pidsLimit, 100);
		assert.equal(usage.oomKills, 2);
	});

	it('derives CPU percent, throttling and I/O rates from the second reading', () => {
		assert.deepEqual(usageFromCgroup(first, second), {
			time: t0 + 2000,
			// 1e9 ns of CPU over 2e9 ns of wall time.
			cpuPercent: 50,
			cpuLimit: 1.5,
			memoryUsage: 65 * mib,
			memoryLimit: 256 * mib,
			networkRx: 4000,
			networkTx: 1500,
			networkRxRate: 1500,
			networkTxRate: 500,
			blockRead: 5000,
			blockWrite: 2000,
			blockReadRate: 2000,
			blockWriteRate: 0,
			pids: 8,
			pidsLimit: 100,
			throttledRatio: 0.25,
			throttledPerSecond: 2.5,
			oomKills: 3,
		});
	});

	it('scales CPU percent by the wall time between the readings, not by a fixed interval', () => {
		const cases: readonly [number, number, number][] = [
			// [elapsed ms, CPU ns used, expected percent]
			[1000, 1e9, 100],
			[500, 1e9, 200],
			[4000, 1e9, 25],
			[1000, 0, 0],
		];
		for (const [elapsedMs, usedNs, expected] of cases) {
			const next = cgroupMeasurement(t0 + elapsedMs, {
				cpuUsageNs: 10e9 + usedNs,
			});
			assert.equal(
				usageFromCgroup(cgroupMeasurement(t0, {cpuUsageNs: 10e9}), next)
					.cpuPercent,
				expected,
				`${usedNs} ns in ${elapsedMs} ms`,
			);
		}
	});

	it('reads unlimited limits (Infinity) as no limit', () => {
		const unlimited = cgroupMeasurement(t0, {
			cpuQuota: Number.POSITIVE_INFINITY,
			memoryLimit: Number.POSITIVE_INFINITY,
			pidsLimit: Number.POSITIVE_INFINITY,
		});
		for (const usage of [
			usageFromCgroup(undefined, unlimited),
			usageFromCgroup(unlimited, {...unlimited, time: t0 + 1000}),
		]) {
			assert.equal(usage.cpuLimit, undefined);
			assert.equal(usage.memoryLimit, undefined);
			assert.equal(usage.pidsLimit, undefined);
		}
	});

	it('has no network figures where the namespace was unreadable', () => {
		const usage = usageFromCgroup(
			cgroupMeasurement(t0, {}, undefined),
			cgroupMeasurement(t0 + 1000, {}, undefined),
		);
		assert.equal(usage.networkRx, undefined);
		assert.equal(usage.networkTx, undefined);
		assert.equal(usage.networkRxRate, undefined);
		assert.equal(usage.networkTxRate, undefined);
	});

	it('has no network rate when only the newer reading has a namespace', () => {
		const usage = usageFromCgroup(
			cgroupMeasurement(t0, {}, undefined),
			cgroupMeasurement(t0 + 1000, {}, {rxBytes: 10, txBytes: 20}),
		);
		assert.equal(usage.networkRx, 10);
		assert.equal(usage.networkRxRate, undefined);
		assert.equal(usage.networkTxRate, undefined);
	});

	it('has no CPU percent or rates when no time passed', () => {
		const usage = usageFromCgroup(first, {...second, time: first.time});
		assert.equal(usage.cpuPercent, undefined);
		assert.equal(usage.networkRxRate, undefined);
		assert.equal(usage.blockReadRate, undefined);
		assert.equal(usage.throttledPerSecond, undefined);
	});

	it('has unknown rates, never negative ones, after the counters were reset', () => {
		// The container restarted: its new cgroup counts from zero again.
		const restarted = cgroupMeasurement(
			t0 + 1000,
			{
				cpuUsageNs: 1e6,
				cpuPeriods: 3,
				cpuThrottledPeriods: 0,
				cpuThrottledNs: 0,
				blockRead: 0,
				blockWrite: 0,
				oomKills: 0,
			},
			{rxBytes: 10, txBytes: 0},
		);
		const usage = usageFromCgroup(second, restarted);
		for (const field of rateFields) {
			assert.equal(usage[field], undefined, field);
		}

		for (const [name, value] of numbers(usage)) {
			assert.ok(value >= 0, `${name} is ${value}`);
		}
	});

	it('has no throttled ratio when no CFS period elapsed', () => {
		const idle = cgroupMeasurement(t0 + 1000, first.sample, first.network);
		const usage = usageFromCgroup(first, idle);
		assert.equal(usage.throttledRatio, undefined);
		assert.equal(usage.throttledPerSecond, 0);
		assert.equal(usage.cpuPercent, 0);
	});
});

describe('usageFromStats', () => {
	const noLimits: ContainerLimits = {
		cpus: undefined,
		memory: undefined,
		pids: undefined,
	};

	it('passes the engine’s CPU percent and totals through', () => {
		const next = fakeSample({
			time: t0,
			cpuPercent: 42.5,
			memoryUsage: 12 * mib,
			memoryLimit: hostMemory,
			networkRx: 100,
			networkTx: 200,
			blockRead: 300,
			blockWrite: 400,
			pids: 5,
		});
		const usage = usageFromStats(undefined, next, noLimits, hostMemory, 4);
		assert.equal(usage.time, t0);
		assert.equal(usage.cpuPercent, 42.5);
		assert.equal(usage.memoryUsage, 12 * mib);
		assert.equal(usage.networkRx, 100);
		assert.equal(usage.networkTx, 200);
		assert.equal(usage.blockRead, 300);
		assert.equal(usage.blockWrite, 400);
		assert.equal(usage.pids, 5);
		assert.equal(usage.oomKills, 4);
	});

	it('has no rates and no throttled ratio on the first frame', () => {
		const usage = usageFromStats(
			undefined,
			fakeSample({time: t0, cpuPeriods: 10, cpuThrottledPeriods: 5}),
			noLimits,
			hostMemory,
			undefined,
		);
		for (const field of rateFields.filter(name => name !== 'cpuPercent')) {
			assert.equal(usage[field], undefined, field);
		}

		assert.equal(usage.oomKills, undefined);
	});

	it('takes the CPU limit from the container’s limits', () => {
		const next = fakeSample({time: t0});
		const cases: readonly [ContainerLimits | undefined, number | undefined][] =
			[
				[undefined, undefined],
				[noLimits, undefined],
				[{...noLimits, cpus: 1.5}, 1.5],
				[{...noLimits, cpus: 0.25}, 0.25],
			];
		for (const [limits, expected] of cases) {
			assert.equal(
				usageFromStats(undefined, next, limits, hostMemory, undefined).cpuLimit,
				expected,
				JSON.stringify(limits),
			);
		}
	});

	describe('memory limit', () => {
		const cases: readonly [
			string,
			ContainerLimits | undefined,
			number | undefined,
			number | undefined,
		][] = [
			[
				'an explicit limit wins over the frame',
				{...noLimits, memory: 512 * mib},
				hostMemory,
				512 * mib,
			],
			[
				'an explicit limit wins over a smaller frame figure',
				{...noLimits, memory: 512 * mib},
				256 * mib,
				512 * mib,
			],
			['the host’s memory is no limit', noLimits, hostMemory, undefined],
			[
				'nor is more than the host’s memory',
				noLimits,
				hostMemory + 4096,
				undefined,
			],
			[
				'nor is the host’s memory without any limits known',
				undefined,
				hostMemory,
				undefined,
			],
			['a real smaller limit stays', noLimits, 256 * mib, 256 * mib],
			[
				'a real smaller limit stays without limits known',
				undefined,
				256 * mib,
				256 * mib,
			],
			['a frame without a limit has none', noLimits, undefined, undefined],
		];
		for (const [name, limits, frameLimit, expected] of cases) {
			it(name, () => {
				const next = fakeSample({time: t0, memoryLimit: frameLimit});
				assert.equal(
					usageFromStats(undefined, next, limits, hostMemory, undefined)
						.memoryLimit,
					expected,
				);
			});
		}
	});

	it('takes the pids limit from the frame, else from the limits', () => {
		const limits = {...noLimits, pids: 64};
		assert.equal(
			usageFromStats(
				undefined,
				fakeSample({time: t0, pidsLimit: 100}),
				limits,
				hostMemory,
				undefined,
			).pidsLimit,
			100,
		);
		assert.equal(
			usageFromStats(
				undefined,
				fakeSample({time: t0, pidsLimit: undefined}),
				limits,
				hostMemory,
				undefined,
			).pidsLimit,
			64,
		);
		assert.equal(
			usageFromStats(
				undefined,
				fakeSample({time: t0, pidsLimit: undefined}),
				noLimits,
				hostMemory,
				undefined,
			).pidsLimit,
			undefined,
		);
	});

	it('derives rates and the throttled ratio from two frames', () => {
		const previous = fakeSample({
			time: t0,
			networkRx: 1000,
			networkTx: 2000,
			blockRead: 0,
			blockWrite: 4096,
			cpuPeriods: 100,
			cpuThrottledPeriods: 10,
		});
		const next = fakeSample({
			time: t0 + 2000,
			networkRx: 3000,
			networkTx: 2000,
			blockRead: 8192,
			blockWrite: 4096,
			cpuPeriods: 120,
			cpuThrottledPeriods: 15,
		});
		const usage = usageFromStats(previous, next, noLimits, hostMemory, 1);
		assert.equal(usage.networkRxRate, 1000);
		assert.equal(usage.networkTxRate, 0);
		assert.equal(usage.blockReadRate, 4096);
		assert.equal(usage.blockWriteRate, 0);
		// 5 of 20 periods throttled, 5 in 2 s.
		assert.equal(usage.throttledRatio, 0.25);
		assert.equal(usage.throttledPerSecond, 2.5);
		assert.equal(usage.oomKills, 1);
	});

	const base = {cpuPeriods: 100, cpuThrottledPeriods: 10};
	const throttling: readonly [
		string,
		Partial<ResourceSample>,
		Partial<ResourceSample>,
		number | undefined,
	][] = [
		['no period elapsed', {}, {}, undefined],
		[
			'every period throttled',
			{},
			{cpuPeriods: 110, cpuThrottledPeriods: 20},
			1,
		],
		['none throttled', {}, {cpuPeriods: 110}, 0],
		[
			'periods missing from the older frame',
			{cpuPeriods: undefined},
			{cpuPeriods: 110},
			undefined,
		],
		[
			'throttled periods missing from the newer frame',
			{},
			{cpuPeriods: 110, cpuThrottledPeriods: undefined},
			undefined,
		],
		[
			'the period counter reset',
			{},
			{cpuPeriods: 3, cpuThrottledPeriods: 1},
			undefined,
		],
		[
			'the throttled counter reset',
			{},
			{cpuPeriods: 110, cpuThrottledPeriods: 2},
			undefined,
		],
	];
	for (const [name, older, newer, expected] of throttling) {
		it(`throttled ratio: ${name}`, () => {
			const usage = usageFromStats(
				fakeSample({time: t0, ...base, ...older}),
				fakeSample({time: t0 + 1000, ...base, ...newer}),
				noLimits,
				hostMemory,
				undefined,
			);
			assert.equal(usage.throttledRatio, expected);
		});
	}

	it('has unknown rates, never negative ones, after the counters were reset', () => {
		const previous = fakeSample({
			time: t0,
			cpuPercent: 10,
			networkRx: 5000,
			networkTx: 5000,
			blockRead: 5000,
			blockWrite: 5000,
			cpuPeriods: 100,
			cpuThrottledPeriods: 50,
		});
		// The container restarted: its counters began again at zero.
		const next = fakeSample({
			time: t0 + 1000,
			cpuPercent: undefined,
			networkRx: 10,
			networkTx: 0,
			blockRead: 0,
			blockWrite: 100,
			cpuPeriods: 2,
			cpuThrottledPeriods: 1,
		});
		const usage = usageFromStats(previous, next, noLimits, hostMemory, 0);
		for (const field of rateFields) {
			assert.equal(usage[field], undefined, field);
		}

		for (const [name, value] of numbers(usage)) {
			assert.ok(value >= 0, `${name} is ${value}`);
		}
	});

	it('has no rates when both frames carry the same time', () => {
		const previous = fakeSample({time: t0, networkRx: 0, blockRead: 0});
		const next = fakeSample({time: t0, networkRx: 100, blockRead: 100});
		const usage = usageFromStats(previous, next, noLimits, hostMemory, 0);
		assert.equal(usage.networkRxRate, undefined);
		assert.equal(usage.blockReadRate, undefined);
	});
});
