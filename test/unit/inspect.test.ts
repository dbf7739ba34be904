import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {
	inspected,
	toContainerDetails,
	toImageDetails,
	toImageHistory,
} from '../../source/docker/inspect.js';
import {sanitize} from '../../source/docker/sanitize.js';

function fixture(name: string): unknown {
	return JSON.parse(
		readFileSync(new URL(`../fixtures/api/${name}`, import.meta.url), 'utf8'),
	);
}

const esc = '\u001B';

describe('toContainerDetails', () => {
	it('reads what the summary shows from a recorded Docker 20.10 container', () => {
		const details = toContainerDetails(
			fixture('docker-20.10-container-inspect.json'),
		);
		assert.equal(details.name, 'dm-details');
		assert.equal(details.image, 'dockmate-e2e/busybox:rec');
		assert.deepEqual(details.entrypoint, ['/bin/sh']);
		assert.deepEqual(details.cmd, ['-c', 'sleep 600']);
		assert.equal(details.workingDir, '/tmp');
		assert.deepEqual(details.env, ['FOO=bar', 'EMPTY=']);
		assert.deepEqual(details.labels, {
			'dockmate.e2e': '1',
			purpose: 'details',
		});
		assert.deepEqual(details.restartPolicy, {
			name: 'on-failure',
			maximumRetryCount: 3,
		});
		assert.equal(details.state.status, 'running');
		assert.equal(details.state.pid, 21_323);
		assert.equal(details.state.oomKilled, false);
		assert.equal(
			details.state.startedAt,
			Date.parse('2026-11-28T07:53:30.478Z'),
		);
		// `0001-01-01T00:00:00Z`: it has not finished.
		assert.equal(details.state.finishedAt, 0);
		assert.deepEqual(details.health, {
			status: 'healthy',
			failingStreak: 0,
			lastExitCode: 0,
			lastOutput: '',
		});
		assert.deepEqual(details.limits, {
			memory: 64 * 1024 * 1024,
			cpus: 0.5,
			pids: 100,
			memorySwap: 128 * 1024 * 1024,
			memoryReservation: 32 * 1024 * 1024,
			cpuShares: undefined,
			cpusetCpus: '',
		});
		assert.deepEqual(details.namespaces, {
			pid: '',
			ipc: 'shareable',
			uts: '',
			network: 'default',
			user: '',
			cgroup: 'private',
		});
		assert.equal(details.cgroupParent, '');
		assert.deepEqual(details.mounts, [
			{
				type: 'volume',
				name: 'dmvol',
				source: '/tmp/dmt-KcYSWz/data/volumes/dmvol/_data',
				destination: '/data',
				readWrite: true,
				mode: 'z',
			},
		]);
		// Exposed with --expose, published nowhere (the daemon has no bridge).
		assert.deepEqual(details.ports, [{privatePort: 8080, protocol: 'tcp'}]);
		assert.deepEqual(details.capDrop, ['CAP_NET_RAW']);
		assert.equal(details.logDriver, 'json-file');
	});

	it('reads the exit code of a container that exited', () => {
		const {state} = toContainerDetails(
			fixture('docker-20.10-container-exited-inspect.json'),
		);
		assert.equal(state.status, 'exited');
		assert.equal(state.exitCode, 3);
		assert.equal(state.finishedAt, Date.parse('2026-11-28T07:53:30.971Z'));
	});

	it("reads Podman's answer, whose empty health means no health check", () => {
		const details = toContainerDetails(
			fixture('podman-4.3-container-inspect.json'),
		);
		assert.equal(details.name, 'pm-limits');
		assert.equal(details.state.status, 'created');
		assert.equal(details.health, undefined);
		assert.equal(details.limits.memory, 64 * 1024 * 1024);
		assert.equal(details.limits.cpus, 0.5);
		assert.equal(details.limits.pids, 100);
		assert.equal(details.namespaces.pid, 'private');
		assert.equal(details.namespaces.network, 'none');
		assert.ok(details.env.includes('FOO=bar'));
	});

	it('maps published ports and keeps a probe output of several lines on one line', () => {
		const details = toContainerDetails({
			Id: 'abc',
			Name: '/web',
			State: {
				Status: 'running',
				Health: {
					Status: 'unhealthy',
					FailingStreak: 4,
					Log: [{ExitCode: 1, Output: 'curl: failed\nretry later\n'}],
				},
			},
			Config: {ExposedPorts: {'80/tcp': {}, '53/udp': {}}},
			NetworkSettings: {
				Ports: {
					'80/tcp': [
						{HostIp: '0.0.0.0', HostPort: '8080'},
						{HostIp: '::', HostPort: '8080'},
					],
					'53/udp': null,
				},
			},
		});
		assert.deepEqual(details.ports, [
			{privatePort: 53, protocol: 'udp'},
			{privatePort: 80, protocol: 'tcp', publicPort: 8080, ip: '0.0.0.0'},
			{privatePort: 80, protocol: 'tcp', publicPort: 8080, ip: '::'},
		]);
		assert.deepEqual(details.health, {
			status: 'unhealthy',
			failingStreak: 4,
			lastExitCode: 1,
			lastOutput: 'curl: failed retry later',
		});
	});

	it('survives garbage', () => {
		for (const value of [undefined, null, 'x', 1, [], {State: 'x'}]) {
			const details = toContainerDetails(value);
			assert.equal(details.id, '');
			assert.equal(details.state.status, 'dead');
			assert.deepEqual(details.env, []);
		}
	});
});

describe('toImageDetails and toImageHistory', () => {
	it('reads a recorded image built FROM scratch', () => {
		const details = toImageDetails(fixture('docker-20.10-image-inspect.json'));
		assert.deepEqual(details.tags, ['dockmate-e2e/built:1']);
		assert.deepEqual(details.digests, []);
		assert.equal(details.os, 'linux');
		assert.equal(details.architecture, 'amd64');
		assert.deepEqual(details.entrypoint, ['/bin/busybox']);
		assert.deepEqual(details.cmd, ['sh']);
		assert.ok(details.env.includes('GREETING=hello'));
		assert.deepEqual(details.exposedPorts, ['8080/tcp']);
		assert.deepEqual(details.labels, {'org.example.purpose': 'details test'});
		assert.equal(details.size, 1_982_256);
		assert.equal(details.layerCount, 1);
	});

	it('lists the layers newest first, the COPY one with its size', () => {
		const history = toImageHistory(fixture('docker-20.10-image-history.json'));
		assert.equal(history.length, 6);
		assert.match(history[0]?.createdBy ?? '', /CMD \["sh"\]/);
		assert.deepEqual(history[0]?.tags, ['dockmate-e2e/built:1']);
		const [copy] = history.slice(-1);
		assert.ok(copy);
		assert.match(copy.createdBy, /COPY file:\w+ in \/bin\/busybox/);
		assert.equal(copy.size, 1_982_256);
		assert.equal(copy.createdAt, 1_795_852_409_000);
	});

	it('shows a layer the engine calls <missing> without an id', () => {
		assert.deepEqual(
			toImageHistory([
				{
					Id: '<missing>',
					Created: 1,
					CreatedBy: 'ADD rootfs',
					Size: 5,
					Tags: null,
				},
			]),
			[
				{
					id: '',
					createdAt: 1000,
					createdBy: 'ADD rootfs',
					size: 5,
					comment: '',
					tags: [],
				},
			],
		);
	});
});

describe('inspected', () => {
	it('indents the JSON and strips control sequences from keys and values, at any depth', () => {
		const raw = {
			Name: `/evil${esc}]0;owned\u0007`,
			Config: {Env: [`A=${esc}[31mred`], Labels: {[`k\u202E`]: 'v'}},
			Count: 3,
			Flag: null,
		};
		const {details, json} = inspected(raw, toContainerDetails);
		assert.equal(details.name, 'evil');
		// Apart from the newlines of the indentation, nothing a terminal would act on is left.
		for (const line of json.split('\n')) {
			assert.equal(sanitize(line), line);
		}

		assert.deepEqual(JSON.parse(json), {
			Name: '/evil',
			Config: {Env: ['A=red'], Labels: {k: 'v'}},
			Count: 3,
			Flag: null,
		});
		assert.match(json, /^\{\n {2}"Name": "\/evil",\n/);
	});
});
