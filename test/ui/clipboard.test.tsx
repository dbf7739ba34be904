import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
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

	it('y in the logs copies the lines in view that match the search', async () => {
		const api = fakeContainer({name: 'api'});
		const docker = new FakeDockerClient({containers: [api]});
		const base = Date.parse('2026-11-28T12:00:00Z');
		docker.writeLog(
			api.id,
			['GET /a 200', 'GET /b 500', 'boot done', 'GET /c 500'].map(
				(text, index) => ({
					stream: 'stdout' as const,
					time: base + index,
					text,
				}),
			),
		);
		app = renderApp({docker});
		await app.waitForFrame('api');
		await app.press('l');
		await app.waitForFrame('boot done');
		await app.press('y');
		assert.deepEqual(app.copied, [
			'GET /a 200\nGET /b 500\nboot done\nGET /c 500',
		]);
		await app.press('/', '5', '0', '0', keys.enter);
		await app.press('y');
		assert.equal(app.copied.at(-1), 'GET /b 500\nGET /c 500');
		await app.waitForFrame('copied 2 lines in view matching "500"');
	});

	it('Y in details copies the value of the line the search is on, and says which', async () => {
		app = renderApp({
			docker: new FakeDockerClient({containers: [web], images: sample.images}),
		});
		await app.waitForFrame('web-1');
		await app.press('i');
		await app.waitForFrame('Command');
		await app.press('Y');
		await app.waitForFrame('search (/) for the line first');
		assert.equal(app.copied.length, 0);
		await app.press('/', 'Command', keys.enter);
		await app.press('Y');
		assert.deepEqual(app.copied, ['sh']);
		await app.waitForFrame('copied the value of Command: sh');
		// An environment variable's value is what follows its `=`.
		await app.press('/', 'PATH', keys.enter, 'Y');
		assert.equal(
			app.copied.at(-1),
			'/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
		);
		await app.press('/', 'Limits', keys.enter, 'Y');
		await app.waitForFrame('no value on the line "Limits"');
		assert.equal(app.copied.length, 2);
	});
});
