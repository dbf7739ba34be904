import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {launchDockmate} from '../helpers/dockmate.js';
import {runLabelled} from '../helpers/e2e-containers.js';
import {lineWith} from '../helpers/frame.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {e2eLabel} from '../helpers/throwaway-daemon.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:restart';

describe('the engine goes away and comes back', {timeout: 120_000}, () => {
	const daemon = engineFixture({image});
	let screen: TmuxSession | undefined;
	let narrow: TmuxSession | undefined;

	before(async () => {
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
		await narrow?.kill();
	});

	it('gives unhealthy, failed, killed and OOM-killed containers glyphs of their own', async () => {
		// tail keeps every byte of a stream without newlines: past 8 MB the kernel kills it.
		const starved = {
			name: 'starved',
			image,
			options: ['--memory', '8m', '--memory-swap', '8m'],
			command: ['sh', '-c', 'head -c 64m /dev/zero | tail'],
		};
		await Promise.all([
			runLabelled(daemon, {
				name: 'sick',
				image,
				options: ['--health-cmd', 'false', '--health-interval', '1s'],
			}),
			runLabelled(daemon, {name: 'clean', image, command: ['true']}),
			runLabelled(daemon, {
				name: 'broken',
				image,
				command: ['sh', '-c', 'exit 1'],
			}),
			runLabelled(daemon, {name: 'shot', image}),
			runLabelled(daemon, starved),
		]);
		await daemon.dockerOk(['kill', 'shot']);
		const inspect = async (format: string, name: string): Promise<string> =>
			daemon.dockerOk(['inspect', '--format', format, name]);
		// The screen is checked against the engine's settled answer. dockerd 20.10 sometimes handles
		// the kernel's OOM notice before the exit, which then records the kill as a plain one: such
		// a container is made again.
		for (let attempt = 1; ; attempt++) {
			try {
				await waitFor(
					async () =>
						(await inspect(
							'{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}',
							'starved',
						)) === 'exited 137 true',
					{timeoutMs: 10_000, message: 'starved recorded as OOM-killed'},
				);
				break;
			} catch (error) {
				if (attempt === 3) {
					throw error;
				}

				await daemon.dockerOk(['rm', '--force', 'starved']);
				await runLabelled(daemon, starved);
			}
		}
		const glyphs = {
			sick: '✚',
			clean: '○',
			broken: '✗',
			shot: '⊘',
			starved: '▼',
		} as const;
		const glyphOf = (text: string, name: string): string =>
			new RegExp(`(\\S)\\s+${name}\\s`).exec(
				lineWith(text, ` ${name} `),
			)?.[1] ?? '';
		screen = await launchDockmate({host: daemon.host});
		const shown = await screen.waitForText(
			text =>
				Object.entries(glyphs).every(
					([name, glyph]) => glyphOf(text, name) === glyph,
				),
			20_000,
		);
		assert.equal(glyphOf(shown, 'survivor'), '●');
		assert.equal(
			await inspect('{{.State.Health.Status}}', 'sick'),
			'unhealthy',
		);
		assert.equal(await inspect('{{.State.ExitCode}}', 'broken'), '1');
		assert.equal(
			await inspect('{{.State.ExitCode}} {{.State.OOMKilled}}', 'shot'),
			'137 false',
		);
		assert.equal(
			await inspect('{{.State.ExitCode}} {{.State.OOMKilled}}', 'starved'),
			'137 true',
		);
		await daemon.dockerOk(['rm', '--force', ...Object.keys(glyphs)]);
		await screen.kill();
		screen = undefined;
	});

	it('shows the disconnection at once, keeps running, and re-lists after the restart', async t => {
		if (daemon.external) {
			t.skip(
				'DOCKMATE_TEST_DOCKER_HOST is set, and an external engine cannot be killed',
			);
			return;
		}

		screen = await launchDockmate({host: daemon.host, columns: 80, rows: 24});
		narrow = await launchDockmate({host: daemon.host, columns: 60, rows: 20});
		for (const view of [screen, narrow]) {
			await view.waitForText(
				text => text.includes('survivor') && text.includes('● connected'),
			);
		}

		await daemon.kill();
		const down = await screen.waitForText('✕ disconnected', 3000);
		assert.match(down, /survivor/, 'the last known rows stay on screen');
		for (const view of [screen, narrow]) {
			// The countdown is seen whatever the width, on the first line; every pane says it is stale.
			const stale = await view.waitForText(/Containers stale/, 3000);
			const first = stale.split('\n').find(line => line.trim() !== '') ?? '';
			assert.match(first, /^✕ disconnected · retrying (in \d+s|…)/);
			assert.match(stale, /Images stale/);
		}

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
			// Listed once created, and again once started: wait for the second.
			text =>
				text.includes('● connected') &&
				text.includes('newcomer') &&
				text.includes('containers 2 running / 2'),
			20_000,
		);
		assert.match(back, /survivor/);
		assert.doesNotMatch(back, /stale/);
	});
});
