import assert from 'node:assert/strict';
import {cpSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {
	cgroupCpuPercent,
	cgroupRates,
} from '../../source/docker/cgroup/cgroup-math.js';
import {
	containerCgroupCandidates,
	detectCgroupLayout,
	locateContainerCgroup,
	parseProcCgroup,
	readProcCgroup,
	sliceToPath,
	type CgroupLayout,
	type ContainerCgroupQuery,
} from '../../source/docker/cgroup/layout.js';
import {
	cpuQuotaV1,
	openCgroupReader,
	parseBlkioServiceBytes,
	parseCpuMax,
	parseIoStat,
	parseKeyedValue,
	parseLimit,
	readCgroupSample,
	type CgroupSample,
} from '../../source/docker/cgroup/read-cgroup.js';
import {resourceSampleFromStats} from '../../source/docker/stats-math.js';
import {emptySample} from '../fakes/cgroup-samples.js';
import {
	busy,
	cgroupfsDefault,
	customParent,
	fixtures,
	idle,
	idleV2,
	missing,
	oom,
	procRoot,
	sliced,
	temporaryDirs,
	throttled,
	v1Root,
	v1Systemd,
	v1SystemdRoot,
	v2Root,
	web,
} from '../helpers/cgroup-fixtures.js';

const temporaryDir = temporaryDirs('dockmate-cgroup-');

function layoutOf(root: string): CgroupLayout {
	const layout = detectCgroupLayout(root);
	assert.ok(layout, `no cgroup layout under ${root}`);
	return layout;
}

function locate(root: string, query: ContainerCgroupQuery) {
	const found = locateContainerCgroup(layoutOf(root), query);
	assert.ok(found, `container ${query.id} not found under ${root}`);
	return found;
}

function v2Dir(root: string, query: ContainerCgroupQuery): string {
	const found = locate(root, query);
	assert.equal(found.version, 2);
	return found.dir;
}

function sampleAt(root: string, query: ContainerCgroupQuery): CgroupSample {
	const sample = readCgroupSample(locate(root, query));
	assert.ok(sample, `no sample for ${query.id}`);
	return sample;
}

describe('detectCgroupLayout', () => {
	it('sees v1 on a hybrid host (controller hierarchies plus an empty unified tree below the root)', () => {
		assert.deepEqual(layoutOf(v1Root), {
			version: 1,
			root: v1Root,
			mounts: {
				cpu: path.join(v1Root, 'cpu'),
				cpuacct: path.join(v1Root, 'cpuacct'),
				memory: path.join(v1Root, 'memory'),
				pids: path.join(v1Root, 'pids'),
				blkio: path.join(v1Root, 'blkio'),
			},
		});
	});

	it('maps cpu and cpuacct to a combined cpu,cpuacct hierarchy', () => {
		const layout = layoutOf(v1SystemdRoot);
		assert.equal(layout.version, 1);
		assert.equal(layout.mounts.cpu, path.join(v1SystemdRoot, 'cpu,cpuacct'));
		assert.equal(
			layout.mounts.cpuacct,
			path.join(v1SystemdRoot, 'cpu,cpuacct'),
		);
	});

	it('sees v2 when cgroup.controllers is at the root', () => {
		assert.deepEqual(layoutOf(v2Root), {version: 2, root: v2Root});
	});

	it('finds nothing in an empty or missing directory', () => {
		assert.equal(detectCgroupLayout(temporaryDir()), undefined);
		assert.equal(
			detectCgroupLayout(path.join(fixtures, 'no-such-dir')),
			undefined,
		);
	});
});

describe('sliceToPath', () => {
	const cases: readonly [string, string][] = [
		['system.slice', 'system.slice'],
		['my-app.slice', 'my.slice/my-app.slice'],
		['a-b-c.slice', 'a.slice/a-b.slice/a-b-c.slice'],
		['-.slice', ''],
	];
	for (const [slice, expected] of cases) {
		it(`${slice} → ${expected || '(root)'}`, () => {
			assert.equal(sliceToPath(slice), expected);
		});
	}
});

describe('containerCgroupCandidates', () => {
	const id = 'abc';
	const cases: readonly [string, ContainerCgroupQuery, readonly string[]][] = [
		[
			'systemd default',
			{id, driver: 'systemd'},
			['system.slice/docker-abc.scope', 'docker/abc'],
		],
		[
			'cgroupfs default',
			{id, driver: 'cgroupfs'},
			['docker/abc', 'system.slice/docker-abc.scope'],
		],
		[
			'systemd with a nested slice parent',
			{id, driver: 'systemd', cgroupParent: 'my-app.slice'},
			['my.slice/my-app.slice/docker-abc.scope', 'my-app.slice/abc'],
		],
		[
			'cgroupfs with an absolute parent',
			{id, driver: 'cgroupfs', cgroupParent: '/custom/parent'},
			['custom/parent/abc', 'custom/parent/docker-abc.scope'],
		],
		[
			'unknown driver tries systemd first',
			{id, cgroupParent: ''},
			['system.slice/docker-abc.scope', 'docker/abc'],
		],
	];
	for (const [name, query, expected] of cases) {
		it(name, () => {
			assert.deepEqual(containerCgroupCandidates(query), expected);
		});
	}
});

describe('parseProcCgroup and readProcCgroup', () => {
	it('reads every v1 hierarchy and the unified line of a real process', () => {
		const text = readProcCgroup(3743, procRoot);
		assert.ok(text);
		const parsed = parseProcCgroup(text);
		assert.equal(parsed.unified, `/dockmate-test/${busy}`);
		assert.equal(parsed.controllers.cpu, `/dockmate-test/${busy}`);
		assert.equal(parsed.controllers.cpuacct, `/dockmate-test/${busy}`);
		assert.equal(parsed.controllers.memory, `/dockmate-test/${busy}`);
		assert.equal(parsed.controllers.blkio, `/dockmate-test/${busy}`);
	});

	it('splits a combined cpu,cpuacct line', () => {
		const parsed = parseProcCgroup(readProcCgroup(4343, procRoot) ?? '');
		assert.equal(
			parsed.controllers.cpu,
			`/system.slice/docker-${v1Systemd}.scope`,
		);
		assert.equal(
			parsed.controllers.cpuacct,
			`/system.slice/docker-${v1Systemd}.scope`,
		);
	});

	it('reads a pure v2 file', () => {
		const parsed = parseProcCgroup(readProcCgroup(4242, procRoot) ?? '');
		assert.equal(parsed.unified, `/system.slice/docker-${web}.scope`);
		assert.deepEqual(parsed.controllers, {});
	});

	it('returns undefined for a process that is gone', () => {
		assert.equal(readProcCgroup(999_999, procRoot), undefined);
	});
});

describe('locateContainerCgroup', () => {
	const busyDirs = {
		cpu: path.join(v1Root, 'cpu', 'dockmate-test', busy),
		cpuacct: path.join(v1Root, 'cpuacct', 'dockmate-test', busy),
		memory: path.join(v1Root, 'memory', 'dockmate-test', busy),
		pids: path.join(v1Root, 'pids', 'dockmate-test', busy),
		blkio: path.join(v1Root, 'blkio', 'dockmate-test', busy),
	};

	it('v1: finds a container under a daemon-wide cgroup parent its HostConfig does not show', () => {
		assert.deepEqual(
			locate(v1Root, {id: busy, driver: 'cgroupfs', cgroupParent: ''}),
			{version: 1, dirs: busyDirs},
		);
	});

	it('v1: uses /proc/<pid>/cgroup when given', () => {
		const procCgroup = readProcCgroup(3743, procRoot) ?? '';
		assert.deepEqual(locate(v1Root, {id: busy, procCgroup}), {
			version: 1,
			dirs: busyDirs,
		});
	});

	it('v1: uses an explicit cgroupfs parent', () => {
		assert.deepEqual(
			locate(v1Root, {
				id: busy,
				driver: 'cgroupfs',
				cgroupParent: '/dockmate-test',
			}),
			{
				version: 1,
				dirs: busyDirs,
			},
		);
	});

	it('v1 systemd: finds the scope in every hierarchy, including cpu,cpuacct', () => {
		const scope = path.join('system.slice', `docker-${v1Systemd}.scope`);
		assert.deepEqual(
			locate(v1SystemdRoot, {id: v1Systemd, driver: 'systemd'}),
			{
				version: 1,
				dirs: {
					cpu: path.join(v1SystemdRoot, 'cpu,cpuacct', scope),
					cpuacct: path.join(v1SystemdRoot, 'cpu,cpuacct', scope),
					memory: path.join(v1SystemdRoot, 'memory', scope),
					pids: path.join(v1SystemdRoot, 'pids', scope),
					blkio: path.join(v1SystemdRoot, 'blkio', scope),
				},
			},
		);
	});

	it('v2 systemd: system.slice/docker-<id>.scope', () => {
		assert.equal(
			v2Dir(v2Root, {id: web, driver: 'systemd'}),
			path.join(v2Root, 'system.slice', `docker-${web}.scope`),
		);
	});

	it('v2 systemd: a nested slice parent', () => {
		assert.equal(
			v2Dir(v2Root, {
				id: sliced,
				driver: 'systemd',
				cgroupParent: 'my-app.slice',
			}),
			path.join(v2Root, 'my.slice', 'my-app.slice', `docker-${sliced}.scope`),
		);
	});

	it('v2 cgroupfs: docker/<id>', () => {
		assert.equal(
			v2Dir(v2Root, {id: cgroupfsDefault, driver: 'cgroupfs'}),
			path.join(v2Root, 'docker', cgroupfsDefault),
		);
	});

	it('v2 cgroupfs: an explicit parent', () => {
		const expected = path.join(v2Root, 'custom', 'parent', customParent);
		assert.equal(
			v2Dir(v2Root, {
				id: customParent,
				driver: 'cgroupfs',
				cgroupParent: '/custom/parent',
			}),
			expected,
		);
	});

	it('v2: searches two levels down when the parent is unknown', () => {
		const expected = path.join(v2Root, 'custom', 'parent', customParent);
		assert.equal(
			v2Dir(v2Root, {id: customParent, driver: 'systemd'}),
			expected,
		);
	});

	it('v2: /proc/<pid>/cgroup wins over a wrong driver guess', () => {
		const procCgroup = readProcCgroup(4242, procRoot) ?? '';
		assert.equal(
			v2Dir(v2Root, {id: web, driver: 'cgroupfs', procCgroup}),
			path.join(v2Root, 'system.slice', `docker-${web}.scope`),
		);
	});

	it('returns undefined for a container that has no cgroup here', () => {
		assert.equal(
			locateContainerCgroup(layoutOf(v1Root), {id: missing}),
			undefined,
		);
		assert.equal(
			locateContainerCgroup(layoutOf(v2Root), {id: missing}),
			undefined,
		);
	});
});

describe('reading cgroup v1 files (recorded)', () => {
	it('reads an unlimited busy container', () => {
		assert.deepEqual(sampleAt(v1Root, {id: busy}), {
			cpuUsageNs: 275_029_745_841,
			cpuPeriods: 0,
			cpuThrottledPeriods: 0,
			cpuThrottledNs: 0,
			cpuQuota: Number.POSITIVE_INFINITY,
			memoryUsage: 331_776,
			// 9223372036854771712, v1's "unlimited"
			memoryLimit: Number.POSITIVE_INFINITY,
			memoryLimitHits: 0,
			oomKills: 0,
			isUnderOom: false,
			pids: 1,
			pidsLimit: Number.POSITIVE_INFINITY,
			blockRead: 0,
			blockWrite: 0,
		});
	});

	it('reads the memory limit of a -m 64m container', () => {
		const sample = sampleAt(v1Root, {id: idle});
		assert.equal(sample.memoryLimit, 67_108_864);
		assert.equal(sample.memoryUsage, 327_680);
	});

	it('reads quota, throttling, pids limit and block I/O of a --cpus 0.5 container', () => {
		const sample = sampleAt(v1Root, {id: throttled});
		assert.equal(sample.cpuQuota, 0.5);
		assert.equal(sample.cpuPeriods, 174);
		assert.equal(sample.cpuThrottledPeriods, 173);
		assert.equal(sample.cpuThrottledNs, 8_433_274_765);
		// 17809408 usage − 16777216 total_inactive_file
		assert.equal(sample.memoryUsage, 1_032_192);
		assert.equal(sample.pidsLimit, 50);
		assert.equal(sample.blockRead, 4096);
		assert.equal(sample.blockWrite, 16_781_312);
	});

	it('reads OOM kills of a container whose children hit the limit', () => {
		const sample = sampleAt(v1Root, {id: oom});
		assert.equal(sample.oomKills, 11);
		// Linux 6.18 left failcnt at 0 through all of those kills.
		assert.equal(sample.memoryLimitHits, 0);
		assert.equal(sample.memoryLimit, 16_777_216);
	});

	it('reads a systemd-driver container on an older kernel (no oom_kill line, under_oom set)', () => {
		const sample = sampleAt(v1SystemdRoot, {id: v1Systemd, driver: 'systemd'});
		assert.equal(sample.cpuUsageNs, 512_993_400_112);
		assert.equal(sample.cpuQuota, 2);
		assert.equal(sample.memoryUsage, 402_653_184 - 100_663_296);
		assert.equal(sample.memoryLimitHits, 3);
		assert.equal(sample.oomKills, undefined);
		assert.equal(sample.isUnderOom, true);
		assert.equal(sample.pidsLimit, 4096);
		assert.equal(sample.blockRead, 1_228_800 + 4096);
		assert.equal(sample.blockWrite, 40_960);
	});
});

describe('reading cgroup v2 files', () => {
	it('reads every counter of a limited container', () => {
		assert.deepEqual(sampleAt(v2Root, {id: web, driver: 'systemd'}), {
			cpuUsageNs: 48_274_562_000,
			cpuPeriods: 52_041,
			cpuThrottledPeriods: 1303,
			cpuThrottledNs: 96_231_457_000,
			cpuQuota: 1.5,
			memoryUsage: 228_954_112 - 50_331_648,
			memoryLimit: 536_870_912,
			memoryLimitHits: 37,
			oomKills: 1,
			isUnderOom: undefined,
			pids: 12,
			pidsLimit: 100,
			blockRead: 1_459_200 + 4096,
			blockWrite: 314_773_504 + 8192,
		});
	});

	it('agrees with the Engine API frame for the same container', () => {
		const frames = JSON.parse(
			readFileSync(path.join(fixtures, 'stats', 'v2-stream.json'), 'utf8'),
		) as unknown[];
		const fromApi = resourceSampleFromStats(frames[1]);
		const fromCgroup = sampleAt(v2Root, {id: web, driver: 'systemd'});
		assert.equal(fromCgroup.memoryUsage, fromApi?.memoryUsage);
		assert.equal(fromCgroup.blockRead, fromApi?.blockRead);
		assert.equal(fromCgroup.blockWrite, fromApi?.blockWrite);
		assert.equal(fromCgroup.pidsLimit, fromApi?.pidsLimit);
	});

	it('reads "max" limits as Infinity and an empty io.stat as no I/O', () => {
		const sample = sampleAt(v2Root, {id: idleV2, driver: 'systemd'});
		assert.equal(sample.cpuQuota, Number.POSITIVE_INFINITY);
		assert.equal(sample.memoryLimit, Number.POSITIVE_INFINITY);
		assert.equal(sample.pidsLimit, Number.POSITIVE_INFINITY);
		assert.equal(sample.blockRead, 0);
		assert.equal(sample.blockWrite, 0);
		assert.equal(sample.oomKills, 0);
	});

	it('leaves the figures of missing files undefined', () => {
		assert.deepEqual(
			sampleAt(v2Root, {id: cgroupfsDefault, driver: 'cgroupfs'}),
			{
				...emptySample,
				cpuUsageNs: 1_200_000_000,
				cpuPeriods: 0,
				cpuThrottledPeriods: 0,
				cpuThrottledNs: 0,
				memoryUsage: 4_194_304,
			},
		);
	});
});

describe('openCgroupReader', () => {
	function copyOfWeb(): string {
		const dir = path.join(temporaryDir(), 'web');
		cpSync(path.join(v2Root, 'system.slice', `docker-${web}.scope`), dir, {
			recursive: true,
		});
		return dir;
	}

	it('reads fresh figures through descriptors it keeps open', () => {
		const dir = copyOfWeb();
		const reader = openCgroupReader({version: 2, dir});
		try {
			assert.equal(reader.read()?.cpuUsageNs, 48_274_562_000);
			writeFileSync(
				path.join(dir, 'cpu.stat'),
				'usage_usec 49274562\nnr_periods 52051\n',
			);
			const next = reader.read();
			assert.equal(next?.cpuUsageNs, 49_274_562_000);
			assert.equal(next.cpuPeriods, 52_051);
		} finally {
			reader.close();
		}
	});

	it('reuses the last limits when asked to skip them', () => {
		const dir = copyOfWeb();
		const reader = openCgroupReader({version: 2, dir});
		try {
			assert.equal(reader.read()?.memoryLimit, 536_870_912);
			writeFileSync(path.join(dir, 'memory.max'), '1073741824\n');
			assert.equal(reader.read({limits: false})?.memoryLimit, 536_870_912);
			assert.equal(reader.read()?.memoryLimit, 1_073_741_824);
		} finally {
			reader.close();
		}
	});

	it('reads only the counters when details are skipped, keeping the last details', () => {
		const dir = copyOfWeb();
		const reader = openCgroupReader({version: 2, dir});
		try {
			reader.read();
			writeFileSync(path.join(dir, 'memory.current'), '300000000\n');
			writeFileSync(path.join(dir, 'memory.stat'), 'inactive_file 100000000\n');
			writeFileSync(path.join(dir, 'io.stat'), '8:0 rbytes=1 wbytes=2\n');
			const quick = reader.read({details: false});
			// New usage minus the inactive_file of the previous detailed reading.
			assert.equal(quick?.memoryUsage, 300_000_000 - 50_331_648);
			assert.equal(quick.blockRead, 1_459_200 + 4096);
			const full = reader.read();
			assert.equal(full?.memoryUsage, 200_000_000);
			assert.equal(full.blockRead, 1);
		} finally {
			reader.close();
		}
	});

	it('has no details until a detailed reading was made', () => {
		const reader = openCgroupReader({version: 2, dir: copyOfWeb()});
		try {
			const quick = reader.read({details: false, limits: false});
			assert.equal(quick?.cpuUsageNs, 48_274_562_000);
			assert.equal(quick.pids, undefined);
			assert.equal(quick.memoryUsage, 228_954_112);
			assert.equal(quick.oomKills, undefined);
			assert.equal(quick.memoryLimit, undefined);
		} finally {
			reader.close();
		}
	});

	it('returns undefined after close, and when no counter file can be read', () => {
		const reader = openCgroupReader({version: 2, dir: copyOfWeb()});
		reader.close();
		reader.close();
		assert.equal(reader.read(), undefined);

		const empty = openCgroupReader({version: 2, dir: temporaryDir()});
		assert.equal(empty.read(), undefined);
		empty.close();
	});

	it('reads v1 controllers from their own directories', () => {
		const cgroup = locate(v1Root, {id: throttled});
		const reader = openCgroupReader(cgroup);
		try {
			assert.deepEqual(reader.read(), readCgroupSample(cgroup));
			assert.equal(reader.read({limits: false})?.cpuQuota, 0.5);
		} finally {
			reader.close();
		}
	});
});

describe('cgroup file parsers', () => {
	it('parseKeyedValue matches whole keys only', () => {
		const v1 = 'inactive_file 3\ntotal_inactive_file 5\n';
		assert.equal(parseKeyedValue(v1, 'inactive_file'), 3);
		assert.equal(
			parseKeyedValue('total_inactive_file 5\n', 'inactive_file'),
			undefined,
		);
		assert.equal(parseKeyedValue('file_mapped 7\nfile 9', 'file'), 9);
		assert.equal(parseKeyedValue('max 37\noom 2\noom_kill 1\n', 'oom'), 2);
		assert.equal(parseKeyedValue('oom_kill 1\n', 'oom'), undefined);
		assert.equal(parseKeyedValue(undefined, 'oom'), undefined);
	});

	const limits: readonly [string | undefined, number | undefined][] = [
		['max\n', Number.POSITIVE_INFINITY],
		['9223372036854771712\n', Number.POSITIVE_INFINITY],
		['67108864\n', 67_108_864],
		['', undefined],
		['garbage', undefined],
		[undefined, undefined],
	];
	for (const [text, expected] of limits) {
		it(`parseLimit(${JSON.stringify(text)})`, () => {
			assert.equal(parseLimit(text), expected);
		});
	}

	const cpuMax: readonly [string | undefined, number | undefined][] = [
		['max 100000\n', Number.POSITIVE_INFINITY],
		['150000 100000\n', 1.5],
		['50000 50000\n', 1],
		['', undefined],
		[undefined, undefined],
	];
	for (const [text, expected] of cpuMax) {
		it(`parseCpuMax(${JSON.stringify(text)})`, () => {
			assert.equal(parseCpuMax(text), expected);
		});
	}

	it('cpuQuotaV1 reads -1 as unlimited and needs a period', () => {
		assert.equal(cpuQuotaV1('-1\n', '100000\n'), Number.POSITIVE_INFINITY);
		assert.equal(cpuQuotaV1('50000\n', '100000\n'), 0.5);
		assert.equal(cpuQuotaV1('50000\n', undefined), undefined);
		assert.equal(cpuQuotaV1('50000\n', '0\n'), undefined);
	});

	it('parseIoStat sums over devices and ignores other keys', () => {
		const text =
			'8:0 rbytes=100 wbytes=200 rios=1 wios=2 dbytes=999 dios=3\n259:0 rbytes=10 wbytes=20 cost.vrate=100.00\n';
		assert.deepEqual(parseIoStat(text), {read: 110, write: 220});
		assert.deepEqual(parseIoStat(''), {read: 0, write: 0});
		assert.equal(parseIoStat(undefined), undefined);
	});

	it('parseBlkioServiceBytes sums Read and Write over devices', () => {
		const text =
			'8:0 Read 10\n8:0 Write 20\n8:0 Total 30\n8:16 Read 1\n8:16 Write 2\n8:16 Total 3\nTotal 33\n';
		assert.deepEqual(parseBlkioServiceBytes(text), {read: 11, write: 22});
		assert.deepEqual(parseBlkioServiceBytes('Total 0\n'), {read: 0, write: 0});
		assert.equal(parseBlkioServiceBytes(undefined), undefined);
	});
});

describe('cgroupCpuPercent and cgroupRates', () => {
	const previous: CgroupSample = {
		...emptySample,
		cpuUsageNs: 10e9,
		cpuPeriods: 1000,
		cpuThrottledPeriods: 100,
		cpuThrottledNs: 5e9,
		blockRead: 1000,
		blockWrite: 2000,
	};
	const next: CgroupSample = {
		...previous,
		cpuUsageNs: 11.5e9,
		cpuPeriods: 1010,
		cpuThrottledPeriods: 102,
		cpuThrottledNs: 5.15e9,
		blockRead: 1500,
		blockWrite: 2000,
	};

	it('is CPU time over wall time, in percent of one CPU', () => {
		assert.equal(cgroupCpuPercent(previous, next, 1e9), 150);
		assert.equal(cgroupCpuPercent(previous, next, 2e9), 75);
	});

	it('is undefined after a counter reset or without elapsed time', () => {
		assert.equal(cgroupCpuPercent(next, previous, 1e9), undefined);
		assert.equal(cgroupCpuPercent(previous, next, 0), undefined);
		assert.equal(cgroupCpuPercent(emptySample, next, 1e9), undefined);
	});

	it('derives throttling and block I/O rates', () => {
		const rates = cgroupRates(previous, next, 1e9);
		assert.equal(rates.cpuPercent, 150);
		assert.equal(rates.throttledPeriodsPerSecond, 2);
		assert.equal(rates.throttledPeriodRatio, 0.2);
		assert.ok(
			Math.abs((rates.throttledTimeShare ?? Number.NaN) - 0.15) < 1e-12,
		);
		assert.equal(rates.blockReadPerSecond, 500);
		assert.equal(rates.blockWritePerSecond, 0);
	});

	it('has no throttling ratio when no period elapsed, and no rates across a reset', () => {
		const idle = cgroupRates(previous, {...previous}, 1e9);
		assert.equal(idle.throttledPeriodRatio, undefined);
		assert.equal(idle.throttledPeriodsPerSecond, 0);

		const reset = cgroupRates(
			next,
			{...emptySample, cpuUsageNs: 1e6, cpuPeriods: 3, blockRead: 0},
			1e9,
		);
		assert.equal(reset.cpuPercent, undefined);
		assert.equal(reset.throttledPeriodRatio, undefined);
		assert.equal(reset.blockReadPerSecond, undefined);
	});

	it('agrees with docker stats on recorded frames, to within the /proc/stat tick', () => {
		type CpuFrame = {
			read: string;
			preread: string;
			cpu_stats: {cpu_usage: {total_usage: number}};
			precpu_stats: {cpu_usage: {total_usage: number}};
		};
		const load = (name: string): unknown =>
			JSON.parse(
				readFileSync(path.join(fixtures, 'stats', `${name}.json`), 'utf8'),
			);
		const frames = [
			load('v1-busy'),
			load('v1-throttled'),
			load('v1-oom'),
			...(load('v1-restart-stream') as unknown[]),
		] as CpuFrame[];
		let compared = 0;
		for (const frame of frames) {
			const docker = resourceSampleFromStats(frame)?.cpuPercent;
			if (docker === undefined) {
				continue;
			}

			// The daemon stamps `read` and `preread` when it samples, so their gap is the wall time between the readings.
			const wallNs = (Date.parse(frame.read) - Date.parse(frame.preread)) * 1e6;
			const ours = cgroupCpuPercent(
				{...emptySample, cpuUsageNs: frame.precpu_stats.cpu_usage.total_usage},
				{...emptySample, cpuUsageNs: frame.cpu_stats.cpu_usage.total_usage},
				wallNs,
			);
			assert.ok(
				ours !== undefined && Math.abs(ours - docker) < 2,
				`docker ${docker} vs cgroup ${ours}`,
			);
			compared++;
		}

		assert.equal(compared, 10);
	});
});
