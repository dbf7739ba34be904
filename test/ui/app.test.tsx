import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {DockerError} from '../../source/docker/errors.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
	numberedContainers,
} from '../fakes/fake-docker-client.js';
import {sample} from '../fakes/sample-engine.js';
import {lineWith, namesInOrder} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';

const {web, db, job} = sample;
const images = [...sample.images, fakeImage({id: 'sha256:dangling'})];

function engine() {
	return new FakeDockerClient({containers: [web, db, job], images});
}

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

describe('main screen', () => {
	it('shows the engine, counts, containers with status and sorted ports, and images', async () => {
		app = renderApp({docker: engine(), columns: 200});
		const frame = await app.waitForFrame('web-1');
		assert.match(frame, /Docker 20\.10\.24 @ fake:\/\/engine/);
		assert.match(frame, /● connected/);
		assert.match(frame, /containers 2 running \/ 3 · images 3/);
		assert.match(
			lineWith(frame, 'web-1'),
			/nginx:1\.27\s+Up 3 minutes\s+0\.0\.0\.0:8080->80\/tcp, 443\/tcp/,
		);
		assert.match(lineWith(frame, 'job'), /Exited \(1\) 2 hours ago/);
		assert.match(
			lineWith(frame, /^│\s+nginx:1\.27/),
			/nginx:1\.27\s+nginx\s+187MB/,
		);
		assert.match(frame, /<none>:<none>/);
		assert.match(
			frame,
			/^\? help {2}q quit {2}a all\/running {2}e shell {2}s start\/stop {2}r restart {2}.*h events {2}C sort .* \/ filter {2}i details/m,
		);
	});

	it('lists running containers before stopped ones, each group by name', async () => {
		app = renderApp({docker: engine()});
		const frame = await app.waitForFrame('web-1');
		assert.deepEqual(namesInOrder(frame, ['job', 'web-1', 'db']), [
			'db',
			'web-1',
			'job',
		]);
	});

	it('counts the containers that use each image', async () => {
		app = renderApp({docker: engine()});
		const frame = await app.waitForFrame('postgres:16');
		assert.match(lineWith(frame, /^│\s+nginx:1\.27/), /\s1\s*│$/);
		assert.match(lineWith(frame, /^│\s+<none>:<none>/), /\s-\s*│$/);
	});

	it('fits an 80x24 terminal without wrapping any line', async () => {
		app = renderApp({docker: engine(), columns: 80, rows: 24});
		const frame = await app.waitForFrame('web-1');
		const lines = frame.split('\n');
		assert.ok(lines.length <= 23, `${lines.length} lines`);
		for (const line of lines) {
			assert.ok(line.length <= 80, `too wide: ${line}`);
		}

		assert.match(frame, /postgres:16/);
	});

	it('says the terminal is too small instead of drawing a broken layout', async () => {
		app = renderApp({docker: engine(), columns: 40, rows: 10});
		const frame = await app.waitForFrame('too small');
		assert.match(frame, /terminal too small \(40x10\)/);
		assert.doesNotMatch(frame, /web-1/);
	});

	it('says in full what size is needed, even on a tiny terminal', async () => {
		app = renderApp({docker: engine(), columns: 30, rows: 8});
		const frame = await app.waitForFrame('q quits');
		assert.match(
			frame.replaceAll(/\s+/g, ' '),
			/too small \(30x8\); needs 60x14 · q quits/,
		);
	});
});

describe('navigation', () => {
	it('moves the selection with j/k and arrows, and g/G jump to the ends', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('Containers 1/3');
		assert.equal(app.selected('containers'), db.id);
		await app.press('j');
		await app.waitForFrame('Containers 2/3');
		assert.equal(app.selected('containers'), web.id);
		await app.press(keys.down);
		await app.waitForFrame('Containers 3/3');
		await app.press('j');
		await app.waitForFrame('Containers 3/3');
		assert.equal(app.selected('containers'), job.id);
		await app.press('g');
		await app.waitForFrame('Containers 1/3');
		assert.equal(app.selected('containers'), db.id);
		await app.press('G', 'k', keys.up);
		await app.waitForFrame('Containers 1/3');
		assert.equal(app.selected('containers'), db.id);
	});

	it('Tab, Shift-Tab and the number keys move the focus between panes', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		await app.press(keys.tab, 'j');
		await app.waitForFrame('Images 2/3');
		assert.match(app.lastFrame(), /Containers 1\/3/);
		await app.press(keys.shiftTab, 'j');
		await app.waitForFrame('Containers 2/3');
		await app.press('2', 'G');
		await app.waitForFrame('Images 3/3');
		await app.press('1');
		await app.waitForFrame(frame => frame.includes('a all/running'));
	});

	it('keeps the selection on the same container when the list re-sorts', async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('web-1');
		await app.press('j');
		await app.waitForFrame('Containers 2/3');
		assert.equal(app.selected('containers'), web.id);
		// web-1 is selected (db, web-1, job); a new container sorting first shifts it down.
		const alpha = fakeContainer({name: 'alpha'});
		docker.putContainer(alpha);
		docker.emit({type: 'container', id: alpha.id, action: 'create'});
		await app.waitForFrame('Containers 3/4');
		assert.equal(app.selected('containers'), web.id);
	});

	it('moves to the neighbour when the selected container disappears', async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('web-1');
		await app.press('j');
		await app.waitForFrame('Containers 2/3');
		docker.deleteContainer(web.id);
		docker.emit({type: 'container', id: web.id, action: 'destroy'});
		// db, [web-1], job → job (the next one) takes the selection.
		await app.waitForFrame('Containers 2/2');
		assert.equal(app.selected('containers'), job.id);
		await app.press('k');
		await app.waitForFrame('Containers 1/2');
		assert.equal(app.selected('containers'), db.id);
	});

	it('pages through a long list, rendering only the rows that fit', async () => {
		const many = numberedContainers('svc', 500);
		app = renderApp({
			docker: new FakeDockerClient({containers: many}),
			rows: 24,
		});
		const first = await app.waitForFrame('svc-000');
		assert.doesNotMatch(first, /svc-050/);
		await app.press(keys.pageDown);
		const paged = await app.waitForFrame(frame => !frame.includes('svc-000'));
		assert.match(paged, /Containers \d+\/500/);
		await app.press('G');
		const last = await app.waitForFrame('svc-499');
		assert.match(last, /Containers 500\/500/);
		assert.ok(last.split('\n').length < 24);
	});
});

describe('filter and running-only', () => {
	it('a toggles between all containers and running only', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('job');
		await app.press('a');
		const running = await app.waitForFrame('running only');
		assert.doesNotMatch(running, / job /);
		await app.press('a');
		await app.waitForFrame(' job ');
	});

	it('/ narrows the list as you type, Enter keeps the filter, Esc clears it', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		await app.press('/', 'p', 'o', 's');
		const narrowed = await app.waitForFrame('1 of 3');
		assert.match(narrowed, / db /);
		assert.doesNotMatch(narrowed, /web-1/);
		await app.press(keys.enter);
		await app.waitForFrame('filter: pos');
		// Keys work again once the prompt is closed: q is not typed into the filter.
		await app.press('/', keys.escape);
		const cleared = await app.waitForFrame('Containers 1/3');
		assert.match(cleared, /web-1/);
	});

	/** The app with `text` typed after / and kept with Enter. */
	async function withKeptFilter(text: string) {
		const current = renderApp({docker: engine()});
		app = current;
		await current.waitForFrame('web-1');
		await current.press('/', ...Array.from(text), keys.enter);
		await current.waitForFrame(`filter: ${text}`);
		return current;
	}

	it('Esc in the list clears a kept filter once no marks are left to clear', async () => {
		const app = await withKeptFilter('web');
		await app.press(' ');
		await app.waitForFrame(/✓\s+●\s+web-1/);
		// The first Esc clears the mark, the filter stays; the second clears the filter.
		await app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('✓'));
		assert.match(app.lastFrame(), /filter: web/);
		await app.press(keys.escape);
		// The whole list again, the selection still on web-1.
		const cleared = await app.waitForFrame('Containers 2/3 ─');
		assert.match(cleared, / db /);
		await app.press('?');
		await app.waitForFrame(/Esc\s+Clear the marks; with none, the filter/);
	});

	it('/ opens with the kept filter selected: typing replaces it, → keeps it to edit', async () => {
		const app = await withKeptFilter('pos');
		await app.press('/');
		await app.waitForFrame('typing replaces it');
		await app.press('w');
		await app.waitForFrame(
			frame => /\/w\s/.test(frame) && frame.includes('web-1'),
		);
		await app.press(keys.enter, '/', '\u001B[C', ...Array.from('-1'));
		await app.waitForFrame('/w-1');
	});

	it('matches on image and id too, and says when nothing matches', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		await app.press('/', ...Array.from('nginx'));
		await app.waitForFrame(
			frame => frame.includes('web-1') && !frame.includes(' db '),
		);
		await app.press(keys.escape, '/', ...Array.from(db.id.slice(0, 6)));
		await app.waitForFrame(
			frame => frame.includes(' db ') && !frame.includes('web-1'),
		);
		await app.press(...Array.from('zzz'));
		await app.waitForFrame('nothing matches');
	});

	it('typing q into the filter does not quit', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		await app.press('/', 'q');
		await app.waitForFrame('/q');
		assert.equal(app.quitCount, 0);
	});
});

describe('help and quit', () => {
	it('? opens the help listing the keys of the focused pane; Esc closes it', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		await app.press('?');
		const help = await app.waitForFrame('Keys · Containers pane');
		assert.match(help, /j\/↓\s+Move down/);
		assert.match(help, /a\s+Show all containers or running only/);
		assert.match(help, /q\/Ctrl-C\s+Quit dockmate/);
		await app.press(keys.escape);
		await app.waitForFrame('web-1');
		await app.press('2', '?');
		const imagesHelp = await app.waitForFrame('Keys · Images pane');
		assert.doesNotMatch(imagesHelp, /Show all containers/);
	});

	it('at 80x24 the help shows whole descriptions, scrolls with j/k, and names the panes on one line', async () => {
		app = renderApp({docker: engine(), columns: 80, rows: 24});
		await app.waitForFrame('web-1');
		await app.press('?');
		const first = await app.waitForFrame(/1–\d+ of \d+, j\/k scrolls/);
		assert.match(first, /s\s+Stop a running container, start a stopped one/);
		assert.match(
			first,
			/Panes\s+1 Containers {2}2 Images {2}3 Resources {2}4 Projects/,
		);
		assert.doesNotMatch(first, /Focus the Images pane/);
		await app.press('j', 'j');
		const scrolled = await app.waitForFrame(/3–\d+ of \d+, j\/k scrolls/);
		assert.doesNotMatch(scrolled, /Show all containers or running only/);
		await app.press('k', 'k');
		await app.waitForFrame(/1–\d+ of \d+, j\/k scrolls/);
	});

	it('q and Ctrl-C quit', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		await app.press('q');
		assert.equal(app.quitCount, 1);
		await app.press(keys.ctrlC);
		// As a shell reports a command ended by Ctrl-C: 128 + SIGINT.
		assert.deepEqual(app.quitStatuses, [0, 130]);
	});
});

describe('keys read together', () => {
	/** The filter prompt's text, or undefined when it is closed. */
	function filterDraft(): string | undefined {
		const dialog = app?.services.store.getState().ui.dialog;
		return dialog?.kind === 'filter' ? dialog.draft.text : undefined;
	}

	it('Esc and / in one read close the prompt and open it afresh, never typing /', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		await app.press('/', 'w');
		await app.waitForFrame('/w');
		await app.burst(`${keys.escape}/`);
		await app.waitForFrame(() => filterDraft() === '');
		await app.burst(`${keys.escape}/web`);
		await app.waitForFrame(() => filterDraft() === 'web');
	});

	it('two Escs in one read are two keys; a sequence the terminal sends stays one key', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('Containers 1/3');
		// Esc Esc: the prompt closes, then the list's Esc; the next / starts empty.
		await app.press('/', 'x');
		await app.burst(`${keys.escape}${keys.escape}`);
		await app.waitForFrame(() => filterDraft() === undefined);
		// ESC [ B is the down arrow, ESC O B too (application mode): each moves once.
		await app.burst(`${keys.down}\u001BOB`);
		await app.waitForFrame('Containers 3/3');
		// Alt+k (ESC k) is Esc, then k: no pane binds an Alt key.
		await app.burst('\u001Bk');
		await app.waitForFrame('Containers 2/3');
	});
});

describe('live updates', () => {
	it('follows events: a new container appears, a removed one vanishes', async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('web-1');
		docker.putContainer(fakeContainer({name: 'cache', image: 'redis:7'}));
		docker.emit({type: 'container', id: 'cache', action: 'start'});
		await app.waitForFrame('cache');
		docker.deleteContainer(db.id);
		docker.emit({type: 'container', id: db.id, action: 'destroy'});
		await app.waitForFrame(frame => !frame.includes(' db '));
		docker.putImage(fakeImage({id: 'sha256:redis', tags: ['redis:7']}));
		docker.emit({type: 'image', id: 'sha256:redis', action: 'pull'});
		await app.waitForFrame('redis:7 ');
	});

	it('a burst of 200 events causes a handful of re-lists, not 200', async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('web-1');
		// The re-list that follows connecting is part of start-up, not of the burst.
		await app.waitForFrame(() => docker.calls.listContainers >= 2);
		const before = docker.calls.listContainers;
		for (let index = 0; index < 200; index++) {
			docker.emit({type: 'container', id: web.id, action: 'exec_start'});
		}

		docker.putContainer(fakeContainer({name: 'latecomer'}));
		docker.emit({type: 'container', id: 'latecomer', action: 'create'});
		await app.waitForFrame('latecomer');
		const relists = docker.calls.listContainers - before;
		assert.ok(relists >= 1 && relists <= 5, `${relists} re-lists`);
	});

	it('shows a dropped connection at once and re-lists after reconnecting', async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('● connected');
		docker.disconnect();
		const down = await app.waitForFrame('disconnected');
		assert.match(down, /connection refused/);
		// The last known rows stay on screen while disconnected.
		assert.match(down, /web-1/);
		docker.deleteContainer(job.id);
		docker.reconnect();
		const back = await app.waitForFrame(
			frame => frame.includes('● connected') && !frame.includes(' job '),
		);
		assert.match(back, /containers 2 running \/ 2/);
	});

	it('keeps retrying while the engine stays away', async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('● connected');
		docker.disconnect();
		await app.waitForFrame('disconnected');
		const attempts = docker.calls.engineInfo;
		await app.waitForFrame(() => docker.calls.engineInfo >= attempts + 2);
		assert.match(app.lastFrame(), /retrying/);
		docker.reconnect();
		await app.waitForFrame('● connected');
	});

	it('an engine that fails the first time is retried, not fatal', async () => {
		const docker = engine();
		docker.failNext(
			'engineInfo',
			new DockerError('server', 'engine is starting'),
		);
		app = renderApp({docker});
		// The lists may come before the retry: wait for the reconnection itself.
		const frame = await app.waitForFrame(
			text => text.includes('web-1') && text.includes('● connected'),
		);
		assert.doesNotMatch(frame, /disconnected/);
	});
});
