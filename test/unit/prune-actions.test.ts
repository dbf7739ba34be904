import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {createPruneActions} from '../../source/runtime/prune-actions.js';
import {initialState, type AppState} from '../../source/state/app-state.js';
import {pruneOpened} from '../../source/state/prune-dialog.js';
import {createStore} from '../../source/state/store.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';

/** An engine with one stopped container, `job`. */
function engineWithJob(): FakeDockerClient {
	return new FakeDockerClient({
		containers: [
			fakeContainer({name: 'job', state: 'exited', status: 'Exited (0)'}),
		],
	});
}

describe('the prune of a fleet', () => {
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
});
