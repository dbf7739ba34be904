import assert from 'node:assert/strict';
import {
	cpSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {
	openProcNetDevReader,
	parseProcNetDev,
	readProcNetDev,
	sumNetworkCounters,
} from '../../source/docker/cgroup/proc-net-dev.js';

const procRoot = fileURLToPath(new URL('../fixtures/proc/', import.meta.url));

function netDev(pid: number): string {
	return readFileSync(`${procRoot}/${pid}/net/dev`, 'latin1');
}

describe('parseProcNetDev', () => {
	it('reads every interface of a real host namespace', () => {
		const interfaces = parseProcNetDev(netDev(1));
		assert.deepEqual(
			interfaces.map(entry => entry.name),
			['lo', 'ifb0', 'ifb1', 'eth0'],
		);
		assert.deepEqual(interfaces[3], {
			name: 'eth0',
			rxBytes: 291_592_924,
			rxPackets: 8173,
			txBytes: 793_568,
			txPackets: 5576,
		});
	});

	it('reads a container namespace with only loopback (network none)', () => {
		const interfaces = parseProcNetDev(netDev(3743));
		assert.deepEqual(
			interfaces.map(entry => entry.name),
			['lo'],
		);
		assert.deepEqual(sumNetworkCounters(interfaces), {rxBytes: 0, txBytes: 0});
	});

	it('reads names wider than the 6-column pad and counters beyond 32 bits', () => {
		const tunnel = parseProcNetDev(netDev(4242)).find(
			entry => entry.name === 'wg-tunnel0',
		);
		assert.equal(tunnel?.rxBytes, 9_007_199_254_740);
		assert.equal(tunnel.txBytes, 123_456_789);
	});

	it('reads the old format with no space after the colon', () => {
		const text =
			'  eth0:12345678     100    0    0    0     0          0         0 87654321      50    0    0    0     0       0          0\n';
		assert.deepEqual(parseProcNetDev(text), [
			{
				name: 'eth0',
				rxBytes: 12_345_678,
				rxPackets: 100,
				txBytes: 87_654_321,
				txPackets: 50,
			},
		]);
	});

	it('skips headers, blank and truncated lines', () => {
		assert.deepEqual(parseProcNetDev(''), []);
		assert.deepEqual(
			parseProcNetDev('Inter-|   Receive\n face |bytes\n\n  eth0: 1 2 3\n'),
			[],
		);
	});
});

describe('sumNetworkCounters', () => {
	it('leaves out loopback, as Docker reports only endpoint interfaces', () => {
		assert.deepEqual(sumNetworkCounters(parseProcNetDev(netDev(4242))), {
			rxBytes: 1_048_576_000 + 2048 + 9_007_199_254_740,
			txBytes: 52_428_800 + 1024 + 123_456_789,
		});
	});

	it('matches the Engine API figures for the same container when limited to its endpoints', () => {
		const endpoints = sumNetworkCounters(parseProcNetDev(netDev(4242)), name =>
			name.startsWith('eth'),
		);
		// test/fixtures/stats/v2-stream.json, second frame: eth0 + eth1
		assert.deepEqual(endpoints, {rxBytes: 1_048_578_048, txBytes: 52_429_824});
	});
});

describe('readProcNetDev', () => {
	it('reads and sums a process namespace', () => {
		assert.deepEqual(readProcNetDev(1, procRoot), {
			rxBytes: 291_592_924,
			txBytes: 793_568,
		});
	});

	it('returns undefined when the process is gone', () => {
		assert.equal(readProcNetDev(999_999, procRoot), undefined);
	});
});

describe('openProcNetDevReader', () => {
	const copy = mkdtempSync(path.join(tmpdir(), 'dockmate-proc-'));
	after(() => {
		rmSync(copy, {recursive: true, force: true});
	});

	it('reads fresh totals through the descriptor it keeps open', () => {
		cpSync(path.join(procRoot, '4242'), path.join(copy, '4242'), {
			recursive: true,
		});
		const reader = openProcNetDevReader(4242, copy);
		try {
			assert.equal(reader.read()?.txBytes, 52_428_800 + 1024 + 123_456_789);
			writeFileSync(
				path.join(copy, '4242', 'net', 'dev'),
				'  eth0: 5 0 0 0 0 0 0 0 7 0 0 0 0 0 0 0\n',
			);
			assert.deepEqual(reader.read(), {rxBytes: 5, txBytes: 7});
		} finally {
			reader.close();
		}

		assert.equal(reader.read(), undefined);
	});

	it('reads nothing for a process that is gone', () => {
		const reader = openProcNetDevReader(999_999, procRoot);
		assert.equal(reader.read(), undefined);
		reader.close();
	});
});
