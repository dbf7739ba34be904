import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {launchDockmate, selectByFilter} from '../helpers/dockmate.js';
import {runLabelled} from '../helpers/e2e-containers.js';
import {freePort} from '../helpers/free-port.js';
import {
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../helpers/throwaway-daemon.js';
import type {TmuxSession} from '../helpers/tmux.js';

const image = 'dockmate-e2e/busybox:hosts';
const suffix = randomBytes(3).toString('hex');
const alpha = `alpha-${suffix}`;
const beta = `beta-${suffix}`;
const gamma = `gamma-${suffix}`;

/** The header's first line: product, version and where. */
function headerLine(screen: string): string {
	return screen.split('\n').find(line => line.includes('dockmate')) ?? '';
}

describe('switching engines live', {timeout: 240_000}, () => {
	let first: ThrowawayDaemon;
	let second: ThrowawayDaemon;
	let home: string;
	let screen: TmuxSession | undefined;

	before(async () => {
		[first, second] = await Promise.all([
			startThrowawayDaemon(),
			startThrowawayDaemon(),
		]);
		await Promise.all([
			first.importBusyboxImage(image),
			second.importBusyboxImage(image),
		]);
		await Promise.all([
			runLabelled(first, {name: alpha, image}),
			runLabelled(second, {name: beta, image}),
		]);
		// Our own HOME, docker config folder and dockmate config: none of the machine's contexts.
		home = mkdtempSync(path.join(os.tmpdir(), 'dmt-switch-'));
		mkdirSync(path.join(home, '.docker'));
		mkdirSync(path.join(home, '.config', 'dockmate'), {recursive: true});
		const deadPort = await freePort();
		writeFileSync(
			path.join(home, '.config', 'dockmate', 'config.json'),
			JSON.stringify({
				hosts: [
					{name: 'second', host: second.host},
					{name: 'dead', host: `tcp://127.0.0.1:${deadPort}`},
				],
			}),
		);
	});

	after(async () => {
		await screen?.kill();
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		await Promise.all([first?.stop(), second?.stop()]);
		rmSync(home, {recursive: true, force: true});
	});

	it('c lists the engines, switches to another, and a dead one leaves us where we were', async () => {
		screen = await launchDockmate({
			host: first.host,
			env: {HOME: home, DOCKER_CONFIG: path.join(home, '.docker')},
		});
		const started = await screen.waitForText(
			text => text.includes('● connected') && text.includes(alpha),
		);
		assert.match(headerLine(started), new RegExp(`@ ${first.host}`));

		// An action on the first engine, for the command log to keep across the switch.
		await selectByFilter(screen, alpha);
		await screen.sendKeys('s');
		await screen.waitForText(`stopped ${alpha}`, 15_000);
		assert.equal(
			await first.dockerOk(['inspect', '--format', '{{.State.Status}}', alpha]),
			'exited',
		);

		await screen.sendKeys('c');
		const list = await screen.waitForText('Engines');
		// The --host we started with is current (●), then the contexts, then the config's hosts.
		assert.match(list, /● --host\s+flag\s+unix:\/\//);
		assert.match(list, /default\s+context/);
		assert.match(list, new RegExp(`second\\s+host\\s+${second.host}`));
		assert.match(list, /dead\s+host\s+tcp:\/\/127\.0\.0\.1:\d+/);

		await screen.sendKeys('j', 'j', 'Enter');
		const switched = await screen.waitForText(
			text =>
				text.includes(beta) &&
				!text.includes(alpha) &&
				text.includes('● connected'),
			15_000,
		);
		assert.match(
			headerLine(switched),
			new RegExp(`Docker \\S+ @ second \\(${second.host}\\)`),
		);
		assert.match(switched, /switched to second/);

		// The command log still has the stop done on the first engine, tagged with that engine.
		await screen.sendKeys('L');
		const log = await screen.waitForText('Command log');
		assert.match(
			log,
			new RegExp(`✓ docker container stop ${alpha} @ ${first.host}`),
		);
		await screen.sendKeys('Escape');
		await screen.waitForText(text => !text.includes('Command log'));

		// The new engine's event feed runs: a container started there shows up; the old one's is gone.
		await Promise.all([
			runLabelled(second, {name: gamma, image}),
			runLabelled(first, {name: `${gamma}-old`, image}),
		]);
		const live = await screen.waitForText(gamma);
		assert.doesNotMatch(live, new RegExp(`${gamma}-old`));

		await screen.sendKeys('c');
		const again = await screen.waitForText('Engines');
		assert.match(again, /● second/, 'the current engine is marked');
		await screen.sendKeys('j', 'Enter');
		const failed = await screen.waitForText(/connection refused/, 15_000);
		assert.match(
			failed,
			/cannot connect to the Docker engine at tcp:\/\/127\.0\.0\.1:\d+: connection refused/,
		);
		await screen.sendKeys('Escape');
		const stayed = await screen.waitForText(
			text => !text.includes('Engines') && text.includes(beta),
		);
		assert.match(headerLine(stayed), /@ second \(/);
		assert.match(stayed, /● connected/);
		assert.match(
			stayed,
			/connection refused/,
			'the error stays in the status line',
		);
	});
});
