import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {launchDockmate} from '../helpers/dockmate.js';
import {
	e2eLabel,
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../helpers/throwaway-daemon.js';
import type {TmuxSession} from '../helpers/tmux.js';

const image = 'dockmate-e2e/busybox:restart';

describe('the engine goes away and comes back', {timeout: 120_000}, () => {
	let daemon: ThrowawayDaemon;
	let screen: TmuxSession | undefined;

	before(async () => {
		daemon = await startThrowawayDaemon();
		await daemon.importBusyboxImage(image);
		await daemon.dockerOk([
			'run',
			'--detach',
			'--name',
			'survivor',
			'--label',
			`${e2eLabel}=1`,
			image,
			'sleep',
			'600',
		]);
	});

	after(async () => {
		await screen?.kill();
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		await daemon?.stop();
	});

	it('shows the disconnection at once, keeps running, and re-lists after the restart', async t => {
		if (daemon.external) {
			t.skip(
				'DOCKMATE_TEST_DOCKER_HOST is set, and an external engine cannot be killed',
			);
			return;
		}

		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText(
			text => text.includes('survivor') && text.includes('● connected'),
		);
		await daemon.kill();
		const down = await screen.waitForText('✕ disconnected', 3000);
		assert.match(down, /survivor/, 'the last known rows stay on screen');
		assert.ok(
			await screen.isAlive(),
			'dockmate exited when the engine went away',
		);

		await daemon.start();
		await daemon.dockerOk([
			'run',
			'--detach',
			'--name',
			'newcomer',
			'--label',
			`${e2eLabel}=1`,
			image,
			'sleep',
			'600',
		]);
		const back = await screen.waitForText(
			text => text.includes('● connected') && text.includes('newcomer'),
			20_000,
		);
		assert.match(back, /survivor/);
		assert.match(back, /containers 2 running \/ 2/);
	});
});
