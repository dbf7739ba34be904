import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
	e2eLabel,
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../helpers/throwaway-daemon.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

// The rig's own smoke test: when this fails, every other e2e failure is noise.

// Pointing the user's settings at nothing proves that the helpers never pass them on: a docker
// CLI or a pane that inherited them would fail or show them.
process.env['DOCKER_HOST'] =
	'unix:///nonexistent/dockmate-test-must-not-use.sock';
process.env['DOCKER_CONTEXT'] = 'dockmate-test-must-not-use';

describe('throwaway Docker daemon', {timeout: 120_000}, () => {
	let daemon: ThrowawayDaemon;
	const image = 'dockmate-e2e/busybox:rig';

	before(async () => {
		daemon = await startThrowawayDaemon();
	});

	after(async () => {
		// Undefined when before() failed; that failure is already reported.
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		await daemon?.stop();
	});

	it('runs a labelled container from the imported busybox image', async () => {
		await daemon.importBusyboxImage(image);
		const id = await daemon.dockerOk([
			'run',
			'--detach',
			'--label',
			`${e2eLabel}=1`,
			image,
			'sleep',
			'300',
		]);

		const listed = await daemon.dockerOk([
			'ps',
			'--no-trunc',
			'--filter',
			`label=${e2eLabel}=1`,
			'--format',
			'{{.ID}} {{.Command}}',
		]);
		assert.equal(listed, `${id} "sleep 300"`);
	});

	it('answers again after dockerd is SIGKILLed and started again', async t => {
		if (daemon.external) {
			t.skip(
				'DOCKMATE_TEST_DOCKER_HOST is set, and an external engine cannot be killed',
			);
			return;
		}

		await daemon.kill();
		const whileDead = await daemon.docker(
			['version', '--format', '{{.Server.APIVersion}}'],
			{timeoutMs: 10_000},
		);
		assert.notEqual(whileDead.code, 0, 'the API still answered after kill()');

		await daemon.start();
		assert.match(
			await daemon.dockerOk(['version', '--format', '{{.Server.APIVersion}}']),
			/^1\.\d+$/,
		);
		// live-restore: the container outlived its daemon.
		assert.equal(
			await daemon.dockerOk([
				'ps',
				'--filter',
				`label=${e2eLabel}=1`,
				'--format',
				'{{.Command}} {{.State}}',
			]),
			'"sleep 300" running',
		);
	});
});

describe('tmux session', {timeout: 60_000}, () => {
	const sessions: TmuxSession[] = [];

	after(async () => {
		await Promise.all(sessions.map(async session => session.kill()));
	});

	it('shows output, takes typed keys, and keeps the pane after the program exits', async () => {
		const session = await startTmux({
			command: ['sh', '-c', 'echo hello; read x; echo got $x'],
		});
		sessions.push(session);

		await session.waitForText('hello');
		await session.sendKeys('abc', 'Enter');
		const screen = await session.waitForText('got abc');

		assert.deepEqual(screen.split('\n').slice(0, 3), [
			'hello',
			'abc',
			'got abc',
		]);
		await waitFor(async () => !(await session.isAlive()), {
			timeoutMs: 5000,
			message: 'sh did not exit',
		});
		assert.equal(await session.exitStatus(), 0);
		assert.match(await session.capture(), /^got abc$/m);
	});

	it('gives the program the asked size, a UTF-8 terminal and no Docker variables', async () => {
		const session = await startTmux({
			command: [
				'sh',
				'-c',
				'stty size; echo "TERM=$TERM host=${DOCKER_HOST-none} ┌─┐"; exit 3',
			],
			columns: 100,
			rows: 30,
		});
		sessions.push(session);

		const screen = await session.waitForText(/┌─┐/);
		assert.deepEqual(screen.split('\n').slice(0, 2), [
			'30 100',
			'TERM=xterm-256color host=none ┌─┐',
		]);
		assert.equal(
			await waitFor(session.exitStatus, {
				timeoutMs: 5000,
				message: 'sh did not exit',
			}),
			3,
		);
	});
});
