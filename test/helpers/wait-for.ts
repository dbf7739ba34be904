import {inspect} from 'node:util';

/** What a {@link waitFor} probe may return: any falsy value means "not yet". */
export type Probed<T> = T | undefined | false | null | 0 | '';

/** Options for {@link waitFor}. */
export type WaitForOptions = {
	/** Give up after this long, counted from the call. */
	readonly timeoutMs: number;
	/** Pause between probes; 25 ms unless told. */
	readonly intervalMs?: number;
	/** Says what was awaited; the deadline error starts with it. */
	readonly message: string;
	/**
	 * Turns the last probed value into text for the deadline error,
	 * e.g. to show a whole terminal screen unquoted.
	 */
	readonly describe?: (last: unknown) => string;
};

/**
 * Polls `probe` until it returns a truthy value and resolves with that value.
 *
 * This is the only way tests wait for something: a fixed sleep is either too
 * short on a loaded CI machine or wastes time everywhere else.
 *
 * A probe that throws counts as "not yet" (a daemon that does not listen yet
 * refuses connections, say); the last error is reported if the deadline
 * passes. The probe is always run at least once, and once more after the
 * deadline would pass during a pause, so a slow pause cannot make it fail
 * without a last look.
 *
 * @throws Error whose message holds `message`, the time waited and the last
 * probed value (or the probe's last error).
 */
export async function waitFor<T>(
	probe: () => Probed<T> | Promise<Probed<T>>,
	options: WaitForOptions,
): Promise<T> {
	const {timeoutMs, intervalMs = 25, message} = options;
	const started = performance.now();
	const deadline = started + timeoutMs;
	let last: {value: unknown} | {error: unknown} = {value: undefined};

	for (;;) {
		try {
			const value = await probe();
			if (value) {
				return value;
			}

			last = {value};
		} catch (error: unknown) {
			last = {error};
		}

		const now = performance.now();
		if (now >= deadline) {
			break;
		}

		await pause(Math.min(intervalMs, deadline - now));
	}

	const waited = Math.round(performance.now() - started);
	const describe = options.describe ?? describeValue;
	const detail =
		'error' in last
			? `last probe threw: ${describeError(last.error)}`
			: `last probed value: ${describe(last.value)}`;
	throw new Error(`${message} (gave up after ${waited} ms; ${detail})`);
}

async function pause(ms: number): Promise<void> {
	await new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});
}

function describeValue(value: unknown): string {
	return typeof value === 'string'
		? `\n${value}`
		: inspect(value, {depth: 4, breakLength: Infinity});
}

function describeError(error: unknown): string {
	return error instanceof Error ? error.message : inspect(error);
}
