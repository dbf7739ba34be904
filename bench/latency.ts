import {setTimeout as delay} from 'node:timers/promises';
import type {TmuxSession} from '../test/helpers/tmux.js';
import {waitFor} from '../test/helpers/wait-for.js';

/**
 * Pause between two captures while we wait for the screen to change. Each capture-pane spawns a
 * tmux client, ~4 ms here (3–7 ms on a busy two-core machine), and a change is seen at the end
 * of the first capture that starts after it: every time measured this way is an upper bound,
 * ~5 ms late on average and at most one pause plus two captures (~10 ms). Polling back to back
 * would shave off 1 ms but keep a core busy with tmux clients, of two, while dockmate works.
 */
export const pollIntervalMs = 2;

/** Where the selection is in the containers pane, from its title: `Containers 3/300`. */
export type Selection = {
	readonly position: number;
	/** The rows the pane lists, after any filter. */
	readonly shown: number;
};

/** Reads `1 Containers 3/300` (or `3/12 of 300` under a filter) off the screen. */
export function containersSelection(screen: string): Selection | undefined {
	const match = /Containers (\d+)\/(\d+)/.exec(screen);
	return match?.[1] === undefined || match[2] === undefined
		? undefined
		: {position: Number(match[1]), shown: Number(match[2])};
}

/** The value below which `fraction` of the values lie (nearest rank). */
export function percentile(
	values: readonly number[],
	fraction: number,
): number {
	if (values.length === 0) {
		return Number.NaN;
	}

	const sorted = values.toSorted((a, b) => a - b);
	const rank = Math.ceil(fraction * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
	if (values.length === 0) {
		return Number.NaN;
	}

	const sorted = values.toSorted((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? sorted[middle]!
		: (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Polls the screen until `matches` holds.
 * @returns ms from `started` to the end of the capture that matched.
 */
export async function timeUntilScreen(
	session: TmuxSession,
	started: number,
	matches: (screen: string) => boolean,
	options: {readonly timeoutMs: number; readonly message: string},
): Promise<number> {
	let screen = '';
	await waitFor(
		async () => {
			screen = await session.capture();
			return matches(screen);
		},
		{
			timeoutMs: options.timeoutMs,
			intervalMs: pollIntervalMs,
			message: options.message,
			describe: () => `\n${screen}`,
		},
	);
	return performance.now() - started;
}

async function currentSelection(session: TmuxSession): Promise<Selection> {
	const selection = containersSelection(await session.capture());
	if (!selection) {
		throw new Error('the containers pane shows no selection counter');
	}

	return selection;
}

/**
 * What tmux alone costs in one key latency sample: `send-keys` of a key that changes nothing
 * (`k` on the first row) and one `capture-pane`.
 * @returns one duration in ms per sample.
 */
export async function measureTmuxRoundTrip(
	session: TmuxSession,
	samples: number,
): Promise<number[]> {
	await session.sendKeys('g');
	await timeUntilScreen(
		session,
		performance.now(),
		screen => containersSelection(screen)?.position === 1,
		{timeoutMs: 5000, message: '`g` did not select the first container'},
	);
	const durations: number[] = [];
	for (let index = 0; index < samples; index++) {
		const started = performance.now();
		await session.sendKeys('k');
		const selection = containersSelection(await session.capture());
		durations.push(performance.now() - started);
		if (selection?.position !== 1) {
			throw new Error(
				'`k` on the first row moved the selection, so it cannot stand for a key that changes nothing',
			);
		}
	}

	return durations;
}

/**
 * Between presses in {@link measureKeyLatency}: a typist's pace, well apart from the previous
 * frame. Ink renders at most 30 frames a second (leading and trailing edge), so a key pressed
 * within 34 ms of the last frame waits for the next slot; pressed back to back, as soon as the
 * last one showed, nearly every press would (about 20 ms more at the median in a trial).
 */
export const typingGapMs = 200;

/**
 * Sends `j` and `k` in turn, so that each press moves the selection, and times each until the
 * pane's selection counter shows the move. Starts from whatever row is selected, which must
 * have a row below it.
 * @param gapMs pause before each press; 0 presses back to back, as a held key would.
 * @returns one latency in ms per press.
 */
export async function measureKeyLatency(
	session: TmuxSession,
	presses: number,
	{gapMs = typingGapMs, timeoutMs = 5000} = {},
): Promise<number[]> {
	let {position} = await currentSelection(session);
	const latencies: number[] = [];
	for (let index = 0; index < presses; index++) {
		if (gapMs > 0) {
			// Pacing that stands for a typist, not a wait for anything.
			await delay(gapMs);
		}

		const key = index % 2 === 0 ? 'j' : 'k';
		const expected = position + (key === 'j' ? 1 : -1);
		const started = performance.now();
		await session.sendKeys(key);
		latencies.push(
			await timeUntilScreen(
				session,
				started,
				screen => containersSelection(screen)?.position === expected,
				{
					timeoutMs,
					message: `\`${key}\` did not move the selection to row ${expected}`,
				},
			),
		);
		position = expected;
	}

	return latencies;
}
