import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
} from '../fakes/fake-docker-client.js';
import {lineWith, namesInOrder} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';
import {keymapInForce} from '../../source/ui/keymap-in-force.js';

const web = fakeContainer({name: 'web-1'});
// Listed by the engine before web-1, as newer containers are.
const web2 = fakeContainer({name: 'web-2'});
const oldWeb = fakeContainer({name: 'old-web'});
const cobweb = fakeContainer({name: 'cobweb', state: 'exited'});
const db = fakeContainer({name: 'db'});

function engine(): FakeDockerClient {
	return new FakeDockerClient({
		containers: [db, cobweb, oldWeb, web2, web],
		images: [fakeImage({id: 'sha256:webimage', tags: ['webapp:latest']})],
	});
}

let app: RenderedApp | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

/** The palette's lines below its typed line, as shown. */
function paletteLines(frame: string): string[] {
	const lines = frame.split('\n');
	const start = lines.findIndex(line => line.includes('│ :'));
	return lines.slice(start + 1).filter(line => /^│ \S/.test(line));
}

describe('command palette', () => {
	it(':web then Enter selects container web-1 from any pane, web-2 next: equal matches go by name', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame(' web-1 ');
		await app.press('2');
		assert.equal(app.services.store.getState().ui.focus, 'images');
		await app.press(':');
		await app.type('web');
		const frame = await app.waitForFrame('│ :web');
		assert.deepEqual(
			paletteLines(frame)
				.slice(0, 2)
				.map(line => line.split(/\s+/)[1]),
			['web-1', 'web-2'],
		);
		await app.press(keys.enter);
		await app.waitForFrame(frame => !frame.includes('Palette ·'));
		const {ui} = app.services.store.getState();
		assert.equal(ui.focus, 'containers');
		assert.equal(app.selected('containers'), web.id);
	});

	it('ranks prefix matches, then word starts, then anywhere; recent choices first among equals', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame(' web-1 ');
		await app.press(':');
		await app.type('web');
		const frame = await app.waitForFrame('│ :web');
		const lines = paletteLines(frame).join('\n');
		// web-1 and webapp:latest start with it, old-web has a word that does, cobweb only holds it.
		assert.deepEqual(
			namesInOrder(lines, ['web-1', 'webapp:latest', 'old-web', 'cobweb']),
			['web-1', 'webapp:latest', 'old-web', 'cobweb'],
		);
		assert.match(lineWith(frame, 'webapp:latest'), /image\s*│/);
		assert.match(lineWith(frame, 'web-1'), /container\s*│/);
		// Choose the image once (after web-1 and web-2): among the prefix matches it now comes first.
		await app.press(keys.down, keys.down, keys.enter);
		await app.waitForFrame(f => !f.includes('Palette ·'));
		assert.equal(app.services.store.getState().ui.focus, 'images');
		await app.press(':');
		await app.type('web');
		const again = paletteLines(await app.waitForFrame('│ :web')).join('\n');
		assert.deepEqual(
			namesInOrder(again, ['web-1', 'webapp:latest', 'old-web']),
			['webapp:latest', 'web-1', 'old-web'],
		);
	});

	it('lists commands with their keys in force, and Enter runs one on the selection', async () => {
		const docker = engine();
		app = renderApp({
			docker,
			keymap: keymapInForce({'item.remove': 'x'}).table,
		});
		await app.waitForFrame(' web-1 ');
		await app.press(':');
		await app.type('remove');
		const frame = await app.waitForFrame('│ :remove');
		const [first] = paletteLines(frame);
		assert.match(first ?? '', /^│ Remove \(asks first.* x│$/);
		await app.press(keys.enter);
		await app.waitForFrame('Remove 1 container?');
	});

	it('a jump puts aside the filter that hides the object', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame(' web-1 ');
		await app.press('/');
		await app.type('db');
		await app.press(keys.enter);
		await app.waitForFrame(frame => !frame.includes(' web-1 '));
		await app.press(':');
		await app.type('cobw');
		await app.press(keys.enter);
		await app.waitForFrame(' cobweb ');
		assert.equal(app.selected('containers'), cobweb.id);
		assert.equal(app.services.store.getState().ui.filters.containers, '');
	});

	it('fits 80x24 and Esc closes it, leaving all as it was', async () => {
		app = renderApp({docker: engine(), columns: 80, rows: 24});
		await app.waitForFrame(' web-1 ');
		await app.press(':');
		const frame = await app.waitForFrame('Palette ·');
		assert.ok(frame.split('\n').every(line => line.length <= 80));
		assert.match(frame, /Show all containers or running only +a │/);
		await app.type('quit');
		assert.match(
			await app.waitForFrame('│ :quit'),
			/│ Quit dockmate +q\/Ctrl-C │/,
		);
		await app.type('zzz');
		await app.waitForFrame('nothing matches');
		await app.press(keys.escape);
		await app.waitForFrame(f => !f.includes('Palette ·'));
		assert.equal(app.services.store.getState().ui.focus, 'containers');
	});
});
