import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {inspect} from 'node:util';
import {
	counterRate,
	memoryUsageWithoutCache,
	resourceRates,
	resourceSampleFromStats,
	type ResourceSample,
} from '../../source/docker/stats-math.js';

/** The parts of a raw stats frame the tests edit. */
type Frame = {
	cpu_stats: {online_cpus?: number};
	memory_stats: {
		usage: number;
		stats: {total_inactive_file: number; inactive_file: number};
	};
};

function load(name: string): unknown {
	const url = new URL(`../fixtures/stats/${name}.json`, import.meta.url);
	return JSON.parse(readFileSync(url, 'utf8'));
}

function fixture(name: string): Frame {
	return load(name) as Frame;
}

function stream(name: string): Frame[] {
	return load(name) as Frame[];
}

function sampleOf(frame: unknown): ResourceSample {
	const sample = resourceSampleFromStats(frame);
	assert.ok(sample, 'expected a sample');
	return sample;
}

function assertClose(
	actual: number | undefined,
	expected: number,
	tolerance = 1e-9,
): void {
	assert.ok(actual !== undefined, `expected ${expected}, got undefined`);
	assert.ok(
		Math.abs(actual - expected) <= tolerance,
		`expected ${expected} ± ${tolerance}, got ${actual}`,
	);
}

describe('resourceSampleFromStats on Docker 20.10, cgroup v1 (recorded)', () => {
	it('computes CPU % like docker stats for a busy container', () => {
		const sample = sampleOf(fixture('v1-busy'));
		// (245771599012 − 244817920174) / (709330000000 − 707300000000) × 2 CPUs × 100
		assertClose(sample.cpuPercent, 93.958_506_206_896_56);
		assert.equal(sample.onlineCpus, 2);
		assert.equal(sample.time, Date.UTC(2026, 10, 28, 5, 33, 33, 237));
	});

	it('reports 0 %, not unknown, for a container that used no CPU', () => {
		assert.equal(sampleOf(fixture('v1-idle')).cpuPercent, 0);
	});

	it('subtracts total_inactive_file from usage and keeps the limit', () => {
		const idle = sampleOf(fixture('v1-idle'));
		assert.equal(idle.memoryUsage, 327_680);
		assert.equal(idle.memoryLimit, 67_108_864);

		const throttled = sampleOf(fixture('v1-throttled'));
		// 13438976 usage − 12582912 total_inactive_file (the page cache dd left behind)
		assert.equal(throttled.memoryUsage, 856_064);
	});

	it('reports the host memory Docker substitutes for an unlimited container', () => {
		assert.equal(sampleOf(fixture('v1-busy')).memoryLimit, 25_276_059_648);
	});

	it('sums only the Read and Write blkio entries, not Sync/Async/Total', () => {
		const throttled = sampleOf(fixture('v1-throttled'));
		assert.equal(throttled.blockRead, 0);
		assert.equal(throttled.blockWrite, 16_785_408);

		const oom = sampleOf(fixture('v1-oom'));
		assert.equal(oom.blockRead, 913_408);
		assert.equal(oom.blockWrite, 0);
	});

	it('reads 0 bytes from empty blkio arrays', () => {
		const busy = sampleOf(fixture('v1-busy'));
		assert.equal(busy.blockRead, 0);
		assert.equal(busy.blockWrite, 0);
	});

	it('leaves network figures unknown when the frame has no networks (network none)', () => {
		const busy = sampleOf(fixture('v1-busy'));
		assert.equal(busy.networkRx, undefined);
		assert.equal(busy.networkTx, undefined);
	});

	it('reads pids and treats an absent pids limit as none', () => {
		const busy = sampleOf(fixture('v1-busy'));
		assert.equal(busy.pids, 1);
		assert.equal(busy.pidsLimit, undefined);
		assert.equal(sampleOf(fixture('v1-throttled')).pidsLimit, 50);
	});

	it('has no CPU % on the first frame of a stream, whose precpu_stats is empty', () => {
		const sample = sampleOf(fixture('v1-first-frame'));
		assert.equal(sample.cpuPercent, undefined);
		assert.equal(sample.onlineCpus, 2);
		assert.equal(sample.memoryUsage, 331_776);
	});

	it('has no CPU % across a restart, where the usage counter starts again from zero', () => {
		const frames = stream('v1-restart-stream');
		const percents = frames.map(frame => sampleOf(frame).cpuPercent);
		// Frame 0 is the stream's first; the container restarted between frames 3 and 4.
		assert.equal(percents[0], undefined);
		assert.equal(percents[4], undefined);
		for (const index of [1, 2, 3, 5, 6, 7, 8]) {
			const percent = percents[index];
			assert.ok(
				percent !== undefined && percent > 45 && percent < 55,
				`frame ${index}: ${percent} (--cpus 0.5)`,
			);
		}
	});

	it('returns no sample for a container that is not running (zero read time)', () => {
		assert.equal(resourceSampleFromStats(fixture('v1-not-running')), undefined);
	});

	it('counts percpu_usage when online_cpus is missing, as the CLI does', () => {
		const frame = fixture('v1-busy');
		delete frame.cpu_stats.online_cpus;
		const sample = sampleOf(frame);
		assert.equal(sample.onlineCpus, 2);
		assertClose(sample.cpuPercent, 93.958_506_206_896_56);
	});
});

describe('resourceSampleFromStats on Docker, cgroup v2', () => {
	const [first, second] = stream('v2-stream');

	it('computes CPU % from precpu_stats', () => {
		// 0.62 s of CPU over 4.02 s of system time on 4 CPUs, then 0.65 s over 4.00 s
		assertClose(sampleOf(first).cpuPercent, 61.691_542_288_557_21);
		assertClose(sampleOf(second).cpuPercent, 65);
	});

	it('subtracts inactive_file, since v2 has no total_* keys', () => {
		assert.equal(sampleOf(second).memoryUsage, 228_954_112 - 50_331_648);
		assert.equal(sampleOf(second).memoryLimit, 536_870_912);
	});

	it('sums network bytes over every interface', () => {
		const sample = sampleOf(second);
		assert.equal(sample.networkRx, 1_048_576_000 + 2048);
		assert.equal(sample.networkTx, 52_428_800 + 1024);
	});

	it('matches lower-case read/write ops and sums over devices', () => {
		const sample = sampleOf(second);
		assert.equal(sample.blockRead, 1_459_200 + 4096);
		assert.equal(sample.blockWrite, 314_773_504 + 8192);
	});

	it('reads pids and the pids limit', () => {
		assert.equal(sampleOf(second).pids, 12);
		assert.equal(sampleOf(second).pidsLimit, 100);
	});

	it('treats null blkio arrays as no I/O yet', () => {
		const idle = sampleOf(fixture('v2-idle'));
		assert.equal(idle.blockRead, 0);
		assert.equal(idle.blockWrite, 0);
		assert.equal(idle.cpuPercent, 0);
		assert.equal(idle.networkRx, undefined);
		assert.equal(idle.pidsLimit, undefined);
	});

	it('falls back to inactive_file when total_inactive_file is not below usage, like the CLI', () => {
		const frame = fixture('v1-throttled');
		frame.memory_stats.stats.total_inactive_file = frame.memory_stats.usage;
		frame.memory_stats.stats.inactive_file = 1_000_000;
		assert.equal(sampleOf(frame).memoryUsage, 13_438_976 - 1_000_000);
	});
});

describe('resourceSampleFromStats on Podman', () => {
	it('reads a one-shot frame that has no precpu, no memory stats map and no online_cpus in precpu', () => {
		const sample = sampleOf(fixture('podman-oneshot'));
		assert.equal(sample.cpuPercent, undefined);
		assert.equal(sample.onlineCpus, 4);
		// No stats map to subtract the cache with, so this is the raw usage.
		assert.equal(sample.memoryUsage, 9_940_992);
		assert.equal(sample.memoryLimit, 8_201_953_280);
		assert.equal(sample.networkRx, 4126);
		assert.equal(sample.networkTx, 1306);
		assert.equal(sample.blockRead, 2_269_184);
		assert.equal(sample.blockWrite, 45_056);
		assert.equal(sample.pids, 3);
		assert.equal(sample.pidsLimit, undefined);
	});

	it('parses a read time with a zone offset', () => {
		assert.equal(
			sampleOf(fixture('podman-oneshot')).time,
			Date.UTC(2025, 2, 14, 9, 31, 7, 204),
		);
	});

	it('has no CPU % when system time did not advance between the readings', () => {
		const [first] = stream('podman-stream');
		assert.equal(sampleOf(first).cpuPercent, undefined);
	});

	it('uses the current online_cpus when precpu lacks it', () => {
		const [, second] = stream('podman-stream');
		// 1 s of CPU over 20 s of system time on 4 CPUs
		assertClose(sampleOf(second).cpuPercent, 20);
	});
});

describe('resourceSampleFromStats on malformed input', () => {
	for (const input of [null, undefined, 'x', 42, [], {}, {read: 'yesterday'}]) {
		it(`returns undefined for ${inspect(input)}`, () => {
			assert.equal(resourceSampleFromStats(input), undefined);
		});
	}

	it('survives a frame with only a read time', () => {
		const sample = sampleOf({read: '2025-03-14T09:26:52.579Z'});
		assert.equal(sample.cpuPercent, undefined);
		assert.equal(sample.memoryUsage, undefined);
		assert.equal(sample.blockRead, undefined);
		assert.equal(sample.pids, undefined);
	});
});

describe('memoryUsageWithoutCache', () => {
	const cases: readonly [
		string,
		number,
		number | undefined,
		number | undefined,
		number,
	][] = [
		['v1 subtracts total_inactive_file', 1000, 300, 100, 700],
		['v2 subtracts inactive_file', 1000, undefined, 100, 900],
		['v1 falls back to inactive_file', 1000, 1000, 100, 900],
		['never goes below zero', 1000, undefined, 1000, 1000],
		['without stats keeps usage', 1000, undefined, undefined, 1000],
	];
	for (const [name, usage, totalInactive, inactive, expected] of cases) {
		it(name, () => {
			assert.equal(
				memoryUsageWithoutCache(usage, totalInactive, inactive),
				expected,
			);
		});
	}
});

describe('counterRate and resourceRates', () => {
	it('computes bytes per second between two v2 frames one second apart', () => {
		const [first, second] = stream('v2-stream').map(frame => sampleOf(frame));
		const rates = resourceRates(first!, second!);
		assert.deepEqual(rates, {
			networkRxPerSecond: 1_000_000,
			networkTxPerSecond: 250_000,
			blockReadPerSecond: 39_936,
			blockWritePerSecond: 1_048_576,
		});
	});

	it('computes bytes per second between two Podman frames five seconds apart', () => {
		const [first, second] = stream('podman-stream').map(frame =>
			sampleOf(frame),
		);
		const rates = resourceRates(first!, second!);
		assertClose(rates.networkRxPerSecond, 1_025_200);
		assertClose(rates.networkTxPerSecond, 26_214.4);
		assert.equal(rates.blockReadPerSecond, 0);
		assertClose(rates.blockWritePerSecond, 838_860.8);
	});

	it('gives undefined, not a negative rate, when counters went backwards', () => {
		const [first, second] = stream('v2-stream').map(frame => sampleOf(frame));
		const reset: ResourceSample = {...second!, networkRx: 10, blockWrite: 0};
		const rates = resourceRates(first!, reset);
		assert.equal(rates.networkRxPerSecond, undefined);
		assert.equal(rates.blockWritePerSecond, undefined);
		assert.equal(rates.networkTxPerSecond, 250_000);
	});

	it('gives undefined where a figure is unknown', () => {
		const idle = sampleOf(fixture('v2-idle'));
		const later: ResourceSample = {...idle, time: idle.time + 1000};
		assert.equal(resourceRates(idle, later).networkRxPerSecond, undefined);
		assert.equal(resourceRates(idle, later).blockReadPerSecond, 0);
	});

	const cases: readonly [
		string,
		number | undefined,
		number | undefined,
		number,
		number | undefined,
	][] = [
		['steady growth', 100, 600, 500, 1000],
		['no growth', 100, 100, 1000, 0],
		['reset', 600, 100, 1000, undefined],
		['no elapsed time', 100, 600, 0, undefined],
		['clock went backwards', 100, 600, -5, undefined],
		['missing previous', undefined, 600, 1000, undefined],
		['missing next', 100, undefined, 1000, undefined],
	];
	for (const [name, previous, next, elapsedMs, expected] of cases) {
		it(`counterRate: ${name}`, () => {
			assert.equal(counterRate(previous, next, elapsedMs), expected);
		});
	}
});
