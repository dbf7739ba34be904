import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';
import {sample} from '../fakes/sample-engine.js';
import {renderApp} from '../helpers/render-app.js';

const {web, db, job} = sample;

/** What a terminal in SGR mouse mode sends for a button or the wheel at a 1-based cell. */
function mouse(code: number, column: number, row: number, final = 'M') {
	return `\u001B[<${code};${column};${row}${final}`;
}

const click = (column: number, row: number) => [
	mouse(0, column, row),
	mouse(0, column, row, 'm'),
];

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

function engine() {
	return new FakeDockerClient({
		containers: [web, db, job],
		images: sample.images,
	});
}

// At 120x40 the Containers pane's title is on row 3 and its rows start on row 5 (1-based);
// the list is db, web-1, job (running first, by name). Images' title is on row 25.
describe('the mouse', () => {
	it('selects the row clicked, and a double-click opens its details', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		await app.press(...click(10, 7));
		assert.equal(app.selected('containers'), job.id);
		await app.press(...click(10, 6));
		assert.equal(app.selected('containers'), web.id);
		await app.press(...click(10, 6));
		await app.waitForFrame(/Details · web-1|web-1 · details|Container web-1/);
	});

	it('focuses the pane whose title is clicked, and the wheel moves its list', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('postgres:16');
		await app.press(...click(10, 25));
		assert.equal(app.services.store.getState().ui.focus, 'images');
		const first = app.selected('images');
		await app.press(mouse(65, 10, 10));
		assert.notEqual(app.selected('images'), first);
		await app.press(mouse(64, 10, 10));
		assert.equal(app.selected('images'), first);
	});

	it('never takes a mouse report for keys', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		const before = app.services.store.getState().ui.sorts;
		// Ink alone reads the M at the end as a key: M sorts by memory.
		await app.press(mouse(0, 200, 39), mouse(32, 3, 3), mouse(66, 3, 3));
		assert.deepEqual(app.services.store.getState().ui.sorts, before);
		assert.equal(app.services.store.getState().ui.dialog, undefined);
	});

	it("chooses a dialog's choice clicked: cancel closes it, yes does what y does", async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('web-1');
		await app.press(...click(10, 6));
		await app.press('K');
		const dialog = await app.waitForFrame('Kill 1 container?');
		// The dialog's last line is row 37 (1-based), above its border and the footer.
		assert.match(
			dialog.split('\n')[36] ?? '',
			/^│ y yes, kill {3}n\/Esc cancel/,
		);
		await app.press(...click(20, 37));
		await app.waitForFrame(frame => !frame.includes('Kill 1 container?'));
		assert.deepEqual(docker.actions, []);
		await app.press('K');
		await app.waitForFrame('Kill 1 container?');
		await app.press(...click(5, 37));
		await app.waitForFrame(frame => !frame.includes('Kill 1 container?'));
		assert.deepEqual(docker.actions, ['kill web-1']);
	});
});
