import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {DockerError} from '../../source/docker/errors.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
} from '../fakes/fake-docker-client.js';
import {lineWith} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

const web = fakeContainer({
	name: 'web',
	image: 'nginx:1.27',
	imageId: 'sha256:nginx',
	command: 'nginx -g daemon-off',
});
const nginx = fakeImage({
	id: 'sha256:nginx'.padEnd(71, '0'),
	tags: ['nginx:1.27'],
});

function engine(): FakeDockerClient {
	const docker = new FakeDockerClient({containers: [web], images: [nginx]});
	docker.limits.set(web.id, {cpus: 1.5, memory: 256 * 1024 * 1024, pids: 64});
	docker.containerDetails.set(web.id, {
		env: ['MODE=production', 'WORKERS=4'],
		restartPolicy: {name: 'unless-stopped', maximumRetryCount: 0},
		cgroupParent: '/custom.slice',
	});
	docker.imageLayers.set(nginx.id, [
		{
			id: nginx.id,
			createdAt: Date.parse('2026-10-01T00:00:00Z'),
			createdBy: '/bin/sh -c #(nop)  CMD ["nginx"]',
			size: 0,
			comment: '',
			tags: ['nginx:1.27'],
		},
		{
			id: '',
			createdAt: Date.parse('2026-09-30T00:00:00Z'),
			createdBy: 'ADD file:abc in /',
			size: 74_800_000,
			comment: '',
			tags: [],
		},
	]);
	return docker;
}

describe('details of a container (i)', () => {
	it('shows the summary, toggles to the JSON and back, and closes with Esc, as its footer says', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web');
		await app.press('i');
		const summary = await app.waitForFrame('Container web · summary');
		assert.match(summary, /Esc close/);
		assert.doesNotMatch(summary, /Esc cancel/);
		assert.match(lineWith(summary, 'Restart'), /unless-stopped/);
		assert.match(lineWith(summary, /Memory\s/), /256MiB/);
		assert.match(lineWith(summary, 'CPUs'), /1\.5 CPUs/);
		assert.match(lineWith(summary, 'Cgroup parent'), /\/custom\.slice/);
		await app.press(keys.tab);
		const json = await app.waitForFrame('inspect JSON');
		assert.match(json, /"name": "unless-stopped",/);
		await app.press('J');
		await app.waitForFrame('Container web · summary');
		await app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('Container web'));
	});

	it('opens with Enter too, and searches: highlighted matches, n jumps, the count', async () => {
		app = renderApp({docker: engine(), rows: 20});
		await app.waitForFrame('web');
		await app.press(keys.enter);
		await app.waitForFrame('Container web · summary');
		await app.press('/', ...Array.from('workers'), keys.enter);
		const found = await app.waitForFrame('"workers": 1 match (n/N');
		// The match is scrolled into view, in the middle.
		assert.match(found, /WORKERS=4/);
		await app.press('n');
		await app.waitForFrame('"workers": 1 match (n/N');
		await app.press('/', ...Array.from('no-such-text'), keys.enter);
		await app.waitForFrame('no match for "no-such-text"');
	});

	it('scrolls by line and page within the lines', async () => {
		app = renderApp({docker: engine(), rows: 16});
		await app.waitForFrame('web');
		await app.press('i', keys.tab);
		const top = await app.waitForFrame(/lines 1–\d+ of \d+/);
		const total = Number(/lines 1–\d+ of (\d+)/.exec(top)?.[1]);
		await app.press('j');
		await app.waitForFrame(/lines 2–\d+ of/);
		await app.press('G');
		const bottom = await app.waitForFrame(
			new RegExp(`lines \\d+–${total} of ${total}`),
		);
		assert.match(bottom, /^\s*│\s*}\s*│?$/m, 'the closing brace is on screen');
		await app.press('G', 'j');
		await app.waitForFrame(new RegExp(`–${total} of ${total}`));
		await app.press('g');
		await app.waitForFrame(/lines 1–/);
	});

	it('says why when the engine fails, and shows details of the selected image', async () => {
		const docker = engine();
		docker.failNext(
			'inspectContainer',
			new DockerError('not-found', 'No such container: web'),
		);
		app = renderApp({docker});
		await app.waitForFrame('web');
		await app.press('i');
		await app.waitForFrame('No such container: web');
		await app.press(keys.escape, '2', 'i');
		const image = await app.waitForFrame('Image nginx:1.27 · summary');
		assert.match(image, /History \(2 steps, newest first\)/);
		assert.match(lineWith(image, '<missing>'), /74\.8MB\s+ADD file:abc in \//);
		assert.match(lineWith(image, /CMD \["nginx"\]/), /nginx0{7}\s/);
	});
});
