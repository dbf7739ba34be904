import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {toContainerDetails} from '../../source/docker/inspect.js';
import {
	isolationWeakenings,
	namespaceInode,
	namespaceShares,
} from '../../source/docker/isolation.js';
import {isolationLines} from '../../source/state/isolation-lines.js';

/** A recorded inspect answer, with its HostConfig changed by `hostConfig`. */
function inspect(hostConfig: Record<string, unknown>, mounts: unknown[] = []) {
	const raw = JSON.parse(
		readFileSync(
			'test/fixtures/api/docker-20.10-container-inspect.json',
			'utf8',
		),
	) as {HostConfig: Record<string, unknown>; Mounts: unknown[]};
	raw.HostConfig = {...raw.HostConfig, ...hostConfig};
	raw.Mounts = mounts;
	return {details: toContainerDetails(raw), json: JSON.stringify(raw)};
}

describe('isolation', () => {
	it('reads the inode of a namespace link', () => {
		assert.equal(namespaceInode('net:[4026531993]'), '4026531993');
		assert.equal(namespaceInode('garbage'), undefined);
	});

	it('tells who shares each namespace: the host, other containers by name', () => {
		const shares = namespaceShares(
			{pid: '1', net: '2', mnt: '3'},
			{pid: '1', net: '9', mnt: '8'},
			[
				{name: 'web', ids: {net: '2', pid: '5'}},
				{name: 'db', ids: {net: '2'}},
			],
		);
		assert.deepEqual(shares.slice(0, 3), [
			{kind: 'pid', inode: '1', sharedWith: ['host']},
			{kind: 'net', inode: '2', sharedWith: ['db', 'web']},
			{kind: 'mnt', inode: '3', sharedWith: []},
		]);
		assert.deepEqual(shares[7], {
			kind: 'time',
			inode: undefined,
			sharedWith: [],
		});
	});

	it('names the settings that weaken isolation', () => {
		const {details, json} = inspect(
			{
				Privileged: true,
				PidMode: 'host',
				NetworkMode: 'container:db',
				CapAdd: ['NET_ADMIN'],
				SecurityOpt: ['seccomp=unconfined', 'apparmor:unconfined'],
			},
			[
				{
					Type: 'bind',
					Source: '/var/run/docker.sock',
					Destination: '/var/run/docker.sock',
					RW: true,
				},
				{Type: 'bind', Source: '/sys', Destination: '/host/sys', RW: true},
			],
		);
		assert.deepEqual(isolationWeakenings(details, json), [
			'--privileged: every capability and device, no seccomp or AppArmor',
			'--pid host: it sees and can signal every process of the host',
			'--cap-add NET_ADMIN: capabilities added',
			'seccomp=unconfined: no system call filter',
			'apparmor=unconfined: no AppArmor profile',
			// Mounts in the order the details list them, by destination.
			'/sys mounted writable at /host/sys',
			'/var/run/docker.sock mounted at /var/run/docker.sock: it can drive the engine, and so the host',
		]);
		const plain = inspect({});
		assert.deepEqual(isolationWeakenings(plain.details, plain.json), []);
	});

	it('lays out namespaces, cgroup and weakenings for the pager', () => {
		assert.deepEqual(
			isolationLines({
				namespaces: [
					{kind: 'net', inode: '4026532204', sharedWith: ['db']},
					{kind: 'time', inode: undefined, sharedWith: []},
				],
				cgroup: {
					version: 2,
					paths: ['/sys/fs/cgroup/system.slice/docker-abc.scope'],
					settings: [{file: 'pids.max', value: '77'}],
				},
				weakenings: [],
			}),
			[
				'Namespaces',
				'  net    4026532204  shared with db',
				'  time   -           not available',
				'',
				'Cgroup v2',
				'  /sys/fs/cgroup/system.slice/docker-abc.scope',
				'  pids.max                        77',
				'',
				'Isolation: no setting weakens it',
			],
		);
	});
});
