import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {DockerError} from '../../source/docker/errors.js';
import {
	countTasks,
	scaledSpec,
	toSwarmNode,
	toSwarmService,
	toSwarmTask,
} from '../../source/docker/swarm.js';
import {swarmCalls, type SwarmApi} from '../../source/docker/swarm-calls.js';
import {toDockerEvent, toSystemInfo} from '../../source/docker/to-domain.js';
import {compareTasks, replacedTasks} from '../../source/state/swarm-state.js';
import {
	imageName,
	serviceCells,
	taskCells,
} from '../../source/ui/format/swarm-rows.js';
import {defined} from '../helpers/defined.js';

function fixture(name: string): unknown {
	return JSON.parse(
		readFileSync(new URL(`../fixtures/api/${name}`, import.meta.url), 'utf8'),
	) as unknown;
}

function list(name: string): unknown[] {
	const value = fixture(name);
	assert.ok(Array.isArray(value), `${name} is an array`);
	return value;
}

const services = list('docker-20.10-swarm-services.json');
const tasks = list('docker-20.10-swarm-tasks.json');
const nodes = list('docker-20.10-swarm-nodes.json');

/** The recorded services without `ServiceStatus`, as engines before API 1.41 list them. */
const servicesWithoutStatus = services.map(service =>
	Object.fromEntries(
		Object.entries(service as Record<string, unknown>).filter(
			([key]) => key !== 'ServiceStatus',
		),
	),
);

describe('Swarm answers mapped to the domain', () => {
	it('maps a recorded service list: mode, replicas running/desired, image', () => {
		const mapped = services.map(service => defined(toSwarmService(service)));
		assert.deepEqual(
			mapped.map(service => [
				service.name,
				service.mode,
				`${service.running}/${service.desired}`,
				service.image,
			]),
			[
				['agent', 'global', '1/1', 'dmtest/busybox:swarm'],
				['web', 'replicated', '2/2', 'dmtest/busybox:swarm'],
				['broken', 'replicated', '0/1', 'dmtest/busybox:swarm'],
			],
		);
		const web = defined(mapped[1]);
		assert.equal(web.id, 'pdevir1by0nidl2y4my56d1l0');
		assert.equal(web.updatedAt, Date.parse('2026-11-28T07:52:04.122817835Z'));
		assert.deepEqual(web.ports, []);
	});

	it('counts running tasks itself where the engine gives no ServiceStatus', () => {
		const counts = countTasks(tasks);
		const mapped = servicesWithoutStatus.map(service =>
			defined(toSwarmService(service, counts)),
		);
		assert.deepEqual(
			mapped.map(
				service => `${service.name} ${service.running}/${service.desired}`,
			),
			// broken's only task failed and is not wanted any more; its replica count still is 1.
			['agent 1/1', 'web 2/2', 'broken 0/1'],
		);
	});

	it('reads published ports from the endpoint, else from the spec', () => {
		const service = defined(
			toSwarmService({
				ID: 'svc',
				Spec: {
					Name: 'api',
					Mode: {Replicated: {Replicas: 1}},
					EndpointSpec: {
						Ports: [{Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080}],
					},
				},
				Endpoint: {},
			}),
		);
		assert.deepEqual(service.ports, [
			{
				privatePort: 80,
				protocol: 'tcp',
				publicPort: 8080,
				publishMode: 'ingress',
			},
		]);
		assert.equal(
			serviceCells(service, Date.now(), undefined).ports,
			'*:8080->80/tcp',
		);
	});

	it('strips control sequences from names an engine sends', () => {
		const service = defined(
			toSwarmService({ID: 'x', Spec: {Name: 'evil\u001B[2Jname'}}),
		);
		assert.equal(service.name, 'evilname');
	});

	it('maps tasks: slot, node, desired and current state, error', () => {
		const mapped = tasks.map(task => defined(toSwarmTask(task)));
		const failed = defined(mapped.find(task => task.state === 'failed'));
		assert.equal(failed.desiredState, 'shutdown');
		assert.equal(failed.error, 'task: non-zero exit (3)');
		assert.equal(failed.slot, 1);
		const global = defined(
			mapped.find(task => task.serviceId.startsWith('48cujpf99')),
		);
		assert.equal(global.slot, undefined, 'a global task has no slot');
		assert.equal(global.nodeId, 'vxc9l9clac7trdr5mcyb3ftw1');
		assert.match(global.containerId, /^c5016d01/);
	});

	it('orders tasks as `docker service ps`: by slot, the newest of each first, the replaced ones under it', () => {
		const base = {
			serviceId: 's',
			nodeId: 'n',
			message: '',
			error: '',
			containerId: '',
			state: 'failed',
			desiredState: 'shutdown',
		};
		const sorted = [
			{...base, id: 'old', slot: 1, createdAt: 1, updatedAt: 2},
			{
				...base,
				id: 'two',
				slot: 2,
				desiredState: 'running',
				state: 'running',
				createdAt: 5,
				updatedAt: 5,
			},
			{...base, id: 'newer', slot: 1, createdAt: 3, updatedAt: 4},
			{
				...base,
				id: 'one',
				slot: 1,
				desiredState: 'running',
				state: 'running',
				createdAt: 8,
				updatedAt: 9,
			},
			// Scaled down: the slot's newest task is shut down, and still its main row.
			{
				...base,
				id: 'three',
				slot: 3,
				state: 'shutdown',
				createdAt: 6,
				updatedAt: 10,
			},
			{...base, id: 'three-old', slot: 3, createdAt: 2, updatedAt: 6},
		].sort(compareTasks);
		assert.deepEqual(
			sorted.map(task => task.id),
			['one', 'newer', 'old', 'two', 'three', 'three-old'],
		);
		const replaced = replacedTasks(sorted);
		assert.deepEqual([...replaced].sort(), ['newer', 'old', 'three-old']);
		const name = (id: string) =>
			taskCells(
				defined(sorted.find(task => task.id === id)),
				'web',
				'vm',
				10_000,
				replaced.has(id),
			).name;
		assert.equal(name('one'), 'web.1');
		assert.equal(name('newer'), String.raw` \_ web.1`);
		assert.equal(name('three'), 'web.3');
		assert.equal(name('three-old'), String.raw` \_ web.3`);
	});

	it('groups a global service’s tasks by node', () => {
		const base = {
			serviceId: 'g',
			message: '',
			error: '',
			containerId: '',
			state: 'running',
			desiredState: 'running',
			updatedAt: 1,
		};
		const sorted = [
			{...base, id: 'b-new', nodeId: 'b', createdAt: 5},
			{
				...base,
				id: 'a-old',
				nodeId: 'a',
				createdAt: 1,
				desiredState: 'shutdown',
			},
			{
				...base,
				id: 'b-old',
				nodeId: 'b',
				createdAt: 2,
				desiredState: 'shutdown',
			},
			{...base, id: 'a-new', nodeId: 'a', createdAt: 4},
		].sort(compareTasks);
		assert.deepEqual(
			sorted.map(task => task.id),
			['a-new', 'a-old', 'b-new', 'b-old'],
		);
		assert.deepEqual([...replacedTasks(sorted)].sort(), ['a-old', 'b-old']);
	});

	it('maps nodes: hostname, role, availability, status, engine, leader', () => {
		const node = defined(toSwarmNode(nodes[0]));
		assert.deepEqual(node, {
			id: 'vxc9l9clac7trdr5mcyb3ftw1',
			hostname: 'vm',
			role: 'manager',
			availability: 'active',
			status: 'ready',
			address: '127.0.0.1',
			engineVersion: '20.10.24+dfsg1',
			managerStatus: 'leader',
		});
	});

	it('tells a manager from an engine outside a Swarm', () => {
		assert.equal(
			toSystemInfo(fixture('docker-20.10-swarm-info.json')).isSwarmManager,
			true,
		);
		assert.equal(
			toSystemInfo(fixture('docker-20.10-info.json')).isSwarmManager,
			false,
		);
		assert.equal(
			toSystemInfo({Swarm: {LocalNodeState: 'active', ControlAvailable: false}})
				.isSwarmManager,
			false,
			'a worker',
		);
	});

	it('names the Swarm a manager manages, and none for an engine outside one', () => {
		assert.equal(
			toSystemInfo(fixture('docker-20.10-swarm-info.json')).swarmCluster,
			't197mbp60v7mrukwoct5w2wir',
		);
		assert.equal(
			toSystemInfo(fixture('docker-20.10-info.json')).swarmCluster,
			undefined,
		);
	});

	it('keeps the type of recorded service and node events', () => {
		const events = readFileSync(
			new URL('../fixtures/events/docker-20.10-swarm.jsonl', import.meta.url),
			'utf8',
		)
			.trim()
			.split('\n')
			.map(line => defined(toDockerEvent(JSON.parse(line))));
		assert.deepEqual(
			events.map(event => `${event.type} ${event.action}`),
			[
				'node update',
				'service create',
				'service create',
				'service create',
				'node update',
				'node update',
				'service remove',
			],
		);
	});

	it('drops the digest a service pins from the image shown', () => {
		assert.equal(
			imageName(`busybox:1.36@sha256:${'ab'.repeat(32)}`),
			'busybox:1.36',
		);
	});
});

describe('scaling and node availability', () => {
	it('scales a replicated spec and keeps the rest of it', () => {
		const raw = defined(services[1]);
		const spec = scaledSpec(raw, 5);
		assert.deepEqual(spec['Mode'], {Replicated: {Replicas: 5}});
		assert.equal(spec['Name'], 'web');
		assert.ok(spec['TaskTemplate'], 'the task template goes back unchanged');
	});

	it('refuses to scale a global service', () => {
		assert.throws(
			() => scaledSpec(services[0], 3),
			(error: unknown) =>
				error instanceof DockerError &&
				error.message.includes(
					'agent: scale can only be used with replicated mode',
				),
		);
	});

	/** An engine API that records what the Swarm calls send. */
	function recordingApi(options: {services: unknown[]}): {
		api: SwarmApi;
		sent: {path: string; body: unknown}[];
		taskFilters: unknown[];
	} {
		const sent: {path: string; body: unknown}[] = [];
		const taskFilters: unknown[] = [];
		const api: SwarmApi = {
			listServices: async () => Promise.resolve(options.services),
			listTasks: async ({filters}) => {
				taskFilters.push(filters);
				return Promise.resolve(tasks);
			},
			listNodes: async () => Promise.resolve(nodes),
			getService: id => ({
				inspect: async () =>
					Promise.resolve(
						services.find(service => (service as {ID: string}).ID === id),
					),
				update: async ({_query, _body}) => {
					sent.push({
						path: `services/${id}/update?version=${_query.version}`,
						body: _body,
					});
					return Promise.resolve({});
				},
				remove: async () => Promise.resolve({}),
				logs: async () => Promise.reject(new Error('not used')),
			}),
			getNode: id => ({
				inspect: async () => Promise.resolve(nodes[0]),
				update: async ({_query, _body}) => {
					sent.push({
						path: `nodes/${id}/update?version=${_query.version}`,
						body: _body,
					});
					return Promise.resolve({});
				},
			}),
		};
		return {api, sent, taskFilters};
	}

	const fail = (error: unknown): never => {
		throw error;
	};

	it('updates a service with the version it last had, as the engine requires', async () => {
		const {api, sent} = recordingApi({services});
		await swarmCalls(api, fail).scaleService('pdevir1by0nidl2y4my56d1l0', 3);
		const [update] = sent;
		assert.equal(sent.length, 1);
		assert.equal(
			update?.path,
			'services/pdevir1by0nidl2y4my56d1l0/update?version=11',
		);
		assert.deepEqual((update.body as {Mode: unknown}).Mode, {
			Replicated: {Replicas: 3},
		});
	});

	it('drains a node by sending its spec back with the new availability', async () => {
		const {api, sent} = recordingApi({services});
		await swarmCalls(api, fail).setNodeAvailability(
			'vxc9l9clac7trdr5mcyb3ftw1',
			'drain',
		);
		assert.deepEqual(sent, [
			{
				path: 'nodes/vxc9l9clac7trdr5mcyb3ftw1/update?version=9',
				body: {Labels: {}, Role: 'manager', Availability: 'drain'},
			},
		]);
	});

	it('lists tasks only for the counts an old engine does not give', async () => {
		const current = recordingApi({services});
		await swarmCalls(current.api, fail).listServices();
		assert.deepEqual(
			current.taskFilters,
			[],
			'API 1.41 counts in the service list',
		);

		const old = recordingApi({services: servicesWithoutStatus});
		const listed = await swarmCalls(old.api, fail).listServices();
		assert.deepEqual(old.taskFilters, [{'desired-state': ['running']}]);
		assert.deepEqual(
			listed.map(service => service.running),
			[1, 2, 0],
		);
	});
});
