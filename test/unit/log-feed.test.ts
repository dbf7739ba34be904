import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {LogLine} from '../../source/docker/docker-client.js';
import {
	createLogs,
	defaultLogSettings,
	type LogSettings,
} from '../../source/runtime/log-feed.js';
import {RingBuffer} from '../../source/runtime/ring-buffer.js';
import {initialState, type AppState} from '../../source/state/app-state.js';
import type {LogsDialog} from '../../source/state/logs-dialog.js';
import {createStore} from '../../source/state/store.js';
import {containersListed} from '../../source/state/updates.js';
import {fakeContainer, FakeDockerClient} from '../fakes/fake-docker-client.js';
import {ManualScheduler, settler} from '../fakes/manual-scheduler.js';
import {dialogClosed} from '../../source/state/dialog-slot.js';

describe('ring buffer', () => {
	it('keeps the newest items up to its capacity and counts the ones it let go', () => {
		const ring = new RingBuffer<number>(3);
		assert.deepEqual(ring.toArray(), []);
		ring.push(1);
		ring.push(2);
		assert.deepEqual(ring.toArray(), [1, 2]);
		assert.equal(ring.isFull, false);
		for (let value = 3; value <= 10; value++) {
			ring.push(value);
		}

		assert.deepEqual(ring.toArray(), [8, 9, 10]);
		assert.equal(ring.size, 3);
		assert.equal(ring.evicted, 7);
		assert.equal(ring.at(0), 8);
		assert.equal(ring.at(-1), 10);
		assert.equal(ring.at(3), undefined);
		assert.equal(ring.at(-4), undefined);
		assert.equal(ring.shift(), 8);
		assert.deepEqual(ring.toArray(), [9, 10]);
		assert.equal(ring.evicted, 8);
		ring.push(11);
		ring.push(12);
		assert.deepEqual(ring.toArray(), [10, 11, 12]);
	});

	it('sorts in place, and after that evicts the first in the new order', () => {
		const ring = new RingBuffer<number>(4);
		for (const value of [5, 1, 7, 3, 2]) {
			ring.push(value);
		}

		assert.deepEqual(ring.toArray(), [1, 7, 3, 2]);
		ring.sort((a, b) => a - b);
		assert.deepEqual(ring.toArray(), [1, 2, 3, 7]);
		ring.push(9);
		assert.deepEqual(ring.toArray(), [2, 3, 7, 9]);
	});

	it('refuses a capacity below 1', () => {
		assert.throws(() => new RingBuffer(0), RangeError);
	});
});

const web = fakeContainer({name: 'web'});
const db = fakeContainer({name: 'db'});
const base = Date.parse('2026-11-28T12:00:00Z');

function line(
	offsetMs: number,
	text: string,
	stream: LogLine['stream'] = 'stdout',
): LogLine {
	return {stream, time: base + offsetMs, text};
}

function setup(settings: Partial<LogSettings> = {}) {
	const docker = new FakeDockerClient({containers: [web, db]});
	const scheduler = new ManualScheduler({settle: settler(6)});
	const store = createStore<AppState>(
		initialState({endpoint: 'fake', readOnly: false, now: scheduler.now()}),
	);
	store.update(containersListed([web, db], scheduler.now()));
	const commits: AppState[] = [];
	store.subscribe(() => {
		commits.push(store.getState());
	});
	const controller = new AbortController();
	const logs = createLogs({
		docker,
		store,
		dispatch(update) {
			store.update(update);
		},
		schedule: scheduler.schedule,
		now: scheduler.now,
		settings: {...defaultLogSettings, ...settings},
		signal: controller.signal,
	});
	const dialog = (): LogsDialog => {
		const current = store.getState().ui.dialog;
		if (current?.kind !== 'logs') {
			assert.fail('no logs dialog is open');
		}

		return current;
	};

	/** How many commits changed the dialog's lines: the repaints new lines cost. */
	const lineCommits = (): number =>
		commits.filter((state, index) => {
			const before = index === 0 ? undefined : commits[index - 1]?.ui.dialog;
			const now = state.ui.dialog;
			return (
				now?.kind === 'logs' &&
				before?.kind === 'logs' &&
				now.lines !== before.lines
			);
		}).length;
	return {docker, scheduler, store, logs, dialog, controller, lineCommits};
}

describe('log feed', () => {
	it('keeps no more text than its budget: the oldest lines make way, counted as dropped', async () => {
		const {docker, scheduler, logs, dialog} = setup({textBudget: 1000});
		logs.open({ids: [web.id], title: 'web'});
		await scheduler.advance(0);
		docker.writeLog(
			web.id,
			Array.from({length: 10}, (_, index) =>
				line(index, String(index).repeat(300)),
			),
		);
		await scheduler.advance(100);
		assert.deepEqual(
			dialog().lines.map(entry => entry.text[0]),
			['7', '8', '9'],
		);
		assert.equal(dialog().dropped, 7);
		// One line over the whole budget is still shown, alone.
		docker.writeLog(web.id, [line(20, 'x'.repeat(5000))]);
		await scheduler.advance(100);
		assert.deepEqual(
			dialog().lines.map(entry => entry.text.length),
			[5000],
		);
		docker.writeLog(web.id, [line(21, 'small')]);
		await scheduler.advance(100);
		assert.deepEqual(
			dialog().lines.map(entry => entry.text),
			['small'],
		);
	});

	it('opens the dialog, starts with the tail, then follows', async () => {
		const {docker, scheduler, logs, dialog} = setup({tail: 2});
		docker.writeLog(web.id, [line(0, 'a'), line(1, 'b'), line(2, 'c')]);
		logs.open({ids: [web.id], title: 'web'});
		assert.equal(dialog().title, 'web');
		assert.deepEqual(dialog().sources, [{id: web.id, name: 'web'}]);
		await scheduler.advance(0);
		assert.deepEqual(
			dialog().lines.map(entry => entry.text),
			['b', 'c'],
		);
		docker.writeLog(web.id, [line(3, 'd', 'stderr')]);
		await scheduler.advance(100);
		assert.deepEqual(
			dialog().lines.map(entry => [entry.text, entry.stream]),
			[
				['b', 'stdout'],
				['c', 'stdout'],
				['d', 'stderr'],
			],
		);
	});

	it('merges several containers into one time-ordered log, whatever order their batches come in', async () => {
		const {docker, scheduler, logs, dialog} = setup();
		docker.writeLog(db.id, [line(10, 'db-10'), line(30, 'db-30')]);
		docker.writeLog(web.id, [line(0, 'web-0'), line(20, 'web-20')]);
		logs.open({ids: [web.id, db.id], title: '2 containers'});
		await scheduler.advance(0);
		// Live lines arriving late and out of order between the two streams.
		docker.writeLog(db.id, [line(50, 'db-50')]);
		docker.writeLog(web.id, [line(40, 'web-40'), line(50, 'web-50')]);
		await scheduler.advance(200);
		assert.deepEqual(
			dialog().lines.map(entry => entry.text),
			['web-0', 'db-10', 'web-20', 'db-30', 'web-40', 'db-50', 'web-50'],
		);
		assert.deepEqual(
			dialog().lines.map(entry => dialog().sources[entry.source]?.name),
			['web', 'db', 'web', 'db', 'web', 'db', 'web'],
		);
	});

	it('keeps memory bounded: a chatty container fills the ring buffer, the oldest lines go', async () => {
		const {docker, scheduler, logs, dialog} = setup({capacity: 5000});
		logs.open({ids: [web.id], title: 'web'});
		await scheduler.advance(0);
		for (let batch = 0; batch < 20; batch++) {
			docker.writeLog(
				web.id,
				Array.from({length: 1000}, (_, index) =>
					line(batch * 1000 + index, `line-${batch * 1000 + index}`),
				),
			);
		}

		await scheduler.advance(200);
		assert.equal(dialog().lines.length, 5000);
		assert.equal(dialog().dropped, 15_000);
		assert.equal(dialog().lines[0]?.text, 'line-15000');
		assert.equal(dialog().lines.at(-1)?.text, 'line-19999');
	});

	it('a late line older than all a full buffer keeps is dropped, not kept in place of a newer one', async () => {
		const {docker, scheduler, logs, dialog} = setup({capacity: 3, tail: 3});
		logs.open({ids: [web.id, db.id], title: 'both'});
		await scheduler.advance(0);
		docker.writeLog(web.id, [
			line(10, 'w10'),
			line(11, 'w11'),
			line(12, 'w12'),
		]);
		docker.writeLog(db.id, [line(1, 'd1'), line(11, 'd11')]);
		await scheduler.advance(200);
		assert.deepEqual(
			dialog().lines.map(entry => entry.text),
			['w11', 'd11', 'w12'],
		);
		assert.equal(dialog().dropped, 2);
	});

	it('repaints at most once per flush interval however many batches arrive', async () => {
		const {docker, scheduler, logs, dialog, lineCommits} = setup({
			flushIntervalMs: 100,
		});
		logs.open({ids: [web.id], title: 'web'});
		await scheduler.advance(0);
		for (let index = 0; index < 50; index++) {
			docker.writeLog(web.id, [line(index, `l${index}`)]);
			await scheduler.advance(5);
		}

		await scheduler.advance(100);
		assert.equal(dialog().lines.length, 50);
		// 250 ms of batches every 5 ms: one repaint now and then one per 100 ms, not 50.
		assert.ok(lineCommits() <= 4, `${lineCommits()} repaints`);
		assert.ok(lineCommits() >= 2, `${lineCommits()} repaints`);
	});

	it('closes its streams when the dialog closes, and takes no more lines', async () => {
		const {docker, scheduler, store, logs} = setup();
		logs.open({ids: [web.id, db.id], title: 'both'});
		await scheduler.advance(0);
		assert.equal(docker.openLogStreams, 2);
		store.update(dialogClosed);
		await scheduler.advance(0);
		assert.equal(docker.openLogStreams, 0);
		docker.writeLog(web.id, [line(0, 'late')]);
		await scheduler.advance(200);
		assert.equal(store.getState().ui.dialog, undefined);
	});

	it('a dialog opened anew stops the old session: its lines do not leak in', async () => {
		const {docker, scheduler, logs, dialog} = setup();
		logs.open({ids: [web.id], title: 'web'});
		await scheduler.advance(0);
		logs.open({ids: [db.id], title: 'db'});
		await scheduler.advance(0);
		assert.equal(docker.openLogStreams, 1);
		docker.writeLog(web.id, [line(0, 'web line')]);
		docker.writeLog(db.id, [line(0, 'db line')]);
		await scheduler.advance(200);
		assert.deepEqual(
			dialog().lines.map(entry => entry.text),
			['db line'],
		);
	});

	it('closes every stream when the app stops', async () => {
		const {docker, scheduler, logs, controller} = setup();
		logs.open({ids: [web.id], title: 'web'});
		await scheduler.advance(0);
		controller.abort();
		await scheduler.advance(0);
		assert.equal(docker.openLogStreams, 0);
	});

	it('says when a container’s stream ended', async () => {
		const {docker, scheduler, logs, dialog} = setup();
		logs.open({ids: [web.id, db.id], title: 'both'});
		await scheduler.advance(0);
		docker.endLogs(db.id);
		await scheduler.advance(0);
		assert.deepEqual([...dialog().ended], [[1, undefined]]);
	});
});
