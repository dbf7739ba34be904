import assert from 'node:assert/strict';
import {after, afterEach, before, describe, it} from 'node:test';
import {launchDockmate, selectByFilter} from '../helpers/dockmate.js';
import {lineWith} from '../helpers/frame.js';
import {
	startPodmanService,
	type PodmanService,
} from '../helpers/podman-service.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'localhost/dockmate-e2e/busybox:podman';

/** Ends at once on SIGTERM, unlike a bare `sleep` as PID 1, so that stop takes no stop timeout. */
const stoppable = [
	'sh',
	'-c',
	'trap "exit 0" TERM; while :; do sleep 0.2; done',
];

describe('Podman through its Docker-compatible API', {timeout: 300_000}, () => {
	let podman: PodmanService;
	let screen: TmuxSession | undefined;

	/** Podman's state of a container, or `gone`. */
	const stateOf = async (name: string): Promise<string> => {
		const result = await podman.podman([
			'inspect',
			'--format',
			'{{.State.Status}}',
			name,
		]);
		return result.code === 0 ? result.stdout.trim() : 'gone';
	};

	const podmanSays = async (name: string, expected: string): Promise<void> => {
		await waitFor(async () => (await stateOf(name)) === expected, {
			timeoutMs: 20_000,
			message: `${name} never became ${expected}`,
		});
	};

	const select = async (name: string): Promise<TmuxSession> => {
		screen = await launchDockmate({host: podman.host, columns: 160});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes(name),
		);
		await selectByFilter(screen, name);
		return screen;
	};

	before(async () => {
		podman = await startPodmanService();
		await podman.importBusyboxImage(image);
		await podman.run('pm-ticker', image, [
			'sh',
			'-c',
			'i=0; while :; do echo tick-$i; i=$((i+1)); sleep 0.2; done',
		]);
		await podman.run('pm-sleeper', image, stoppable);
		await podman.run('pm-doomed', image, stoppable);
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	after(async () => {
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		await podman?.stop();
	});

	it('lists the containers under a Podman header, with live figures', async () => {
		screen = await launchDockmate({host: podman.host, columns: 160});
		const shown = await screen.waitForText(
			text =>
				text.includes('● connected') &&
				text.includes('pm-ticker') &&
				text.includes('pm-sleeper'),
		);
		assert.match(shown, new RegExp(`Podman 4\\.\\d+\\.\\d+ @ ${podman.host}`));
		assert.match(lineWith(shown, 'pm-ticker'), /Up /);
		// Names come without Docker's leading slash.
		assert.doesNotMatch(shown, /\/pm-/);
		// A memory figure: Podman's stats frames lack fields Docker's have.
		await screen.waitForText(
			text => /\d+(\.\d+)? ?[KM]i?B/.test(lineWith(text, 'pm-ticker')),
			20_000,
		);
	});

	it('s stops and starts', async () => {
		const screen = await select('pm-sleeper');
		await screen.sendKeys('s');
		await podmanSays('pm-sleeper', 'exited');
		await screen.waitForText(/○\s+pm-sleeper\s+\S+\s+Exited/);
		await screen.sendKeys('s');
		await podmanSays('pm-sleeper', 'running');
		await screen.waitForText(/●\s+pm-sleeper\s+\S+\s+Up/);
	});

	it('e opens a shell in the container and comes back', async () => {
		const screen = await select('pm-sleeper');
		await screen.sendKeys('e');
		await screen.waitForText('dockmate: shell in pm-sleeper');
		await screen.sendKeys('echo "pm-$((6*7))"', 'Enter');
		await screen.waitForText(/^pm-42$/m);
		await screen.sendKeys('exit', 'Enter');
		await screen.waitForText(/● connected[\s\S]*pm-sleeper/);
	});

	it('l follows the logs', async () => {
		const screen = await select('pm-ticker');
		await screen.sendKeys('l');
		await screen.waitForText('Logs · pm-ticker');
		const first = await screen.waitForText(/tick-\d+/);
		const highest = (text: string): number =>
			Math.max(
				...[...text.matchAll(/tick-(\d+)/g)].map(match => Number(match[1])),
			);
		const before = highest(first);
		await screen.waitForText(text => highest(text) >= before + 3);
	});

	it('the System pane counts the image the containers use as active, as the Images pane does', async () => {
		screen = await launchDockmate({host: podman.host, columns: 160});
		await screen.waitForText('● connected');
		await screen.sendKeys('2');
		await screen.waitForText(/busybox:podman\s.*\s3\s*│/);
		await screen.sendKeys('8');
		const frame = await screen.waitForText('Images (1, 1 active)');
		assert.match(
			lineWith(frame, '  localhost/dockmate-e2e/busybox:podman'),
			/3 containers/,
		);
	});

	it('d removes a container, a running one when forced', async () => {
		const screen = await select('pm-doomed');
		await screen.sendKeys('d');
		await screen.waitForText(
			'✗ pm-doomed is running: stop it first, or press f to force',
		);
		await screen.sendKeys('y');
		await screen.waitForText(/refused: pm-doomed is running: stop it first/);
		assert.equal(await stateOf('pm-doomed'), 'running');
		await screen.sendKeys('f', 'y');
		await podmanSays('pm-doomed', 'gone');
		await screen.waitForText(text => !text.includes('pm-doomed ('));
	});
});
