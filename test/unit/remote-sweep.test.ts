import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {layoutFromEntries} from '../../source/docker/cgroup/layout.js';
import {
	isSafePath,
	parseSweepOutput,
	sweepFiles,
	sweepScript,
} from '../../source/docker/cgroup/remote-sweep.js';
import {
	busy,
	fixtures,
	idle,
	idleV2,
	missing,
	procRoot,
	sliced,
	throttled,
	v1Root,
	v2Root,
	web,
} from '../helpers/cgroup-fixtures.js';

// Recorded by running the sweep script with /bin/sh over copies of the v1 and v2 fixture trees (with a
// cgroup.procs naming a process of the /proc fixture for one container), /proc paths made the real ones.
function recorded(name: string): string {
	return readFileSync(path.join(fixtures, 'remote-sweep', name), 'latin1');
}

const v1Layout = layoutFromEntries('.', name =>
	['cpu', 'cpuacct', 'memory', 'pids', 'blkio'].includes(name),
);
const v2Layout = layoutFromEntries('.', name => name === 'cgroup.controllers');

function fixture(root: string, file: string): string {
	return readFileSync(path.join(root, file), 'latin1');
}

describe('parseSweepOutput', () => {
	it('gives each file of a v1 sweep its own text, by the path it was asked for', () => {
		const output = parseSweepOutput(recorded('v1.txt'));
		const busyDir = `dockmate-test/${busy}`;
		assert.ok(v1Layout);
		for (const file of sweepFiles(v1Layout, busyDir).all) {
			const [controller = '', ...rest] = file.split('/');
			assert.equal(
				output.texts.get(file),
				fixture(path.join(v1Root, controller), rest.join('/')),
				file,
			);
		}

		// The idle container was asked for its counters only.
		assert.deepEqual(
			[...output.texts.keys()].filter(file => file.includes(idle)),
			sweepFiles(v1Layout, `dockmate-test/${idle}`).counters,
		);
		assert.equal(
			output.texts.get('/proc/4242/net/dev'),
			fixture(procRoot, '4242/net/dev'),
		);
		assert.deepEqual([...output.pids], [[busyDir, 4242]]);
	});

	it('says where the containers looked for were found, and is silent about one that is nowhere', () => {
		const {found} = parseSweepOutput(recorded('v1.txt'));
		assert.deepEqual([...found], [[throttled, `dockmate-test/${throttled}`]]);
		assert.equal(found.has(missing), false);
	});

	it('keeps an empty file as an empty text, apart from the next file (v2)', () => {
		const output = parseSweepOutput(recorded('v2.txt'));
		const idleDir = `system.slice/docker-${idleV2}.scope`;
		assert.equal(output.texts.get(`${idleDir}/io.stat`), '');
		assert.equal(
			output.texts.get(`${idleDir}/cpu.stat`),
			fixture(v2Root, `${idleDir}/cpu.stat`),
		);
		assert.equal(
			output.texts.get(`system.slice/docker-${web}.scope/memory.stat`),
			fixture(v2Root, `system.slice/docker-${web}.scope/memory.stat`),
		);
		const slicedDir = `my.slice/my-app.slice/docker-${sliced}.scope`;
		assert.deepEqual([...output.found], [[sliced, slicedDir]]);
		assert.equal(
			output.texts.get(`${slicedDir}/memory.current`),
			fixture(v2Root, `${slicedDir}/memory.current`),
		);
		// A file the container does not have (no pids controller there) is absent, not empty.
		assert.equal(output.texts.has(`${slicedDir}/pids.current`), false);
	});

	it('ignores lines it does not know before the first file', () => {
		const output = parseSweepOutput(
			'motd: welcome\n=l\n==> a/cpu.stat <==\nusage_usec 5\n',
		);
		assert.deepEqual([...output.found], []);
		assert.deepEqual([...output.texts], [['a/cpu.stat', 'usage_usec 5\n']]);
	});

	it('reads nothing from an empty output', () => {
		const output = parseSweepOutput('');
		assert.equal(output.texts.size + output.found.size + output.pids.size, 0);
	});
});

describe('sweepScript', () => {
	it('never puts a path with shell syntax or a way up into the script', () => {
		for (const text of ["a'b", 'a b', '$(reboot)', 'a;b', '../etc', 'a/*']) {
			assert.equal(isSafePath(text), false, text);
		}

		assert.equal(isSafePath(`system.slice/docker-${web}.scope`), true);
		assert.ok(v2Layout);
		const script = sweepScript({
			root: '/sys/fs/cgroup',
			procRoot: '/proc',
			layout: v2Layout,
			driver: 'systemd',
			parents: ['x;reboot'],
			known: [{dir: 'a/$(reboot)', isFull: true}],
			unknown: ['`reboot`', web],
		});
		assert.doesNotMatch(script, /reboot/);
		assert.match(script, new RegExp(`^l ${web}$`, 'm'));
	});
});
