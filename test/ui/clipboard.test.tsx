import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';
import {sample} from '../fakes/sample-engine.js';
import {keys} from '../helpers/keys.js';
import {renderApp, selectRow} from '../helpers/render-app.js';

const {web, db, job} = sample;

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

describe('copying to the clipboard', () => {
	it('y copies the selected container id and Y its name, and the status line says so', async () => {
		app = renderApp({
			docker: new FakeDockerClient({
				containers: [web, db, job],
				images: sample.images,
			}),
		});
		await app.waitForFrame('web-1');
		await selectRow(app, 'containers', web.id);
		await app.press('y');
		assert.deepEqual(app.copied, [web.id]);
		await app.waitForFrame('copied the id of web-1');
		await app.press('Y');
		assert.deepEqual(app.copied, [web.id, 'web-1']);
		await app.waitForFrame('copied web-1');
	});

	it('Y on an image copies its reference', async () => {
		app = renderApp({
			docker: new FakeDockerClient({containers: [web], images: sample.images}),
		});
		await app.waitForFrame('postgres:16');
		await app.press(keys.tab, 'g', 'Y');
		assert.deepEqual(app.copied, ['nginx:1.27']);
	});

	it('says when nothing is selected to copy', async () => {
		app = renderApp({docker: new FakeDockerClient({containers: []})});
		await app.waitForFrame('Containers');
		await app.press('y');
		assert.deepEqual(app.copied, []);
		await app.waitForFrame('nothing selected to copy');
	});
});
