import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {spawn, type ChildProcess} from 'node:child_process';
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {launchDockmate, selectByFilter} from '../helpers/dockmate.js';
import {freePort} from '../helpers/free-port.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:prb';

/**
 * Debian's docker-registry (distribution 2.8) serving from a folder on 127.0.0.1, which the
 * engine may use without TLS: loopback registries are insecure-allowed by default.
 */
async function startRegistry(
	dir: string,
): Promise<{readonly address: string; readonly process: ChildProcess}> {
	const port = await freePort();
	const address = `127.0.0.1:${port}`;
	mkdirSync(dir, {recursive: true});
	const config = path.join(dir, 'config.yml');
	writeFileSync(
		config,
		[
			'version: 0.1',
			'log: {level: error}',
			`storage: {filesystem: {rootdirectory: ${path.join(dir, 'data')}}}`,
			`http: {addr: "${address}"}`,
			'',
		].join('\n'),
	);
	const registry = spawn('docker-registry', ['serve', config], {
		stdio: 'ignore',
	});
	const failed = new Promise<never>((_resolve, reject) => {
		registry.once('error', error => {
			reject(
				new Error(
					`cannot run docker-registry (${error.message}); install it with \`apt-get install -y docker-registry\``,
				),
			);
		});
	});
	await Promise.race([
		failed,
		waitFor(async () => (await fetch(`http://${address}/v2/`)).status === 200, {
			timeoutMs: 15_000,
			message: `the registry at ${address} did not answer`,
		}),
	]);
	return {address, process: registry};
}

describe('pull, run and build on a real engine', {timeout: 300_000}, () => {
	const daemon = engineFixture({image});
	let registry: {readonly address: string; readonly process: ChildProcess};
	let screen: TmuxSession;
	let pushed: string;

	const inspect = async (format: string, name: string): Promise<string> =>
		daemon.dockerOk(['inspect', '--format', format, name]);

	/** Narrows the Images pane to `text` (typed after `/`, then Enter). */
	const filterImages = async (text: string): Promise<void> => {
		await screen.sendKeys('2', '/', 'C-u', text, 'Enter');
		await screen.waitForText(
			new RegExp(`Images 1/1 of \\d+ · filter: ${text}`),
		);
	};

	before(async () => {
		registry = await startRegistry(path.join(daemon.dir, 'registry'));
		// A locally made image in the registry, and not in the engine: pulling it downloads it.
		pushed = `${registry.address}/e2e/blob:1`;
		const blob = path.join(daemon.dir, 'blob');
		mkdirSync(blob);
		writeFileSync(path.join(blob, 'blob'), randomBytes(2_000_000));
		writeFileSync(
			path.join(blob, 'Dockerfile'),
			'FROM scratch\nCOPY blob /blob\n',
		);
		await daemon.dockerOk(['build', '--tag', pushed, blob]);
		await daemon.dockerOk(['push', pushed]);
		await daemon.dockerOk(['rmi', pushed]);
		screen = await launchDockmate({host: daemon.host, columns: 120, rows: 40});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes(image),
		);
	});

	after(async () => {
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		await screen?.kill();
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		registry?.process.kill();
	});

	it('b builds a context, leaving out what .dockerignore names, and lists the image', async () => {
		const context = path.join(daemon.dir, 'context');
		mkdirSync(context);
		copyFileSync('/bin/busybox', path.join(context, 'busybox'));
		writeFileSync(
			path.join(context, 'Dockerfile'),
			'FROM scratch\nCOPY busybox /bin/busybox\nCOPY . /ctx/\nCMD ["/bin/busybox", "sh"]\n',
		);
		writeFileSync(path.join(context, '.dockerignore'), 'secret*\n!secret-ok\n');
		writeFileSync(path.join(context, 'secret.txt'), 'not for the image');
		writeFileSync(path.join(context, 'secret-ok'), 'an exception');

		await screen.sendKeys('2', 'b');
		await screen.waitForText('Build an image');
		await screen.sendKeys('C-u', context, 'Tab', 'Tab', 'e2e/built:1', 'Enter');
		const built = await screen.waitForText('✓ built e2e/built:1', 60_000);
		// busybox (about 2 MB), Dockerfile, .dockerignore and secret-ok, as tar.
		assert.match(built, /sent 1\.\d+MB of context to the engine/);
		assert.match(built, /Step 1\/4 : FROM scratch/);
		assert.match(built, /Successfully tagged e2e\/built:1/);
		await screen.sendKeys('Escape');
		await filterImages('e2e/built');

		const files = await daemon.dockerOk([
			'run',
			'--rm',
			'e2e/built:1',
			'/bin/busybox',
			'ls',
			'-a',
			'/ctx',
		]);
		assert.deepEqual(files.split('\n').sort(), [
			'.',
			'..',
			'.dockerignore',
			'Dockerfile',
			'busybox',
			'secret-ok',
		]);

		// The next build starts from this one's folder and tag.
		await screen.sendKeys('b');
		const again = await screen.waitForText('Build an image');
		assert.match(again, new RegExp(`Context\\s+${context}\\s`));
		assert.match(again, /Tag\s+e2e\/built:1/);
		await screen.sendKeys('Escape');
		await screen.waitForText(text => !text.includes('Build an image'));
	});

	it('b whose RUN fails lists the <none> image the failed build left, with no event needed', async () => {
		const context = path.join(daemon.dir, 'failing');
		mkdirSync(context);
		// LABEL commits an image and RUN false fails after it: the engine keeps that image, untagged,
		// and announces it by no image event.
		writeFileSync(
			path.join(context, 'Dockerfile'),
			`FROM ${image}\nLABEL step=before-failure\nRUN false\n`,
		);
		await screen.sendKeys('Escape', '2', 'b');
		await screen.waitForText('Build an image');
		await screen.sendKeys('C-u', context, 'C-g');
		await screen.waitForText('the build failed', 60_000);
		const dangling = await daemon.dockerOk([
			'images',
			'--filter',
			'dangling=true',
			'--format',
			'{{.ID}}',
		]);
		assert.match(
			dangling,
			/^[0-9a-f]{12}$/,
			'the engine kept one <none> image',
		);
		await screen.sendKeys('Escape');
		await screen.sendKeys('/', 'C-u', dangling, 'Enter');
		const listed = await screen.waitForText(
			new RegExp(`Images 1/1 of \\d+ · filter: ${dangling}`),
		);
		assert.match(listed, new RegExp(`<none>:<none>\\s+${dangling}`));
	});

	it('n creates and starts a container with the name and memory limit given', async () => {
		await filterImages(image);
		await screen.sendKeys('n');
		await screen.waitForText(`Run a container of ${image}`);
		// Name, then command, env and ports, then memory.
		await screen.sendKeys('prb-run', 'Tab', 'sleep 600', 'Tab', 'Tab', 'Tab');
		await screen.sendKeys('1m', 'C-g');
		await screen.waitForText('✕ at least 6m: the engine refuses less');
		assert.equal(
			(await daemon.docker(['inspect', 'prb-run'])).code,
			1,
			'nothing was created from a wrong form',
		);
		await screen.sendKeys('C-u', '64m', 'C-g');
		await screen.waitForText('started prb-run');
		assert.equal(
			await inspect('{{.HostConfig.Memory}}', 'prb-run'),
			'67108864',
		);
		assert.equal(await inspect('{{.State.Status}}', 'prb-run'), 'running');
		assert.equal(
			await inspect('{{json .Config.Cmd}}', 'prb-run'),
			'["sleep","600"]',
		);
	});

	it('n takes a pasted env value with blanks whole, and edits the fields with the shell’s keys', async () => {
		await filterImages(image);
		await screen.sendKeys('n');
		await screen.waitForText(`Run a container of ${image}`);
		// A slip in the name mended at the cursor: Alt-B goes back over "env", Backspace deletes
		// "-xx" before it, Ctrl-E goes on to the end.
		await screen.sendKeys('prb-xx-env', 'M-b', 'BSpace', 'BSpace', 'BSpace');
		await screen.sendKeys('C-e', 'Tab', 'sleep 600', 'Tab');
		// Pasted: neither its blank nor anything else in it is a key.
		await screen.paste('KEY=a b');
		await screen.waitForText(/Env\s+'KEY=a b'/);
		await screen.sendKeys('C-g');
		await screen.waitForText('started prb-env');
		const env = JSON.parse(
			await inspect('{{json .Config.Env}}', 'prb-env'),
		) as string[];
		assert.ok(env.includes('KEY=a b'), env.join(', '));
	});

	it('n with interactive on hands the terminal to the container, as docker run -it', async () => {
		await filterImages(image);
		await screen.sendKeys('n');
		await screen.waitForText(`Run a container of ${image}`);
		await screen.sendKeys('prb-it', 'BTab', 'Space', 'C-g');
		await screen.waitForText('dockmate: attached to prb-it');
		await screen.sendKeys('echo it-$((40 + 2))', 'Enter');
		await screen.waitForText('it-42');
		await screen.sendKeys('exit 3', 'Enter');
		await screen.waitForText('prb-it exited with code 3');
		assert.equal(await inspect('{{.Config.Tty}}', 'prb-it'), 'true');
		assert.equal(await inspect('{{.State.ExitCode}}', 'prb-it'), '3');

		// Ctrl-P Ctrl-Q detaches: dockmate comes back, the container runs on.
		await filterImages(image);
		await screen.sendKeys('n');
		await screen.waitForText(`Run a container of ${image}`);
		await screen.sendKeys('prb-detach', 'BTab', 'Space', 'C-g');
		await screen.waitForText('dockmate: attached to prb-detach');
		await screen.sendKeys('C-p', 'C-q');
		// At once: a detached container runs on, there is no exit to wait for.
		await screen.waitForText('detached from prb-detach: it runs on', 1500);
		assert.equal(await inspect('{{.State.Status}}', 'prb-detach'), 'running');

		// Keys typed after a detach are dockmate's, even in the same read as Ctrl-Q.
		await screen.sendKeys('1');
		await selectByFilter(screen, 'prb-detach');
		await screen.sendKeys('e');
		await screen.waitForText('dockmate: shell in prb-detach');
		await screen.sendKeys('\u0010\u0011?');
		await screen.waitForText('Keys · Containers pane', 1500);
		await screen.sendKeys('Escape');
		assert.equal(await inspect('{{.State.Status}}', 'prb-detach'), 'running');
	});

	it('u pulls from a registry, showing each layer, the digest and the new image', async () => {
		await screen.sendKeys('2', 'u');
		await screen.waitForText('Pull an image');
		await screen.sendKeys(pushed, 'Enter');
		const done = await screen.waitForText(`Pulled ${pushed}`, 60_000);
		assert.match(done, /[0-9a-f]{12}\s+Pull complete\s+█+/);
		assert.match(done, /overall\s+█+ 100% · 1\/1 layer · 2MB\/2MB/);
		assert.match(done, /Digest: sha256:[0-9a-f]{64}/);
		assert.match(done, new RegExp(`✓ Downloaded newer image for ${pushed}`));
		await screen.sendKeys('Escape');
		await filterImages(`${registry.address}/e2e`);
		assert.match(
			await inspect('{{index .RepoTags 0}}', pushed),
			new RegExp(pushed),
		);
	});

	it('u from a closed port says the registry cannot be reached, in the engine’s words too', async () => {
		await screen.sendKeys('Escape', '2', 'u');
		await screen.waitForText('Pull an image');
		await screen.sendKeys('127.0.0.1:9/x:1', 'Enter');
		const failed = await screen.waitForText(
			'Pull of 127.0.0.1:9/x:1 failed',
			30_000,
		);
		assert.match(
			failed,
			/✕ cannot reach the registry 127\.0\.0\.1:9: connection refused/,
		);
		assert.match(
			failed,
			/the engine said: .*127\.0\.0\.1:9.*connection refused/s,
		);
		assert.doesNotMatch(failed, /overall/);
		await screen.sendKeys('Escape');
		await screen.waitForText(text => !text.includes('Pull of'));
	});
});
