import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {afterEach, before, describe, it} from 'node:test';
import {
	assertTerminalRestored,
	beforeMarker,
	dockmatePid,
	launchDockmate,
} from '../helpers/dockmate.js';
import {createLabelled, runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:exec';

/** What dockmate prints on the normal screen when it hands the terminal to a shell. */
const banner = (name: string): string =>
	`dockmate: shell in ${name} (exit to return)`;

/** dockmate's own screen is back, connected, listing every container. */
const isDockmateScreen = (screen: string): boolean =>
	screen.includes('● connected') &&
	['exec-alpha', 'exec-bravo', 'exec-charlie', 'exec-noshell'].every(name =>
		screen.includes(name),
	);

/** A string no screen shows by chance. */
function token(): string {
	return randomBytes(6).toString('hex');
}

describe('e: a shell in the selected container', {timeout: 240_000}, () => {
	const daemon = engineFixture({image});
	let screen: TmuxSession | undefined;

	/** dockmate on its main screen, with the container `name` selected. */
	const launchOn = async (name: string): Promise<TmuxSession> => {
		const launched = await launchDockmate({host: daemon.host});
		const shown = await launched.waitForText(isDockmateScreen);
		// The rows' order is the app's (running first, then by name): read it off the screen.
		const row =
			shown
				.split('\n')
				.filter(line => /\sexec-\w+\s/.test(line))
				.findIndex(line => line.includes(` ${name} `)) + 1;
		assert.ok(row > 0, `${name} is not listed`);
		for (let index = 1; index < row; index++) {
			await launched.sendKeys('j');
		}

		await launched.waitForText(`Containers ${row}/4`);
		return launched;
	};

	before(async () => {
		await runLabelled(daemon, {name: 'exec-alpha', image});
		// Its root's login shell is ash, so that the test can tell it was chosen over /bin/sh.
		await runLabelled(daemon, {
			name: 'exec-bravo',
			image,
			command: [
				'sh',
				'-c',
				"sed -i 's#:/bin/sh$#:/bin/ash#' /etc/passwd && exec sleep 600",
			],
		});
		await createLabelled(daemon, {name: 'exec-charlie', image});
		// The shell goes once the container runs: no shell to open, though the engine would exec.
		await runLabelled(daemon, {
			name: 'exec-noshell',
			image,
			command: ['sh', '-c', 'rm /bin/sh && exec sleep 600'],
		});
		await waitFor(
			async () =>
				(
					await daemon.docker([
						'exec',
						'exec-bravo',
						'/bin/busybox',
						'grep',
						'-q',
						'^root:.*:/bin/ash$',
						'/etc/passwd',
					])
				).code === 0 &&
				(
					await daemon.docker([
						'exec',
						'exec-noshell',
						'/bin/busybox',
						'test',
						'-e',
						'/bin/sh',
					])
				).code === 1,
			{timeoutMs: 10_000, message: 'the containers did not get ready'},
		);
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	it('opens the login shell on the normal screen and comes back as it was on exit', async () => {
		screen = await launchOn('exec-bravo');
		const title = /Containers \d\/4/.exec(await screen.capture())?.[0];
		assert.equal(title, 'Containers 2/4');
		await screen.sendKeys('e');
		await screen.waitForText(
			text => text.includes(banner('exec-bravo')) && /^\S* [#$]$/m.test(text),
		);
		assert.equal(await screen.display('#{alternate_on}'), '0');
		assert.equal(await screen.display('#{cursor_flag}'), '1');
		const shown = await screen.capture();
		assert.match(shown, new RegExp(beforeMarker), 'not on the normal screen');
		assert.doesNotMatch(shown, /● connected/, 'dockmate still drawing');

		// The shell computes the line, so it is on screen only if the shell ran it.
		const mark = token();
		await screen.sendKeys(`echo "dm-$((6*7))-${mark} $0"`, 'Enter');
		await screen.waitForText(new RegExp(`^dm-42-${mark} /bin/ash$`, 'm'));
		// Ctrl-C goes to the shell's foreground job, not to dockmate.
		await screen.sendKeys('sleep 31', 'Enter');
		await waitFor(
			async () => {
				const {stdout} = await daemon.docker([
					'exec',
					'exec-bravo',
					'/bin/busybox',
					'ps',
					'-o',
					'args',
				]);
				return stdout.split('\n').some(line => line.trim() === 'sleep 31');
			},
			{timeoutMs: 5000, message: 'sleep did not start in the shell'},
		);
		await screen.sendKeys('C-c');
		await screen.sendKeys(`echo "still-$((1+1))-${mark}"`, 'Enter');
		await screen.waitForText(new RegExp(`^still-2-${mark}$`, 'm'));

		await screen.sendKeys('exit', 'Enter');
		const back = await screen.waitForText(isDockmateScreen);
		assert.match(back, /Containers 2\/4/);
		assert.doesNotMatch(
			back,
			new RegExp(mark),
			'shell output left under dockmate',
		);
		assert.equal(await screen.display('#{alternate_on}'), '1');
		assert.equal(await screen.display('#{cursor_flag}'), '0');

		// The keys are dockmate's again.
		await screen.sendKeys('k');
		await screen.waitForText('Containers 1/4');
		await screen.sendKeys('q');
		const after = await assertTerminalRestored(screen, /exit=0/);
		assert.match(after, new RegExp(beforeMarker));
		assert.doesNotMatch(after, /● connected/);
	});

	it('can open a shell again after the first one, with the filter kept', async () => {
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText(isDockmateScreen);
		await screen.sendKeys('/', 'a', 'l', 'p', 'h');
		await screen.waitForText(/Containers 1\/1 of 4/);
		await screen.sendKeys('Enter');
		await screen.waitForText('filter: alph');
		for (const round of [1, 2]) {
			await screen.sendKeys('e');
			await screen.waitForText(banner('exec-alpha'));
			const mark = token();
			await screen.sendKeys(`echo "round-$((${round}*10))-${mark}"`, 'Enter');
			await screen.waitForText(
				new RegExp(`^round-${round * 10}-${mark}$`, 'm'),
			);
			await screen.sendKeys('exit', 'Enter');
			await screen.waitForText(/Containers 1\/1 of 4/);
		}

		assert.match(await screen.capture(), /filter: alph/);
	});

	it('E runs a command, shows how it ended and waits for a key before coming back', async () => {
		screen = await launchOn('exec-bravo');
		await screen.sendKeys('E');
		await screen.waitForText('Run a command in exec-bravo');
		const mark = token();
		const command = `sh -c 'echo "cmd-$((3*4))-${mark}"; exit 3'`;
		await screen.sendKeys('C-u', command);
		await screen.waitForText(`$ ${command}`);
		await screen.sendKeys('Enter');
		const shown = await screen.waitForText(/press any key to return/);
		assert.match(
			shown,
			/^dockmate: running sh -c 'echo "cmd-\$\(\(3\*4\)\)-\w+"; exit 3' in exec-bravo$/m,
		);
		assert.match(shown, new RegExp(`^cmd-12-${mark}$`, 'm'));
		assert.match(shown, /ended with code 3; press any key to return/);
		assert.equal(await screen.display('#{alternate_on}'), '0');
		// The key only brings dockmate back: j would otherwise move the selection.
		await screen.sendKeys('j');
		const back = await screen.waitForText(isDockmateScreen);
		assert.match(back, /Containers 2\/4/);
		assert.equal(await screen.display('#{alternate_on}'), '1');
	});

	it('says so, and stays usable, when the container is not running', async () => {
		screen = await launchOn('exec-charlie');
		const title = /Containers \d\/4/.exec(await screen.capture())?.[0];
		await screen.sendKeys('e');
		const shown = await screen.waitForText(/exec-charlie is not running/);
		assert.ok(isDockmateScreen(shown));
		assert.ok(title !== undefined && shown.includes(title), 'selection moved');
		assert.equal(await screen.display('#{alternate_on}'), '1');
		await screen.sendKeys('g');
		await screen.waitForText('Containers 1/4');
	});

	it('says so when the container has no shell', async () => {
		screen = await launchOn('exec-noshell');
		await screen.sendKeys('e');
		const shown = await screen.waitForText(
			/no shell in container exec-noshell \(none of \/bin\/sh, \/bin\/bash exists\)/,
		);
		assert.ok(isDockmateScreen(shown));
		assert.doesNotMatch(shown, /dockmate: shell in/);
		assert.equal(await screen.display('#{alternate_on}'), '1');
		await screen.sendKeys('g');
		await screen.waitForText('Containers 1/4');
	});

	it('restores the terminal when dockmate is killed during the session', async () => {
		screen = await launchOn('exec-alpha');
		await screen.sendKeys('e');
		await screen.waitForText(
			text => text.includes(banner('exec-alpha')) && /^\S* [#$]$/m.test(text),
		);
		const mark = token();
		await screen.sendKeys(`echo "before-kill-$((2+3))-${mark}"`, 'Enter');
		await screen.waitForText(new RegExp(`^before-kill-5-${mark}$`, 'm'));
		process.kill(await dockmatePid(screen), 'SIGTERM');
		const after = await assertTerminalRestored(screen, /exit=143/);
		// The shell's lines stay, and dockmate's report comes after them, not over them.
		const lines = after.split('\n');
		const output = lines.findIndex(line => line === `before-kill-5-${mark}`);
		const report = lines.findIndex(line => line.startsWith('AFTER-DOCKMATE'));
		assert.ok(output !== -1 && report > output, after);
	});
});
