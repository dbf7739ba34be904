import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {after, afterEach, before, describe, it} from 'node:test';
import {cliPath, launchDockmate} from '../helpers/dockmate.js';
import {createLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:keys';

/** A config folder (for XDG_CONFIG_HOME) whose config.json says `config`. */
function configHome(config: unknown): string {
	const home = mkdtempSync(path.join(os.tmpdir(), 'dockmate-keys-'));
	mkdirSync(path.join(home, 'dockmate'));
	writeFileSync(
		path.join(home, 'dockmate', 'config.json'),
		JSON.stringify(config),
	);
	return home;
}

describe('remapped keys on a real engine', {timeout: 300_000}, () => {
	const daemon = engineFixture({image});
	const homes: string[] = [];
	let screen: TmuxSession | undefined;

	const launch = async (config: unknown): Promise<TmuxSession> => {
		const home = configHome(config);
		homes.push(home);
		screen = await launchDockmate({
			host: daemon.host,
			columns: 120,
			rows: 32,
			env: {XDG_CONFIG_HOME: home},
		});
		return screen;
	};

	before(async () => {
		await createLabelled(daemon, {name: 'keys-victim', image});
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	after(() => {
		for (const home of homes) {
			rmSync(home, {recursive: true, force: true});
		}
	});

	it('with "item.remove": "x", x removes, d no longer does, and the help shows x', async () => {
		const current = await launch({keys: {'item.remove': 'x'}});
		await current.waitForText('● connected');
		await current.sendKeys('/', 'keys-victim', 'Enter');
		await current.waitForText('filter: keys-victim');
		await current.sendKeys('d', '?');
		const help = await current.waitForText('Keys · Containers pane');
		assert.doesNotMatch(help, /Remove 1 container\?/);
		assert.match(help, /│ x +Remove \(asks first/);
		assert.doesNotMatch(help, /│ d +Remove/);
		await current.sendKeys('Escape');
		await current.waitForText(screen => !screen.includes('Keys · '));
		const id = await daemon.dockerOk([
			'inspect',
			'--format',
			'{{.Id}}',
			'keys-victim',
		]);
		assert.ok(id !== '', 'still there after d');
		await current.sendKeys('x');
		await current.waitForText('Remove 1 container?');
		await current.sendKeys('y');
		await waitFor(
			async () => (await daemon.docker(['inspect', 'keys-victim'])).code !== 0,
			{timeoutMs: 15_000, message: 'keys-victim was never removed'},
		);
	});

	it('reports unknown commands and keys at start, in one message, and starts with the defaults', async () => {
		const current = await launch({
			keys: {'item.vanish': 'x', 'app.help': 'hyper+h'},
		});
		const start = await current.waitForText('config "keys"');
		assert.match(start, /unknown command "item\.vanish"/);
		await current.sendKeys('?');
		await current.waitForText('Keys · Containers pane');
	});

	it('--print-keys prints the table in force as markdown', async () => {
		const home = configHome({keys: {'item.remove': 'x'}});
		homes.push(home);
		const {stdout} = await promisify(execFile)(
			process.execPath,
			[cliPath, '--print-keys'],
			{env: {...process.env, XDG_CONFIG_HOME: home}},
		);
		const lines = stdout.split('\n');
		assert.equal(lines[0], '| Command | Scope | Keys | What it does |');
		assert.ok(
			lines.some(line => line.startsWith('| `item.remove` | markable | `x` |')),
			stdout,
		);
	});
});
