import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import type {
	CgroupMeasurement,
	OutOfFiles,
	CgroupMeter,
} from '../../source/docker/cgroup/cgroup-meter.js';
import type {CgroupSample} from '../../source/docker/cgroup/read-cgroup.js';
import type {
	ContainerState,
	ContainerSummary,
	DockerClient,
} from '../../source/docker/docker-client.js';
import {
	startStatsFeed,
	type StatsTiming,
} from '../../source/runtime/stats-feed.js';
import {
	initialState,
	type AppState,
	type Update,
} from '../../source/state/app-state.js';
import {historyValues} from '../../source/state/history.js';
import {createStore, type Store} from '../../source/state/store.js';
import {
	connectionChanged,
	containersListed,
	rowsShown,
	sortChosen,
} from '../../source/state/updates.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeSample,
} from '../fakes/fake-docker-client.js';
import {cgroupMeasurement} from '../fakes/cgroup-samples.js';
import type {HostShell} from '../../source/docker/host-shell.js';
import {
	idleV2,
	procRoot,
	sliced,
	temporaryDirs,
	v2Root,
	web,
} from '../helpers/cgroup-fixtures.js';
import {localShell} from '../helpers/local-shell.js';
import {waitFor} from '../helpers/wait-for.js';
import {ManualScheduler, settler} from '../fakes/manual-scheduler.js';
import {oomReported} from '../../source/state/resources.js';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {fleetChanged} from '../../source/state/fleet.js';
import {paneFocused, selectionMoved} from '../../source/state/selection.js';

/** Lets every queued promise reaction run; no time passes. */
const settle = settler(5);

const intervalMs = 1000;
const mib = 1024 * 1024;

function box(name: string, state: ContainerState = 'running') {
	return fakeContainer({name, state});
}

const a = box('a');
const b = box('b');
const c = box('c');
const d = box('d', 'exited');
const e = box('e', 'paused');

/** A meter whose readings the test sets; only containers with a reading "have a cgroup". */
class FakeMeter implements CgroupMeter {
	readonly description = 'cgroup v2';
	readonly readings = new Map<string, Partial<CgroupSample>>();
	/** The ids of every measure call, in order. */
	readonly asked: string[][] = [];
	closed = 0;

	constructor(private readonly now: () => number) {}

	/** How many of the ids of each measure call were on screen. */
	readonly shown: number[] = [];
	/** The `offScreenEvery` of each measure call. */
	readonly every: number[] = [];
	/** Ids not read in the next sweeps: their last measurement is given again, as the real meter does. */
	readonly skipped = new Set<string>();
	private readonly last = new Map<string, CgroupMeasurement>();

	readonly measure = (
		ids: readonly string[],
		shown = ids.length,
		offScreenEvery = 1,
	): ReadonlyMap<string, CgroupMeasurement> => {
		this.asked.push([...ids]);
		this.shown.push(shown);
		this.every.push(offScreenEvery);
		const result = new Map<string, CgroupMeasurement>();
		for (const id of ids) {
			const reading = this.readings.get(id);
			const last = this.last.get(id);
			if (this.skipped.has(id) && last !== undefined) {
				result.set(id, last);
			} else if (reading !== undefined) {
				result.set(id, cgroupMeasurement(this.now(), reading));
			}
		}

		for (const [id, measurement] of result) {
			this.last.set(id, measurement);
		}

		return result;
	};

	readonly outOfFiles = (): OutOfFiles | undefined => this.exhausted;

	/** What {@link FakeMeter.outOfFiles} says after a sweep. */
	exhausted: OutOfFiles | undefined;

	readonly close = (): void => {
		this.closed++;
	};
}

type Feed = {
	readonly fake: FakeDockerClient;
	readonly clock: ManualScheduler;
	readonly store: Store<AppState>;
	readonly controller: AbortController;
	readonly dispatch: (update: Update) => void;
	readonly state: () => AppState;
	/** How many times the figures were committed. */
	readonly commits: () => number;
	/** The ids with an open stats stream, sorted. */
	readonly streams: () => string[];
	readonly up: () => Promise<void>;
	readonly down: () => Promise<void>;
};

const started: Feed[] = [];

afterEach(() => {
	for (const feed of started.splice(0)) {
		feed.controller.abort();
	}
});

function start(
	options: {
		containers?: readonly ContainerSummary[];
		shown?: readonly ContainerSummary[];
		timing?: Partial<StatsTiming>;
		docker?: (fake: FakeDockerClient) => DockerClient;
		meter?: (clock: ManualScheduler) => CgroupMeter;
		shell?: HostShell;
	} = {},
): Feed {
	const containers = options.containers ?? [a, b, c, d];
	// The engine holds the listed containers: it refuses stats of one it does not know.
	const fake = new FakeDockerClient({containers});
	const clock = new ManualScheduler({settle});
	if (options.meter !== undefined) {
		fake.cgroupMeter = options.meter(clock);
	}

	fake.shell = options.shell;

	const store = createStore(
		initialState({endpoint: fake.endpoint, readOnly: false, now: clock.time}),
	);
	const dispatch = (update: Update): void => {
		store.update(update);
	};

	dispatch(containersListed(containers, clock.time));
	if (options.shown !== undefined) {
		dispatch(
			rowsShown(
				'containers',
				options.shown.map(container => container.id),
			),
		);
	}

	let commits = 0;
	let lastById = store.getState().resources.byId;
	store.subscribe(() => {
		const {byId} = store.getState().resources;
		if (byId !== lastById) {
			lastById = byId;
			commits++;
		}
	});

	const controller = new AbortController();
	startStatsFeed({
		docker: options.docker?.(fake) ?? fake,
		store,
		dispatch,
		schedule: clock.schedule,
		timing: {intervalMs, maxStreams: 24, ...options.timing},
		signal: controller.signal,
	});
	const feed: Feed = {
		fake,
		clock,
		store,
		controller,
		dispatch,
		state: () => store.getState(),
		commits: () => commits,
		streams: () => [...fake.openStatsStreams].sort(),
		async up() {
			dispatch(connectionChanged({status: 'up'}));
			await settle();
		},
		async down() {
			dispatch(
				connectionChanged({
					status: 'down',
					error: 'connection refused',
					retryAt: clock.time + 1000,
				}),
			);
			await settle();
		},
	};
	started.push(feed);
	return feed;
}

function ids(...containers: readonly ContainerSummary[]): string[] {
	return containers.map(container => container.id).sort();
}

/** A stats sample at `offsetMs` after the clock's start. */
function sampleAt(
	feed: Feed,
	offsetMs: number,
	fields: Parameters<typeof fakeSample>[0] = {},
) {
	return fakeSample({
		time: Date.parse('2026-11-28T12:00:00Z') + offsetMs,
		...fields,
	});
}

describe('startStatsFeed: connection', () => {
	it('does nothing until the connection is up', async () => {
		const feed = start({shown: [a, b]});
		await feed.clock.advance(5 * intervalMs);
		await feed.down();
		await feed.clock.advance(5 * intervalMs);
		assert.equal(feed.fake.calls.systemInfo, 0);
		assert.deepEqual(feed.streams(), []);
		assert.deepEqual(feed.clock.pending, []);
		assert.equal(feed.state().resources.source, undefined);

		await feed.up();
		assert.equal(feed.fake.calls.systemInfo, 1);
		assert.equal(feed.state().resources.source, 'engine API');
		assert.equal(feed.state().resources.hostCpus, 4);
		assert.equal(feed.state().resources.hostMemory, 8_000_000_000);
		assert.deepEqual(feed.streams(), ids(a, b));
	});

	it('closes every stream and stops committing when the connection goes down, and begins anew when it is back', async () => {
		const feed = start({shown: [a, b]});
		await feed.up();
		feed.fake.pushStats(a.id, sampleAt(feed, 0, {cpuPercent: 5}));
		await feed.clock.advance(intervalMs);
		assert.ok(feed.state().resources.byId.has(a.id));

		await feed.down();
		assert.deepEqual(feed.streams(), []);
		assert.deepEqual(feed.clock.pending, []);
		const commits = feed.commits();
		await feed.clock.advance(5 * intervalMs);
		assert.equal(feed.commits(), commits);

		await feed.up();
		assert.equal(feed.fake.calls.systemInfo, 2);
		assert.deepEqual(feed.streams(), ids(a, b));
		// A new source: the old figures are gone.
		assert.equal(feed.state().resources.byId.size, 0);
	});

	it('closes everything when the signal aborts, and ignores the connection afterwards', async () => {
		const feed = start({shown: [a, b]});
		await feed.up();
		assert.deepEqual(feed.streams(), ids(a, b));

		feed.controller.abort();
		await settle();
		assert.deepEqual(feed.streams(), []);
		assert.deepEqual(feed.clock.pending, []);

		await feed.down();
		await feed.up();
		assert.equal(feed.fake.calls.systemInfo, 1);
		assert.deepEqual(feed.streams(), []);
	});

	it('starts nothing when the signal aborts while the host is being asked about', async () => {
		const feed = start({shown: [a, b]});
		feed.dispatch(connectionChanged({status: 'up'}));
		feed.controller.abort();
		await settle();
		assert.deepEqual(feed.streams(), []);
		assert.deepEqual(feed.clock.pending, []);
		assert.equal(feed.state().resources.source, undefined);
	});

	it('starts nothing when the connection drops while the host is being asked about', async () => {
		const feed = start({shown: [a, b]});
		feed.dispatch(connectionChanged({status: 'up'}));
		feed.dispatch(
			connectionChanged({status: 'down', error: 'gone', retryAt: 0}),
		);
		await settle();
		assert.deepEqual(feed.streams(), []);
		assert.deepEqual(feed.clock.pending, []);
	});
});

describe('startStatsFeed: engine API', () => {
	it('follows the shown running containers and the focused pane’s selection, never stopped ones', async () => {
		const feed = start({containers: [a, b, c, d, e], shown: [a, d]});
		feed.dispatch(rowsShown('resources', [b.id]));
		// Containers are listed a, b, c, e (live, by name), then d: two steps down selects c.
		feed.dispatch(selectionMoved(2));
		assert.equal(feed.state().ui.selection.containers, c.id);
		await feed.up();
		assert.deepEqual(feed.streams(), ids(a, b, c));

		// A paused container is still measured.
		feed.dispatch(
			rowsShown(
				'containers',
				[a, d, e].map(item => item.id),
			),
		);
		await settle();
		assert.deepEqual(feed.streams(), ids(a, b, c, e));
	});

	it('does not follow the selection of a pane without focus', async () => {
		const feed = start({shown: [a]});
		feed.dispatch(paneFocused('resources'));
		feed.dispatch(selectionMoved(1));
		assert.equal(feed.state().ui.selection.resources, b.id);
		feed.dispatch(paneFocused('images'));
		await feed.up();
		assert.deepEqual(feed.streams(), ids(a));
	});

	it('follows the selection of the pane that gains focus', async () => {
		const feed = start({shown: [a]});
		feed.dispatch(paneFocused('resources'));
		feed.dispatch(selectionMoved(1));
		feed.dispatch(paneFocused('containers'));
		await feed.up();
		assert.deepEqual(feed.streams(), ids(a));
		// Something unrelated happens first, so the feed has seen the state since it began.
		feed.dispatch(oomReported(c.id));
		await settle();
		assert.deepEqual(feed.streams(), ids(a));

		feed.dispatch(paneFocused('resources'));
		await settle();
		assert.deepEqual(feed.streams(), ids(a, b));
	});

	it('never opens more than maxStreams, preferring the selection, then rows in order', async () => {
		const feed = start({
			containers: [a, b, c, e],
			shown: [a, b, c, e],
			timing: {maxStreams: 2},
		});
		await feed.up();
		assert.deepEqual(feed.streams(), ids(a, b));

		feed.dispatch(selectionMoved('bottom'));
		await settle();
		assert.deepEqual(feed.streams(), ids(e, a));

		feed.dispatch(
			rowsShown(
				'containers',
				[c, b, a].map(item => item.id),
			),
		);
		await settle();
		assert.deepEqual(feed.streams(), ids(e, c));
		assert.equal(feed.fake.calls.stats, 4);
	});

	it('closes a stream and drops its figures when its row is no longer shown', async () => {
		const feed = start({shown: [a, b]});
		await feed.up();
		feed.fake.pushStats(a.id, sampleAt(feed, 0));
		feed.fake.pushStats(b.id, sampleAt(feed, 0));
		await feed.clock.advance(intervalMs);
		assert.deepEqual([...feed.state().resources.byId.keys()].sort(), ids(a, b));

		feed.dispatch(rowsShown('containers', [b.id]));
		await settle();
		assert.deepEqual(feed.streams(), ids(b));
		assert.deepEqual([...feed.state().resources.byId.keys()], [b.id]);
	});

	it('closes a stream and drops its figures when the container stops', async () => {
		const feed = start({shown: [a, b]});
		await feed.up();
		feed.fake.pushStats(a.id, sampleAt(feed, 0));
		await feed.clock.advance(intervalMs);
		assert.ok(feed.state().resources.byId.has(a.id));

		feed.dispatch(
			containersListed(
				[{...a, state: 'exited', status: 'Exited (0) 1 second ago'}, b, c, d],
				feed.clock.time,
			),
		);
		await settle();
		assert.deepEqual(feed.streams(), ids(b));
		assert.equal(feed.state().resources.byId.has(a.id), false);
	});

	it('closes a stream when the container is removed', async () => {
		const feed = start({shown: [a, b]});
		await feed.up();
		feed.dispatch(containersListed([b, c, d], feed.clock.time));
		await settle();
		assert.deepEqual(feed.streams(), ids(b));
	});

	it('commits the latest figures once per interval, not per sample', async () => {
		const feed = start({shown: [a]});
		feed.fake.limits.set(a.id, {cpus: 2, memory: 256 * mib, pids: 50});
		await feed.up();
		const base = feed.commits();
		for (const [offset, cpuPercent, networkRx] of [
			[0, 10, 0],
			[250, 20, 1000],
			[500, 30, 3000],
		] as const) {
			feed.fake.pushStats(
				a.id,
				sampleAt(feed, offset, {cpuPercent, networkRx}),
			);
		}

		await settle();
		assert.equal(feed.state().resources.byId.has(a.id), false);
		assert.equal(feed.commits(), base);

		await feed.clock.advance(intervalMs - 1);
		assert.equal(feed.commits(), base);

		await feed.clock.advance(1);
		assert.equal(feed.commits(), base + 1);
		const snapshot = feed.state().resources.byId.get(a.id);
		assert.equal(snapshot?.usage.cpuPercent, 30);
		// 2000 bytes between the last two samples, 250 ms apart.
		assert.equal(snapshot.usage.networkRxRate, 8000);
		assert.deepEqual(historyValues(snapshot.cpuHistory), [30]);
		assert.equal(snapshot.usage.cpuLimit, 2);
		assert.equal(snapshot.usage.memoryLimit, 256 * mib);

		// No new sample: nothing to commit.
		await feed.clock.advance(3 * intervalMs);
		assert.equal(feed.commits(), base + 1);

		feed.fake.pushStats(a.id, sampleAt(feed, 1500, {cpuPercent: 40}));
		await feed.clock.advance(intervalMs);
		assert.equal(feed.commits(), base + 2);
		const history = feed.state().resources.byId.get(a.id)?.cpuHistory;
		assert.deepEqual(history && historyValues(history), [30, 40]);
	});

	it('commits every container’s figures together', async () => {
		const feed = start({shown: [a, b, c]});
		await feed.up();
		const base = feed.commits();
		for (const container of [a, b, c]) {
			feed.fake.pushStats(container.id, sampleAt(feed, 0));
		}

		await feed.clock.advance(intervalMs);
		assert.equal(feed.commits(), base + 1);
		assert.equal(feed.state().resources.byId.size, 3);
	});

	it('reads the engine’s host-memory limit as no limit, and counts OOM events', async () => {
		const feed = start({shown: [a, b]});
		feed.fake.limits.set(b.id, {cpus: undefined, memory: undefined, pids: 10});
		await feed.up();
		feed.dispatch(oomReported(a.id));
		feed.dispatch(oomReported(a.id));
		feed.fake.pushStats(
			a.id,
			sampleAt(feed, 0, {memoryLimit: feed.fake.system.memory}),
		);
		feed.fake.pushStats(b.id, sampleAt(feed, 0, {memoryLimit: 64 * mib}));
		await feed.clock.advance(intervalMs);
		const usageA = feed.state().resources.byId.get(a.id)?.usage;
		const usageB = feed.state().resources.byId.get(b.id)?.usage;
		assert.ok(usageA && usageB);
		assert.equal(usageA.memoryLimit, undefined);
		assert.equal(usageA.oomKills, 2);
		assert.equal(usageA.cpuLimit, undefined);
		assert.equal(usageB.memoryLimit, 64 * mib);
		assert.equal(usageB.pidsLimit, 10);
		assert.equal(usageB.oomKills, undefined);
	});

	it('drops a container’s figures when the engine ends its stream', async () => {
		const enders = new Map<string, AbortController>();
		const feed = start({
			shown: [a, b],
			docker: fake =>
				fake.with({
					stats(id, signal) {
						const own = new AbortController();
						signal.addEventListener('abort', () => {
							own.abort();
						});
						enders.set(id, own);
						return fake.stats(id, own.signal);
					},
				}),
		});
		await feed.up();
		feed.fake.pushStats(a.id, sampleAt(feed, 0));
		feed.fake.pushStats(b.id, sampleAt(feed, 0));
		await feed.clock.advance(intervalMs);
		assert.equal(feed.state().resources.byId.size, 2);

		enders.get(a.id)?.abort();
		await settle();
		assert.deepEqual(feed.streams(), ids(b));
		assert.deepEqual([...feed.state().resources.byId.keys()], [b.id]);

		// A sample that arrived before the end is not committed afterwards.
		await feed.clock.advance(intervalMs);
		assert.equal(feed.state().resources.byId.has(a.id), false);
	});

	it('drops every figure when the engine ends all streams with an error', async () => {
		const feed = start({shown: [a, b]});
		await feed.up();
		feed.fake.pushStats(a.id, sampleAt(feed, 0));
		feed.fake.pushStats(b.id, sampleAt(feed, 0));
		await feed.clock.advance(intervalMs);
		assert.equal(feed.state().resources.byId.size, 2);

		feed.fake.disconnect();
		await settle();
		assert.deepEqual(feed.streams(), []);
		assert.equal(feed.state().resources.byId.size, 0);
	});
});

describe('startStatsFeed: cgroup files', () => {
	function withMeter(
		containers: readonly ContainerSummary[],
		readings: readonly [ContainerSummary, Partial<CgroupSample>][],
		shown: readonly ContainerSummary[] = containers,
	): {feed: Feed; meter: () => FakeMeter} {
		let meter: FakeMeter | undefined;
		const feed = start({
			containers,
			shown,
			meter(clock) {
				meter = new FakeMeter(clock.now);
				for (const [container, reading] of readings) {
					meter.readings.set(container.id, reading);
				}

				return meter;
			},
		});
		return {
			feed,
			meter() {
				assert.ok(meter);
				return meter;
			},
		};
	}

	it('names the meter as the source and opens no stats stream', async () => {
		const {feed} = withMeter(
			[a, b, d],
			[
				[a, {cpuUsageNs: 1e9}],
				[b, {cpuUsageNs: 1e9}],
			],
		);
		await feed.up();
		assert.equal(feed.state().resources.source, 'cgroup v2');
		assert.equal(feed.state().resources.hostCpus, 4);
		assert.deepEqual(feed.streams(), []);
		assert.equal(feed.fake.calls.stats, 0);
	});

	it('measures every running container each interval, with CPU from the second reading on, a quarter interval after the first', async () => {
		const {feed, meter} = withMeter(
			[a, b, d, e],
			[
				[a, {cpuUsageNs: 1e9, memoryUsage: 10 * mib}],
				[b, {cpuUsageNs: 2e9, memoryUsage: 20 * mib}],
				[e, {cpuUsageNs: 3e9}],
			],
		);
		await feed.up();
		const sweeps = meter().asked.length;
		assert.ok(sweeps >= 1);
		for (const asked of meter().asked) {
			assert.deepEqual([...asked].sort(), ids(a, b, e));
		}

		const first = feed.state().resources.byId;
		assert.deepEqual([...first.keys()].sort(), ids(a, b, e));
		assert.equal(first.get(a.id)?.usage.cpuPercent, undefined);
		assert.equal(first.get(a.id)?.usage.memoryUsage, 10 * mib);

		meter().readings.set(a.id, {cpuUsageNs: 1.125e9, memoryUsage: 11 * mib});
		const commits = feed.commits();
		assert.deepEqual(feed.clock.pending, [intervalMs / 4]);
		await feed.clock.advance(intervalMs / 4);
		assert.equal(meter().asked.length, sweeps + 1);
		assert.equal(feed.commits(), commits + 1);
		const snapshot = feed.state().resources.byId.get(a.id);
		assert.equal(snapshot?.usage.cpuPercent, 50);
		assert.deepEqual(historyValues(snapshot.memoryHistory), [
			10 * mib,
			11 * mib,
		]);
		assert.equal(feed.state().resources.byId.get(b.id)?.usage.cpuPercent, 0);

		await feed.clock.advance(3 * intervalMs);
		assert.equal(meter().asked.length, sweeps + 4);
	});

	it('reads a container that just started at once, and again a quarter interval later, for its first CPU figure', async () => {
		const {feed, meter} = withMeter(
			[a, {...c, state: 'exited'}],
			[[a, {cpuUsageNs: 1e9}]],
		);
		await feed.up();
		await feed.clock.advance(intervalMs / 4);
		assert.deepEqual(feed.clock.pending, [intervalMs]);

		meter().readings.set(c.id, {cpuUsageNs: 1e9});
		feed.dispatch(containersListed([a, c], feed.clock.time));
		await feed.clock.advance(0);
		assert.deepEqual(meter().asked.at(-1), [a.id, c.id]);
		assert.equal(
			feed.state().resources.byId.get(c.id)?.usage.cpuPercent,
			undefined,
		);
		meter().readings.set(c.id, {cpuUsageNs: 1.125e9});
		await feed.clock.advance(intervalMs / 4);
		assert.equal(feed.state().resources.byId.get(c.id)?.usage.cpuPercent, 50);
		assert.deepEqual(feed.clock.pending, [intervalMs]);
	});

	it('lets stopped containers and containers without a reading vanish', async () => {
		const {feed, meter} = withMeter(
			[a, b, c],
			[
				[a, {cpuUsageNs: 1e9}],
				[b, {cpuUsageNs: 1e9}],
				[c, {cpuUsageNs: 1e9}],
			],
		);
		await feed.up();
		assert.equal(feed.state().resources.byId.size, 3);

		feed.dispatch(
			containersListed([a, {...b, state: 'exited'}, c], feed.clock.time),
		);
		meter().readings.delete(c.id);
		await feed.clock.advance(intervalMs);
		assert.deepEqual(meter().asked.at(-1)?.sort(), ids(a, c));
		assert.deepEqual([...feed.state().resources.byId.keys()], [a.id]);
	});

	it('asks for the running containers on screen first, saying how many are', async () => {
		const {feed, meter} = withMeter(
			[a, b, c, d],
			[
				[a, {cpuUsageNs: 1e9}],
				[b, {cpuUsageNs: 1e9}],
				[c, {cpuUsageNs: 1e9}],
			],
			[c, d, b],
		);
		await feed.up();
		await feed.clock.advance(intervalMs);
		assert.deepEqual(meter().asked.at(-1), [c.id, b.id, a.id]);
		assert.equal(meter().shown.at(-1), 2);
	});

	it('has containers off screen read every other sweep, and every sweep while a pane sorts by a figure', async () => {
		const {feed, meter} = withMeter([a, b], [[a, {cpuUsageNs: 1e9}]], [a]);
		await feed.up();
		await feed.clock.advance(intervalMs);
		assert.equal(meter().every.at(-1), 2);
		feed.dispatch(sortChosen('cpu'));
		await feed.clock.advance(intervalMs);
		assert.equal(meter().every.at(-1), 1);
		feed.dispatch(sortChosen('name'));
		await feed.clock.advance(intervalMs);
		assert.equal(meter().every.at(-1), 2);
	});

	it('keeps the figures and history of a container the sweep did not read', async () => {
		const {feed, meter} = withMeter(
			[a, b],
			[
				[a, {cpuUsageNs: 1e9}],
				[b, {cpuUsageNs: 1e9, memoryUsage: mib}],
			],
		);
		await feed.up();
		await feed.clock.advance(intervalMs);
		const before = feed.state().resources.byId.get(b.id);
		assert.ok(before);
		meter().skipped.add(b.id);
		meter().readings.set(a.id, {cpuUsageNs: 2e9});
		await feed.clock.advance(intervalMs);
		assert.equal(feed.state().resources.byId.get(b.id), before);
		assert.equal(feed.state().resources.byId.get(a.id)?.usage.cpuPercent, 100);
		// Read again: the rate spans both intervals, from the reading before the skip.
		meter().skipped.delete(b.id);
		meter().readings.set(b.id, {cpuUsageNs: 2e9, memoryUsage: mib});
		await feed.clock.advance(intervalMs);
		assert.equal(feed.state().resources.byId.get(b.id)?.usage.cpuPercent, 50);
	});

	it('says when the meter ran out of file descriptors, and stops saying it once it no longer does', async () => {
		const {feed, meter} = withMeter(
			[a, b],
			[
				[a, {cpuUsageNs: 1e9}],
				[b, {cpuUsageNs: 1e9}],
			],
		);
		await feed.up();
		assert.equal(feed.state().resources.outOfFiles, undefined);
		meter().exhausted = {limit: 1024};
		await feed.clock.advance(intervalMs);
		assert.deepEqual(feed.state().resources.outOfFiles, {limit: 1024});
		meter().exhausted = undefined;
		await feed.clock.advance(intervalMs);
		assert.equal(feed.state().resources.outOfFiles, undefined);
	});

	it('measures with no container running yet', async () => {
		const {feed, meter} = withMeter([d], []);
		await feed.up();
		assert.equal(feed.state().resources.source, 'cgroup v2');
		assert.equal(meter().closed, 0);
	});

	it('falls back to the engine API when the meter finds none of the running containers', async () => {
		const {feed, meter} = withMeter([a, b, d], []);
		await feed.up();
		assert.equal(feed.state().resources.source, 'engine API');
		assert.equal(meter().closed, 1);
		assert.deepEqual(feed.streams(), ids(a, b));
		const asked = meter().asked.length;
		await feed.clock.advance(3 * intervalMs);
		assert.equal(meter().asked.length, asked);
	});

	it('keeps the meter when it finds some of the running containers', async () => {
		const {feed, meter} = withMeter([a, b], [[b, {cpuUsageNs: 1e9}]]);
		await feed.up();
		assert.equal(feed.state().resources.source, 'cgroup v2');
		assert.equal(meter().closed, 0);
		assert.deepEqual([...feed.state().resources.byId.keys()], [b.id]);
	});

	it('closes the meter and stops sweeping when the connection goes down or the signal aborts', async () => {
		const {feed, meter} = withMeter([a], [[a, {cpuUsageNs: 1e9}]]);
		await feed.up();
		await feed.down();
		assert.equal(meter().closed, 1);
		assert.deepEqual(feed.clock.pending, []);
		const asked = meter().asked.length;
		await feed.clock.advance(3 * intervalMs);
		assert.equal(meter().asked.length, asked);

		await feed.up();
		assert.equal(feed.state().resources.source, 'cgroup v2');
		assert.ok(meter().asked.length > asked);
		feed.controller.abort();
		assert.equal(meter().closed, 2);
		assert.deepEqual(feed.clock.pending, []);
	});
});

describe('startStatsFeed: cgroup files through a shell on the host', () => {
	const remoteA = fakeContainer({name: 'web', id: web});
	const remoteB = fakeContainer({name: 'idle', id: idleV2});
	const remoteC = fakeContainer({name: 'sliced', id: sliced});
	const stopped = fakeContainer({name: 'stopped', state: 'exited'});
	const temporaryDir = temporaryDirs('dockmate-feed-');
	/** A shell on a "host" whose cgroups are the v2 fixture tree. */
	const hostShell = (root = v2Root) =>
		localShell(undefined, {
			mounts: {'/sys/fs/cgroup': root, '/proc': procRoot},
		});

	async function figuresOf(feed: Feed, count: number): Promise<void> {
		await waitFor(() => feed.state().resources.byId.size === count, {
			timeoutMs: 5000,
			message: `figures for ${count} containers`,
		});
	}

	/** Past the quick second sweep after the first found every container: one an interval from there. */
	async function steady(feed: Feed): Promise<void> {
		await waitFor(() => feed.clock.pending[0] === intervalMs / 4, {
			timeoutMs: 5000,
			message: 'the second sweep scheduled',
		});
		await feed.clock.advance(intervalMs / 4);
		await waitFor(() => feed.clock.pending[0] === intervalMs, {
			timeoutMs: 5000,
			message: 'the next sweep an interval later',
		});
	}

	it('measures every running container, on screen or not, in one run per sweep, and says so', async () => {
		const shell = hostShell();
		const feed = start({
			containers: [remoteA, remoteB, remoteC, stopped],
			shown: [remoteA],
			shell,
		});
		await feed.up();
		await figuresOf(feed, 3);
		assert.equal(feed.state().resources.source, 'cgroup v2 via ssh');
		assert.deepEqual(feed.streams(), []);
		assert.equal(feed.fake.calls.stats, 0);
		await steady(feed);
		const runs = shell.runs();
		await feed.clock.advance(intervalMs);
		await waitFor(() => shell.runs() === runs + 1, {
			timeoutMs: 5000,
			message: 'the next sweep',
		});
		await feed.clock.advance(intervalMs / 2);
		assert.equal(shell.runs(), runs + 1, 'one run per interval');
	});

	it('waits longer after each failed sweep, and goes on once the shell answers again', async () => {
		const shell = hostShell();
		let isFailing = false;
		let runs = 0;
		const flaky: HostShell = {
			via: 'ssh',
			close: shell.close,
			async run(script, signal) {
				runs++;
				return isFailing
					? Promise.reject(new Error('connection lost'))
					: shell.run(script, signal);
			},
		};
		const feed = start({containers: [remoteA], shell: flaky});
		await feed.up();
		await figuresOf(feed, 1);
		await steady(feed);
		isFailing = true;
		const delays: number[] = [];
		for (let failure = 1; failure <= 5; failure++) {
			const before = runs;
			await feed.clock.advance(feed.clock.pending[0] ?? 0);
			assert.equal(runs, before + 1);
			await waitFor(() => feed.clock.pending.length === 1, {
				timeoutMs: 5000,
				message: 'a retry scheduled',
			});
			delays.push(feed.clock.pending[0] ?? 0);
		}

		assert.deepEqual(
			delays,
			[2, 4, 8, 16, 16].map(factor => factor * intervalMs),
		);
		isFailing = false;
		const after = runs;
		await feed.clock.advance(feed.clock.pending[0] ?? 0);
		await waitFor(() => feed.clock.pending[0] === intervalMs, {
			timeoutMs: 5000,
			message: 'sweeps back to once an interval',
		});
		assert.equal(runs, after + 1);
	});

	it('falls back to the engine API for the rows on screen when the host has no cgroup files to read', async () => {
		const feed = start({
			containers: [remoteA, remoteB],
			shown: [remoteA],
			shell: hostShell(temporaryDir()),
		});
		await feed.up();
		await waitFor(() => feed.state().resources.source === 'engine API', {
			timeoutMs: 5000,
			message: 'the API as the source',
		});
		assert.deepEqual(feed.streams(), [remoteA.id]);
	});

	it('falls back to the engine API when the shell fails, and leaves no shell open there', async () => {
		let closed = 0;
		const feed = start({
			containers: [remoteA],
			shown: [remoteA],
			shell: {
				via: 'ssh',
				run: async () => Promise.reject(new Error('sh: not found')),
				close() {
					closed++;
				},
			},
		});
		await feed.up();
		await waitFor(() => closed > 0, {
			timeoutMs: 2000,
			message: 'the shell closed',
		});
		await waitFor(() => feed.state().resources.source === 'engine API', {
			timeoutMs: 5000,
			message: 'the API as the source',
		});
		assert.deepEqual(feed.streams(), [remoteA.id]);
	});

	it('stops sweeping when the connection goes down', async () => {
		const shell = hostShell();
		const feed = start({containers: [remoteA], shell});
		await feed.up();
		await figuresOf(feed, 1);
		await waitFor(() => feed.clock.pending.length === 1, {
			timeoutMs: 5000,
			message: 'the next sweep scheduled',
		});
		await feed.down();
		const runs = shell.runs();
		await feed.clock.advance(10 * intervalMs);
		assert.equal(shell.runs(), runs);
	});
});

describe('startStatsFeed: a fleet', () => {
	const remoteWeb = fakeContainer({name: 'web', id: web});
	const remoteIdle = fakeContainer({name: 'idle', id: idleV2});

	type Member = {
		readonly name: string;
		readonly fake: FakeDockerClient;
	};

	/**
	 * The feed over a fleet of `members` (engine numbers in order), every engine connected, with
	 * the rows of `shown` (store ids) on screen.
	 */
	async function startFleet(
		members: readonly Member[],
		shown: readonly string[] = [],
	) {
		const client = createFleetClient(
			members.map(({name, fake}) => ({
				name,
				client: fake,
				readOnly: false,
				cli: 'docker',
			})),
			{listWaitMs: 200},
		);
		const clock = new ManualScheduler({settle});
		const store = createStore(
			initialState({
				endpoint: client.endpoint,
				readOnly: false,
				now: clock.time,
			}),
		);
		const dispatch = (update: Update): void => {
			store.update(update);
		};

		dispatch(containersListed(await client.listContainers(), clock.time));
		dispatch(rowsShown('resources', shown));
		dispatch(paneFocused('resources'));
		const controller = new AbortController();
		startStatsFeed({
			docker: client,
			store,
			dispatch,
			schedule: clock.schedule,
			timing: {intervalMs, maxStreams: 24},
			signal: controller.signal,
		});
		const connected = new Set(members.map(member => member.name));
		/** Says which engines answer, as the fleet's chips do. */
		const announce = async (): Promise<void> => {
			dispatch(
				fleetChanged(
					members.map(member => ({
						name: member.name,
						readOnly: false,
						product: undefined,
						state: connected.has(member.name)
							? {status: 'connected'}
							: {status: 'down', error: 'connection refused', retryAt: 0},
					})),
				),
			);
			await settle();
		};

		const connect = async (name: string, isUp: boolean): Promise<void> => {
			if (isUp) {
				connected.add(name);
			} else {
				connected.delete(name);
			}

			await announce();
		};

		await announce();
		fleetStops.push(() => {
			controller.abort();
		});
		return {clock, store, connect, state: () => store.getState()};
	}

	const fleetStops: (() => void)[] = [];
	afterEach(() => {
		for (const stop of fleetStops.splice(0)) {
			stop();
		}
	});

	it('measures each engine from the cheapest source it allows: cgroup files here, through ssh there, else the stats API for the rows on screen', async () => {
		const local = new FakeDockerClient({containers: [a, b]});
		const meter = new FakeMeter(Date.now);
		meter.readings.set(a.id, {cpuUsageNs: 1e9, memoryUsage: 10 * mib});
		meter.readings.set(b.id, {cpuUsageNs: 1e9, memoryUsage: 20 * mib});
		local.cgroupMeter = meter;
		const remote = new FakeDockerClient({containers: [remoteWeb, remoteIdle]});
		remote.shell = localShell(undefined, {
			mounts: {'/sys/fs/cgroup': v2Root, '/proc': procRoot},
		});
		const tcp = new FakeDockerClient({containers: [a, b]});
		// The tcp engine's a on screen (engine 2), and the local one's b, which needs no stream.
		const feed = await startFleet(
			[
				{name: 'here', fake: local},
				{name: 'there', fake: remote},
				{name: 'far', fake: tcp},
			],
			[`${a.id}~2`, `${b.id}~0`],
		);
		// The engines' figures are committed together, at the next whole interval.
		await waitFor(
			async () => {
				await feed.clock.advance(intervalMs);
				return (
					feed.state().resources.byId.has(`${web}~1`) &&
					feed.state().resources.byId.has(`${a.id}~0`)
				);
			},
			{timeoutMs: 5000, message: 'figures of the local and the ssh engine'},
		);
		assert.deepEqual(
			Object.fromEntries(
				[...feed.state().resources.engines].map(([name, {source}]) => [
					name,
					source,
				]),
			),
			{here: 'cgroup v2', there: 'cgroup v2 via ssh', far: 'engine API'},
		);
		// Each engine is asked about its own containers, by its own ids.
		assert.deepEqual(new Set(meter.asked.flat()), new Set([a.id, b.id]));
		assert.deepEqual(local.openStatsStreams, []);
		assert.equal(local.calls.stats, 0);
		assert.equal(remote.calls.stats, 0);
		assert.deepEqual(tcp.openStatsStreams, [a.id]);
		tcp.pushStats(a.id, fakeSample({cpuPercent: 5, memoryUsage: mib}));
		await waitFor(
			async () => {
				await feed.clock.advance(intervalMs);
				return feed.state().resources.byId.has(`${a.id}~2`);
			},
			{timeoutMs: 5000, message: 'the tcp engine’s figures'},
		);
		assert.equal(feed.state().resources.byId.has(`${b.id}~2`), false);
		assert.equal(feed.state().resources.source, undefined);
	});

	it('has a fleet engine read its containers off screen every other sweep, as one engine does', async () => {
		const local = new FakeDockerClient({containers: [a, b]});
		const meter = new FakeMeter(Date.now);
		meter.readings.set(a.id, {cpuUsageNs: 1e9});
		meter.readings.set(b.id, {cpuUsageNs: 1e9});
		local.cgroupMeter = meter;
		const feed = await startFleet([{name: 'here', fake: local}], [`${a.id}~0`]);
		await waitFor(
			async () => {
				await feed.clock.advance(intervalMs);
				return meter.every.length > 0;
			},
			{timeoutMs: 5000, message: 'a sweep'},
		);
		assert.equal(meter.every.at(-1), 2);
	});

	it('commits the figures of every engine together, once an interval, not once per engine', async () => {
		const one = new FakeDockerClient({containers: [a]});
		const two = new FakeDockerClient({containers: [b]});
		for (const [fake, container] of [
			[one, a],
			[two, b],
		] as const) {
			const meter = new FakeMeter(Date.now);
			meter.readings.set(container.id, {cpuUsageNs: 1e9, memoryUsage: mib});
			fake.cgroupMeter = meter;
		}

		const feed = await startFleet(
			[
				{name: 'here', fake: one},
				{name: 'there', fake: two},
			],
			[],
		);
		await waitFor(
			async () => {
				await feed.clock.advance(intervalMs);
				return (
					feed.state().resources.byId.has(`${a.id}~0`) &&
					feed.state().resources.byId.has(`${b.id}~1`)
				);
			},
			{timeoutMs: 5000, message: 'figures of both engines'},
		);
		let commits = 0;
		let last = feed.state().resources.byId;
		feed.store.subscribe(() => {
			if (feed.state().resources.byId !== last) {
				last = feed.state().resources.byId;
				commits++;
			}
		});
		for (let step = 0; step < 12; step++) {
			await feed.clock.advance(intervalMs / 4);
		}

		// Both engines swept three times; their figures came in three commits.
		assert.ok(commits >= 2 && commits <= 3, `${commits} commits`);
	});

	it('stops the source of an engine that goes away and no other, and starts it anew when it is back', async () => {
		const local = new FakeDockerClient({containers: [a]});
		const meter = new FakeMeter(Date.now);
		meter.readings.set(a.id, {cpuUsageNs: 1e9, memoryUsage: 10 * mib});
		local.cgroupMeter = meter;
		const tcp = new FakeDockerClient({containers: [a]});
		const feed = await startFleet(
			[
				{name: 'here', fake: local},
				{name: 'far', fake: tcp},
			],
			[`${a.id}~1`],
		);
		await waitFor(() => tcp.openStatsStreams.length === 1, {
			timeoutMs: 5000,
			message: 'the tcp engine’s stream',
		});
		const figures = async (memory: number): Promise<void> => {
			tcp.pushStats(a.id, fakeSample({memoryUsage: memory}));
			await waitFor(
				async () => {
					await feed.clock.advance(intervalMs);
					return (
						feed.state().resources.byId.get(`${a.id}~1`)?.usage.memoryUsage ===
						memory
					);
				},
				{timeoutMs: 5000, message: `the tcp engine’s ${memory} bytes`},
			);
		};

		await figures(mib);
		assert.ok(feed.state().resources.byId.has(`${a.id}~0`));
		await feed.connect('here', false);
		assert.equal(meter.closed, 1);
		const sweeps = meter.asked.length;
		await figures(2 * mib);
		await figures(3 * mib);
		assert.equal(meter.asked.length, sweeps, 'no sweep while it is away');
		assert.equal(tcp.openStatsStreams.length, 1);
		await feed.connect('here', true);
		await waitFor(() => meter.asked.length > sweeps, {
			timeoutMs: 5000,
			message: 'sweeps again',
		});
		// Its source chosen anew cleared its own figures, not the other engine's.
		assert.equal(
			feed.state().resources.byId.get(`${a.id}~1`)?.usage.memoryUsage,
			3 * mib,
		);
		await waitFor(() => feed.state().resources.byId.has(`${a.id}~0`), {
			timeoutMs: 5000,
			message: 'its figures back',
		});
	});
});
