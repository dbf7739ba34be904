import assert from 'node:assert/strict';
import {
	mkdirSync,
	openSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {
	createCgroupMeter,
	parseOpenFilesLimit,
	fullEvery,
	type CgroupMeasurement,
	type CgroupMeter,
} from '../../source/docker/cgroup/cgroup-meter.js';
import type {CgroupDriver} from '../../source/docker/cgroup/layout.js';
import {
	busy,
	cgroupfsDefault,
	fixtures,
	idle,
	idleV2,
	missing,
	oom,
	procRoot,
	temporaryDirs,
	treeCopies,
	throttled,
	v1Root,
	v1Systemd,
	v1SystemdRoot,
	v2Root,
	web,
} from '../helpers/cgroup-fixtures.js';

/** A container whose cgroup the tests add to a copied tree. */
const late = 'ab'.repeat(32);

const t0 = Date.parse('2026-11-28T12:00:00Z');

const temporaryDir = temporaryDirs('dockmate-meter-');

/** A copy of a fixture tree the test may change. */
const copyOf = treeCopies('dockmate-meter-');

const meters: CgroupMeter[] = [];
function open(options: {
	root: string;
	driver?: CgroupDriver;
	now?: () => number;
}): CgroupMeter {
	const meter = createCgroupMeter({
		driver: options.driver,
		root: options.root,
		procRoot,
		now: options.now ?? (() => t0),
	});
	assert.ok(meter, `no cgroups under ${options.root}`);
	meters.push(meter);
	return meter;
}

after(() => {
	for (const meter of meters) {
		meter.close();
	}
});

function webScope(root: string): string {
	return path.join(root, 'system.slice', `docker-${web}.scope`);
}

/** Replaces a file by a new one (a new inode), as a descriptor kept open on the old one would not see. */
function replaceFile(file: string, text: string): void {
	const next = `${file}.next`;
	writeFileSync(next, text);
	renameSync(next, file);
}

describe('createCgroupMeter', () => {
	const layouts: readonly [string, string, CgroupDriver | undefined, string][] =
		[
			['v1 (hybrid host)', v1Root, 'cgroupfs', 'cgroup v1'],
			['v1 with the systemd driver', v1SystemdRoot, 'systemd', 'cgroup v1'],
			['v2', v2Root, 'systemd', 'cgroup v2'],
			['v2, driver unknown', v2Root, undefined, 'cgroup v2'],
		];
	for (const [name, root, driver, description] of layouts) {
		it(`describes ${name} as ${description}`, () => {
			assert.equal(
				open({root, ...(driver === undefined ? {} : {driver})}).description,
				description,
			);
		});
	}

	it('is undefined for a root with no cgroups', () => {
		assert.equal(
			createCgroupMeter({driver: 'systemd', root: temporaryDir(), procRoot}),
			undefined,
		);
		assert.equal(
			createCgroupMeter({
				driver: undefined,
				root: path.join(fixtures, 'no-such-dir'),
				procRoot,
			}),
			undefined,
		);
	});
});

describe('CgroupMeter.measure', () => {
	const known: readonly [
		string,
		string,
		CgroupDriver | undefined,
		string,
		number,
	][] = [
		['v1 cgroupfs', v1Root, 'cgroupfs', busy, 275_029_745_841],
		['v1 under an unknown driver', v1Root, undefined, throttled, 8_747_110_297],
		['v1 systemd', v1SystemdRoot, 'systemd', v1Systemd, 512_993_400_112],
		['v2 systemd', v2Root, 'systemd', web, 48_274_562_000],
		['v2 cgroupfs', v2Root, 'cgroupfs', cgroupfsDefault, 1_200_000_000],
	];
	for (const [name, root, driver, id, cpuUsageNs] of known) {
		it(`measures a known container: ${name}`, () => {
			const meter = open({root, ...(driver === undefined ? {} : {driver})});
			const result = meter.measure([id]);
			assert.deepEqual([...result.keys()], [id]);
			const measurement = result.get(id);
			assert.equal(measurement?.time, t0);
			assert.equal(measurement.sample.cpuUsageNs, cpuUsageNs);
		});
	}

	it('measures several containers in one sweep, each stamped with the clock', () => {
		let time = t0;
		const meter = open({
			root: v1Root,
			driver: 'cgroupfs',
			now: () => (time += 10),
		});
		const result = meter.measure([busy, idle, throttled, oom]);
		assert.deepEqual([...result.keys()], [busy, idle, throttled, oom]);
		assert.equal(result.get(idle)?.sample.memoryLimit, 67_108_864);
		assert.equal(result.get(oom)?.sample.oomKills, 11);
		assert.equal(result.get(throttled)?.sample.pidsLimit, 50);
		const times = [...result.values()].map(measurement => measurement.time);
		assert.deepEqual(times, [t0 + 10, t0 + 20, t0 + 30, t0 + 40]);
	});

	it('reads fresh figures on every sweep', () => {
		const root = copyOf(v2Root);
		const meter = open({root, driver: 'systemd'});
		assert.equal(
			meter.measure([web]).get(web)?.sample.cpuUsageNs,
			48_274_562_000,
		);
		writeFileSync(
			path.join(webScope(root), 'cpu.stat'),
			'usage_usec 49274562\nnr_periods 52051\nnr_throttled 1303\n',
		);
		const next = meter.measure([web]).get(web);
		assert.equal(next?.sample.cpuUsageNs, 49_274_562_000);
		assert.equal(next.sample.cpuPeriods, 52_051);
	});

	it('returns nothing for an unknown id, alongside the known ones', () => {
		for (const [root, driver, id] of [
			[v1Root, 'cgroupfs', busy],
			[v2Root, 'systemd', web],
		] as const) {
			const meter = open({root, driver});
			const result = meter.measure([missing, id]);
			assert.deepEqual([...result.keys()], [id]);
			assert.equal(meter.measure([missing]).size, 0);
		}
	});

	it('does not search again for an id it did not find until the id leaves the wanted list and returns', () => {
		const root = copyOf(v2Root);
		const meter = open({root, driver: 'systemd'});
		assert.deepEqual([...meter.measure([web, late]).keys()], [web]);

		// The container's cgroup appears after the first search.
		const scope = path.join(root, 'system.slice', `docker-${late}.scope`);
		mkdirSync(scope);
		writeFileSync(path.join(scope, 'cpu.stat'), 'usage_usec 5000000\n');
		writeFileSync(path.join(scope, 'memory.current'), '1048576\n');

		assert.deepEqual([...meter.measure([web, late]).keys()], [web]);
		assert.deepEqual([...meter.measure([web, late]).keys()], [web]);

		// Out of the list once, and it is looked for afresh when it returns.
		assert.deepEqual([...meter.measure([web]).keys()], [web]);
		const result = meter.measure([web, late]);
		assert.deepEqual([...result.keys()], [web, late]);
		assert.equal(result.get(late)?.sample.cpuUsageNs, 5_000_000_000);
	});

	it('looks again on the next sweep for a cgroup that had no counters to read', () => {
		const root = copyOf(v2Root);
		const meter = open({root, driver: 'systemd'});
		// The directory exists but its files are not there (yet): found, but nothing readable.
		const scope = path.join(root, 'system.slice', `docker-${late}.scope`);
		mkdirSync(scope);
		assert.equal(meter.measure([late]).size, 0);

		writeFileSync(path.join(scope, 'memory.current'), '2097152\n');
		const result = meter.measure([late]);
		assert.equal(result.get(late)?.sample.memoryUsage, 2_097_152);
	});

	it('keeps a measured container open between sweeps and releases it once no longer asked for', () => {
		const root = copyOf(v2Root);
		const meter = open({root, driver: 'systemd'});
		assert.equal(
			meter.measure([web]).get(web)?.sample.memoryLimit,
			536_870_912,
		);

		// A new file in place of the old: descriptors kept open still read the old one.
		replaceFile(path.join(webScope(root), 'memory.max'), '1073741824\n');
		assert.equal(
			meter.measure([web]).get(web)?.sample.memoryLimit,
			536_870_912,
		);

		// Not asked for: released. Asked for again: opened afresh, so the new file is read.
		assert.equal(meter.measure([idleV2]).has(web), false);
		assert.equal(
			meter.measure([web, idleV2]).get(web)?.sample.memoryLimit,
			1_073_741_824,
		);
	});

	it('releases a container whose cgroup is gone, and finds nothing for it afterwards', () => {
		const root = copyOf(v2Root);
		const meter = open({root, driver: 'systemd'});
		assert.ok(meter.measure([web]).has(web));
		assert.equal(meter.measure([]).size, 0);
		rmSync(webScope(root), {recursive: true});
		assert.equal(meter.measure([web]).size, 0);
	});

	it('close releases every container', () => {
		const root = copyOf(v2Root);
		const meter = open({root, driver: 'systemd'});
		assert.ok(meter.measure([web]).has(web));
		replaceFile(path.join(webScope(root), 'memory.max'), '1073741824\n');
		meter.close();
		assert.equal(
			meter.measure([web]).get(web)?.sample.memoryLimit,
			1_073_741_824,
		);
	});
});

describe('CgroupMeter network figures', () => {
	it('sums the namespace of the first process listed in cgroup.procs, leaving out lo (v2)', () => {
		const root = copyOf(v2Root);
		writeFileSync(path.join(webScope(root), 'cgroup.procs'), '4242\n4243\n');
		const meter = open({root, driver: 'systemd'});
		assert.deepEqual(meter.measure([web]).get(web)?.network, {
			rxBytes: 1_048_576_000 + 2048 + 9_007_199_254_740,
			txBytes: 52_428_800 + 1024 + 123_456_789,
		});
	});

	it('reads cgroup.procs from the pids hierarchy on v1', () => {
		const root = copyOf(v1Root);
		writeFileSync(
			path.join(root, 'pids', 'dockmate-test', busy, 'cgroup.procs'),
			'3743\n',
		);
		const meter = open({root, driver: 'cgroupfs'});
		assert.deepEqual(meter.measure([busy]).get(busy)?.network, {
			rxBytes: 0,
			txBytes: 0,
		});
	});

	const unreadable: readonly [string, string | undefined][] = [
		['no cgroup.procs', undefined],
		['an empty cgroup.procs', ''],
		['a process without a network namespace file', '4343\n'],
		['a process that is gone', '999999\n'],
	];
	for (const [name, procs] of unreadable) {
		it(`has no network figures with ${name}, but still measures`, () => {
			const root = copyOf(v2Root);
			if (procs !== undefined) {
				writeFileSync(path.join(webScope(root), 'cgroup.procs'), procs);
			}

			const meter = open({root, driver: 'systemd'});
			const measurement = meter.measure([web]).get(web);
			assert.equal(measurement?.sample.cpuUsageNs, 48_274_562_000);
			assert.equal(measurement.network, undefined);
		});
	}
});

describe('CgroupMeter descriptors', () => {
	/** A v2 tree with `count` running containers, their ids in order. */
	function fleet(count: number): {root: string; ids: string[]} {
		const root = copyOf(v2Root);
		const ids = Array.from({length: count}, (_, index) =>
			index.toString(16).padStart(64, 'c'),
		);
		for (const id of ids) {
			const scope = path.join(root, 'system.slice', `docker-${id}.scope`);
			mkdirSync(scope);
			writeFileSync(path.join(scope, 'cpu.stat'), 'usage_usec 1000\n');
			writeFileSync(path.join(scope, 'memory.current'), '1048576\n');
			writeFileSync(path.join(scope, 'pids.current'), '1\n');
			writeFileSync(path.join(scope, 'memory.max'), 'max\n');
		}

		return {root, ids};
	}

	/** The container id a cgroup file belongs to. */
	const owner = (file: string): string | undefined =>
		/docker-([\da-f]{64})\.scope/.exec(file)?.[1];

	/** A meter of the systemd tree at `root` that records every file it opens, on the clock `now`. */
	function recordingMeter(
		root: string,
		now: () => number = () => t0,
	): {readonly meter: CgroupMeter; readonly opened: string[]} {
		const opened: string[] = [];
		const meter = createCgroupMeter({
			driver: 'systemd',
			root,
			procRoot,
			now,
			openFile(file) {
				opened.push(file);
				return openSync(file, 'r');
			},
		});
		assert.ok(meter);
		meters.push(meter);
		return {meter, opened};
	}

	/** A procfs whose `self/limits` says `limit` open files. */
	function procWithLimit(limit: number): string {
		const proc = temporaryDir();
		mkdirSync(path.join(proc, 'self'));
		writeFileSync(
			path.join(proc, 'self', 'limits'),
			`Limit                     Soft Limit           Hard Limit           Units\nMax open files            ${limit}                 ${limit}                 files\n`,
		);
		return proc;
	}

	it('keeps files open for the first containers asked for only, and opens the others again each sweep', () => {
		const {root, ids} = fleet(40);
		const {meter, opened} = recordingMeter(root);
		assert.equal(meter.measure(ids).size, 40);
		opened.length = 0;
		const before = readdirSync('/proc/self/fd').length;
		assert.equal(meter.measure(ids, 20).size, 40);
		const held = readdirSync('/proc/self/fd').length - before;
		const openedFor = new Set(opened.map(file => owner(file)));
		// The first twelve read through kept descriptors; the rest opened theirs again.
		assert.deepEqual(
			ids.filter(id => openedFor.has(id)),
			ids.slice(12),
		);
		assert.ok(held <= 0, `${held} more descriptors held`);
		assert.equal(meter.outOfFiles(), undefined);
	});

	it('reads the containers off screen every other sweep when asked, giving back their last measurement between', () => {
		const {root, ids} = fleet(30);
		let now = t0;
		const {meter, opened} = recordingMeter(root, () => now);
		// Two readings each first, for a first CPU figure.
		meter.measure(ids, 12, 2);
		now += 250;
		opened.length = 0;
		let last: ReadonlyMap<string, CgroupMeasurement> = meter.measure(
			ids,
			12,
			2,
		);
		assert.deepEqual(
			[...new Set(opened.map(file => owner(file)))].sort(),
			ids.slice(12).sort(),
		);
		const readBy = new Map<string, number>();
		for (let sweep = 1; sweep <= 4; sweep++) {
			now += 1000;
			opened.length = 0;
			const result: ReadonlyMap<string, CgroupMeasurement> = meter.measure(
				ids,
				12,
				2,
			);
			assert.equal(result.size, 30);
			for (const id of new Set(opened.map(file => owner(file)))) {
				readBy.set(id!, (readBy.get(id!) ?? 0) + 1);
			}

			for (const id of ids) {
				const measurement = result.get(id);
				// Not read: the very measurement of its last reading, so the caller can tell.
				assert.ok(
					measurement?.time === now || measurement === last.get(id),
					`${id} in sweep ${sweep}`,
				);
			}

			last = result;
		}

		// Off screen: opened in 2 of the 4 sweeps; on screen, kept open, never opened again.
		assert.deepEqual(
			[...new Set(readBy.values())],
			[2],
			JSON.stringify([...readBy]),
		);
		assert.deepEqual([...readBy.keys()].sort(), ids.slice(12).sort());
	});

	it('reads a row on screen but not kept open in part: details every other sweep, limits every tenth', () => {
		const {root, ids} = fleet(20);
		const {meter, opened} = recordingMeter(root);
		meter.measure(ids, 20);
		opened.length = 0;
		for (let sweep = 0; sweep < fullEvery; sweep++) {
			meter.measure(ids, 20);
		}

		// Rank 15: on screen, past the twelve kept open.
		const files = opened
			.filter(file => owner(file) === ids[15])
			.map(file => path.basename(file));
		const count = (name: string): number =>
			files.filter(file => file === name).length;
		assert.equal(count('cpu.stat'), fullEvery);
		assert.equal(count('pids.current'), fullEvery / 2);
		assert.equal(count('memory.max'), 1);
	});

	it('reads every container on every sweep by default', () => {
		const {root, ids} = fleet(30);
		let now = t0;
		const meter = open({root, driver: 'systemd', now: () => now});
		meter.measure(ids, 12);
		now += 1000;
		const result = meter.measure(ids, 12);
		assert.ok(
			[...result.values()].every(measurement => measurement.time === now),
		);
	});

	it('gives back every descriptor of a container that is no longer among the first, limits included', () => {
		const {root, ids} = fleet(30);
		const baseline = readdirSync('/proc/self/fd').length;
		const meter = open({root, driver: 'systemd'});
		meter.measure(ids);
		// Twelve containers keep their four files open.
		assert.equal(readdirSync('/proc/self/fd').length - baseline, 12 * 4);
		// The twelve move to the end, off screen: their pids and limits files are not read, but still
		// closed. The new first twelve keep their CPU and memory files open (and the other two of one
		// whose turn for a full reading it is).
		meter.measure([...ids.slice(12), ...ids.slice(0, 12)], 0);
		const held = readdirSync('/proc/self/fd').length - baseline;
		assert.ok(held >= 12 * 2 && held < 12 * 3, `${held} descriptors held`);
	});

	it('stops a sweep short when descriptors run out, measuring those first in line, and says so with the limit', () => {
		const {root, ids} = fleet(20);
		let failing = false;
		let opens = 0;
		const meter = createCgroupMeter({
			driver: 'systemd',
			root,
			procRoot: procWithLimit(1024),
			openFile(file) {
				if (failing && ++opens > 40) {
					throw Object.assign(new Error('EMFILE: too many open files'), {
						code: 'EMFILE',
					});
				}

				return openSync(file, 'r');
			},
		});
		assert.ok(meter);
		meters.push(meter);
		failing = true;
		const short = meter.measure(ids, 5);
		assert.ok(short.size > 0 && short.size < ids.length, `${short.size}`);
		assert.deepEqual([...short.keys()], ids.slice(0, short.size));
		assert.deepEqual(meter.outOfFiles(), {limit: 1024});

		// Descriptors are back: every container is measured and nothing is said.
		failing = false;
		assert.equal(meter.measure(ids, 5).size, ids.length);
		assert.equal(meter.outOfFiles(), undefined);
	});

	it('says out of files without a limit when none can be read', () => {
		const {root, ids} = fleet(2);
		const meter = createCgroupMeter({
			driver: 'systemd',
			root,
			procRoot,
			openFile(file) {
				if (owner(file) !== undefined) {
					throw Object.assign(new Error('ENFILE'), {code: 'ENFILE'});
				}

				return openSync(file, 'r');
			},
		});
		assert.ok(meter);
		meters.push(meter);
		assert.equal(meter.measure(ids).size, 0);
		assert.deepEqual(meter.outOfFiles(), {limit: undefined});
	});
});

describe('parseOpenFilesLimit', () => {
	it('reads the soft limit of Max open files', () => {
		assert.equal(
			parseOpenFilesLimit(
				'Max processes             63704                63704                processes\nMax open files            1024                 4096                 files\n',
			),
			1024,
		);
		assert.equal(parseOpenFilesLimit(''), undefined);
		assert.equal(parseOpenFilesLimit(undefined), undefined);
	});
});
