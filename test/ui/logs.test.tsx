import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, it} from 'node:test';
import type {LogLine} from '../../source/docker/docker-client.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait-for.js';

const web = fakeContainer({name: 'web'});
const db = fakeContainer({name: 'db'});
const base = Date.parse('2026-11-28T12:00:00Z');

function line(
	index: number,
	text = `line-${index}`,
	stream: LogLine['stream'] = 'stdout',
): LogLine {
	return {stream, time: base + index * 10, text};
}

function lines(from: number, to: number): LogLine[] {
	return Array.from({length: to - from}, (_, offset) => line(from + offset));
}

/** Whether `text` stands alone on a row of the frame (not as the prefix of `line-1234`). */
function showsLine(frame: string, text: string): boolean {
	return new RegExp(`(^|[\\s▌])${text}(\\s|$)`, 'm').test(frame);
}

describe('logs view', () => {
	let app: ReturnType<typeof renderApp> | undefined;
	const folder = mkdtempSync(path.join(os.tmpdir(), 'dockmate-ui-logs-'));

	afterEach(async () => {
		await app?.unmount();
		app = undefined;
	});

	after(() => {
		rmSync(folder, {recursive: true, force: true});
	});

	/** The app with `web` (and `db`) whose logs hold `history`, the logs of `web` open. */
	async function openLogs(
		history: readonly LogLine[],
		options: Parameters<typeof renderApp>[0] = {},
	) {
		const docker = new FakeDockerClient({containers: [web, db]});
		docker.writeLog(web.id, history);
		app = renderApp({docker, ...options});
		await app.waitForFrame(/web/);
		await app.press('/', 'w', 'e', 'b', keys.enter);
		await app.waitForFrame(/Containers 1\/1/);
		await app.press('l');
		await app.waitForFrame('Logs · web');
		return app;
	}

	it('says the view stopped, and why, when the stream fails', async () => {
		const app = await openLogs(lines(0, 3));
		await app.waitForFrame(/following · 3 lines/);
		app.docker.endLogs(web.id, new Error('connection reset by the engine'));
		const frame = await app.waitForFrame('stream failed');
		assert.match(
			frame,
			/stopped · 3 lines · stream failed: connection reset by the engine/,
		);
		assert.doesNotMatch(frame, /following/);
	});

	it('says the view stopped when the container’s stream ends', async () => {
		const app = await openLogs(lines(0, 3));
		await app.waitForFrame(/following · 3 lines/);
		app.docker.endLogs(web.id);
		await app.waitForFrame(/stopped · 3 lines · stream ended/);
	});

	it('l opens the selected container’s logs: the tail first, then new lines as they come; Esc closes the stream', async () => {
		const app = await openLogs(lines(0, 1000), {logSettings: {tail: 500}});
		const frame = await app.waitForFrame(frame => showsLine(frame, 'line-999'));
		assert.match(frame, /following · 500 lines/);
		assert.equal(app.docker.openLogStreams, 1);
		app.docker.writeLog(web.id, [
			line(1000),
			line(1001, 'something failed', 'stderr'),
		]);
		const next = await app.waitForFrame('something failed');
		assert.ok(showsLine(next, 'line-1000'));
		// stderr is marked, stdout is not.
		assert.match(next, /▌something failed/);
		assert.doesNotMatch(next, /▌line-1000/);
		await app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('Logs · web'));
		await waitFor(() => app.docker.openLogStreams === 0, {
			timeoutMs: 2000,
			message: 'the logs stream stayed open',
		});
	});

	it('a 1 MB line and a burst of random characters are drawn no wider than the screen: Esc still closes the view, nothing of the log taken as a key', async () => {
		const app = await openLogs([line(0, 'before')]);
		await app.press('w');
		// Printable characters, keys among them (/, q, :, …), from a fixed seed.
		let seed = 7;
		const random = (length: number): string =>
			Array.from({length}, () => {
				seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
				return String.fromCodePoint(33 + (seed % 94));
			}).join('');
		app.docker.writeLog(web.id, [
			line(1, `start${'a'.repeat(1024 * 1024)}`),
			...Array.from({length: 400}, (_, index) => line(2 + index, random(256))),
			line(500, 'the end'),
		]);
		await app.waitForFrame('the end');
		app.docker.writeLog(web.id, [line(501, 'b'.repeat(1024 * 1024))]);
		const long = await app.waitForFrame(/more characters/);
		assert.match(long, /following · 404 lines/);
		await app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('Logs · web'));
		const {ui} = app.services.store.getState();
		assert.equal(ui.dialog, undefined);
		assert.equal(ui.filters.containers, 'web');
		assert.equal(app.quitCount, 0);
		assert.match(app.lastFrame(), /Containers 1\/1/);
	});

	it('fills an unwrapped row with a line of combining marks, cut once at the edge', async () => {
		// Two UTF-16 units a column: a cut by units left half the row empty, then "… …".
		const marked = 'e\u0301'.repeat(200);
		const app = await openLogs([line(0, marked), line(1, 'after')], {
			columns: 60,
		});
		const frame = await app.waitForFrame('after');
		const row = frame.split('\n').find(text => text.includes('e\u0301')) ?? '';
		assert.match(row, /^│ {2}(e\u0301)+…\s*│$/u, row);
		assert.equal(row.split('…').length, 2, row);
	});

	it('/ searches backwards from the bottom, n and N jump between matches, wrapping', async () => {
		const history = lines(0, 300).map(entry =>
			[20, 100, 170].includes((entry.time - base) / 10)
				? {...entry, text: `${entry.text} needle`}
				: entry,
		);
		const app = await openLogs(history);
		await app.waitForFrame(frame => showsLine(frame, 'line-299'));
		await app.press('/', 'NEEDLE', keys.enter);
		let frame = await app.waitForFrame('line-170 needle');
		assert.ok(!showsLine(frame, 'line-299'), 'the view jumped');
		assert.match(frame, /paused .* · "NEEDLE": 3 matches/);
		await app.press('n');
		frame = await app.waitForFrame('line-100 needle');
		assert.ok(!frame.includes('line-170 needle'));
		await app.press('n');
		frame = await app.waitForFrame('line-20 needle');
		await app.press('n');
		frame = await app.waitForFrame('line-170 needle');
		assert.match(frame, /search wrapped to the newest line/);
		await app.press('N');
		await app.waitForFrame('line-20 needle');
		// New lines do not move a paused view; G follows again.
		app.docker.writeLog(web.id, [line(300)]);
		await app.waitForFrame(/paused .*301 lines/);
		await app.press('G');
		await app.waitForFrame(frame => showsLine(frame, 'line-300'));
	});

	it('F shows only the matching lines, and all of them again', async () => {
		const app = await openLogs([
			line(0, 'GET /health 200'),
			line(1, 'POST /login 500', 'stderr'),
			line(2, 'GET /index 200'),
		]);
		await app.waitForFrame('GET /index 200');
		await app.press('/', 'get', keys.enter, 'F');
		let frame = await app.waitForFrame(/2 of 3 lines/);
		assert.ok(frame.includes('GET /health 200'));
		assert.ok(!frame.includes('POST /login'));
		app.docker.writeLog(web.id, [
			line(3, 'POST /logout 200'),
			line(4, 'GET /x'),
		]);
		frame = await app.waitForFrame(/3 of 5 lines/);
		assert.ok(!frame.includes('POST /logout'));
		await app.press('F');
		frame = await app.waitForFrame('POST /login 500');
		assert.ok(frame.includes('POST /logout 200'));
	});

	it('t shows and hides timestamps; w wraps a long line', async () => {
		const long = `start-${'x'.repeat(150)}-end`;
		const app = await openLogs([line(0, 'short'), line(1, long)]);
		let frame = await app.waitForFrame('short');
		assert.doesNotMatch(frame, /\d\d:\d\d:\d\d\.\d{3} short/);
		assert.ok(!frame.includes('-end'), 'a long line is cut at the edge');
		await app.press('t');
		frame = await app.waitForFrame(/\d\d:\d\d:\d\d\.\d{3} +short/);
		await app.press('t', 'w');
		frame = await app.waitForFrame('-end');
		assert.doesNotMatch(frame, /\d\d:\d\d:\d\d\.\d{3} +short/);
		assert.match(frame, /start-x+\s*│?\n.*x+-end/);
	});

	it('memory stays bounded: the ring buffer keeps the newest lines however many come', async () => {
		const app = await openLogs([], {logSettings: {capacity: 1000, tail: 10}});
		await app.waitForFrame('waiting for output…');
		for (let batch = 0; batch < 5; batch++) {
			app.docker.writeLog(web.id, lines(batch * 1000, (batch + 1) * 1000));
		}

		let frame = await app.waitForFrame(/1000 lines · 4000 older dropped/);
		assert.ok(showsLine(frame, 'line-4999'));
		await app.press('g');
		frame = await app.waitForFrame(frame => showsLine(frame, 'line-4000'));
		assert.ok(!showsLine(frame, 'line-3999'));
	});

	it('marked containers open as one merged, time-ordered log with a name column', async () => {
		const docker = new FakeDockerClient({containers: [web, db]});
		docker.writeLog(web.id, [line(0, 'web starts'), line(2, 'web serves')]);
		docker.writeLog(db.id, [line(1, 'db ready'), line(3, 'db checkpoint')]);
		app = renderApp({docker});
		await app.waitForFrame(/web/);
		await app.press('*', 'l');
		const frame = await app.waitForFrame(
			frame => frame.includes('db checkpoint') && frame.includes('web serves'),
		);
		assert.match(frame, /Logs · 2 containers/);
		const rows = frame
			.split('\n')
			.map(row => /(web|db) +\s(.+?)\s*│/.exec(row))
			.flatMap(match => (match ? [`${match[1]}: ${match[2]}`] : []));
		assert.deepEqual(rows, [
			'web: web starts',
			'db: db ready',
			'web: web serves',
			'db: db checkpoint',
		]);
	});

	it('s saves the lines shown to a file and says where', async () => {
		const app = await openLogs([line(0, 'alpha'), line(1, 'beta')], {
			logSettings: {directory: folder},
		});
		await app.waitForFrame('beta');
		await app.press('s');
		const frame = await app.waitForFrame(/saved 2 lines to \S+/);
		const file = /saved 2 lines to (\S+\.log)/.exec(frame)?.[1] ?? '';
		assert.match(path.basename(file), /^web-\d{8}-\d{6}\.log$/);
		assert.ok(existsSync(file), file);
		assert.equal(readFileSync(file, 'utf8'), 'alpha\nbeta\n');
	});
});
