import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {FakeDockerClient, fakeImage} from '../fakes/fake-docker-client.js';
import {lineWith, namesInOrder} from '../helpers/frame.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

const t0 = Date.parse('2026-11-01T00:00:00Z');

function engine(): FakeDockerClient {
	return new FakeDockerClient({
		images: [
			fakeImage({
				id: 'sha256:aaa',
				tags: ['alpha:1'],
				size: 5e6,
				createdAt: t0,
			}),
			fakeImage({
				id: 'sha256:bbb',
				tags: ['bravo:1'],
				size: 900e6,
				createdAt: t0 - 5e6,
			}),
			fakeImage({
				id: 'sha256:ccc',
				tags: ['charlie:1'],
				size: 40e6,
				createdAt: t0 - 9e8,
			}),
		],
	});
}

let app: RenderedApp | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

describe('image sorts', () => {
	it('S sorts the images by size, largest first, A by age, oldest first; the title says so', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('alpha:1');
		await app.press('2', 'S');
		let frame = await app.waitForFrame('by size ↓');
		assert.match(lineWith(frame, 'Images'), /by size ↓/);
		const tags = ['alpha:1', 'bravo:1', 'charlie:1'];
		assert.deepEqual(namesInOrder(frame, tags), [
			'bravo:1',
			'charlie:1',
			'alpha:1',
		]);
		await app.press('A');
		frame = await app.waitForFrame('by age ↓');
		assert.deepEqual(namesInOrder(frame, tags), [
			'charlie:1',
			'bravo:1',
			'alpha:1',
		]);
		// The containers keep their own order: no sort in their title.
		assert.doesNotMatch(lineWith(frame, 'Containers'), /by /);
	});
});

describe('back (-)', () => {
	it('goes back to the pane before, and again forth; in a details view, back to the list', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('alpha:1');
		const focus = () => app?.services.store.getState().ui.focus;
		await app.press('2', '5');
		assert.equal(focus(), 'volumes');
		await app.press('-');
		assert.equal(focus(), 'images');
		await app.press('-');
		assert.equal(focus(), 'volumes');
		await app.press('2', 'i');
		assert.equal(app.services.store.getState().ui.dialog?.kind, 'details');
		await app.press('-');
		assert.equal(app.services.store.getState().ui.dialog, undefined);
		assert.equal(focus(), 'images');
	});
});
