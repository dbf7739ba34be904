import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, it} from 'node:test';
import {textViewerOpened} from '../../source/state/text-dialog.js';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

/** `/etc/app.conf` of 60 lines: `key-0 = 0` … with a long line 30 and three `port` lines. */
function config(): string {
	return Array.from({length: 60}, (_, index) =>
		index === 30
			? `long = ${'x'.repeat(150)}-end`
			: index % 20 === 5
				? `port-${index} = 80${index}`
				: `key-${index} = ${index}`,
	).join('\n');
}

describe('any text in the viewer (textViewerOpened)', () => {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'dockmate-text-'));
	after(() => {
		rmSync(folder, {recursive: true, force: true});
	});

	it('opens at the top and is searched, filtered, wrapped and paged with the viewer’s keys', async () => {
		app = renderApp({
			docker: new FakeDockerClient(),
			rows: 20,
			logSettings: {directory: folder},
		});
		await app.waitForFrame('connected');
		app.services.dispatch(
			textViewerOpened({
				title: 'web: /etc/app.conf',
				text: `${config()}\n`,
				source: '/etc/app.conf',
			}),
		);
		const top = await app.waitForFrame('web: /etc/app.conf');
		assert.match(top, /key-0 = 0/);
		assert.match(top, /\/etc\/app\.conf · lines 1–\d+ of 60/);

		await app.press('/', ...Array.from('PORT'), keys.enter);
		let frame = await app.waitForFrame('"PORT": 3 matches');
		assert.match(frame, /port-5 = 805/);
		await app.press('n');
		frame = await app.waitForFrame(/port-25 = 8025/);
		await app.press('n', 'n');
		await app.waitForFrame('search wrapped to the first line');

		await app.press('F');
		frame = await app.waitForFrame('only these shown');
		assert.doesNotMatch(frame, /key-\d/);
		await app.press('s');
		frame = await app.waitForFrame(/saved 3 lines to \S+\.txt/);
		const file = /saved 3 lines to (\S+)/.exec(frame)?.[1] ?? '';
		assert.equal(
			readFileSync(file, 'utf8'),
			'port-5 = 805\nport-25 = 8025\nport-45 = 8045\n',
		);
		await app.press('F', 'G');
		frame = await app.waitForFrame(/lines \d+–60 of 60/);
		assert.match(frame, /key-59 = 59/);

		// Space pages down (a page keeps one line of the last); wrapped, the long line ends in view.
		await app.press('g', 'w', ' ', ' ');
		frame = await app.waitForFrame(/lines 23–/);
		assert.match(frame, /x+-end/);

		await app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('web: /etc/app.conf'));
	});
});
