import assert from 'node:assert/strict';
import {fakeEvent} from '../fakes/fake-events.js';
import {describe, it} from 'node:test';
import {DockerError} from '../../source/docker/errors.js';
import {
	createEventLogFeed,
	eventBatchMs,
} from '../../source/runtime/event-log-feed.js';
import {initialState, type Update} from '../../source/state/app-state.js';
import {eventHistoryMs} from '../../source/state/events.js';
import {createStore} from '../../source/state/store.js';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';
import {ManualScheduler, settler} from '../fakes/manual-scheduler.js';

function setup() {
	const clock = new ManualScheduler({settle: settler(3)});
	const docker = new FakeDockerClient();
	const store = createStore(
		initialState({endpoint: docker.endpoint, readOnly: false, now: clock.time}),
	);
	let commits = 0;
	store.subscribe(() => {
		commits++;
	});
	const controller = new AbortController();
	const feed = createEventLogFeed({
		docker,
		dispatch(update: Update) {
			store.update(update);
		},
		schedule: clock.schedule,
		now: clock.now,
		signal: controller.signal,
	});
	return {
		clock,
		docker,
		feed,
		controller,
		actions: () => store.getState().events.items.map(event => event.action),
		commits: () => commits,
	};
}

describe('the event log feed', () => {
	it('adds the last ten minutes on connect, then the stream, each event once', async () => {
		const {clock, docker, feed, actions} = setup();
		docker.eventHistory.push(
			fakeEvent({action: 'too old', time: clock.time - eventHistoryMs - 1}),
			fakeEvent({action: 'die', time: clock.time - 60_000}),
			fakeEvent({action: 'start', time: clock.time - 1000}),
		);
		await feed.relist();
		assert.equal(docker.calls.pastEvents, 1);
		// The stream also reports an event the history had: it shows once.
		feed.onEvent(fakeEvent({action: 'start', time: clock.time - 1000}));
		feed.onEvent(fakeEvent({action: 'restart', time: clock.time + 5}));
		await clock.advance(eventBatchMs);
		assert.deepEqual(actions(), ['restart', 'start', 'die']);
	});

	it('commits a burst once per batch', async () => {
		const {clock, feed, actions, commits} = setup();
		for (let index = 0; index < 200; index++) {
			feed.onEvent(fakeEvent({action: `a${index}`, time: clock.time + index}));
		}

		await clock.advance(eventBatchMs - 1);
		assert.equal(commits(), 0);
		await clock.advance(1);
		assert.equal(commits(), 1);
		assert.equal(actions().length, 200);
		assert.equal(actions()[0], 'a199');
	});

	it('starts with the stream alone when the engine keeps no history', async () => {
		const {clock, docker, feed, actions} = setup();
		docker.failNext(
			'pastEvents',
			new DockerError('server', 'events are disabled'),
		);
		await feed.relist();
		feed.onEvent(fakeEvent({action: 'start', time: clock.time}));
		await clock.advance(eventBatchMs);
		assert.deepEqual(actions(), ['start']);
	});

	it('commits nothing after it is stopped', async () => {
		const {clock, feed, controller, commits} = setup();
		feed.onEvent(fakeEvent({action: 'start', time: clock.time}));
		controller.abort();
		await clock.advance(eventBatchMs * 2);
		assert.equal(commits(), 0);
	});
});
