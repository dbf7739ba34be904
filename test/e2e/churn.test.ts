import assert from 'node:assert/strict';
import {readdirSync, readFileSync, readlinkSync} from 'node:fs';
import {after, before, describe, it} from 'node:test';
import {dockmatePid, launchDockmate} from '../helpers/dockmate.js';
import {removeLabelled, runMany} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {e2eLabel} from '../helpers/throwaway-daemon.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:churn';
/** Containers that stay throughout: what dockmate settles on before and after the churn. */
const steady = 20;
/** Created and removed while dockmate runs, in waves of {@link wave}. */
const churned = 120;
const wave = 60;
const churnLabel = `${e2eLabel}=churn`;

/** What a process holds that must not grow with the containers that came and went. */
type Holdings = {
	readonly descriptors: number;
	/** Sockets among the descriptors: the engine connections and streams. */
	readonly streams: number;
	readonly rssKib: number;
};

function holdings(pid: number): Holdings {
	const fds = readdirSync(`/proc/${pid}/fd`);
	let streams = 0;
	for (const fd of fds) {
		try {
			if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) {
				streams++;
			}
		} catch {
			// Closed between the listing and the look.
		}
	}

	const rss = /^VmRSS:\s+(\d+)/m.exec(
		readFileSync(`/proc/${pid}/status`, 'utf8'),
	);
	return {
		descriptors: fds.length,
		streams,
		rssKib: Number(rss?.[1] ?? Number.NaN),
	};
}

/** Within 10% of `start`, one more allowed where 10% is less than one. */
function isBack(now: number, start: number): boolean {
	return now <= Math.max(start * 1.1, start + 1);
}

const daemon = engineFixture({image});

describe('a churn of containers', {timeout: 600_000}, () => {
	let screen: TmuxSession | undefined;
	/** dockmate's, and what it held before the churn: for the memory check after it. */
	let pid: number | undefined;
	let start: Holdings | undefined;

	before(async () => {
		await runMany(daemon, {
			count: steady,
			image,
			nameOf: index => `steady-${String(index).padStart(2, '0')}`,
		});
	});

	after(async () => {
		await screen?.kill();
		await removeLabelled(daemon);
	});

	it('leaves descriptors and streams where they were once 120 containers came and went', async () => {
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText(`containers ${steady} running`, 30_000);
		pid = await dockmatePid(screen);
		const shown = pid;
		await screen.waitForText(text => /steady-\d{2}\s.*\d%/.test(text), 10_000);
		// Settled: memory grew by less than 2% over the last 5 s (a start still warming up would
		// pass a leak off as its growth).
		const rss: number[] = [];
		await waitFor(
			() => {
				rss.push(holdings(shown).rssKib);
				const before = rss.at(-6);
				return before !== undefined && rss.at(-1)! <= before * 1.02;
			},
			{timeoutMs: 60_000, intervalMs: 1000, message: 'memory settled'},
		);
		const before = holdings(shown);
		start = before;
		for (let first = 0; first < churned; first += wave) {
			await runMany(daemon, {
				count: wave,
				image,
				nameOf: index => `churn-${String(first + index).padStart(3, '0')}`,
				label: churnLabel,
			});
			await removeLabelled(daemon, churnLabel);
		}

		await screen.waitForText(
			text =>
				text.includes(`containers ${steady} running / ${steady}`) &&
				!text.includes('churn-'),
			30_000,
		);
		let now = before;
		await waitFor(
			() => {
				now = holdings(shown);
				return (
					isBack(now.descriptors, before.descriptors) &&
					isBack(now.streams, before.streams)
				);
			},
			{
				timeoutMs: 120_000,
				intervalMs: 1000,
				message: 'descriptors and streams back within 10%',
				describe: () =>
					`at start ${JSON.stringify(before)}, now ${JSON.stringify(now)}`,
			},
		);
	});

	// Run as users run it: the bundle's shebang sets the young generation and the old space's growth,
	// without which the old space kept up to 4x what was live after a churn.
	it('leaves memory within 10% of where it was after the churn', async () => {
		assert.ok(pid !== undefined && start !== undefined, 'the churn ran');
		const before = start;
		let now = before;
		await waitFor(
			() => {
				now = holdings(pid!);
				return isBack(now.rssKib, before.rssKib);
			},
			{
				timeoutMs: 60_000,
				intervalMs: 1000,
				message: 'memory back within 10%',
				describe: () => `${before.rssKib} KiB at start, ${now.rssKib} KiB now`,
			},
		);
	});
});
