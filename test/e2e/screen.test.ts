import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {after, afterEach, before, describe, it} from 'node:test';
import {beforeMarker, launchDockmate} from '../helpers/dockmate.js';
import {
	e2eLabel,
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../helpers/throwaway-daemon.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:screen';

/** A container, running `sleep` unless told otherwise, labelled for clean-up. */
async function run(
	daemon: ThrowawayDaemon,
	name: string,
	...command: string[]
): Promise<string> {
	return daemon.dockerOk([
		'run',
		'--detach',
		'--name',
		name,
		'--label',
		`${e2eLabel}=1`,
		image,
		...(command.length > 0 ? command : ['sleep', '600']),
	]);
}

/** The PID of dockmate itself: the child of the pane's shell. */
async function dockmatePid(screen: TmuxSession): Promise<number> {
	const shell = await screen.display('#{pane_pid}');
	return waitFor(
		() => {
			// meow renames the process to "dockmate", so it is found as the shell's only child.
			const children = execFileSync('pgrep', ['-P', shell], {
				encoding: 'utf8',
			}).trim();
			return Number(children.split('\n')[0]) || undefined;
		},
		{timeoutMs: 5000, message: 'dockmate process not found'},
	);
}

/** Waits for dockmate to end and checks that the terminal is the user's again. */
async function assertTerminalRestored(
	screen: TmuxSession,
	expectedExit: RegExp,
): Promise<void> {
	const after = await screen.waitForText(/AFTER-DOCKMATE exit=\d+\s+\S/);
	assert.match(after, expectedExit);
	assert.match(after, new RegExp(beforeMarker), 'the normal screen came back');
	assert.doesNotMatch(after, /Containers/, 'dockmate left its screen behind');
	assert.match(after, /(^|\s)icanon(\s|$)/m, 'raw mode was left on');
	assert.match(after, /(^|\s)echo(\s|$)/m, 'echo was left off');
	assert.equal(await screen.display('#{alternate_on}'), '0');
	assert.equal(await screen.display('#{cursor_flag}'), '1', 'cursor hidden');
}

describe('dockmate against a real engine', {timeout: 180_000}, () => {
	let daemon: ThrowawayDaemon;
	let screen: TmuxSession | undefined;

	before(async () => {
		daemon = await startThrowawayDaemon();
		await daemon.importBusyboxImage(image);
		await run(daemon, 'e2e-web');
		await run(daemon, 'e2e-worker');
		await daemon.dockerOk([
			'create',
			'--name',
			'e2e-stopped',
			'--label',
			`${e2eLabel}=1`,
			image,
			'true',
		]);
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	after(async () => {
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		await daemon?.stop();
	});

	it('shows containers, images and the engine at once', async () => {
		screen = await launchDockmate({host: daemon.host});
		const shown = await screen.waitForText(
			text => text.includes('● connected') && text.includes('Images 1/1'),
		);
		assert.match(shown, /Docker \d+\.\d+\.\d+/);
		assert.match(shown, /● connected/);
		assert.match(shown, /containers 2 running \/ 3/);
		assert.match(shown, /●\s+e2e-web\s+dockmate-e2e\/busybox:screen\s+Up /);
		assert.match(shown, /○\s+e2e-stopped\s+.*Created/);
		assert.match(shown, /busybox:screen\s+[\da-f]{12}\s+[\d.]+MB\s+\S+\s+3\b/);
	});

	it('follows containers started, stopped and removed with the docker CLI', async () => {
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText('e2e-web');
		await run(daemon, 'e2e-late');
		await screen.waitForText(/●\s+e2e-late\s+\S+\s+Up /, 2000);
		await daemon.dockerOk(['stop', '--time', '0', 'e2e-late']);
		await screen.waitForText(/○\s+e2e-late\s+\S+\s+Exited \(137\)/, 2000);
		await daemon.dockerOk(['rm', 'e2e-late']);
		await screen.waitForText(
			screenText => !screenText.includes('e2e-late'),
			2000,
		);
	});

	it('filters, opens and closes the help, and quits with q restoring the terminal', async () => {
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText('e2e-worker');
		await screen.sendKeys('/', 'w', 'o', 'r');
		const filtered = await screen.waitForText(/Containers 1\/1 of 3/);
		assert.doesNotMatch(filtered, /e2e-web/);
		await screen.sendKeys('Enter');
		await screen.waitForText('filter: wor');
		await screen.sendKeys('?');
		const help = await screen.waitForText('Keys · Containers pane');
		assert.match(help, /\/\s+Filter the list by name, image or id/);
		await screen.sendKeys('Escape');
		await screen.waitForText('e2e-worker');
		await screen.sendKeys('q');
		await assertTerminalRestored(screen, /exit=0/);
	});

	it('moves the selection and switches panes with the keys', async () => {
		screen = await launchDockmate({host: daemon.host, columns: 80, rows: 24});
		await screen.waitForText('Containers 1/3');
		await screen.sendKeys('j', 'j');
		await screen.waitForText('Containers 3/3');
		await screen.sendKeys('Tab');
		await screen.waitForText(/Tab pane/);
		await screen.sendKeys('a');
		// a belongs to the Containers pane; with Images focused it does nothing.
		await screen.sendKeys('1', 'a');
		await screen.waitForText('running only');
		const lines = (await screen.capture()).split('\n');
		assert.ok(lines.every(line => line.length <= 80));
	});

	for (const [how, act, exit] of [
		['Ctrl-C', async (s: TmuxSession) => s.sendKeys('C-c'), /exit=0/],
		[
			'SIGTERM',
			async (s: TmuxSession) => {
				process.kill(await dockmatePid(s), 'SIGTERM');
			},
			/exit=143/,
		],
		[
			'SIGHUP',
			async (s: TmuxSession) => {
				process.kill(await dockmatePid(s), 'SIGHUP');
			},
			/exit=129/,
		],
	] as const) {
		it(`restores the terminal on ${how}`, async () => {
			screen = await launchDockmate({host: daemon.host});
			await screen.waitForText('e2e-web');
			await act(screen);
			await assertTerminalRestored(screen, exit);
		});
	}
});
