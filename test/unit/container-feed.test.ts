import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import type {
	ContainerSummary,
	DockerClient,
} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {
	startContainerFeed,
	type FeedTiming,
} from '../../source/runtime/container-feed.js';
import {
	initialState,
	type AppState,
	type Connection,
	type Update,
} from '../../source/state/app-state.js';
import {createStore} from '../../source/state/store.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
	fakeNetwork,
	fakeVolume,
} from '../fakes/fake-docker-client.js';
import {ManualScheduler, settler} from '../fakes/manual-scheduler.js';
import {keepSelection} from '../../source/state/selection.js';

/** Lets every queued promise reaction run; no time passes. */
const settle = settler(3);

const timing: FeedTiming = {
	relistIntervalMs: 100,
	backoffMs: 500,
	maxBackoffMs: 4000,
	// Far beyond what these tests advance the clock: the settle re-list has a test of its own.
	settleMs: 1_000_000,
};

const web = fakeContainer({name: 'web', imageId: 'sha256:nginx'});
const db = fakeContainer({name: 'db', imageId: 'sha256:pg'});
const nginx = fakeImage({id: 'sha256:nginx', tags: ['nginx:1.27']});

type Feed = {
	readonly fake: FakeDockerClient;
	readonly clock: ManualScheduler;
	readonly controller: AbortController;
	readonly done: Promise<void>;
	readonly state: () => AppState;
	/** Every connection the feed reported, in order, starting with the initial one. */
	readonly connections: Connection[];
};

const running: Feed[] = [];

function start(
	options: {
		fake?: FakeDockerClient;
		docker?: DockerClient;
		clock?: ManualScheduler;
		timing?: FeedTiming;
	} = {},
): Feed {
	const fake =
		options.fake ??
		new FakeDockerClient({containers: [web, db], images: [nginx]});
	const clock = options.clock ?? new ManualScheduler({settle});
	const store = createStore(
		initialState({endpoint: fake.endpoint, readOnly: false, now: clock.time}),
	);
	const connections: Connection[] = [store.getState().connection];
	store.subscribe(() => {
		const {connection} = store.getState();
		if (connection !== connections.at(-1)) {
			connections.push(connection);
		}
	});
	const controller = new AbortController();
	const done = startContainerFeed({
		docker: options.docker ?? fake,
		dispatch(update: Update) {
			store.update(state => keepSelection(state, update(state)));
		},
		schedule: clock.schedule,
		now: clock.now,
		timing: options.timing ?? timing,
		signal: controller.signal,
	});
	const feed = {
		fake,
		clock,
		controller,
		done,
		state: store.getState,
		connections,
	};
	running.push(feed);
	return feed;
}

afterEach(async () => {
	for (const feed of running.splice(0)) {
		feed.controller.abort();
		await feed.done;
	}
});

function containerNames(state: AppState): string[] {
	return [...state.containers.byId.values()]
		.map(container => container.name)
		.sort();
}

function downs(feed: Feed): Extract<Connection, {status: 'down'}>[] {
	return feed.connections.filter(
		(connection): connection is Extract<Connection, {status: 'down'}> =>
			connection.status === 'down',
	);
}

describe('startContainerFeed', () => {
	it('goes from connecting to up, with the engine and both lists loaded', async () => {
		const feed = start();
		assert.deepEqual(feed.state().connection, {status: 'connecting'});
		await settle();
		assert.deepEqual(
			feed.connections.map(connection => connection.status),
			['connecting', 'up'],
		);
		const state = feed.state();
		assert.equal(state.engine?.product, 'Docker');
		assert.equal(state.containers.loaded, true);
		assert.equal(state.images.loaded, true);
		assert.deepEqual(containerNames(state), ['db', 'web']);
		assert.deepEqual([...state.images.byId.keys()], ['sha256:nginx']);
		assert.equal(feed.fake.openEventStreams, 1);
	});

	it('subscribes to events no later than it lists', async () => {
		const fake = new FakeDockerClient({containers: [web]});
		const order: string[] = [];
		const docker = fake.with({
			async listContainers() {
				order.push(`list (streams open: ${fake.openEventStreams})`);
				return fake.listContainers();
			},
		});
		start({fake, docker});
		await settle();
		assert.equal(order[0], 'list (streams open: 1)');
	});

	it('lists without waiting for the engine to identify itself', async () => {
		const fake = new FakeDockerClient({containers: [web]});
		const docker = fake.with({
			// Unanswered until the feed gives up on it.
			engineInfo: async signal =>
				new Promise((_resolve, reject) => {
					signal?.addEventListener('abort', () => {
						reject(new Error('aborted'));
					});
				}),
		});
		const feed = start({fake, docker});
		await settle();
		assert.deepEqual(containerNames(feed.state()), ['web']);
		assert.equal(feed.state().engine, undefined);
	});

	it('re-lists containers once per interval for a burst of container events, and images not at all', async () => {
		const feed = start();
		await feed.clock.advance(1000);
		const containerLists = feed.fake.calls.listContainers;
		const imageLists = feed.fake.calls.listImages;
		feed.fake.putContainer(fakeContainer({name: 'new'}));
		for (let index = 0; index < 200; index++) {
			feed.fake.emit({type: 'container', id: web.id, action: 'start'});
		}

		await settle();
		assert.equal(feed.fake.calls.listContainers, containerLists + 1);
		await feed.clock.advance(timing.relistIntervalMs);
		assert.equal(feed.fake.calls.listContainers, containerLists + 2);
		await feed.clock.advance(10_000);
		assert.equal(feed.fake.calls.listContainers, containerLists + 2);
		assert.equal(feed.fake.calls.listImages, imageLists);
		assert.deepEqual(containerNames(feed.state()), ['db', 'new', 'web']);
	});

	it('re-lists once more a little after the last container event, for state the list shows late', async () => {
		const feed = start({timing: {...timing, settleMs: 400}});
		await feed.clock.advance(1000);
		const containerLists = feed.fake.calls.listContainers;
		feed.fake.emit({type: 'container', id: web.id, action: 'pause'});
		await settle();
		assert.equal(feed.fake.calls.listContainers, containerLists + 1);
		await feed.clock.advance(200);
		feed.fake.emit({type: 'container', id: web.id, action: 'unpause'});
		await feed.clock.advance(399);
		const beforeSettle = feed.fake.calls.listContainers;
		await feed.clock.advance(1);
		assert.equal(feed.fake.calls.listContainers, beforeSettle + 1);
		await feed.clock.advance(10_000);
		assert.equal(feed.fake.calls.listContainers, beforeSettle + 1);
	});

	it('re-lists images on image events and ignores other kinds', async () => {
		const feed = start();
		await feed.clock.advance(1000);
		const containerLists = feed.fake.calls.listContainers;
		const imageLists = feed.fake.calls.listImages;
		feed.fake.putImage(fakeImage({id: 'sha256:new', tags: ['new:1']}));
		feed.fake.emit({type: 'image', id: 'sha256:new', action: 'pull'});
		feed.fake.emit({type: 'other', id: 'net', action: 'connect'});
		await feed.clock.advance(1000);
		assert.equal(feed.fake.calls.listImages, imageLists + 1);
		assert.equal(feed.fake.calls.listContainers, containerLists);
		assert.ok(feed.state().images.byId.has('sha256:new'));
	});

	it('lists volumes and networks, and re-lists each on its own events, a burst at a time', async () => {
		const feed = start();
		await feed.clock.advance(1000);
		assert.equal(feed.state().volumes.loaded, true);
		assert.equal(feed.state().networks.loaded, true);
		const volumeLists = feed.fake.calls.listVolumes;
		const networkLists = feed.fake.calls.listNetworks;
		feed.fake.volumes = [fakeVolume({name: 'data'})];
		for (let index = 0; index < 50; index++) {
			feed.fake.emit({type: 'volume', id: 'data', action: 'mount'});
		}

		await feed.clock.advance(1000);
		assert.ok(feed.state().volumes.byId.has('data'));
		assert.ok(
			feed.fake.calls.listVolumes - volumeLists <= 2,
			`${feed.fake.calls.listVolumes - volumeLists} volume lists`,
		);
		assert.equal(feed.fake.calls.listNetworks, networkLists);
		feed.fake.networks = [fakeNetwork({name: 'backend'})];
		feed.fake.emit({type: 'network', id: 'n', action: 'create'});
		await feed.clock.advance(1000);
		assert.equal(feed.fake.calls.listNetworks, networkLists + 1);
		assert.deepEqual(
			[...feed.state().networks.byId.values()].map(network => network.name),
			['backend'],
		);
	});

	it('keeps the old rows when a re-list fails', async () => {
		const feed = start();
		await feed.clock.advance(1000);
		const before = feed.state().containers;
		feed.fake.failNext(
			'listContainers',
			new DockerError('server', 'the engine had a bad day'),
		);
		feed.fake.deleteContainer(web.id);
		feed.fake.emit({type: 'container', id: web.id, action: 'destroy'});
		await settle();
		assert.equal(feed.state().containers, before);
		assert.equal(feed.state().connection.status, 'up');
	});

	it('reports down at once, with the error and when it retries', async () => {
		const feed = start();
		await feed.clock.advance(1000);
		const droppedAt = feed.clock.time;
		feed.fake.disconnect();
		await settle();
		assert.deepEqual(feed.state().connection, {
			status: 'down',
			error:
				'cannot connect to the Docker engine at fake://engine: connection refused',
			retryAt: droppedAt + timing.backoffMs,
		});
		assert.equal(feed.fake.openEventStreams, 0);
	});

	it('doubles the backoff on each failed attempt, up to the maximum', async () => {
		const feed = start();
		await settle();
		feed.fake.disconnect();
		const delays: number[] = [];
		for (let attempt = 0; attempt < 6; attempt++) {
			await settle();
			const connection = feed.state().connection;
			assert.equal(connection.status, 'down');
			delays.push(connection.retryAt - feed.clock.time);
			assert.ok(
				feed.clock.pending.includes(connection.retryAt - feed.clock.time),
				'a timer waits until retryAt',
			);
			await feed.clock.advance(connection.retryAt - feed.clock.time);
		}

		assert.deepEqual(delays, [500, 1000, 2000, 4000, 4000, 4000]);
		// The first connect, then one attempt after each of the six waits; every attempt failed.
		assert.equal(feed.fake.calls.engineInfo, 7);
		assert.equal(downs(feed).length, 7);
		assert.equal(feed.state().connection.status, 'down');
	});

	it('re-lists after reconnecting and reports up again', async () => {
		const feed = start();
		await settle();
		const listsBefore = feed.fake.calls.listContainers;
		feed.fake.disconnect();
		await feed.clock.advance(timing.backoffMs);
		// While it was away, a container was created and another removed.
		feed.fake.deleteContainer(db.id);
		feed.fake.putContainer(fakeContainer({name: 'cache'}));
		feed.fake.reconnect();
		await feed.clock.advance(2 * timing.backoffMs);
		assert.deepEqual(feed.state().connection, {status: 'up'});
		assert.deepEqual(
			feed.connections.map(connection => connection.status),
			['connecting', 'up', 'down', 'down', 'up'],
		);
		assert.ok(feed.fake.calls.listContainers > listsBefore);
		assert.deepEqual(containerNames(feed.state()), ['cache', 'web']);
		assert.equal(feed.fake.openEventStreams, 1);
	});

	/** A feed whose connection dropped, whose retries after 500 and 1000 ms failed, and whose third one (2000 ms on) got it up again. */
	async function upAfterTwoFailedRetries(): Promise<Feed> {
		const feed = start();
		await settle();
		feed.fake.disconnect();
		await feed.clock.advance(500);
		await feed.clock.advance(1000);
		feed.fake.reconnect();
		await feed.clock.advance(2000);
		assert.equal(feed.state().connection.status, 'up');
		return feed;
	}

	it('keeps backing off when a reconnection drops again at once', async () => {
		const feed = await upAfterTwoFailedRetries();
		feed.fake.disconnect();
		await settle();
		const connection = feed.state().connection;
		assert.equal(connection.status, 'down');
		assert.equal(connection.retryAt - feed.clock.time, 4000);
	});

	it('starts the backoff over after a connection that stayed up a while', async () => {
		const feed = await upAfterTwoFailedRetries();
		await feed.clock.advance(timing.maxBackoffMs + 1);
		feed.fake.disconnect();
		await settle();
		const connection = feed.state().connection;
		assert.equal(connection.status, 'down');
		assert.equal(connection.retryAt - feed.clock.time, timing.backoffMs);
	});

	it('reports down when the engine cannot be reached at start', async () => {
		const fake = new FakeDockerClient({containers: [web]});
		fake.disconnect();
		const feed = start({fake});
		await settle();
		assert.equal(feed.state().connection.status, 'down');
		assert.equal(feed.state().containers.loaded, false);
		fake.reconnect();
		await feed.clock.advance(timing.backoffMs);
		assert.equal(feed.state().connection.status, 'up');
		assert.deepEqual(containerNames(feed.state()), ['web']);
	});

	it('ends and closes the event stream when the signal aborts', async () => {
		const feed = start();
		await feed.clock.advance(1000);
		assert.equal(feed.fake.openEventStreams, 1);
		feed.fake.emit({type: 'container', id: web.id});
		await settle();
		feed.controller.abort();
		await feed.done;
		assert.equal(feed.fake.openEventStreams, 0);
		// No throttled re-list is left behind.
		assert.deepEqual(feed.clock.pending, []);
		const lists = feed.fake.calls.listContainers;
		await feed.clock.advance(60_000);
		assert.equal(feed.fake.calls.listContainers, lists);
		assert.notEqual(feed.state().connection.status, 'down');
	});

	it('ends at once when aborted while waiting to reconnect', async () => {
		const feed = start();
		await settle();
		feed.fake.disconnect();
		await settle();
		assert.deepEqual(feed.clock.pending.includes(timing.backoffMs), true);
		const attempts = feed.fake.calls.engineInfo;
		feed.controller.abort();
		await feed.done;
		assert.deepEqual(feed.clock.pending, []);
		assert.equal(feed.fake.calls.engineInfo, attempts);
		assert.equal(feed.fake.openEventStreams, 0);
	});

	it('reports an event stream that fails while the first lists are in flight as down, without an unhandled rejection', async () => {
		const fake = new FakeDockerClient({containers: [web]});
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown): void => {
			unhandled.push(reason);
		};

		process.prependListener('unhandledRejection', onUnhandled);
		try {
			// The real adapter's lists take a round trip; the events request can fail first.
			let release = (): void => undefined;
			const slowList = new Promise<void>(resolve => {
				release = resolve;
			});
			const docker = fake.with({
				async listContainers(): Promise<ContainerSummary[]> {
					await slowList;
					return fake.listContainers();
				},
			});
			fake.failNext(
				'events',
				new DockerError('bad-request', 'events are not supported here'),
			);
			const feed = start({fake, docker});
			await settle();
			release();
			await settle();
			assert.deepEqual(unhandled, []);
			const connection = feed.state().connection;
			assert.equal(connection.status, 'down');
			assert.equal(connection.error, 'events are not supported here');
		} finally {
			process.removeListener('unhandledRejection', onUnhandled);
		}
	});
});
