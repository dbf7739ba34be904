import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import type {
	DockerClient,
	DockerEvent,
} from '../../source/docker/docker-client.js';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {createPruneActions} from '../../source/runtime/prune-actions.js';
import {
	initialState,
	withUi,
	type AppState,
} from '../../source/state/app-state.js';
import {pruneOpened} from '../../source/state/prune-dialog.js';
import {createStore} from '../../source/state/store.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {waitFor} from '../helpers/wait-for.js';

/** An engine with one stopped container, `job`. */
function engineWithJob(): FakeDockerClient {
	return new FakeDockerClient({
		containers: [
			fakeContainer({name: 'job', state: 'exited', status: 'Exited (0)'}),
		],
	});
}

const following = new AbortController();
after(() => {
	following.abort();
});

/** Follows the fleet's events until every engine of `names` is connected, as dockmate does. */
async function connected(
	client: DockerClient,
	names: readonly string[],
): Promise<void> {
	void (async () => {
		const seen: DockerEvent[] = [];
		// The engines' states are what is wanted, not the events.
		for await (const event of client.events(following.signal)) {
			seen.push(event);
		}
	})().catch(() => undefined);
	await waitFor(
		() =>
			names.every(name =>
				client.fleet
					?.engines()
					.some(
						engine =>
							engine.name === name && engine.state.status === 'connected',
					),
			),
		{timeoutMs: 5000, message: `${names.join(', ')} connected`},
	);
}

describe('the prune of a fleet', () => {
	it('names an engine not connected yet and previews the others without waiting for it', async () => {
		const lab = engineWithJob();
		const silent = engineWithJob();
		const client = createFleetClient([
			{name: 'lab', client: lab, readOnly: false, cli: 'docker'},
			{
				name: 'silent',
				// It never answers, not even its version.
				client: silent.with({
					engineInfo: async () => new Promise<never>(() => undefined),
				}),
				readOnly: false,
				cli: 'docker',
			},
		]);
		await connected(client, ['lab']);
		const store = createStore<AppState>(
			pruneOpened(initialState({endpoint: 'x', readOnly: false, now: 0})),
		);
		const prune = createPruneActions({
			docker: client,
			store,
			dispatch: store.update,
			now: Date.now,
			previewWaitMs: 2000,
		});
		await prune.preview();
		const {dialog} = store.getState().ui;
		assert.ok(dialog?.kind === 'prune');
		assert.deepEqual(dialog.engines, [
			{name: 'lab', note: undefined},
			{name: 'silent', note: 'not connected yet, not pruned'},
		]);
	});

	it('names an engine that does not answer in time and previews the others without it', async () => {
		const lab = engineWithJob();
		const slow = engineWithJob();
		const client = createFleetClient([
			{name: 'lab', client: lab, readOnly: false, cli: 'docker'},
			{
				name: 'slow',
				// Its disk usage never comes.
				client: slow.with({
					diskUsage: async () => new Promise<never>(() => undefined),
				}),
				readOnly: false,
				cli: 'docker',
			},
		]);
		await connected(client, ['lab', 'slow']);
		const store = createStore<AppState>(
			pruneOpened(initialState({endpoint: 'x', readOnly: false, now: 0})),
		);
		const prune = createPruneActions({
			docker: client,
			store,
			dispatch: store.update,
			now: Date.now,
			previewWaitMs: 50,
		});
		await prune.preview();
		const {dialog} = store.getState().ui;
		assert.ok(dialog?.kind === 'prune');
		assert.equal(dialog.stage, 'preview');
		assert.deepEqual(dialog.engines, [
			{name: 'lab', note: undefined},
			{name: 'slow', note: 'not pruned: no answer within 0.05 s'},
		]);
		assert.deepEqual(
			dialog.items.map(item => `${item.engine ?? ''} ${item.name}`),
			['lab job'],
		);
	});

	it('prunes only the engine shown alone (F), and lists no other', async () => {
		const lab = engineWithJob();
		const prod = engineWithJob();
		const client = createFleetClient([
			{name: 'lab', client: lab, readOnly: false, cli: 'docker'},
			{name: 'prod', client: prod, readOnly: false, cli: 'docker'},
		]);
		await connected(client, ['lab', 'prod']);
		const opened = pruneOpened(
			initialState({endpoint: 'x', readOnly: false, now: 0}),
		);
		const store = createStore<AppState>(withUi(opened, {engine: 'prod'}));
		const prune = createPruneActions({
			docker: client,
			store,
			dispatch: store.update,
			now: Date.now,
		});
		await prune.preview();
		const {dialog} = store.getState().ui;
		assert.ok(dialog?.kind === 'prune');
		assert.deepEqual(dialog.engines, [{name: 'prod', note: undefined}]);
		assert.deepEqual(
			dialog.items.map(item => `${item.engine ?? ''} ${item.name}`),
			['prod job'],
		);
		await prune.run();
		assert.deepEqual(
			(await prod.listContainers()).map(container => container.name),
			[],
		);
		assert.deepEqual(
			(await lab.listContainers()).map(container => container.name),
			['job'],
		);
	});
});
