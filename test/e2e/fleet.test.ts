import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, before, describe, it} from 'node:test';
import {launchDockmate} from '../helpers/dockmate.js';
import {createLabelled, runLabelled} from '../helpers/e2e-containers.js';
import {
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../helpers/throwaway-daemon.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:fleet';
const suffix = randomBytes(3).toString('hex');
/** A container name of this run. */
const named = (name: string): string => `fl-${name}-${suffix}`;

/** The screen line that lists `name`. */
function rowOf(screen: string, name: string): string {
	return (
		screen
			.split('\n')
			.find(line => line.startsWith('│') && line.includes(name)) ?? ''
	);
}

/** The chip of `engine` in the header: from its name to the closing bracket. */
function chipOf(screen: string, engine: string): string {
	return new RegExp(`\\[${engine}[^\\]]*\\]`).exec(screen)?.[0] ?? '';
}

describe('the fleet view', {timeout: 300_000}, () => {
	let alpha: ThrowawayDaemon;
	let beta: ThrowawayDaemon;
	let home: string;
	let screen: TmuxSession | undefined;

	/** Whether the container exists on `daemon`, and its state there. */
	const stateOn = async (
		daemon: ThrowawayDaemon,
		name: string,
	): Promise<string> => {
		const result = await daemon.docker([
			'inspect',
			'--format',
			'{{.State.Status}}',
			name,
		]);
		return result.code === 0 ? result.stdout.trim() : 'gone';
	};

	const launch = async (fleet: string): Promise<TmuxSession> => {
		screen = await launchDockmate({
			host: undefined,
			args: ['--fleet', fleet],
			columns: 160,
			env: {HOME: home, DOCKER_CONFIG: path.join(home, '.docker')},
		});
		return screen;
	};

	before(async () => {
		[alpha, beta] = await Promise.all([
			startThrowawayDaemon(),
			startThrowawayDaemon(),
		]);
		await Promise.all([
			alpha.importBusyboxImage(image),
			beta.importBusyboxImage(image),
		]);
		home = mkdtempSync(path.join(os.tmpdir(), 'dmt-fleet-'));
		mkdirSync(path.join(home, '.docker'));
		mkdirSync(path.join(home, '.config', 'dockmate'), {recursive: true});
		writeFileSync(
			path.join(home, '.config', 'dockmate', 'config.json'),
			JSON.stringify({
				// One engine of the fleet to switch to with c.
				hosts: [{name: 'alpha-one', host: alpha.host}],
				fleet: {
					lab: [
						{name: 'alpha', host: alpha.host},
						{name: 'beta', host: beta.host},
					],
					guarded: [
						{name: 'alpha', host: alpha.host, readOnly: true},
						{name: 'beta', host: beta.host},
					],
				},
			}),
		);
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	after(async () => {
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		await Promise.all([alpha?.stop(), beta?.stop()]);
		rmSync(home, {recursive: true, force: true});
	});

	it('lists every engine’s rows with their ENGINE; s stops a container on its own engine only', async () => {
		const web = named('web');
		await Promise.all([
			runLabelled(alpha, {name: web, image}),
			runLabelled(beta, {name: web, image}),
		]);
		const current = await launch('lab');
		const listed = await current.waitForText(
			text =>
				text.split('\n').filter(line => line.includes(web)).length === 2 &&
				/\[alpha[^\]]*● connected/.test(text) &&
				/\[beta[^\]]*● connected/.test(text),
			15_000,
		);
		const rows = listed.split('\n').filter(line => line.includes(web));
		assert.ok(rows.some(line => /alpha\s/.test(line)));
		assert.ok(rows.some(line => /beta\s/.test(line)));
		assert.match(listed, /ENGINE/);

		// Created on beta: listed under beta, and only there.
		const late = named('late');
		await runLabelled(beta, {name: late, image});
		const withLate = await current.waitForText(late);
		assert.match(rowOf(withLate, late), /beta\s/);
		assert.doesNotMatch(rowOf(withLate, late), /alpha/);

		// `/` matches the engine's name.
		await current.sendKeys('/', ...Array.from('beta'), 'Enter');
		const betaOnly = await current.waitForText(/Containers 2\/2 of \d+/);
		assert.ok(
			!betaOnly
				.split('\n')
				.some(line => line.includes(suffix) && /alpha\s/.test(line)),
			'alpha’s containers pass a filter on beta',
		);

		// Both webs; the cursor onto beta's, then s.
		await current.sendKeys('/', 'C-u', ...Array.from(web), 'Enter');
		const both = await current.waitForText(/Containers \d\/2 of \d+/);
		const at = Number(/Containers (\d)\/2/.exec(both)?.[1]);
		// Rows only: the pane's title names the filter, and so holds the name too.
		const webRows = both
			.split('\n')
			.filter(line => line.startsWith('│') && line.includes(web));
		const betaAt = webRows.findIndex(line => /beta\s/.test(line)) + 1;
		if (betaAt !== at) {
			await current.sendKeys(betaAt > at ? 'j' : 'k');
			await current.waitForText(`Containers ${betaAt}/2 of`);
		}

		await current.sendKeys('s');
		await waitFor(async () => (await stateOn(beta, web)) === 'exited', {
			timeoutMs: 20_000,
			message: 'beta’s web stopped',
		});
		assert.equal(await stateOn(alpha, web), 'running');
		await current.sendKeys('L');
		const log = await current.waitForText(/container stop/);
		assert.match(
			log,
			new RegExp(`DOCKER_HOST=\\S+ docker container stop ${web}`),
		);
	});

	it('c switches to one engine of the fleet, and back to the whole fleet', async () => {
		const solo = named('solo');
		await runLabelled(beta, {name: solo, image});
		const current = await launch('lab');
		await current.waitForText(
			text => text.includes(solo) && /\[alpha[^\]]*● connected/.test(text),
			15_000,
		);
		await current.sendKeys('c');
		const list = await current.waitForText(/Engines ·/);
		assert.match(list, /● lab\s+fleet\s+alpha, beta/);
		// The fleet, the default context, then the config's hosts.
		await current.sendKeys('Down', 'Down', 'Enter');
		const single = await current.waitForText(
			text => text.includes('switched to') && !text.includes('Engines ·'),
			15_000,
		);
		assert.doesNotMatch(single, /ENGINE|fl-solo/);
		await current.sendKeys('c');
		const again = await current.waitForText(/ {2}lab\s+fleet/);
		assert.match(again, /● alpha-one\s+host/);
		await current.sendKeys('Up', 'Up', 'Enter');
		const back = await current.waitForText(
			text =>
				text.includes(solo) &&
				text.includes('ENGINE') &&
				!text.includes('Engines ·'),
			15_000,
		);
		assert.match(rowOf(back, solo), /beta\s/);
	});

	it('a marked set spanning both engines is removed from each', async () => {
		const gone = named('gone');
		await Promise.all([
			createLabelled(alpha, {name: gone, image}),
			createLabelled(beta, {name: gone, image}),
		]);
		const current = await launch('lab');
		await current.waitForText(
			text => text.split('\n').filter(line => line.includes(gone)).length === 2,
			15_000,
		);
		await current.sendKeys('/', ...Array.from(gone), 'Enter');
		await current.waitForText(/Containers 1\/2( of \d+)?/);
		await current.sendKeys('*', 'd');
		await current.waitForText(/Remove 2 containers\?/);
		await current.sendKeys('y');
		await waitFor(
			async () =>
				(await stateOn(alpha, gone)) === 'gone' &&
				(await stateOn(beta, gone)) === 'gone',
			{timeoutMs: 20_000, message: 'removed from both engines'},
		);
		await current.waitForText(/removed 2/);
	});

	it('a read-only engine refuses, the other one acts', async () => {
		const kept = named('kept');
		await Promise.all([
			createLabelled(alpha, {name: kept, image}),
			createLabelled(beta, {name: kept, image}),
		]);
		const current = await launch('guarded');
		const started = await current.waitForText(
			text => text.split('\n').filter(line => line.includes(kept)).length === 2,
			15_000,
		);
		assert.match(chipOf(started, 'alpha'), /read-only/);
		await current.sendKeys('/', ...Array.from(kept), 'Enter');
		await current.waitForText(/Containers 1\/2( of \d+)?/);
		await current.sendKeys('*', 'd');
		await current.waitForText(/Remove 2 containers\?/);
		await current.sendKeys('y');
		await current.waitForText(/1 of 2 failed: .*alpha is read-only/);
		assert.equal(await stateOn(beta, kept), 'gone');
		assert.equal(await stateOn(alpha, kept), 'created');
	});

	it('a dead engine is shown down within 2 s, its rows stay stale, the other keeps updating, and it comes back', async () => {
		const steady = named('steady');
		await Promise.all([
			runLabelled(alpha, {name: steady, image}),
			runLabelled(beta, {name: steady, image}),
		]);
		const current = await launch('lab');
		await current.waitForText(
			text =>
				text.split('\n').filter(line => line.includes(steady)).length === 2 &&
				/\[alpha[^\]]*● connected/.test(text),
			15_000,
		);
		const killedAt = performance.now();
		await alpha.kill();
		try {
			const down = await current.waitForText(/\[alpha[^\]]*✕ retrying/, 5000);
			const ms = performance.now() - killedAt;
			assert.ok(ms < 2000, `alpha shown down after ${Math.round(ms)} ms`);
			assert.match(chipOf(down, 'beta'), /● connected/);
			// Its rows stay, dimmed (SGR 2 or the theme's grey), while beta's are news.
			assert.ok(rowOf(down, steady), 'alpha’s rows vanished while it is down');

			const during = named('during');
			await runLabelled(beta, {name: during, image});
			const updated = await current.waitForText(during);
			assert.equal(
				updated.split('\n').filter(line => line.includes(steady)).length,
				2,
				'alpha’s rows vanished while it is down',
			);
		} finally {
			await alpha.start();
		}

		const back = named('back');
		await runLabelled(alpha, {name: back, image});
		const relisted = await current.waitForText(
			text => /\[alpha[^\]]*● connected/.test(text) && text.includes(back),
			20_000,
		);
		assert.match(rowOf(relisted, back), /alpha\s/);
	});

	it('n on Volumes asks which engine; the volume is created on the one chosen only', async () => {
		const volume = named('vol');
		const current = await launch('lab');
		await current.waitForText(
			text =>
				/\[alpha[^\]]*● connected/.test(text) &&
				/\[beta[^\]]*● connected/.test(text),
			15_000,
		);
		await current.sendKeys('5', 'n');
		await current.waitForText(/Create a volume on which engine\?/);
		await current.sendKeys('j', 'Enter');
		await current.waitForText(/Create a volume on beta/);
		await current.sendKeys(...Array.from(volume), 'C-g');
		await current.waitForText(`created volume ${volume}`, 15_000);
		const onBeta = await beta.docker(['volume', 'inspect', volume]);
		const onAlpha = await alpha.docker(['volume', 'inspect', volume]);
		await beta.docker(['volume', 'rm', volume]);
		assert.equal(onBeta.code, 0, 'beta has no such volume');
		assert.notEqual(onAlpha.code, 0, 'alpha has the volume too');
	});
});
