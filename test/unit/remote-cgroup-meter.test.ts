import assert from 'node:assert/strict';
import {renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {
	createCgroupMeter,
	type CgroupMeter,
} from '../../source/docker/cgroup/cgroup-meter.js';
import type {CgroupDriver} from '../../source/docker/cgroup/layout.js';
import {openRemoteCgroupMeter} from '../../source/docker/cgroup/remote-cgroup-meter.js';
import type {HostShell} from '../../source/docker/host-shell.js';
import {
	busy,
	cgroupfsDefault,
	customParent,
	idle,
	idleV2,
	missing,
	oom,
	procRoot,
	sliced,
	temporaryDirs,
	treeCopies,
	throttled,
	v1Root,
	v1Systemd,
	v1SystemdRoot,
	v2Root,
	web,
} from '../helpers/cgroup-fixtures.js';
import {localShell, shells} from '../helpers/local-shell.js';

const t0 = Date.parse('2026-11-28T12:00:00Z');
const temporaryDir = temporaryDirs('dockmate-remote-meter-');

/** A copy of a fixture tree the test may change. */
const copyOf = treeCopies('dockmate-remote-meter-');

const locals: CgroupMeter[] = [];
after(() => {
	for (const meter of locals) {
		meter.close();
	}
});

function localMeter(root: string, driver: CgroupDriver): CgroupMeter {
	const meter = createCgroupMeter({driver, root, procRoot, now: () => t0});
	assert.ok(meter);
	locals.push(meter);
	return meter;
}

async function remoteMeter(
	shell: HostShell,
	root: string,
	driver: CgroupDriver = 'cgroupfs',
) {
	const meter = await openRemoteCgroupMeter({
		shell,
		driver,
		root,
		procRoot,
		now: () => t0,
	});
	assert.ok(meter, `no cgroups found under ${root}`);
	return meter;
}

const trees = [
	{
		name: 'v1 (cgroupfs, daemon-wide parent)',
		root: v1Root,
		driver: 'cgroupfs',
		ids: [busy, idle, throttled, oom, missing],
	},
	{
		name: 'v1 (systemd)',
		root: v1SystemdRoot,
		driver: 'systemd',
		ids: [v1Systemd],
	},
	{
		name: 'v2 (slices, cgroupfs default, custom parent)',
		root: v2Root,
		driver: 'systemd',
		ids: [web, idleV2, cgroupfsDefault, sliced, customParent, missing],
	},
] as const;

for (const [shellName, command] of Object.entries(shells)) {
	describe(`remote cgroup meter through ${shellName}`, () => {
		for (const tree of trees) {
			it(`reads what the local meter reads, in one run per sweep: ${tree.name}`, async () => {
				const shell = localShell(command);
				const remote = await remoteMeter(shell, tree.root, tree.driver);
				const local = localMeter(tree.root, tree.driver);
				assert.equal(shell.runs(), 1, 'the probe is one run');
				for (let sweep = 1; sweep <= 3; sweep++) {
					const measured = await remote.measure(tree.ids, 1);
					assert.deepEqual(measured, local.measure(tree.ids, 1));
					assert.equal(shell.runs(), 1 + sweep);
				}

				assert.equal(
					remote.description,
					`cgroup v${tree.root === v2Root ? 2 : 1} via ssh`,
				);
			});
		}

		it('reads the network counters of the first process in cgroup.procs', async () => {
			const root = copyOf(v2Root);
			const scope = path.join(root, 'system.slice', `docker-${web}.scope`);
			writeFileSync(path.join(scope, 'cgroup.procs'), '4242\n4243\n');
			const remote = await remoteMeter(localShell(command), root);
			const measured = await remote.measure([web]);
			assert.deepEqual(measured.get(web)?.network, {
				rxBytes: 1_048_576_000 + 2048 + 9_007_199_254_740,
				txBytes: 52_428_800 + 1024 + 123_456_789,
			});
		});

		it('lets a container that stopped between sweeps vanish, without failing the sweep', async () => {
			const root = copyOf(v2Root);
			const remote = await remoteMeter(localShell(command), root);
			assert.equal((await remote.measure([web, idleV2])).size, 2);
			renameSync(
				path.join(root, 'system.slice', `docker-${web}.scope`),
				path.join(root, 'gone'),
			);
			assert.deepEqual(
				[...(await remote.measure([web, idleV2])).keys()],
				[idleV2],
			);
		});
	});
}

describe('remote cgroup meter: what each sweep asks for', () => {
	it('reads the counters alone for containers off screen between their full readings', async () => {
		const shell = localShell();
		const remote = await remoteMeter(shell, v2Root, 'systemd');
		await remote.measure([web, idleV2], 1);
		await remote.measure([web, idleV2], 1);
		const script = shell.lastScript() ?? '';
		assert.match(
			script,
			new RegExp(`^f system.slice/docker-${web}.scope$`, 'm'),
		);
		assert.match(
			script,
			new RegExp(`^c system.slice/docker-${idleV2}.scope$`, 'm'),
		);
	});

	it('reads a container off screen every other sweep when told, giving its last figures between', async () => {
		const shell = localShell();
		const remote = await remoteMeter(shell, v2Root, 'systemd');
		const idleDir = new RegExp(`docker-${idleV2}\\.scope`);
		// The first two readings of each come back to back, for its first CPU figure.
		await remote.measure([web, idleV2], 1, 2);
		let previous = await remote.measure([web, idleV2], 1, 2);
		assert.match(shell.lastScript() ?? '', idleDir);
		const skips: boolean[] = [];
		for (let sweep = 0; sweep < 4; sweep++) {
			const measured = await remote.measure([web, idleV2], 1, 2);
			const isRead = idleDir.test(shell.lastScript() ?? '');
			skips.push(!isRead);
			assert.ok(measured.has(idleV2), 'its figures given every sweep');
			if (!isRead) {
				// The same figures as the sweep before: nothing new was read.
				assert.equal(measured.get(idleV2), previous.get(idleV2));
			}

			previous = measured;
		}

		// On screen, web is read every sweep; idle every other.
		assert.deepEqual(
			skips.filter(Boolean).length,
			2,
			`skipped: ${skips.join(', ')}`,
		);
	});

	it('looks for a container nowhere to be found only once while it runs', async () => {
		const shell = localShell();
		const remote = await remoteMeter(shell, v2Root, 'systemd');
		await remote.measure([missing]);
		assert.match(shell.lastScript() ?? '', new RegExp(`^l ${missing}$`, 'm'));
		await remote.measure([missing]);
		assert.doesNotMatch(shell.lastScript() ?? '', new RegExp(missing));
	});

	it('tries the parent where it found a container first for the next ones', async () => {
		const shell = localShell();
		const remote = await remoteMeter(shell, v1Root, 'cgroupfs');
		await remote.measure([busy]);
		await remote.measure([busy, idle]);
		assert.match(shell.lastScript() ?? '', /^Q='dockmate-test docker/m);
		assert.equal((await remote.measure([busy, idle])).size, 2);
	});

	it('finds no cgroups under a root without any', async () => {
		const meter = await openRemoteCgroupMeter({
			shell: localShell(),
			driver: undefined,
			root: temporaryDir(),
		});
		assert.equal(meter, undefined);
	});

	it('has no meter when the shell fails, and a sweep fails with the shell', async () => {
		const failing: HostShell = {
			via: 'ssh',
			close: () => undefined,
			run: async () => Promise.reject(new Error('connection lost')),
		};
		assert.equal(
			await openRemoteCgroupMeter({shell: failing, driver: undefined}),
			undefined,
		);
		let isFailing = false;
		const shell = localShell();
		const flaky: HostShell = {
			via: 'ssh',
			close: shell.close,
			run: async (script, signal) =>
				isFailing
					? Promise.reject(new Error('connection lost'))
					: shell.run(script, signal),
		};
		const remote = await remoteMeter(flaky, v2Root);
		isFailing = true;
		await assert.rejects(remote.measure([web]), /connection lost/);
	});
});
