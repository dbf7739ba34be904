import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseFleets, parseHostEntries} from '../../source/config-hosts.js';
import {fleetMemberChoices, fleetTargets} from '../../source/fleet-members.js';

const parsedHosts = parseHostEntries([
	{name: 'prod', host: 'ssh://me@prod', readOnly: true},
]);
if (typeof parsedHosts === 'string') {
	throw new TypeError(parsedHosts);
}

const hosts = parsedHosts;

const input = {env: {}, homeDir: '/nonexistent-home'};

/** What is wrong with `value` as a fleet, failing the test when it was accepted. */
function fault(value: unknown): string {
	const parsed = parseFleets(value, hosts);
	assert.equal(typeof parsed, 'string', 'accepted');
	return parsed as string;
}

describe('fleets in the config file', () => {
	it('reads a list as the fleet opened without flags, and named lists for --fleet', () => {
		const unnamed = parseFleets(
			['prod', {name: 'lab', host: 'tcp://127.0.0.1:2375'}],
			hosts,
		);
		assert.ok(typeof unnamed !== 'string');
		const targets = fleetTargets({}, {fleets: unnamed}, input);
		assert.deepEqual(
			targets?.map(({name, readOnly, cli, endpoint}) => ({
				name,
				readOnly,
				cli,
				url: endpoint.url,
			})),
			[
				{
					name: 'prod',
					readOnly: true,
					cli: 'DOCKER_HOST=ssh://me@prod docker',
					url: 'ssh://me@prod',
				},
				{
					name: 'lab',
					readOnly: false,
					cli: 'DOCKER_HOST=tcp://127.0.0.1:2375 docker',
					url: 'tcp://127.0.0.1:2375',
				},
			],
		);
		// An engine named on the command line wins over the config file's fleet.
		assert.equal(
			fleetTargets({host: 'tcp://127.0.0.1:9'}, {fleets: unnamed}, input),
			undefined,
		);

		const named = parseFleets(
			{
				edge: [
					{name: 'a', host: 'tcp://127.0.0.1:1', readOnly: true},
					{name: 'b', host: 'tcp://127.0.0.1:2'},
				],
			},
			hosts,
		);
		assert.ok(typeof named !== 'string');
		assert.deepEqual(
			fleetTargets({fleet: 'edge'}, {fleets: named}, input)?.map(
				target => `${target.name}${target.readOnly ? ' ro' : ''}`,
			),
			['a ro', 'b'],
		);
		assert.throws(
			() => fleetTargets({fleet: 'nope'}, {fleets: named}, input),
			/no fleet "nope" in the config file \(known: edge\)/,
		);
		assert.equal(fleetTargets({}, {fleets: named}, input), undefined);
	});

	it('names engines given on the command line by their address, each once', () => {
		assert.deepEqual(
			fleetTargets(
				{
					engines: [
						{kind: 'host', value: 'tcp://127.0.0.1:1'},
						{kind: 'host', value: 'tcp://127.0.0.1:1'},
						{kind: 'host', value: 'ssh://me@b'},
					],
				},
				{},
				input,
			)?.map(target => target.name),
			['127.0.0.1:1', '127.0.0.1:1#2', 'me@b'],
		);
	});

	it('names a socket by what tells it apart: a whole path leaves the chips no room', () => {
		assert.deepEqual(
			fleetTargets(
				{
					engines: [
						{kind: 'host', value: 'unix:///var/run/docker.sock'},
						{kind: 'host', value: 'unix:///run/user/1000/podman/podman.sock'},
						{kind: 'host', value: 'unix:///tmp/lab-engine/docker.sock'},
					],
				},
				{},
				input,
			)?.map(target => target.name),
			['local', 'podman', 'lab-engine'],
		);
	});

	it('says what is wrong with a fleet, naming where', () => {
		assert.match(fault('prod'), /"fleet" must be a list/);
		assert.match(fault([]), /"fleet" must be a list/);
		assert.match(
			fault([{context: 'lab', readOnly: 'yes'}]),
			/"fleet"\[0\]: "readOnly" must be true or false/,
		);
		assert.match(
			fault({prod: [{name: 'x'}]}),
			/"fleet"."prod"\[0\] \("x"\) needs a "host"/,
		);
	});
	it('offers each engine alone to the host switcher: by its entry’s id, by its address where --host gave it', () => {
		const fleets = parseFleets(
			['prod', {name: 'lab', host: 'tcp://127.0.0.1:2375'}],
			hosts,
		);
		assert.ok(typeof fleets !== 'string');
		const fromConfig = fleetTargets({}, {fleets}, input) ?? [];
		assert.deepEqual(
			fleetMemberChoices(fromConfig).map(({id, kind, name, readOnly}) => ({
				id,
				kind,
				name,
				readOnly,
			})),
			[
				{id: 'host:prod', kind: 'host', name: 'prod', readOnly: true},
				{id: 'host:lab', kind: 'host', name: 'lab', readOnly: undefined},
			],
		);
		const fromFlags =
			fleetTargets(
				{
					engines: [
						{kind: 'host', value: 'tcp://127.0.0.1:2375'},
						{kind: 'host', value: 'tcp://127.0.0.1:2376'},
					],
				},
				{},
				input,
			) ?? [];
		assert.deepEqual(
			fleetMemberChoices(fromFlags).map(choice => choice.id),
			['flag:tcp://127.0.0.1:2375', 'flag:tcp://127.0.0.1:2376'],
		);
	});
});
