import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, before, describe, it} from 'node:test';
import {
	assertTerminalRestored,
	dockmatePid,
	launchDockmate,
	selectByFilter,
} from '../helpers/dockmate.js';
import {createLabelled, runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:screen';

describe('dockmate against a real engine', {timeout: 180_000}, () => {
	const daemon = engineFixture({image});
	let screen: TmuxSession | undefined;

	before(async () => {
		await runLabelled(daemon, {name: 'e2e-web', image});
		await runLabelled(daemon, {name: 'e2e-worker', image});
		await createLabelled(daemon, {name: 'e2e-stopped', image});
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
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

	it('draws and updates its screen in a shell where CI is set, as in a CI job or a dev container', async () => {
		// Ink writes only the last frame, at exit, when it thinks it runs in CI; dockmate needs a terminal anyway.
		screen = await launchDockmate({host: daemon.host, env: {CI: 'true'}});
		await screen.waitForText('e2e-worker');
		await screen.sendKeys('/', 'w', 'o', 'r');
		await screen.waitForText(/Containers 1\/1 of 3/);
	});

	it('follows containers started, stopped and removed with the docker CLI', async () => {
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText('e2e-web');
		await runLabelled(daemon, {name: 'e2e-late', image});
		await screen.waitForText(/●\s+e2e-late\s+\S+\s+Up /, 2000);
		await daemon.dockerOk(['stop', '--time', '0', 'e2e-late']);
		await screen.waitForText(/⊘\s+e2e-late\s+\S+\s+Exited \(137\)/, 2000);
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
		// The whole help, not its first lines: a tall frame may reach the terminal in more than one write.
		await screen.waitForText(
			text =>
				text.includes('Keys · Containers pane') &&
				/\/\s+Filter the list by name, image or id/.test(text),
		);
		await screen.sendKeys('Escape');
		await screen.waitForText('e2e-worker');
		await screen.sendKeys('q');
		await assertTerminalRestored(screen, /exit=0/, {normalScreen: true});
	});

	it('keeps keys typed before the first frame, and reads Esc and a key sent in one write as both', async () => {
		screen = await launchDockmate({host: daemon.host});
		// Sent in one write while dockmate is still starting, so read in one go once it is up: the
		// keys are applied in order, and the Esc that closes the first prompt is not merged into the /
		// that follows it.
		await screen.sendKeys('/web\u001B/wor\r');
		await screen.waitForText(/Containers 1\/1 of 3 · filter: wor/);
		// The same once it is drawn.
		await screen.sendKeys('/x\u001B/web\r');
		const shown = await screen.waitForText(
			/Containers 1\/1 of 3 · filter: web/,
		);
		assert.match(shown, /e2e-web/);
		await screen.sendKeys('q');
		await assertTerminalRestored(screen, /exit=0/);
	});

	it('writes only what changed once the screen is drawn: a steady screen costs less than one repaint', async () => {
		screen = await launchDockmate({host: daemon.host, columns: 200, rows: 50});
		const drawn = await screen.waitForText(
			text => text.includes('● connected') && text.includes('e2e-worker'),
		);
		// What the screen holds, styles and all: a repaint writes at least this much.
		const repaint = Buffer.byteLength(await screen.capture({colours: true}));
		const folder = mkdtempSync(path.join(os.tmpdir(), 'dockmate-frames-'));
		const file = path.join(folder, 'written');
		try {
			await screen.pipeOutput(file);
			// Figures and times change every second or so: three changes are three frames at least.
			let last = drawn;
			let changes = 0;
			await waitFor(
				async () => {
					const now = await screen!.capture();
					if (now !== last) {
						changes++;
						last = now;
					}

					return changes >= 3;
				},
				{
					timeoutMs: 30_000,
					intervalMs: 100,
					message: 'three changes of the screen',
				},
			);
			await screen.pipeOutput();
			const written = statSync(file).size;
			assert.ok(
				written < repaint,
				`${written} bytes for ${changes} changes, a repaint is ${repaint}`,
			);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('moves the selection and switches panes with the keys', async () => {
		screen = await launchDockmate({host: daemon.host, columns: 80, rows: 24});
		await screen.waitForText('Containers 1/3');
		await screen.sendKeys('j', 'j');
		await screen.waitForText('Containers 3/3');
		await screen.sendKeys('Tab');
		// The Images pane's hints, after the two that always show first.
		await screen.waitForText(/\? help\s+q quit\s+u pull/);
		await screen.sendKeys('a');
		// a belongs to the Containers pane; with Images focused it does nothing.
		await screen.sendKeys('1', 'a');
		await screen.waitForText('running only');
		const lines = (await screen.capture()).split('\n');
		assert.ok(lines.every(line => line.length <= 80));
	});

	it('keeps CPU and MEM at 60 columns, and shows a long name whole at 200', async () => {
		const long = `e2e-${'long-name-'.repeat(5)}end`;
		await createLabelled(daemon, {name: long, image});
		try {
			screen = await launchDockmate({host: daemon.host, columns: 60, rows: 20});
			const narrow = await screen.waitForText('e2e-web');
			assert.match(narrow, /NAME\s+STATUS\s+CPU\s+MEM/);
			assert.doesNotMatch(narrow, /NAME\s+IMAGE/);
			await screen.kill();
			screen = await launchDockmate({
				host: daemon.host,
				columns: 200,
				rows: 50,
			});
			const wide = await screen.waitForText('e2e-web');
			assert.match(
				wide,
				new RegExp(`○\\s+${long}\\s+dockmate-e2e/busybox:screen`),
			);
		} finally {
			await daemon.dockerOk(['rm', long]);
		}
	});

	it('keeps every border in line when engine text holds a line separator and a ZWJ emoji', async () => {
		// Some terminals join the family into one emoji and others draw its three parts.
		const odd = '👩‍👩‍👧\u2028x';
		await runLabelled(daemon, {
			name: 'e2e-odd',
			image,
			options: [
				...['--label', `com.docker.compose.project=p${odd}`],
				...['--label', `com.docker.compose.service=s${odd}`],
				...['--env', `WHO=${odd}`],
			],
			command: ['sh', '-c', `echo 'hi ${odd}'; sleep 600`],
		});
		const framed = async (view: string): Promise<void> => {
			const lines = (await screen!.capture()).split('\n');
			const widths = await screen!.lineWidths();
			assert.match(
				lines[0] ?? '',
				/^dockmate /,
				`${view}: the screen scrolled`,
			);
			for (const [row, line] of lines.entries()) {
				if (/^[│╭╰]/.test(line)) {
					assert.equal(widths[row], 80, `${view}, row ${row}: ${line}`);
				}
			}
		};

		try {
			screen = await launchDockmate({host: daemon.host, columns: 80, rows: 24});
			await screen.sendKeys('4');
			await screen.waitForText(/4 Projects 1\/1[\s\S]*p👩/);
			await framed('projects');
			await screen.sendKeys('1');
			await selectByFilter(screen, 'e2e-odd');
			await screen.sendKeys('Enter');
			await screen.waitForText('Container e2e-odd');
			await screen.sendKeys('/', 'W', 'H', 'O', 'Enter');
			await screen.waitForText('WHO=👩');
			await framed('details');
			// One Esc closes the details; a second one would clear the list's kept filter.
			await screen.sendKeys('Escape');
			await screen.waitForText('Containers 1/1');
			await screen.sendKeys('l');
			await screen.waitForText('hi 👩');
			await framed('logs');
		} finally {
			await daemon.dockerOk(['rm', '--force', 'e2e-odd']);
		}
	});

	for (const [how, act, exit] of [
		// As a shell reports a command ended by Ctrl-C: 128 + SIGINT.
		['Ctrl-C', async (s: TmuxSession) => s.sendKeys('C-c'), /exit=130/],
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
			await assertTerminalRestored(screen, exit, {normalScreen: true});
		});
	}
});
