import '../helpers/colour-frames.js';
import assert from 'node:assert/strict';
import {stripVTControlCharacters} from 'node:util';
import {afterEach, describe, it} from 'node:test';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
} from '../fakes/fake-docker-client.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';

const busybox = fakeImage({id: 'sha256:busybox', tags: ['busybox:latest']});
const web = fakeContainer({name: 'web', imageId: 'sha256:busybox'});

/** The bytes a terminal sends for the line-editing keys. */
const line = {
	left: '\u001B[D',
	right: '\u001B[C',
	ctrlA: '\u0001',
	ctrlE: '\u0005',
	altB: '\u001Bb',
	altF: '\u001Bf',
	ctrlLeft: '\u001B[1;5D',
	ctrlRight: '\u001B[1;5C',
	delete: '\u001B[3~',
	ctrlW: '\u0017',
	ctrlU: '\u0015',
	ctrlK: '\u000B',
} as const;

const ctrlG = '\u0007';

/** The filter prompt's line, at the foot of the screen. */
const filterLine = /^│ \//;

const pasted = (text: string): string => `\u001B[200~${text}\u001B[201~`;

/**
 * Each key pressed on `run my-app` (typed, so the cursor after it), and the line it leaves, the
 * character under the cursor in brackets.
 */
const cases: readonly (readonly [string, readonly string[], string])[] = [
	['Left', [line.left], 'run my-ap[p]'],
	['Right', [line.left, line.left, line.right], 'run my-ap[p]'],
	['Home', [keys.home], '[r]un my-app'],
	['End', [keys.home, keys.end], 'run my-app[ ]'],
	['Ctrl-A', [line.ctrlA], '[r]un my-app'],
	['Ctrl-E', [line.ctrlA, line.ctrlE], 'run my-app[ ]'],
	['Alt-B', [line.altB, line.altB], 'run [m]y-app'],
	['Alt-F', [keys.home, line.altF], 'run[ ]my-app'],
	[
		'Ctrl-Left, Ctrl-Right',
		[line.ctrlLeft, line.ctrlLeft, line.ctrlRight],
		'run my[-]app',
	],
	['Backspace', [keys.backspace], 'run my-ap[ ]'],
	['Backspace in the middle', [line.altB, keys.backspace], 'run my[a]pp'],
	['Delete', [keys.home, line.delete], '[u]n my-app'],
	['Ctrl-W', [line.ctrlW], 'run [ ]'],
	['Ctrl-U', [line.altB, line.ctrlU], '[a]pp'],
	['Ctrl-K', [line.altB, line.ctrlK], 'run my-[ ]'],
	['typing at the cursor', [line.left, 'X'], 'run my-apX[p]'],
];

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

/**
 * The frame's line that holds `text` (or that starts with a match of it), its cursor (the
 * character drawn inverse) in brackets.
 */
function drawnLine(raw: string, text: string | RegExp): string {
	const found =
		raw.split('\n').find(candidate => {
			const plain = stripVTControlCharacters(candidate);
			return typeof text === 'string' ? plain.includes(text) : text.test(plain);
		}) ?? '';
	// Ink closes the inverse with ESC [27m, or with a full reset where styles meet.
	return stripVTControlCharacters(
		found.replaceAll(
			// eslint-disable-next-line no-control-regex -- the styles are what is read
			/\u001B\[7m((?:\u001B\[[\d;]*m)*)([^\u001B]*)\u001B\[(?:27|0)?m/g,
			'[$2]',
		),
	);
}

/** Every case on the open field: emptied, `run my-app` typed, the keys pressed. */
async function checkEveryKey(label: string | RegExp): Promise<void> {
	for (const [name, pressed, expected] of cases) {
		await app!.press(line.ctrlE, line.ctrlU);
		await app!.burst('run my-app');
		await app!.press(...pressed);
		const shown = await app!
			.waitForFrame(() => drawnLine(app!.rawFrame(), label).includes(expected))
			.catch(() => drawnLine(app!.rawFrame(), label));
		assert.ok(
			drawnLine(app!.rawFrame(), label).includes(expected),
			`${name}: expected ${expected} in: ${drawnLine(app!.rawFrame(), label)}\n${shown}`,
		);
	}
}

describe('text fields edit like a shell', () => {
	it('the filter prompt: every line-editing key, the cursor drawn where it is', async () => {
		app = renderApp({docker: new FakeDockerClient({containers: [web]})});
		await app.waitForFrame(' web ');
		await app.press('/');
		await checkEveryKey(filterLine);
		// What is typed still filters the list.
		await app.press(line.ctrlE, line.ctrlU);
		await app.burst('wxeb');
		await app.press(line.left, line.left, keys.backspace);
		await app.waitForFrame(' web ');
	});

	it('a run form field: every line-editing key, the cursor drawn where it is', async () => {
		app = renderApp({
			docker: new FakeDockerClient({containers: [web], images: [busybox]}),
		});
		await app.waitForFrame('busybox:latest');
		await app.press('2', 'n');
		await app.waitForFrame('Run a container of busybox:latest');
		await checkEveryKey('Name');
		// Another field starts with the cursor at its end; the one left keeps its text.
		await app.press(keys.tab);
		await app.burst('sh');
		assert.match(drawnLine(app.rawFrame(), 'Command'), /sh\[ \]/);
		assert.match(drawnLine(app.rawFrame(), 'Name'), /Name\s+run my-apXp\s*│$/);
	});

	it('keeps the cursor in sight on a line wider than its field', async () => {
		app = renderApp({
			docker: new FakeDockerClient({containers: [web], images: [busybox]}),
			columns: 60,
		});
		await app.waitForFrame('busybox:latest');
		const long = `start ${'middle '.repeat(12)}end`;
		await app.press('/');
		await app.burst(long);
		await app.waitForFrame(() =>
			drawnLine(app!.rawFrame(), filterLine).includes('end[ ]'),
		);
		await app.press(keys.home);
		await app.waitForFrame(() =>
			drawnLine(app!.rawFrame(), filterLine).includes('/[s]tart middle'),
		);
		await app.press(keys.escape, '2', 'n', keys.tab);
		await app.burst(long);
		await app.press(line.altB, line.altB);
		// The cursor on the last "middle", the text either side cut to fit.
		await app.waitForFrame(() =>
			/Command\s+….*\[m\]iddle e/.test(drawnLine(app!.rawFrame(), 'Command')),
		);
		await app.press(keys.home);
		await app.waitForFrame(() =>
			/Command\s+\[s\]tart middle.*…/.test(
				drawnLine(app!.rawFrame(), 'Command'),
			),
		);
	});

	it('takes a whole word read together with the key that opened the field', async () => {
		app = renderApp({
			docker: new FakeDockerClient({containers: [web], images: [busybox]}),
		});
		await app.waitForFrame('busybox:latest');
		await app.press('2');
		await app.burst('nmy-web');
		await app.waitForFrame(() =>
			drawnLine(app!.rawFrame(), 'Name').includes('my-web[ ]'),
		);
		await app.press(keys.escape, '1');
		await app.burst('/web');
		await app.waitForFrame(() =>
			drawnLine(app!.rawFrame(), filterLine).includes('/web[ ]'),
		);
	});

	it('takes a paste whole, as text: none of it is a key', async () => {
		app = renderApp({
			docker: new FakeDockerClient({containers: [web], images: [busybox]}),
		});
		await app.waitForFrame(' web ');
		// On a pane a paste types nowhere, and its `q` does not quit.
		await app.burst(pasted('q'));
		await app.press('/');
		await app.burst(pasted('we\rb'));
		await app.waitForFrame(() =>
			drawnLine(app!.rawFrame(), filterLine).includes('/we b[ ]'),
		);
		assert.equal(app.quitCount, 0);
		await app.press(keys.escape, '2', 'n', keys.tab, keys.tab);
		await app.burst(pasted('KEY=a b'));
		await app.press(line.altB, line.altB);
		await app.waitForFrame(() =>
			drawnLine(app!.rawFrame(), 'Env').includes('KEY=[a] b'),
		);
		await app.press(ctrlG);
		await app.waitForFrame(() => app!.docker.created.length === 1);
		assert.deepEqual(app.docker.created[0]?.env, ['KEY=a b']);
	});
});
