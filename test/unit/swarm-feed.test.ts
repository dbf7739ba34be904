import assert from 'node:assert/strict';
import {listViewAtTop} from '../../source/state/list-view.js';
import {fakeEvent} from '../fakes/fake-events.js';
import {afterEach, describe, it} from 'node:test';
import {createSwarmFeed} from '../../source/runtime/swarm-feed.js';
import {
	initialState,
	type AppState,
	type Pane,
	type Update,
} from '../../source/state/app-state.js';
import {createStore} from '../../source/state/store.js';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';
import {ManualScheduler, settler} from '../fakes/manual-scheduler.js';
import {
	fakeNode,
	fakeService,
	fakeTask,
	makeManager,
} from '../fakes/fake-swarm.js';
import {paneFocused, keepSelection} from '../../source/state/selection.js';
import {dialogOpened} from '../../source/state/dialog-slot.js';

const settle = settler(4);
const web = fakeService({name: 'web', running: 2, desired: 2});
const api = fakeService({name: 'api'});
const node = fakeNode({hostname: 'vm'});

const controllers: AbortController[] = [];

afterEach(() => {
	for (const controller of controllers.splice(0)) {
		controller.abort();
	}
});

function start(fake: FakeDockerClient) {
	const clock = new ManualScheduler({settle});
	const store = createStore(
		initialState({endpoint: fake.endpoint, readOnly: false, now: clock.time}),
	);
	const dispatch = (update: Update): void => {
		store.update(state => keepSelection(state, update(state)));
	};

	const controller = new AbortController();
	controllers.push(controller);
	const feed = createSwarmFeed({
		docker: fake,
		store,
		dispatch,
		schedule: clock.schedule,
		now: clock.now,
		timing: {relistIntervalMs: 100, pollIntervalMs: 2000},
		signal: controller.signal,
	});
	return {feed, clock, store, dispatch};
}

const names = (state: AppState): string[] =>
	[...state.swarm.services.byId.values()].map(service => service.name).sort();

describe('the Swarm feed', () => {
	it('lists nothing and offers no Swarm panes on an engine outside a Swarm', async () => {
		const fake = new FakeDockerClient();
		const {feed, store} = start(fake);
		await feed.relist();
		assert.equal(store.getState().swarm.isManager, false);
		assert.equal(fake.calls.listServices, 0);
		assert.equal(fake.calls.listNodes, 0);
	});

	it('lists services and nodes on a manager, and re-lists the kind an event names', async () => {
		const fake = new FakeDockerClient();
		makeManager(fake, {services: [web], nodes: [node]});
		const {feed, store, clock} = start(fake);
		await feed.relist();
		assert.equal(store.getState().swarm.isManager, true);
		assert.deepEqual(names(store.getState()), ['web']);
		assert.equal(store.getState().swarm.nodes.byId.size, 1);

		fake.services = [web, api];
		feed.onEvent(
			fakeEvent({
				type: 'node',
				action: 'update',
				id: node.id,
				name: 'vm',
				time: clock.time,
			}),
		);
		await clock.advance(0);
		assert.deepEqual(
			names(store.getState()),
			['web'],
			'a node event lists nodes only',
		);
		feed.onEvent(
			fakeEvent({
				type: 'service',
				action: 'create',
				id: api.id,
				name: 'api',
				time: clock.time,
			}),
		);
		await clock.advance(0);
		assert.deepEqual(names(store.getState()), ['api', 'web']);
	});

	it('finds out that the engine became a manager from a Swarm event', async () => {
		const fake = new FakeDockerClient();
		const {feed, store, clock} = start(fake);
		await feed.relist();
		makeManager(fake, {services: [web], nodes: [node]});
		feed.onEvent(
			fakeEvent({
				type: 'node',
				action: 'update',
				id: node.id,
				name: 'vm',
				time: clock.time,
				timeNano: 0,
			}),
		);
		await clock.advance(0);
		assert.equal(store.getState().swarm.isManager, true);
		assert.deepEqual(names(store.getState()), ['web']);
	});

	it('polls the selected service’s tasks only while the Services pane is on screen', async () => {
		const fake = new FakeDockerClient();
		makeManager(fake, {
			services: [web],
			tasks: [fakeTask(web, 1), fakeTask(web, 2, {state: 'starting'})],
			nodes: [node],
		});
		const {feed, store, clock, dispatch} = start(fake);
		await feed.relist();
		assert.equal(
			fake.calls.listTasks,
			0,
			'no tasks while the pane is not shown',
		);

		const focus = (pane: Pane): void => {
			dispatch(paneFocused(pane));
		};

		focus('services');
		await clock.advance(0);
		assert.equal(fake.calls.listTasks, 1);
		assert.deepEqual(
			store.getState().swarm.tasks.tasks.map(task => task.state),
			['running', 'starting'],
		);

		fake.tasks = [fakeTask(web, 1), fakeTask(web, 2)];
		await clock.advance(2000);
		assert.equal(fake.calls.listTasks, 2);
		assert.deepEqual(
			store.getState().swarm.tasks.tasks.map(task => task.state),
			['running', 'running'],
		);

		dispatch(dialogOpened({kind: 'help', list: listViewAtTop}));
		await clock.advance(10_000);
		assert.equal(fake.calls.listTasks, 2, 'a dialog hides the pane: no poll');

		dispatch(state => ({...state, ui: {...state.ui, dialog: undefined}}));
		await clock.advance(0);
		assert.equal(fake.calls.listTasks, 3, 'back on screen: listed at once');
		focus('containers');
		await clock.advance(10_000);
		assert.equal(fake.calls.listTasks, 3, 'another pane: no poll');
		assert.deepEqual(clock.pending, [], 'no timer is left behind');
	});
});
