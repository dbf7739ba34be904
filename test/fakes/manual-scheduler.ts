import type {Schedule} from '../../source/runtime/scheduler.js';

/**
 * Returns a function that lets every queued promise reaction run, over `rounds` turns of the
 * event loop; no time passes. Code that chains more awaits per step needs more rounds.
 */
export function settler(rounds: number): () => Promise<void> {
	return async () => {
		for (let round = 0; round < rounds; round++) {
			await new Promise<void>(resolve => {
				setImmediate(resolve);
			});
		}
	};
}

/** Options for a {@link ManualScheduler}. */
export type ManualSchedulerOptions = {
	/** The clock's first reading, in milliseconds since the epoch; 2026-11-28 12:00 UTC unless told. */
	readonly start?: number;
	/**
	 * What {@link ManualScheduler.advance} awaits before each timer it runs and at the end, so
	 * that what the timers set off can happen; `settler(1)` unless told.
	 */
	readonly settle?: () => Promise<void>;
};

/**
 * A clock and a timer queue that only move when the test says so: pass `schedule` and `now` to the
 * code under test in place of the real timers, then move time on with
 * {@link ManualScheduler.advance}.
 */
export class ManualScheduler {
	/** The clock's reading, in milliseconds since the epoch. */
	time: number;
	private readonly tasks: {at: number; seq: number; task: () => void}[] = [];
	private seq = 0;
	private readonly settle: () => Promise<void>;

	constructor(options: ManualSchedulerOptions = {}) {
		this.time = options.start ?? Date.parse('2026-11-28T12:00:00Z');
		this.settle = options.settle ?? settler(1);
	}

	/** Reads the clock: stands in for `Date.now`. */
	readonly now = (): number => this.time;

	/** Queues `task` to run `delayMs` from now; the returned function cancels it. */
	readonly schedule: Schedule = (task, delayMs) => {
		const entry = {at: this.time + Math.max(0, delayMs), seq: this.seq++, task};
		this.tasks.push(entry);
		return () => {
			const index = this.tasks.indexOf(entry);
			if (index !== -1) {
				this.tasks.splice(index, 1);
			}
		};
	};

	/** Delays of the timers still pending, from now, soonest first. */
	get pending(): number[] {
		return this.tasks.map(task => task.at - this.time).sort((a, b) => a - b);
	}

	/** Moves the clock forward, running each timer that falls due (and what its promises do) in order. */
	async advance(ms: number): Promise<void> {
		const target = this.time + ms;
		for (;;) {
			await this.settle();
			const next = this.tasks
				.filter(task => task.at <= target)
				.sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
			if (next === undefined) {
				break;
			}

			this.tasks.splice(this.tasks.indexOf(next), 1);
			this.time = next.at;
			next.task();
		}

		this.time = target;
		await this.settle();
	}
}
