import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {DockerError} from '../../source/docker/errors.js';
import {startOomProbe} from '../../source/runtime/oom-probe.js';
import {initialState, type AppState} from '../../source/state/app-state.js';
import {createStore, type Store} from '../../source/state/store.js';
import {oomReported} from '../../source/state/resources.js';
import {containersListed} from '../../source/state/updates.js';
import {oomKilledDetails} from '../fakes/fake-details.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {ManualScheduler, settler} from '../fakes/manual-scheduler.js';

const settle = settler(3);

/** The probe started on `docker`, with a store of its own. */
function probing(docker: FakeDockerClient): {
	store: Store<AppState>;
	controller: AbortController;
} {
	const store = createStore(
		initialState({endpoint: 'fake://engine', readOnly: false, now: 0}),
	);
	const clock = new ManualScheduler({settle});
	const controller = new AbortController();
	startOomProbe({
		docker,
		store,
		dispatch: update => {
			store.update(update);
		},
		schedule: clock.schedule,
		now: clock.now,
		signal: controller.signal,
	});
	return {store, controller};
}

describe('the OOM probe', () => {
	it('asks again about a container whose inspect failed, on the next change of the list', async () => {
		const starved = fakeContainer({
			name: 'starved',
			state: 'exited',
			status: 'Exited (137) 2 seconds ago',
		});
		const docker = new FakeDockerClient({containers: [starved]});
		docker.containerDetails.set(starved.id, oomKilledDetails);
		docker.failNext(
			'inspectContainer',
			new DockerError('unreachable', 'the engine did not answer'),
		);
		const {store, controller} = probing(docker);
		store.update(containersListed([starved], 1));
		await settle();
		assert.equal(store.getState().resources.oomKilled.has(starved.id), false);

		// The next list (any change) asks again, and this time the engine answers.
		store.update(
			containersListed([{...starved, status: 'Exited (137) 3 seconds ago'}], 2),
		);
		await settle();
		assert.equal(store.getState().resources.oomKilled.has(starved.id), true);
		controller.abort();
	});

	it('asks again when the engine reports an OOM kill after the exit it already answered for', async () => {
		const starved = fakeContainer({
			name: 'starved',
			state: 'exited',
			status: 'Exited (137) 1 second ago',
		});
		const docker = new FakeDockerClient({containers: [starved]});
		const {store, controller} = probing(docker);
		// Asked at the exit, before the engine handled the OOM: not (yet) OOM-killed.
		store.update(containersListed([starved], 1));
		await settle();
		assert.equal(store.getState().resources.oomKilled.has(starved.id), false);

		// The engine marks the kill, then sends the oom event; the list itself does not change.
		docker.containerDetails.set(starved.id, oomKilledDetails);
		store.update(oomReported(starved.id));
		await settle();
		assert.equal(store.getState().resources.oomKilled.has(starved.id), true);
		controller.abort();
	});
});
