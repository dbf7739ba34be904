import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {launchDockmate, selectByFilter} from '../helpers/dockmate.js';
import {createLabelled, runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:actions';

describe('housekeeping on a real engine', {timeout: 300_000}, () => {
	const daemon = engineFixture({image});
	let screen: TmuxSession | undefined;

	/** The engine's state of a container, or `gone`. */
	const stateOf = async (name: string): Promise<string> => {
		const result = await daemon.docker([
			'inspect',
			'--format',
			'{{.State.Status}}',
			name,
		]);
		return result.code === 0 ? result.stdout.trim() : 'gone';
	};

	const engineSays = async (name: string, expected: string): Promise<void> => {
		await waitFor(async () => (await stateOf(name)) === expected, {
			timeoutMs: 15_000,
			message: `${name} never became ${expected}`,
		});
	};

	/** Starts dockmate with the named container selected in the Containers pane. */
	const select = async (
		name: string,
		args: string[] = [],
	): Promise<TmuxSession> => {
		screen = await launchDockmate({host: daemon.host, args});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes(name),
		);
		await selectByFilter(screen, name);
		return screen;
	};

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	it('s stops and starts, r restarts, p pauses and unpauses, K kills after asking', async () => {
		await runLabelled(daemon, {name: 'act-life', image});
		const screen = await select('act-life');
		// Each key waits until dockmate shows the last change: s and p act on the state shown.
		await screen.sendKeys('s');
		await engineSays('act-life', 'exited');
		await screen.waitForText(/stopped act-life/);
		// busybox's sleep as PID 1 ignores SIGTERM: the engine kills it, and the glyph says killed.
		await screen.waitForText(/⊘\s+act-life\s+\S+\s+Exited \(137\)/);
		await screen.sendKeys('s');
		await engineSays('act-life', 'running');
		await screen.waitForText(/●\s+act-life\s+\S+\s+Up/);
		const startedAt = await daemon.dockerOk([
			'inspect',
			'--format',
			'{{.State.StartedAt}}',
			'act-life',
		]);
		await screen.sendKeys('r');
		await waitFor(
			async () =>
				(await daemon.dockerOk([
					'inspect',
					'--format',
					'{{.State.StartedAt}}',
					'act-life',
				])) !== startedAt,
			{timeoutMs: 20_000, message: 'restart did not restart'},
		);
		await screen.waitForText(/restarted act-life/);
		// The restart's die event can show the row stopped for a moment; p acts on the state shown.
		await screen.waitForText(/●\s+act-life\s+\S+\s+Up/);
		await screen.sendKeys('p');
		await engineSays('act-life', 'paused');
		await screen.waitForText(/\(Paused\)/);
		await screen.sendKeys('p');
		await engineSays('act-life', 'running');
		await screen.waitForText(/●\s+act-life\s+\S+\s+Up \S+ \S+\s/);
		await screen.sendKeys('K');
		await screen.waitForText('Kill 1 container?');
		await screen.sendKeys('n');
		await screen.waitForText('act-life');
		assert.equal(await stateOf('act-life'), 'running');
		await screen.sendKeys('K');
		await screen.waitForText('Kill 1 container?');
		await screen.sendKeys('y');
		await engineSays('act-life', 'exited');
	});

	it('s on a mixed set stops the running one and leaves the killed one stopped; p on a stopped one says so', async () => {
		await runLabelled(daemon, {name: 'act-mix-up', image});
		// Killed, as the OOM killer would: starting it again is what s must not do.
		await runLabelled(daemon, {name: 'act-mix-killed', image});
		await daemon.dockerOk(['kill', 'act-mix-killed']);
		await engineSays('act-mix-killed', 'exited');
		const startedAt = async (): Promise<string> =>
			daemon.dockerOk([
				'inspect',
				'--format',
				'{{.State.StartedAt}}',
				'act-mix-killed',
			]);
		const killedAt = await startedAt();
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('act-mix-killed');
		await screen.sendKeys('/', ...Array.from('act-mix'), 'Enter');
		await screen.waitForText(/Containers 1\/2( of \d+)?/);
		await screen.sendKeys('*', 's');
		await screen.waitForText(
			'stopped 1: act-mix-up; 1 already stopped, left as is: act-mix-killed',
		);
		assert.equal(await stateOf('act-mix-up'), 'exited');
		assert.equal(await stateOf('act-mix-killed'), 'exited');
		assert.equal(await startedAt(), killedAt, 'the killed one ran again');

		// Both are stopped now: p asks nothing of the engine, and says why in the user's words.
		await screen.sendKeys('p');
		const frame = await screen.waitForText(
			/act-mix-\S+ is not running \(s starts it\)/,
		);
		assert.doesNotMatch(frame, /[\da-f]{64}/);
		await screen.sendKeys('L');
		assert.doesNotMatch(
			await screen.waitForText(/docker container stop act-mix-up/),
			/docker container (start|pause)/,
		);
	});

	it('d removes a stopped container; refuses running and paused ones in the dialog until forced', async () => {
		await createLabelled(daemon, {name: 'act-stopped', image});
		await runLabelled(daemon, {name: 'act-running', image});
		const first = await select('act-stopped');
		await first.sendKeys('d');
		await first.waitForText(/Remove 1 container\?[\s\S]*act-stopped/);
		await first.sendKeys('Enter', 'x');
		assert.equal(
			await stateOf('act-stopped'),
			'created',
			'a key other than y confirmed',
		);
		await first.sendKeys('y');
		await engineSays('act-stopped', 'gone');
		await first.kill();

		// A paused one is named paused, and both refusals are in the dialog before any y.
		await runLabelled(daemon, {name: 'act-running-nap', image});
		await daemon.dockerOk(['pause', 'act-running-nap']);
		const current = await launchDockmate({host: daemon.host, columns: 140});
		screen = current;
		await current.waitForText('act-running-nap');
		await current.sendKeys('/', ...Array.from('act-running'), 'Enter');
		await current.waitForText(/Containers 1\/2( of \d+)?/);
		await current.sendKeys('*', 'd');
		const dialog = await current.waitForText(
			/Remove 2 containers\?[\s\S]*nothing here can be removed/,
		);
		assert.match(
			dialog,
			/✗ act-running is running: stop it first, or press f to force/,
		);
		assert.match(
			dialog,
			/✗ act-running-nap is paused: stop it first, or press f to force/,
		);
		assert.match(dialog, /nothing here can be removed/);
		assert.doesNotMatch(dialog, /\(running\)|y yes,/);
		await current.sendKeys('y');
		await current.waitForText(/refused: .*act-running is running/);
		assert.equal(await stateOf('act-running'), 'running');
		assert.equal(await stateOf('act-running-nap'), 'paused');
		await current.sendKeys('f');
		const forced = await current.waitForText('f force: on');
		assert.match(forced, /• act-running-nap \(paused\)/);
		assert.match(forced, /• act-running \(running\)/);
		await current.sendKeys('y');
		await engineSays('act-running', 'gone');
		await engineSays('act-running-nap', 'gone');
	});

	it('images: a row per tag; d untags exactly the chosen tag; the last tags take the image', async () => {
		const bb = 'dockmate-e2e/bb';
		const id = await daemon.importBusyboxImage(`${bb}:latest`);
		await daemon.dockerOk(['tag', `${bb}:latest`, `${bb}:1`]);
		await daemon.dockerOk(['tag', `${bb}:latest`, `${bb}:2`]);
		const tagsLeft = async (): Promise<string> =>
			(
				await daemon.dockerOk([
					'image',
					'ls',
					'--format',
					'{{.Repository}}:{{.Tag}}',
					bb,
				])
			)
				.split('\n')
				.filter(Boolean)
				.sort()
				.join(' ');
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('● connected');
		await screen.sendKeys('2');
		const short = id.replace(/^sha256:/, '').slice(0, 12);
		const listed = await screen.waitForText(
			text => text.split(short).length - 1 === 3,
		);
		for (const tag of ['1', '2', 'latest']) {
			assert.match(listed, new RegExp(`${bb}:${tag}\\s+${short}\\s`));
		}

		await screen.sendKeys('/', ...Array.from(`${bb}:latest`), 'Enter');
		await screen.waitForText(/Images 1\/1( of \d+)? .*filter: /);
		await screen.sendKeys('d');
		await screen.waitForText(
			`untag ${bb}:latest; the image stays with its other tags (${bb}:1, ${bb}:2)`,
		);
		await screen.sendKeys('y');
		await waitFor(async () => (await tagsLeft()) === `${bb}:1 ${bb}:2`, {
			timeoutMs: 10_000,
			message: 'bb:latest alone was not untagged',
		});
		await screen.waitForText(`removed ${bb}:latest`);

		// Both tags left marked: the image goes with them.
		await screen.sendKeys('/', 'C-u', ...Array.from(`${bb}:`), 'Enter');
		await screen.waitForText(/Images 1\/2( of \d+)? .*filter: /);
		await screen.sendKeys('*', 'd');
		await screen.waitForText(`${bb}:1, ${bb}:2 (every tag: the image goes)`);
		await screen.sendKeys('y');
		await waitFor(
			async () => (await daemon.docker(['image', 'inspect', id])).code !== 0,
			{timeoutMs: 10_000, message: 'the image did not go with its last tags'},
		);
		assert.equal(await tagsLeft(), '');
	});

	it('images: the last tag of an image in use is refused, naming the container', async () => {
		await runLabelled(daemon, {name: 'act-user', image});
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('● connected');
		await screen.sendKeys('2', '/', ...Array.from(image), 'Enter');
		await screen.waitForText(/Images 1\/1( of \d+)? .*filter: /);
		await screen.sendKeys('d');
		// The whole dialog, down to its last line: a capture can catch a frame half drawn.
		const refusedUp = await screen.waitForText(
			/✗ \S*busybox:actions is used by running act-user: stop and remove it first[\s\S]*nothing here can be removed/,
		);
		assert.match(refusedUp, /nothing here can be removed/);
		await screen.sendKeys('y');
		await screen.waitForText(
			/refused: .*busybox:actions is used by running act-user/,
		);
		assert.equal((await daemon.docker(['image', 'inspect', image])).code, 0);
	});

	it('at 80x24 the removal of 21 marked containers lists them all, scrolling, and y removes every one', async () => {
		const names = Array.from(
			{length: 21},
			(_, index) => `act-bulk-${String(index + 1).padStart(2, '0')}`,
		);
		await Promise.all(
			names.map(async name => createLabelled(daemon, {name, image})),
		);
		screen = await launchDockmate({host: daemon.host, columns: 80, rows: 24});
		await screen.waitForText('● connected');
		await screen.sendKeys('/', ...Array.from('act-bulk'), 'Enter');
		await screen.waitForText(/Containers 1\/21( of \d+)?/);
		await screen.sendKeys('*', 'd');
		const first = await screen.waitForText(
			/Remove 21 containers\? · 1–\d+ of 21/,
		);
		assert.match(first, /• act-bulk-01\s/);
		assert.doesNotMatch(first, /act-bulk-21/, 'all 21 fit: nothing to scroll');
		await screen.sendKeys('G');
		const last = await screen.waitForText(
			/Remove 21 containers\? · \d+–21 of 21/,
		);
		assert.match(last, /• act-bulk-21\s/);
		assert.doesNotMatch(last, /act-bulk-01/);
		await screen.sendKeys('y');
		await waitFor(
			async () =>
				(
					await daemon.dockerOk([
						'ps',
						'--all',
						'--quiet',
						'--filter',
						'name=act-bulk-',
					])
				).trim() === '',
			{timeoutMs: 20_000, message: 'not every marked container went'},
		);
		await screen.waitForText(/removed 21/);
	});

	it('prunes exactly the previewed stopped containers: running ones and one created after the preview stay', async () => {
		await createLabelled(daemon, {name: 'act-prune-old', image});
		await runLabelled(daemon, {name: 'act-prune-running', image});
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('act-prune-old');
		await screen.sendKeys('P');
		await screen.waitForText('[x] stopped containers');
		await screen.sendKeys('Enter');
		const preview = await screen.waitForText(/items marked · reclaims/);
		assert.match(preview, /act-prune-old/);
		assert.doesNotMatch(preview, /act-prune-running/);
		await createLabelled(daemon, {name: 'act-prune-late', image});
		await screen.sendKeys('y');
		await screen.waitForText(/removed \d+ items?, reclaimed/);
		assert.equal(await stateOf('act-prune-old'), 'gone');
		assert.equal(await stateOf('act-prune-running'), 'running');
		assert.equal(await stateOf('act-prune-late'), 'created');
	});

	it('read-only mode refuses remove and prune and changes nothing', async () => {
		await createLabelled(daemon, {name: 'act-readonly', image});
		const screen = await select('act-readonly', ['--read-only']);
		assert.match(await screen.capture(), /\[read-only\]/);
		await screen.sendKeys('d');
		await screen.waitForText(/read-only mode: "Remove/);
		await screen.sendKeys('P');
		await screen.waitForText(/read-only mode: "Prune/);
		assert.doesNotMatch(
			await screen.capture(),
			/Remove 1 container\?|\[x\] stopped containers/,
		);
		assert.equal(await stateOf('act-readonly'), 'created');
	});

	it('logs every action with its docker CLI command', async () => {
		await createLabelled(daemon, {name: 'act-logged', image});
		const screen = await select('act-logged');
		await screen.sendKeys('d');
		await screen.waitForText('Remove 1 container?');
		await screen.sendKeys('y');
		await engineSays('act-logged', 'gone');
		await screen.sendKeys('L');
		await screen.waitForText(/✓ docker container rm act-logged/);
	});
});
