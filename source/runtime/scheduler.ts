/** Runs `task` after `delayMs`; returns a function that cancels it. Injected so tests control time. */
export type Schedule = (task: () => void, delayMs: number) => () => void;

/** The real clock. Timers are unref'd: pending work never keeps the process alive on its own. */
export const realSchedule: Schedule = (task, delayMs) => {
	const timer = setTimeout(task, delayMs);
	timer.unref();
	return () => {
		clearTimeout(timer);
	};
};

/** Resolves after `delayMs`, or at once when `signal` aborts. */
export async function pause(
	schedule: Schedule,
	delayMs: number,
	signal: AbortSignal,
): Promise<void> {
	if (signal.aborted) {
		return;
	}

	await new Promise<void>(resolve => {
		const done = (): void => {
			cancel();
			signal.removeEventListener('abort', done);
			resolve();
		};

		const cancel = schedule(done, delayMs);
		signal.addEventListener('abort', done, {once: true});
	});
}
