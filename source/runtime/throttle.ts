import type {Schedule} from './scheduler.js';

/** A trigger that runs its task at most once per interval, however often it is pulled. */
export type Throttle = {
	/** Asks for a run: at once if the last one was long enough ago, else once at the end of the interval. */
	trigger(): void;
	cancel(): void;
};

/**
 * Leading and trailing throttle for async work that must not overlap: a burst of triggers
 * causes one run now and one after the interval, and a trigger during a run waits for it.
 */
export function createThrottle(options: {
	readonly intervalMs: number;
	readonly schedule: Schedule;
	readonly now: () => number;
	/** The work; it must handle its own errors, since nobody awaits it. */
	readonly run: () => Promise<void>;
}): Throttle {
	const {intervalMs, schedule, now, run} = options;
	let lastStart = Number.NEGATIVE_INFINITY;
	let running = false;
	let wanted = false;
	let cancelTimer: (() => void) | undefined;

	const fire = (): void => {
		cancelTimer = undefined;
		if (running) {
			return;
		}

		const wait = lastStart + intervalMs - now();
		if (wait > 0) {
			cancelTimer = schedule(fire, wait);
			return;
		}

		wanted = false;
		running = true;
		lastStart = now();
		void run().finally(() => {
			running = false;
			if (wanted && cancelTimer === undefined) {
				fire();
			}
		});
	};

	return {
		trigger() {
			wanted = true;
			if (cancelTimer === undefined) {
				fire();
			}
		},
		cancel() {
			cancelTimer?.();
			cancelTimer = undefined;
			wanted = false;
		},
	};
}
