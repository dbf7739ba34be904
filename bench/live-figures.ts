import type {ThrowawayDaemon} from '../test/helpers/throwaway-daemon.js';
import type {TmuxSession} from '../test/helpers/tmux.js';
import {containersSelection, timeUntilScreen} from './latency.js';

/** A bench container's row: its name, as the fleet names them. */
const benchRow = /\bbench-(?:burn-)?\d{2,4}\b/;
/** A CPU figure in a row; a container without a sample yet shows none. */
const figure = /\d%/;

export type LiveRows = {
	/** Container rows read, every page of the list. */
	readonly seen: number;
	/** Of them, those that showed figures. */
	readonly live: number;
};

/**
 * Pages through the containers pane from the top (`g`, then PageDown until the last row is
 * selected) and counts the rows that show a CPU figure: every running container should.
 */
export async function countLiveRows(
	session: TmuxSession,
	total: number,
): Promise<LiveRows> {
	const seen = new Map<string, boolean>();
	await session.sendKeys('g');
	let position = 0;
	for (;;) {
		const last = position;
		let screen = '';
		await timeUntilScreen(
			session,
			performance.now(),
			text => {
				screen = text;
				const shown = containersSelection(text)?.position ?? 0;
				return shown !== last;
			},
			{timeoutMs: 10_000, message: 'the containers pane did not move a page'},
		);
		position = containersSelection(screen)?.position ?? 0;
		for (const line of screen.split('\n')) {
			const name = benchRow.exec(line)?.[0];
			if (name !== undefined) {
				seen.set(name, (seen.get(name) ?? false) || figure.test(line));
			}
		}

		if (position >= total) {
			break;
		}

		await session.sendKeys('PageDown');
	}

	return {
		seen: seen.size,
		live: [...seen.values()].filter(Boolean).length,
	};
}

/** Rows under the pane's top that count as "at the top" of the list. */
const topRows = 3;

/**
 * Sorts the list by CPU (`C`), makes `name`, a sleeping container at the bottom of that order,
 * busy, and times it until its row is among the first {@link topRows}: how old the figures of a
 * row off screen can be, plus a sampling period.
 * @returns the time in ms, NaN if it never got there within 15 s.
 */
export async function timeToTop(
	session: TmuxSession,
	daemon: ThrowawayDaemon,
	name: string,
): Promise<number> {
	await session.sendKeys('C', 'g');
	await daemon.dockerOk([
		'exec',
		'--detach',
		name,
		'sh',
		'-c',
		'while :; do :; done',
	]);
	const started = performance.now();
	try {
		return await timeUntilScreen(
			session,
			started,
			screen =>
				screen
					.split('\n')
					.filter(line => benchRow.test(line))
					.slice(0, topRows)
					.some(line => line.includes(` ${name} `)),
			{timeoutMs: 15_000, message: `${name} did not rise to the top`},
		);
	} catch {
		return Number.NaN;
	} finally {
		// The loop is the exec's shell; the container's own process is `sleep`.
		await daemon.dockerOk(['exec', name, 'killall', 'sh']).catch(() => '');
		await session.sendKeys('N');
	}
}
