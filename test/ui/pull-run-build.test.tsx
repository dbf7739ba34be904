import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, it} from 'node:test';
import type {PullEvent} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
} from '../fakes/fake-docker-client.js';
import {lineWith} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait-for.js';

const ctrlG = '\u0007';
const ctrlU = '\u0015';

const busybox = fakeImage({id: 'sha256:busybox', tags: ['busybox:latest']});
const web = fakeContainer({name: 'web', imageId: 'sha256:busybox'});

const reference = '127.0.0.1:5000/tools/app:1';
const pulled = fakeImage({id: 'sha256:pulled', tags: [reference]});

/** A two-layer pull, as the engine reports it: one layer known already, one downloaded. */
const pullSteps: PullEvent[] = [
	{kind: 'status', text: 'Pulling from tools/app (1)'},
	{
		kind: 'layer',
		id: '763d1924c950',
		status: 'Already exists',
		current: undefined,
		total: undefined,
	},
	{
		kind: 'layer',
		id: '423bfd091956',
		status: 'Pulling fs layer',
		current: undefined,
		total: undefined,
	},
	{
		kind: 'layer',
		id: '423bfd091956',
		status: 'Downloading',
		current: 1_500_000,
		total: 3_000_000,
	},
];
const pullEnd: PullEvent[] = [
	{
		kind: 'layer',
		id: '423bfd091956',
		status: 'Pull complete',
		current: undefined,
		total: undefined,
	},
	{kind: 'status', text: `Digest: sha256:${'5a'.repeat(32)}`},
	{kind: 'status', text: `Status: Downloaded newer image for ${reference}`},
];

const folders: string[] = [];
after(() => {
	for (const folder of folders) {
		rmSync(folder, {recursive: true, force: true});
	}
});

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

/** The app on the Images pane, the busybox image selected. */
async function onImages(
	options: Parameters<typeof renderApp>[0] = {},
): Promise<NonNullable<typeof app>> {
	app = renderApp({
		docker: new FakeDockerClient({containers: [web], images: [busybox]}),
		columns: 120,
		rows: 40,
		...options,
	});
	await app.waitForFrame('busybox:latest');
	await app.press('2');
	return app;
}

describe('pull (u)', () => {
	it('shows each layer and the whole pull, then the digest, and lists the image', async () => {
		const docker = new FakeDockerClient({containers: [web], images: [busybox]});
		let release: () => void = () => undefined;
		docker.pulls.set(reference, {
			steps: pullSteps,
			hold: new Promise(resolve => {
				release = resolve;
			}),
			rest: pullEnd,
			image: pulled,
		});
		await onImages({docker});
		await app!.press('u');
		await app!.waitForFrame('Pull an image');
		await app!.type(reference);
		await app!.press(keys.enter);

		const during = await app!.waitForFrame(frame =>
			frame.includes('1.5MB/3MB'),
		);
		assert.match(
			during,
			new RegExp(`Pulling ${reference.replaceAll('.', '\\.')}`),
		);
		assert.match(lineWith(during, '763d1924c950'), /Already exists\s+█+/);
		assert.match(
			lineWith(during, '423bfd091956'),
			/Downloading\s+█+.*░+ 1\.5MB\/3MB/,
		);
		// One layer of two done, the other half downloaded: (1 + 0.25) / 2.
		assert.match(
			lineWith(during, 'overall'),
			/62% · 1\/2 layers \(1 already there\) · 1\.5MB\/3MB/,
		);
		assert.match(during, /Esc calls off the pull/);

		release();
		const done = await app!.waitForFrame(`Pulled ${reference}`);
		assert.match(done, /Digest: sha256:5a5a/);
		assert.match(
			done,
			/✓ Downloaded newer image for 127\.0\.0\.1:5000\/tools\/app:1/,
		);
		assert.match(lineWith(done, 'overall'), /100% · 2\/2 layers/);
		assert.match(done, /pulled 127\.0\.0\.1:5000\/tools\/app:1 \(sha256:5a5a/);
		await app!.press(keys.escape);
		const listed = await app!.waitForFrame('2 Images 2/2');
		assert.match(listed, /│\s+127\.0\.0\.1:5000\/tools\/app:1\s+pulled/);
		await app!.press('L');
		assert.match(
			await app!.waitForFrame('Command log'),
			/✓ docker pull 127\.0\.0\.1:5000\/tools\/app:1/,
		);
	});

	it('shows why a pull failed, the engine’s words included, and no progress', async () => {
		await onImages();
		await app!.press('u');
		await app!.type('127.0.0.1:5000/nope:1');
		await app!.press(keys.enter);
		const failed = await app!.waitForFrame(
			'Pull of 127.0.0.1:5000/nope:1 failed',
		);
		assert.match(
			failed,
			/✕ no image 127\.0\.0\.1:5000\/nope:1 in the registry 127\.0\.0\.1:5000/,
		);
		assert.match(
			failed,
			/the engine said: manifest for 127\.0\.0\.1:5000\/nope:1 not found/,
		);
		assert.doesNotMatch(failed, /overall|Pulling from/);
		// u goes back to the reference, to fix it.
		await app!.press('u');
		const again = await app!.waitForFrame('Pull an image');
		assert.match(again, /image: 127\.0\.0\.1:5000\/nope:1/);
		await app!.press(keys.escape);
		await app!.waitForFrame(frame => !frame.includes('Pull an image'));
		await app!.press('L');
		assert.match(
			await app!.waitForFrame('Command log'),
			/✕ docker pull 127\.0\.0\.1:5000\/nope:1 · no image/,
		);
	});

	it('refuses a reference the engine would not take, without asking it', async () => {
		await onImages();
		await app!.press('u');
		await app!.type('busy box');
		await app!.press(keys.enter);
		await app!.waitForFrame('✕ invalid repository name "busy box"');
		assert.equal(app!.docker.calls.pullImage, 0);
		// Typing clears the problem.
		await app!.press(keys.backspace);
		await app!.waitForFrame(frame => !frame.includes('✕ invalid'));
	});

	it('calls a pull off with Esc', async () => {
		const docker = new FakeDockerClient({containers: [web], images: [busybox]});
		docker.pulls.set(reference, {
			steps: pullSteps,
			hold: new Promise(() => undefined),
			image: pulled,
		});
		await onImages({docker});
		await app!.press('u');
		await app!.type(reference);
		await app!.press(keys.enter);
		await app!.waitForFrame('1.5MB/3MB');
		await app!.press(keys.escape);
		const closed = await app!.waitForFrame(`pull of ${reference} called off`);
		assert.doesNotMatch(closed, /overall/);
		assert.doesNotMatch(closed, /Pulling 127/);
		await app!.press('L');
		assert.match(
			await app!.waitForFrame('Command log'),
			/✕ docker pull 127\.0\.0\.1:5000\/tools\/app:1 · called off/,
		);
	});
});

describe('run (n)', () => {
	it('reports bad fields on the field and creates nothing, then runs the container', async () => {
		await onImages();
		await app!.press('n');
		await app!.waitForFrame('Run a container of busybox:latest');
		await app!.type('web');
		// To Memory: name, command, env, ports, memory.
		await app!.press(keys.tab, keys.tab, keys.tab, keys.tab);
		await app!.type('4m');
		await app!.press(keys.tab);
		await app!.type('99');
		await app!.press(ctrlG);
		const refused = await app!.waitForFrame('✕ web is already the name');
		assert.match(refused, /✕ at least 6m: the engine refuses less/);
		assert.match(refused, /✕ the engine has 4 CPUs/);
		assert.equal(app!.docker.calls.createContainer, 0);
		// The focus went to the first wrong field, the name.
		assert.match(lineWith(refused, 'Name'), /›/);

		await app!.press(ctrlU);
		await app!.type('api');
		await app!.press(keys.down, keys.down, keys.down, keys.down, ctrlU);
		await app!.type('64m');
		await app!.press(keys.down, ctrlU);
		await app!.type('0.5');
		await app!.press(keys.down);
		// Restart: Space cycles the policies.
		await app!.press(' ', ' ');
		assert.match(lineWith(app!.lastFrame(), 'Restart'), /‹ unless-stopped ›/);
		// Enter moves on; on the last field it runs.
		await app!.press(keys.enter);
		assert.match(lineWith(app!.lastFrame(), 'Interactive'), /›/);
		await app!.press(keys.enter);
		await app!.waitForFrame('started api');
		assert.deepEqual(app!.docker.created, [
			{
				image: 'busybox:latest',
				name: 'api',
				command: [],
				env: [],
				ports: [],
				memory: 64 * 1024 * 1024,
				cpus: 0.5,
				restart: {name: 'unless-stopped', maximumRetryCount: 0},
				interactive: false,
			},
		]);
		assert.deepEqual(app!.docker.actions, ['create api', 'start api']);
		await app!.press('L');
		assert.match(
			await app!.waitForFrame('Command log'),
			/✓ docker run -d --name api -m 64m --cpus 0\.5 --restart unless-stopped busybox:latest/,
		);
	});

	it('hands the terminal to a container run interactively', async () => {
		const attached: string[] = [];
		await onImages({
			attach(id, name) {
				attached.push(`${name} ${id}`);
			},
		});
		await app!.press('n');
		await app!.type('shell');
		await app!.press(keys.shiftTab, ' ');
		assert.match(lineWith(app!.lastFrame(), 'Interactive'), /‹ yes ›/);
		// A yes/no field takes no text.
		await app!.type('x');
		assert.match(lineWith(app!.lastFrame(), 'Interactive'), /‹ yes ›/);
		await app!.press(ctrlG);
		await waitFor(() => attached.length === 1, {
			timeoutMs: 2000,
			message: 'the terminal was handed over',
		});
		assert.match(attached[0] ?? '', /^shell shell-id/);
		assert.equal(app!.docker.created[0]?.interactive, true);
		// Started by the hand-off, not by the form.
		assert.deepEqual(app!.docker.actions, ['create shell']);
	});

	it('keeps the form when the engine refuses, with its answer', async () => {
		const docker = new FakeDockerClient({containers: [web], images: [busybox]});
		docker.failNext(
			'createContainer',
			new DockerError('bad-request', 'invalid restart policy'),
		);
		await onImages({docker});
		await app!.press('n');
		await app!.press(ctrlG);
		const frame = await app!.waitForFrame(
			'the engine did not create it: invalid restart policy',
		);
		assert.match(frame, /Run a container of busybox:latest/);
	});

	it('is refused in read-only mode', async () => {
		await onImages({readOnly: true});
		await app!.press('n');
		await app!.waitForFrame('read-only mode');
		await app!.press('u');
		await app!.press('b');
		const frame = app!.lastFrame();
		// No dialog opened: the panes are still there, and no dialog's title.
		assert.match(frame, /2 Images/);
		assert.doesNotMatch(
			frame,
			/│ (Run a container|Pull an image|Build an image)/,
		);
		assert.match(frame, /read-only mode: "Build an image from a folder/);
	});
});

describe('build (b)', () => {
	it('checks the form, then streams the output and lists the image', async () => {
		const context = mkdtempSync(path.join(tmpdir(), 'dockmate-build-'));
		folders.push(context);
		const docker = new FakeDockerClient({containers: [web], images: [busybox]});
		const built = fakeImage({id: 'sha256:built', tags: ['app:1']});
		let release: () => void = () => undefined;
		docker.build = {
			steps: [
				'Step 1/2 : FROM scratch',
				' ---> ',
				'Step 2/2 : COPY busybox /bin/busybox',
			],
			hold: new Promise(resolve => {
				release = resolve;
			}),
			image: built,
		};
		await onImages({docker, cwd: context});
		await app!.press('b');
		const form = await app!.waitForFrame('Build an image');
		assert.match(lineWith(form, 'Context'), new RegExp(context));
		await app!.press(keys.tab, keys.tab);
		await app!.type('app:1');
		await app!.press(keys.enter);
		await app!.waitForFrame('✕ no file Dockerfile in the context');
		assert.equal(docker.calls.buildImage, 0);

		writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\n');
		await app!.press(ctrlG);
		const building = await app!.waitForFrame('COPY busybox /bin/busybox');
		assert.match(building, /Build app:1/);
		assert.match(building, /building…/);
		release();
		const done = await app!.waitForFrame('✓ built app:1');
		assert.match(done, /Step 1\/2 : FROM scratch/);
		assert.deepEqual(docker.builds, [
			{context, dockerfile: 'Dockerfile', tag: 'app:1'},
		]);
		await app!.press(keys.escape);
		const listed = await app!.waitForFrame('2 Images 2/2');
		assert.match(listed, /│\s+app:1\s+built/);
		await app!.press('L');
		assert.match(
			await app!.waitForFrame('Command log'),
			new RegExp(`✓ docker build -t app:1 ${context}`),
		);
	});

	it('opens the form again as the last build was given, for the next build', async () => {
		const start = mkdtempSync(path.join(tmpdir(), 'dockmate-build-'));
		const context = mkdtempSync(path.join(tmpdir(), 'dockmate-build-'));
		folders.push(start, context);
		writeFileSync(path.join(context, 'web.Dockerfile'), 'FROM scratch\n');
		const docker = new FakeDockerClient({containers: [web], images: [busybox]});
		docker.build = {
			steps: ['Step 1/1 : FROM scratch'],
			image: fakeImage({id: 'sha256:built', tags: ['app:2']}),
		};
		await onImages({docker, cwd: start});
		await app!.press('b');
		await app!.waitForFrame('Build an image');
		await app!.press('\u0015');
		await app!.type(context);
		await app!.press(keys.tab, '\u0015');
		await app!.type('web.Dockerfile');
		await app!.press(keys.tab);
		await app!.type('app:2');
		await app!.press(ctrlG);
		await app!.waitForFrame('✓ built app:2');
		await app!.press(keys.escape);
		await app!.waitForFrame('2 Images 2/2');
		await app!.press('b');
		const again = await app!.waitForFrame('Build an image');
		assert.match(lineWith(again, 'Context'), new RegExp(`${context}\\s`));
		assert.match(lineWith(again, 'Dockerfile'), /web\.Dockerfile/);
		assert.match(lineWith(again, 'Tag'), /app:2/);
	});

	it('shows the builder’s error and goes back to the form with b', async () => {
		const context = mkdtempSync(path.join(tmpdir(), 'dockmate-build-'));
		folders.push(context);
		writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\n');
		const docker = new FakeDockerClient({containers: [web], images: [busybox]});
		docker.build = {
			steps: ['Step 1/2 : FROM scratch', 'Step 2/2 : COPY nope /nope'],
			failure: new DockerError(
				'bad-request',
				'COPY failed: file not found in build context or excluded by .dockerignore: stat nope: file does not exist',
			),
		};
		await onImages({docker, cwd: context});
		await app!.press('b', ctrlG);
		const failed = await app!.waitForFrame('✕ COPY failed');
		assert.match(failed, /Step 2\/2 : COPY nope \/nope/);
		assert.match(app!.lastFrame(), /the build failed/);
		await app!.press('b');
		await app!.waitForFrame('Build an image');
	});
});
