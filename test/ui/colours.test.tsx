import assert from 'node:assert/strict';
import {afterEach, before, describe, it} from 'node:test';
import chalk from 'chalk';
import {themeChosen} from '../../source/ui/theme.js';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';
import {sample} from '../fakes/sample-engine.js';
import {renderApp} from '../helpers/render-app.js';

const {web, db, job} = sample;

/** The SGR parameters that set a colour: 30–37, 40–47, 90–97, 100–107, 38 and 48 (and 39/49, their resets). */
function colourParameters(frame: string): string[] {
	const found: string[] = [];
	// eslint-disable-next-line no-control-regex -- reading escape sequences is the point
	for (const [, parameters = ''] of frame.matchAll(/\u001B\[([\d;]*)m/g)) {
		for (const parameter of parameters.split(';')) {
			if (/^(?:3\d|4\d|9\d|10\d)$/.test(parameter)) {
				found.push(parameter);
			}
		}
	}

	return found;
}

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

describe('colours', () => {
	before(() => {
		// The test's output is no terminal, so chalk would draw nothing at all; a terminal's level.
		chalk.level = 1;
	});

	it('the dark theme colours the screen', async () => {
		themeChosen('dark', false);
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		assert.notDeepEqual(colourParameters(app.rawFrame()), []);
	});

	it('without colours (NO_COLOR) the screen has no colour codes, the selected row is inverse and states keep their glyphs', async () => {
		themeChosen('dark', true);
		app = renderApp({docker: engine()});
		const frame = await app.waitForFrame('web-1');
		const raw = app.rawFrame();
		assert.deepEqual(colourParameters(raw), []);
		// The selected row (db, running first by name) stands out in inverse video.
		// eslint-disable-next-line no-control-regex -- inverse video is the point
		assert.match(raw, /\u001B\[7m[^\n]*db/);
		assert.match(frame, /●\s+db/);
		assert.match(frame, /✗\s+job\s+.*Exited \(1\)/);
	});

	it('the light theme draws no yellow text, which vanishes on white', async () => {
		themeChosen('light', false);
		app = renderApp({docker: engine()});
		await app.waitForFrame('web-1');
		const used = colourParameters(app.rawFrame());
		assert.notDeepEqual(used, []);
		// 33: yellow foreground (the dark theme's keys and pending states).
		assert.deepEqual(
			used.filter(parameter => parameter === '33'),
			[],
		);
	});
});
