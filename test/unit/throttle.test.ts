import assert from 'node:assert/strict';
import {getEventListeners} from 'node:events';
import {describe, it} from 'node:test';
import {pause} from '../../source/runtime/scheduler.js';
import {createThrottle} from '../../source/runtime/throttle.js';
import {ManualScheduler, settler} from '../fakes/manual-scheduler.js';

/** Lets every queued promise reaction run; no time passes. */
const settle = settler(1);

type Deferred = {readonly promise: Promise<void>; readonly resolve: () => void};

function deferred(): Deferred {
	let resolve = (): void => undefined;
	const promise = new Promise<void>(done => {
		resolve = done;
	});
	return {promise, resolve};
}

/** A throttle over a task that records when each run started and can be held open. */
function setup(options: {intervalMs?: number; slow?: boolean} = {}) {
	const clock = new ManualScheduler({start: 0});
	const starts: number[] = [];
	const open: Deferred[] = [];
	let active = 0;
	let maxActive = 0;
	const throttle = createThrottle({
		intervalMs: options.intervalMs ?? 100,
		schedule: clock.schedule,
		now: clock.now,
		async run() {
			starts.push(clock.time);
			active++;
			maxActive = Math.max(maxActive, active);
			if (options.slow) {
				const gate = deferred();
				open.push(gate);
				await gate.promise;
			}

			active--;
		},
	});
	return {
		clock,
		throttle,
		starts,
		/** Finishes the oldest run still going. */
		finish() {
			const gate = open.shift();
			assert.ok(gate, 'a run is in progress');
			gate.resolve();
		},
		get active() {
			return active;
		},
		get maxActive() {
			return maxActive;
		},
	};
}

describe('createThrottle', () => {
	it('runs at once on the first trigger (leading edge)', () => {
		const {throttle, starts} = setup();
		throttle.trigger();
		assert.deepEqual(starts, [0]);
	});

	it('turns a burst of 200 triggers into exactly one more run, after the interval', async () => {
		const {throttle, starts, clock} = setup();
		for (let index = 0; index < 200; index++) {
			throttle.trigger();
		}

		await settle();
		assert.deepEqual(starts, [0]);
		await clock.advance(99);
		assert.deepEqual(starts, [0]);
		await clock.advance(1);
		assert.deepEqual(starts, [0, 100]);
		await clock.advance(10_000);
		assert.deepEqual(starts, [0, 100]);
		assert.deepEqual(clock.pending, []);
	});

	it('spreads a long stream of triggers to one run per interval', async () => {
		const {throttle, starts, clock} = setup();
		for (let step = 0; step < 50; step++) {
			throttle.trigger();
			await clock.advance(10);
		}

		await clock.advance(1000);
		assert.deepEqual(
			starts,
			[0, 100, 200, 300, 400, 500],
			'triggers from 0 to 490 ms, one run per 100 ms',
		);
	});

	it('runs at once again when the last run was longer than an interval ago', async () => {
		const {throttle, starts, clock} = setup();
		throttle.trigger();
		await clock.advance(250);
		throttle.trigger();
		assert.deepEqual(starts, [0, 250]);
		await clock.advance(1000);
		assert.deepEqual(starts, [0, 250]);
	});

	it('never overlaps: a trigger during a slow run waits for it to finish', async () => {
		const run = setup({slow: true});
		run.throttle.trigger();
		await run.clock.advance(500);
		run.throttle.trigger();
		run.throttle.trigger();
		await run.clock.advance(500);
		assert.deepEqual(run.starts, [0], 'still one run while the first is going');
		run.finish();
		await settle();
		// The interval has long passed, so the waiting trigger runs as soon as the first one ends.
		assert.deepEqual(run.starts, [0, 1000]);
		run.finish();
		await run.clock.advance(1000);
		assert.deepEqual(run.starts, [0, 1000]);
		assert.equal(run.maxActive, 1);
	});

	it('keeps the interval after a run that ends early in it', async () => {
		const run = setup({slow: true});
		run.throttle.trigger();
		run.throttle.trigger();
		await run.clock.advance(30);
		run.finish();
		await settle();
		assert.deepEqual(run.starts, [0]);
		await run.clock.advance(69);
		assert.deepEqual(run.starts, [0]);
		await run.clock.advance(1);
		assert.deepEqual(run.starts, [0, 100]);
		assert.equal(run.maxActive, 1);
	});

	it('does not run without a trigger', async () => {
		const {starts, clock} = setup();
		await clock.advance(10_000);
		assert.deepEqual(starts, []);
	});

	it('cancel drops a pending trailing run', async () => {
		const {throttle, starts, clock} = setup();
		throttle.trigger();
		throttle.trigger();
		await settle();
		assert.deepEqual(clock.pending, [100]);
		throttle.cancel();
		assert.deepEqual(clock.pending, []);
		await clock.advance(10_000);
		assert.deepEqual(starts, [0]);
	});

	it('cancel during a run drops the trigger that was waiting for it', async () => {
		const run = setup({slow: true});
		run.throttle.trigger();
		run.throttle.trigger();
		run.throttle.cancel();
		run.finish();
		await run.clock.advance(10_000);
		assert.deepEqual(run.starts, [0]);
		assert.equal(run.active, 0);
	});

	it('works again after cancel', async () => {
		const {throttle, starts, clock} = setup();
		throttle.trigger();
		throttle.trigger();
		throttle.cancel();
		await clock.advance(50);
		throttle.trigger();
		await settle();
		assert.deepEqual(starts, [0]);
		await clock.advance(50);
		assert.deepEqual(starts, [0, 100]);
	});
});

describe('pause', () => {
	it('resolves after the delay', async () => {
		const clock = new ManualScheduler({start: 0});
		let done = false;
		const paused = pause(
			clock.schedule,
			500,
			new AbortController().signal,
		).then(() => {
			done = true;
		});
		await clock.advance(499);
		assert.equal(done, false);
		await clock.advance(1);
		assert.equal(done, true);
		await paused;
	});

	it('resolves at once, scheduling nothing, when the signal is already aborted', async () => {
		const clock = new ManualScheduler({start: 0});
		const controller = new AbortController();
		controller.abort();
		let done = false;
		const paused = pause(clock.schedule, 60_000, controller.signal).then(() => {
			done = true;
		});
		await settle();
		assert.equal(done, true);
		assert.deepEqual(clock.pending, []);
		await paused;
	});

	it('resolves at once on abort and cancels its timer', async () => {
		const clock = new ManualScheduler({start: 0});
		const controller = new AbortController();
		let done = false;
		const paused = pause(clock.schedule, 60_000, controller.signal).then(() => {
			done = true;
		});
		await settle();
		assert.deepEqual(clock.pending, [60_000]);
		assert.equal(done, false);
		controller.abort();
		await settle();
		assert.equal(done, true);
		assert.deepEqual(clock.pending, []);
		assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
		await paused;
	});

	it('removes its abort listener when the delay passes', async () => {
		const clock = new ManualScheduler({start: 0});
		const controller = new AbortController();
		const paused = pause(clock.schedule, 10, controller.signal);
		assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
		await clock.advance(10);
		await paused;
		assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
	});
});
