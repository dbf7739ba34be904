import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {
	ContainerSummary,
	DockerClient,
	DockerEvent,
} from '../../source/docker/docker-client.js';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {fakeNode, fakeService, makeManager} from '../fakes/fake-swarm.js';
import {waitFor} from '../helpers/wait-for.js';

/** Two fake engines, `lab` (read-only when told) and `prod`, each with one container. */
function twoEngines(options: {readonly labReadOnly?: boolean} = {}) {
	const lab = new FakeDockerClient({
		containers: [fakeContainer({name: 'web'})],
	});
	const prod = new FakeDockerClient({
		containers: [fakeContainer({name: 'web'}), fakeContainer({name: 'db'})],
	});
	const fleet = createFleetClient(
		[
			{
				name: 'lab',
				client: lab,
				readOnly: options.labReadOnly ?? false,
				cli: 'docker --context lab',
			},
			{
				name: 'prod',
				client: prod,
				readOnly: false,
				cli: 'DOCKER_HOST=ssh://prod docker',
			},
		],
		{listWaitMs: 200},
	);
	return {lab, prod, fleet};
}

/** Containers as `engine/name`, sorted, with `stale` where so marked. */
function named(containers: readonly ContainerSummary[]): string[] {
	return containers
		.map(
			container =>
				`${container.engine}/${container.name}${container.stale ? ' stale' : ''}`,
		)
		.sort();
}

/** The fleet's containers, listed now. */
async function rows(fleet: DockerClient): Promise<string[]> {
	return named(await fleet.listContainers());
}

/** The fleet's containers as its engines last gave them, asking none. */
function shownRows(fleet: DockerClient): string[] {
	return named(fleet.fleet?.shown('containers') ?? []);
}

/**
 * `lab`, answering at once, and `prod`, whose container list first waits for `wait`, with any
 * other calls of its own in `overrides`; how often prod's list was asked for is counted.
 */
function fastAndSlow(
	wait: () => Promise<unknown>,
	options: {
		readonly listWaitMs?: number;
		readonly graceMs?: number;
		readonly abandonMs?: number;
		readonly answerWaitMs?: number;
	},
	overrides: Partial<DockerClient> = {},
) {
	const fast = new FakeDockerClient({
		containers: [fakeContainer({name: 'web'})],
	});
	const slow = new FakeDockerClient({
		containers: [fakeContainer({name: 'db'})],
	});
	let asked = 0;
	const fleet = createFleetClient(
		[
			{name: 'lab', client: fast, readOnly: false, cli: 'docker'},
			{
				name: 'prod',
				client: slow.with({
					async listContainers() {
						asked++;
						await wait();
						return slow.listContainers();
					},
					...overrides,
				}),
				readOnly: false,
				cli: 'docker',
			},
		],
		options,
	);
	return {fleet, asked: () => asked};
}

describe('fleet client', () => {
	it('lists every engine’s rows, each tagged with its engine and an id of its own', async () => {
		const {fleet} = twoEngines();
		assert.deepEqual(await rows(fleet), ['lab/web', 'prod/db', 'prod/web']);
		const ids = (await fleet.listContainers()).map(container => container.id);
		assert.equal(new Set(ids).size, 3, 'the two web containers share an id');
	});

	it('sends a call on one object to its engine alone, and names that engine', async () => {
		const {lab, prod, fleet} = twoEngines();
		const prodWeb = (await fleet.listContainers()).find(
			container => container.engine === 'prod' && container.name === 'web',
		);
		assert.ok(prodWeb);
		await fleet.containerAction(prodWeb.id, 'stop');
		assert.deepEqual(prod.actions, ['stop web']);
		assert.deepEqual(lab.actions, []);
		const view = fleet.fleet;
		assert.ok(view);
		assert.equal(view.engineOf(prodWeb.id), 'prod');
		assert.equal(view.cliOf(prodWeb.id), 'DOCKER_HOST=ssh://prod docker');
	});

	it('refuses changes on a read-only engine and makes them on the others', async () => {
		const {lab, prod, fleet} = twoEngines({labReadOnly: true});
		const listed = await fleet.listContainers();
		const labWeb = listed.find(container => container.engine === 'lab');
		const prodDb = listed.find(container => container.name === 'db');
		assert.ok(labWeb && prodDb);
		await assert.rejects(
			fleet.removeContainer(labWeb.id, {force: true, volumes: false}),
			/lab is read-only/,
		);
		await fleet.removeContainer(prodDb.id, {force: true, volumes: false});
		assert.deepEqual(lab.actions, []);
		assert.equal(prod.container('db'), undefined);
	});

	it('keeps a dead engine’s last rows as stale, shows it down, and re-lists it when back', async () => {
		const {lab, prod, fleet} = twoEngines();
		const controller = new AbortController();
		const received: DockerEvent[] = [];
		let changes = 0;
		const unsubscribe = fleet.fleet?.subscribe(() => {
			changes++;
		});
		void (async () => {
			for await (const event of fleet.events(controller.signal)) {
				received.push(event);
			}
		})();
		try {
			await waitFor(
				() =>
					fleet.fleet
						?.engines()
						.every(engine => engine.state.status === 'connected'),
				{timeoutMs: 2000, message: 'both engines connected'},
			);
			assert.deepEqual(await rows(fleet), ['lab/web', 'prod/db', 'prod/web']);

			lab.disconnect();
			const down = await waitFor(
				() =>
					fleet.fleet
						?.engines()
						.find(
							engine => engine.name === 'lab' && engine.state.status === 'down',
						),
				{timeoutMs: 2000, message: 'lab shown down'},
			);
			assert.match(
				down.state.status === 'down' ? down.state.error : '',
				/connection refused/,
			);
			prod.putContainer(fakeContainer({name: 'cache'}));
			prod.emit({type: 'container', id: prod.container('cache')?.id ?? ''});
			assert.deepEqual(await rows(fleet), [
				'lab/web stale',
				'prod/cache',
				'prod/db',
				'prod/web',
			]);
			await waitFor(() => received.some(event => event.type === 'container'), {
				timeoutMs: 2000,
				message: 'prod’s event passed on while lab is down',
			});

			// Made while lab was out of reach: no event of it will come.
			lab.putContainer(fakeContainer({name: 'api'}));
			const before = changes;
			lab.reconnect();
			await waitFor(
				() =>
					fleet.fleet?.engines().find(engine => engine.name === 'lab')?.state
						.status === 'connected',
				{timeoutMs: 3000, message: 'lab connected again'},
			);
			assert.ok(changes > before, 'the comeback was told');
			// Lab listed again by the fleet itself, its rows shown as they are now without a list asked.
			await waitFor(() => shownRows(fleet).includes('lab/api'), {
				timeoutMs: 3000,
				message: `lab's rows re-listed when back: ${shownRows(fleet).join(', ')}`,
			});
			assert.deepEqual(shownRows(fleet), [
				'lab/api',
				'lab/web',
				'prod/cache',
				'prod/db',
				'prod/web',
			]);
		} finally {
			controller.abort();
			unsubscribe?.();
		}
	});

	it('shows an engine that takes the connection but never answers as down, with why, and tries it again', async () => {
		let asked = 0;
		const {fleet} = fastAndSlow(
			async () => Promise.resolve(),
			{answerWaitMs: 50},
			{
				async engineInfo() {
					asked++;
					return new Promise<never>(() => undefined);
				},
			},
		);
		const controller = new AbortController();
		void (async () => {
			for await (const event of fleet.events(controller.signal)) {
				assert.ok(event);
			}
		})();
		try {
			const down = await waitFor(
				() =>
					fleet.fleet
						?.engines()
						.find(
							engine =>
								engine.name === 'prod' && engine.state.status === 'down',
						),
				{timeoutMs: 2000, message: 'the silent engine shown down'},
			);
			assert.equal(
				down.state.status === 'down' ? down.state.error : '',
				'no answer within 0.05 s',
			);
			await waitFor(() => asked >= 2, {
				timeoutMs: 3000,
				message: 'the silent engine asked again',
			});
		} finally {
			controller.abort();
		}
	});

	it('lists each engine’s rows as it answers: a slow one holds up the others by the grace only', async () => {
		let release = (): void => undefined;
		const held = new Promise<void>(resolve => {
			release = resolve;
		});
		const {fleet} = fastAndSlow(async () => held, {
			listWaitMs: 60_000,
			graceMs: 20,
		});
		let told = 0;
		fleet.fleet?.subscribe(() => {
			told++;
		});
		const started = performance.now();
		assert.deepEqual(await rows(fleet), ['lab/web']);
		assert.ok(performance.now() - started < 5000, 'waited for the slow engine');
		release();
		await waitFor(() => told > 0, {
			timeoutMs: 2000,
			message: 'the late answer told',
		});
		assert.deepEqual(await rows(fleet), ['lab/web', 'prod/db']);
	});

	it('shows a late answer with the next list without asking again: an engine always a little slow asks for no more lists', async () => {
		const {fleet, asked} = fastAndSlow(
			async () =>
				new Promise(resolve => {
					setTimeout(resolve, 100);
				}),
			{listWaitMs: 60_000, graceMs: 5},
		);
		const told: (string | undefined)[] = [];
		fleet.fleet?.subscribe(list => {
			told.push(list);
		});
		assert.deepEqual(await rows(fleet), ['lab/web']);
		await waitFor(() => told.length === 1, {
			timeoutMs: 2000,
			message: 'the late answer told',
		});
		// Naming its list, which the feed then shows as the engines last gave it.
		assert.deepEqual(told, ['containers']);
		assert.deepEqual(shownRows(fleet), ['lab/web', 'prod/db']);
		// Not asked again: nothing is pending that could ask for another list.
		assert.equal(asked(), 1);
	});

	it('asks a slow engine no more often than it answers, however often its list is wanted', async () => {
		let release = (): void => undefined;
		const {fleet, asked} = fastAndSlow(
			async () =>
				new Promise<void>(resolve => {
					release = resolve;
				}),
			{listWaitMs: 60_000, graceMs: 5},
		);
		// Three lists wanted while prod's first answer is coming: the two later ones share one more.
		await Promise.all([rows(fleet), rows(fleet), rows(fleet)]);
		assert.equal(asked(), 1);
		release();
		await waitFor(() => asked() === 2, {
			timeoutMs: 2000,
			message: 'one more list asked once the first was answered',
		});
		release();
		assert.deepEqual(await rows(fleet), ['lab/web', 'prod/db']);
		assert.equal(asked(), 3);
	});

	it('gives up a list that never comes, and asks again the next time', async () => {
		let isSilent = true;
		const {fleet, asked} = fastAndSlow(
			async () =>
				isSilent ? new Promise<never>(() => undefined) : Promise.resolve(),
			{listWaitMs: 20, graceMs: 5, abandonMs: 50},
		);
		assert.deepEqual(await rows(fleet), ['lab/web']);
		isSilent = false;
		await waitFor(async () => (await rows(fleet)).includes('prod/db'), {
			timeoutMs: 3000,
			message: 'prod asked again after its silent list',
		});
		assert.ok(asked() >= 2);
	});

	it('shows a slow engine’s last rows as they were until it is late, then stale, and says when', async () => {
		const lab = new FakeDockerClient({
			containers: [fakeContainer({name: 'web'})],
		});
		const other = new FakeDockerClient({
			containers: [fakeContainer({name: 'db'})],
		});
		const gate: {held?: Promise<void>} = {};
		const fleet = createFleetClient(
			[
				{
					name: 'lab',
					client: lab.with({
						async listContainers() {
							await gate.held;
							return lab.listContainers();
						},
					}),
					readOnly: false,
					cli: 'docker',
				},
				{name: 'prod', client: other, readOnly: false, cli: 'docker'},
			],
			{listWaitMs: 300, graceMs: 10},
		);
		assert.deepEqual(await rows(fleet), ['lab/web', 'prod/db']);
		gate.held = new Promise(() => undefined);
		assert.deepEqual(await rows(fleet), ['lab/web', 'prod/db']);
		let told = false;
		fleet.fleet?.subscribe(() => {
			told = true;
		});
		await waitFor(() => told, {
			timeoutMs: 2000,
			message: 'turning stale told',
		});
		assert.deepEqual(await rows(fleet), ['lab/web stale', 'prod/db']);
	});

	it('lists a slow engine’s last rows, stale, rather than wait for it', async () => {
		const lab = new FakeDockerClient({
			containers: [fakeContainer({name: 'web'})],
		});
		const gate: {held?: Promise<void>} = {};
		let release = (): void => undefined;
		const slow = lab.with({
			async listContainers() {
				await gate.held;
				return lab.listContainers();
			},
		});
		const fleet = createFleetClient(
			[{name: 'lab', client: slow, readOnly: false, cli: 'docker'}],
			{listWaitMs: 50},
		);
		assert.deepEqual(await rows(fleet), ['lab/web']);
		gate.held = new Promise(resolve => {
			release = resolve;
		});
		let told = false;
		fleet.fleet?.subscribe(() => {
			told = true;
		});
		assert.deepEqual(await rows(fleet), ['lab/web stale']);
		release();
		await waitFor(() => told, {
			timeoutMs: 2000,
			message: 'the late list told',
		});
	});

	it('lists a Swarm managed by two of its engines once, from the writable one', async () => {
		const web = fakeService({name: 'web'});
		const node = fakeNode({hostname: 'manager-1'});
		const [lab, prod, other] = [0, 1, 2].map(() => new FakeDockerClient());
		for (const [engine, cluster] of [
			[lab, 'swarm-a'],
			[prod, 'swarm-a'],
			[other, 'swarm-b'],
		] as const) {
			if (engine !== undefined) {
				makeManager(engine, {services: [web], nodes: [node]});
				engine.system = {...engine.system, swarmCluster: cluster};
			}
		}

		const fleet = createFleetClient([
			{
				name: 'lab',
				client: lab ?? new FakeDockerClient(),
				readOnly: true,
				cli: 'docker',
			},
			{
				name: 'prod',
				client: prod ?? new FakeDockerClient(),
				readOnly: false,
				cli: 'docker',
			},
			{
				name: 'other',
				client: other ?? new FakeDockerClient(),
				readOnly: false,
				cli: 'docker',
			},
		]);
		await fleet.systemInfo();
		const listed = await fleet.listServices();
		assert.deepEqual(
			listed.map(service => fleet.fleet?.engineOf(service.id)).sort(),
			['other', 'prod'],
		);
		assert.equal((await fleet.listNodes()).length, 2);
	});
});
