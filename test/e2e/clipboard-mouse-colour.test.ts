import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, before, describe, it} from 'node:test';
import {
	assertTerminalRestored,
	launchDockmate,
	selectByFilter,
} from '../helpers/dockmate.js';
import {createLabelled, runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:outside';

/** Whether the terminal reports the mouse now, as tmux knows it: both modes dockmate sets. */
async function mouseModes(screen: TmuxSession): Promise<string> {
	return screen.display('#{mouse_any_flag}#{mouse_sgr_flag}');
}

/** The SGR colour parameters (30–49, 90–107, 38/48) in `screen`, the defaults 39 and 49 included. */
function colourParameters(screen: string): string[] {
	const found: string[] = [];
	// eslint-disable-next-line no-control-regex -- reading escape sequences is the point
	for (const [, parameters = ''] of screen.matchAll(/\u001B\[([\d;]*)m/g)) {
		found.push(
			...parameters
				.split(';')
				.filter(parameter => /^(?:3\d|4\d|9\d|10\d)$/.test(parameter)),
		);
	}

	return found;
}

describe(
	'clipboard, mouse and colour in a real terminal',
	{timeout: 180_000},
	() => {
		const daemon = engineFixture({image});
		let screen: TmuxSession | undefined;
		let ids: Record<string, string> = {};

		before(async () => {
			ids = {
				'io-alpha': await runLabelled(daemon, {name: 'io-alpha', image}),
				'io-bravo': await runLabelled(daemon, {name: 'io-bravo', image}),
			};
		});

		afterEach(async () => {
			await screen?.kill();
			screen = undefined;
		});

		it("y puts the selected id in tmux's buffer through OSC 52, Y the name", async () => {
			screen = await launchDockmate({host: daemon.host});
			await screen.tmux('set-option', '-g', 'set-clipboard', 'on');
			await screen.waitForText('io-bravo');
			await selectByFilter(screen, 'io-bravo');
			await screen.sendKeys('y');
			await screen.waitForText('copied the id of io-bravo');
			const buffer = async (): Promise<string | undefined> =>
				screen?.tmux('show-buffer').catch(() => undefined);
			await waitFor(async () => (await buffer()) === ids['io-bravo'], {
				timeoutMs: 5000,
				message: "the id never reached tmux's buffer",
			});
			await screen.sendKeys('Y');
			await waitFor(async () => (await buffer()) === 'io-bravo', {
				timeoutMs: 5000,
				message: "the name never reached tmux's buffer",
			});
		});

		it('a click selects the row under it; the terminal stops reporting the mouse on quit', async () => {
			screen = await launchDockmate({host: daemon.host});
			const shown = await screen.waitForText(
				text => text.includes('io-alpha') && text.includes('io-bravo'),
			);
			assert.equal(await mouseModes(screen), '11');
			const lines = shown.split('\n');
			const row = lines.findIndex(line => line.includes(' io-bravo '));
			const position =
				lines
					.filter(line => / io-(alpha|bravo) /.test(line))
					.findIndex(line => line.includes(' io-bravo ')) + 1;
			// SGR reports count from 1: press and release of the left button on that row.
			await screen.sendKeys(
				`\u001B[<0;10;${row + 1}M`,
				`\u001B[<0;10;${row + 1}m`,
			);
			await screen.waitForText(`Containers ${position}/2`);
			await screen.sendKeys('q');
			await assertTerminalRestored(screen, /exit=0/);
			assert.equal(await mouseModes(screen), '00');
		});

		it("a click on the confirm dialog's yes removes the container", async () => {
			await createLabelled(daemon, {name: 'io-charlie', image});
			screen = await launchDockmate({host: daemon.host});
			await screen.waitForText('io-charlie');
			await selectByFilter(screen, 'io-charlie');
			await screen.sendKeys('d');
			const lines = (await screen.waitForText('Remove 1 container?')).split(
				'\n',
			);
			const row = lines.findIndex(line => line.includes('y yes, remove'));
			const column = lines[row]?.indexOf('yes, remove') ?? -1;
			assert.ok(row >= 0 && column >= 0, 'the dialog shows its yes');
			await screen.sendKeys(
				`\u001B[<0;${column + 1};${row + 1}M`,
				`\u001B[<0;${column + 1};${row + 1}m`,
			);
			await waitFor(
				async () =>
					(
						await daemon.dockerOk([
							'ps',
							'-aq',
							'--filter',
							'name=^io-charlie$',
						])
					).trim() === '',
				{timeoutMs: 10_000, message: 'io-charlie was never removed'},
			);
		});

		it('the mouse stays with the terminal under --no-mouse', async () => {
			screen = await launchDockmate({host: daemon.host, args: ['--no-mouse']});
			await screen.waitForText('io-alpha');
			assert.equal(await mouseModes(screen), '00');
		});

		it('hands a container shell a terminal that reports no mouse, and takes the mouse back after', async () => {
			screen = await launchDockmate({host: daemon.host});
			await screen.waitForText('io-alpha');
			await selectByFilter(screen, 'io-alpha');
			await screen.sendKeys('e');
			await screen.waitForText('dockmate: shell in io-alpha');
			assert.equal(await mouseModes(screen), '00');
			await screen.sendKeys('exit', 'Enter');
			await screen.waitForText('● connected');
			await waitFor(async () => (await mouseModes(screen!)) === '11', {
				timeoutMs: 5000,
				message: 'the mouse was not taken back after the shell',
			});
		});

		it('with NO_COLOR the screen has no colour codes at all, and still tells states apart', async () => {
			const output = path.join(
				mkdtempSync(path.join(os.tmpdir(), 'dm-nocolor-')),
				'output',
			);
			screen = await launchDockmate({host: daemon.host, env: {NO_COLOR: '1'}});
			await screen.pipeOutput(output);
			await screen.waitForText(
				text => text.includes('io-alpha') && text.includes('Images'),
			);
			// Frames after a move and a dialog too, not only the first.
			await screen.sendKeys('j', '?');
			await screen.waitForText('Keys ·');
			await screen.sendKeys('Escape');
			await screen.waitForText('io-alpha');
			// tmux describes a cell with default colours as 39/49 after any attribute: no colour.
			const coloured = await screen.capture({colours: true});
			assert.deepEqual(
				colourParameters(coloured).filter(
					parameter => parameter !== '39' && parameter !== '49',
				),
				[],
			);
			// What dockmate wrote names no colour at all, not even the default one.
			await screen.pipeOutput();
			const written = readFileSync(output, 'utf8');
			assert.match(written, /io-alpha/);
			assert.deepEqual(colourParameters(written), []);
			rmSync(path.dirname(output), {recursive: true, force: true});
			assert.match(await screen.capture(), /●\s+io-alpha/);
			assert.match(await screen.capture(), /● connected/);
		});
	},
);
