import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import type {PullEvent} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {commandAudited} from '../../source/state/audit-log.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
	numberedContainers,
} from '../fakes/fake-docker-client.js';
import {composedContainer} from '../fakes/fake-compose.js';
import {fakeNode, fakeService, makeManager} from '../fakes/fake-swarm.js';
import {footer} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';

const ctrlA = '\u0001';
const space = ' ';
const ctrlG = '\u0007';

/** The items a dialog lists as `• item` (or `✗ item` when the engine would refuse it), in order. */
function listed(frame: string): string[] {
	return [...frame.matchAll(/[•✗] (\S+)/g)].map(match => match[1] ?? '');
}

/** The title's range: first and last item in view (from 1), and how many there are. */
function range(frame: string): {first: number; last: number; total: number} {
	const match = / · (\d+)(?:–(\d+))? of (\d+)/.exec(frame);
	assert.ok(match, `no range in\n${frame}`);
	const first = Number(match[1]);
	return {
		first,
		last: Number(match[2] ?? first),
		total: Number(match[3]),
	};
}

const sizes = [
	{columns: 80, rows: 24},
	{columns: 60, rows: 20},
] as const;

/** `count` exited containers named `prefix-000` and on. */
function exited(prefix: string, count: number) {
	return numberedContainers(prefix, count).map(container => ({
		...container,
		state: 'exited' as const,
		status: 'Exited (0) 2 days ago',
	}));
}

describe('dialogs that list things show every item', () => {
	let app: RenderedApp | undefined;

	afterEach(async () => {
		await app?.unmount();
		app = undefined;
	});

	for (const size of sizes) {
		it(`at ${size.columns}x${size.rows} the remove dialog for 21 containers scrolls to each of them, and says which are in view`, async () => {
			const containers = numberedContainers('app', 21);
			app = renderApp({
				docker: new FakeDockerClient({containers}),
				...size,
			});
			await app.waitForFrame('Containers 1/21');
			await app.press(ctrlA, 'd');
			const first = await app.waitForFrame(
				/Remove 21 containers\? · 1–\d+ of 21/,
			);
			const shown = listed(first);
			const rows = shown.length;
			assert.ok(rows > 1 && rows < 21, `${rows} rows`);
			assert.deepEqual(
				shown,
				containers.slice(0, rows).map(container => container.name),
			);
			assert.match(footer(first), /j scroll/);
			// The range the title gives with item `top` (from 0) first in view.
			const inView = (top: number) =>
				new RegExp(`Remove 21 containers\\? · ${top + 1}–${top + rows} of 21`);
			const lastTop = 21 - rows;
			await app.press('G');
			const last = await app.waitForFrame(inView(lastTop));
			assert.deepEqual(
				listed(last),
				containers.slice(lastTop).map(container => container.name),
			);
			await app.press('k');
			await app.waitForFrame(inView(lastTop - 1));
			await app.press('g');
			await app.waitForFrame(inView(0));
			await app.press('j', keys.down);
			await app.waitForFrame(inView(2));
			await app.press(keys.up);
			await app.waitForFrame(inView(1));
			await app.press(keys.pageDown);
			const paged = Math.min(lastTop, 1 + rows);
			await app.waitForFrame(inView(paged));
			await app.press(keys.pageUp);
			await app.waitForFrame(inView(Math.max(0, paged - rows)));
			await app.press(keys.end);
			await app.waitForFrame(inView(lastTop));
			await app.press(keys.home);
			await app.waitForFrame(inView(0));
		});
	}

	it('at 60x20 the kill and image removal dialogs list every item too', async () => {
		const containers = numberedContainers('app', 21);
		const images = Array.from({length: 15}, (_, index) =>
			fakeImage({
				id: `sha256:${String(index).padStart(2, '0')}`,
				tags: [`img${String(index).padStart(2, '0')}:1`],
			}),
		);
		app = renderApp({
			docker: new FakeDockerClient({containers, images}),
			columns: 60,
			rows: 20,
		});
		await app.waitForFrame('Containers 1/21');
		await app.press(ctrlA, 'K');
		const kill = await app.waitForFrame(/Kill 21 containers\? · 1–\d+ of 21/);
		assert.equal(listed(kill)[0], 'app-000');
		await app.press('G');
		const killLast = await app.waitForFrame(/Kill 21 containers\? · \d+–21/);
		assert.equal(listed(killLast).at(-1), 'app-020');
		await app.press('n', keys.escape, '2');
		await app.waitForFrame(/Images 1\/15/);
		await app.press(ctrlA, 'd');
		const remove = await app.waitForFrame(/Remove 15 images\? · 1–\d+ of 15/);
		assert.ok(range(remove).last < 15, 'all 15 fit: the test shows nothing');
		await app.press('G');
		const removeLast = await app.waitForFrame(/Remove 15 images\? · \d+–15/);
		assert.equal(listed(removeLast).at(-1), 'img14:1');
	});

	for (const size of sizes) {
		it(`at ${size.columns}x${size.rows} compose down and the project's remove list all 21 containers`, async () => {
			const containers = Array.from({length: 21}, (_, index) =>
				composedContainer(
					`shop-web-${String(index + 1).padStart(2, '0')}`,
					'shop',
					'web',
				),
			);
			app = renderApp({docker: new FakeDockerClient({containers}), ...size});
			await app.waitForFrame('Containers 1/21');
			await app.press('4');
			await app.waitForFrame(/Projects 1\/1/);
			await app.press('D');
			const down = await app.waitForFrame(/compose down shop\? · 1–\d+ of 21/);
			assert.equal(listed(down)[0], 'shop-web-01');
			await app.press('G');
			const downLast = await app.waitForFrame(
				/compose down shop\? · \d+–21 of 21/,
			);
			assert.equal(listed(downLast).at(-1), 'shop-web-21');
			await app.press('n', 'd');
			const remove = await app.waitForFrame(
				/Remove 21 containers\? · 1–\d+ of 21/,
			);
			assert.equal(listed(remove)[0], 'shop-web-01');
			await app.press(keys.end);
			const removeLast = await app.waitForFrame(
				/Remove 21 containers\? · \d+–21 of 21/,
			);
			assert.equal(listed(removeLast).at(-1), 'shop-web-21');
		});
	}

	it('the service remove and node drain dialogs say how many lines they list', async () => {
		const docker = new FakeDockerClient();
		const web = fakeService({name: 'web', running: 2, desired: 2});
		makeManager(docker, {services: [web], nodes: [fakeNode({hostname: 'vm'})]});
		app = renderApp({docker, columns: 60, rows: 20});
		await app.waitForFrame(/connected/);
		await app.press('9');
		await app.waitForFrame(/Services 1\/1/);
		await app.press('d');
		await app.waitForFrame(/Remove service web\? · 1–2 of 2/);
		await app.press('n', '0');
		await app.waitForFrame(/Nodes 1\/1/);
		await app.press('D');
		await app.waitForFrame(/Drain node vm\? · 1–2 of 2/);
	});

	for (const size of sizes) {
		it(`at ${size.columns}x${size.rows} g/G move the prune preview's cursor to the first and last item, and the report scrolls`, async () => {
			/** Refuses every removal, so that the report has a line per item. */
			class Refusing extends FakeDockerClient {
				override async removeContainer(): Promise<void> {
					await Promise.resolve();
					throw new DockerError('conflict', 'in use');
				}
			}

			const containers = exited('old', 25);
			app = renderApp({docker: new Refusing({containers}), ...size});
			await app.waitForFrame('Containers 1/25');
			await app.press('P', keys.enter);
			const preview = await app.waitForFrame(/Prune · 1–\d+ of 25/);
			assert.match(preview, /25 of 25 items marked/);
			await app.press('G');
			const bottom = await app.waitForFrame(/Prune · \d+–25 of 25/);
			assert.match(bottom, /old-024/);
			await app.press(space);
			await app.waitForFrame(/24 of 25 items marked/);
			await app.press('g');
			const top = await app.waitForFrame(/Prune · 1–\d+ of 25/);
			assert.match(top, /old-000/);
			await app.press(space);
			await app.waitForFrame(/23 of 25 items marked/);
			const dialog = app.services.store.getState().ui.dialog;
			assert.ok(dialog?.kind === 'prune');
			assert.deepEqual([...dialog.skipped].sort(), [
				`containers:${containers[0]?.id}`,
				`containers:${containers[24]?.id}`,
			]);
			await app.press('y');
			const report = await app.waitForFrame(/Prune · 1–\d+ of 24/);
			assert.match(report, /removed 0 items/);
			await app.press('G');
			const reportEnd = await app.waitForFrame(/Prune · \d+–24 of 24/);
			assert.match(reportEnd, /kept old-023: the engine refused: in use/);
		});
	}

	it('the command log opens on its newest entries and scrolls to the oldest', async () => {
		app = renderApp({
			docker: new FakeDockerClient({
				containers: [fakeContainer({name: 'web'})],
			}),
			columns: 60,
			rows: 20,
		});
		await app.waitForFrame(/Containers 1\/1/);
		for (let index = 0; index < 30; index++) {
			app.services.dispatch(
				commandAudited({
					time: 0,
					command: `docker container restart web-${String(index).padStart(2, '0')}`,
					error: undefined,
				}),
			);
		}

		await app.press('L');
		const newest = await app.waitForFrame(/Command log · \d+–30 of 30/);
		assert.match(newest, /restart web-29/);
		assert.doesNotMatch(newest, /restart web-00/);
		await app.press('g');
		const oldest = await app.waitForFrame(/Command log · 1–\d+ of 30/);
		assert.match(oldest, /restart web-00/);
		await app.press(keys.pageDown);
		await app.waitForFrame(frame => range(frame).first > 1);
	});

	it('at 60x20 G in the help shows its last key and g its first', async () => {
		app = renderApp({columns: 60, rows: 20});
		await app.waitForFrame(/connected/);
		await app.press('?');
		const first = await app.waitForFrame(
			/Keys · Containers pane · 1–\d+ of \d+, j\/k scrolls/,
		);
		assert.match(first, /Show all containers or running only/);
		assert.doesNotMatch(first, /Quit dockmate/);
		await app.press('G');
		const last = await app.waitForFrame(
			frame => range(frame).last === range(frame).total,
		);
		assert.match(last, /Command palette: find any command/);
		assert.doesNotMatch(last, /Show all containers or running only/);
		await app.press('g');
		await app.waitForFrame(/Show all containers or running only/);
	});

	it('at 60x20 a pull of 25 layers lists every layer, none of them called done before it is', async () => {
		const reference = '127.0.0.1:5000/tools/app:1';
		const layers: PullEvent[] = Array.from({length: 25}, (_, index) => ({
			kind: 'layer',
			id: `layer${String(index).padStart(7, '0')}`,
			status: 'Pulling fs layer',
			current: undefined,
			total: undefined,
		}));
		const docker = new FakeDockerClient({
			images: [fakeImage({id: 'sha256:busybox', tags: ['busybox:latest']})],
		});
		docker.pulls.set(reference, {
			steps: [{kind: 'status', text: 'Pulling from tools/app'}, ...layers],
			hold: new Promise(() => undefined),
		});
		app = renderApp({docker, columns: 60, rows: 20});
		await app.waitForFrame('busybox:latest');
		await app.press('2', 'u');
		await app.type(reference);
		await app.press(keys.enter);
		const first = await app.waitForFrame(
			/Pulling 127\.0\.0\.1:5000\/tools\/app:1 · 1–\d+ of 25/,
		);
		assert.match(first, /layer0000000/);
		assert.doesNotMatch(first, /done/);
		await app.press('G');
		const last = await app.waitForFrame(/· \d+–25 of 25/);
		assert.match(last, /layer0000024 Pulling fs layer/);
		assert.doesNotMatch(last, /layer0000000/);
	});

	it('at 60x20 a run form with five wrong fields keeps every field in sight, each problem beside it', async () => {
		app = renderApp({
			docker: new FakeDockerClient({
				images: [fakeImage({id: 'sha256:busybox', tags: ['busybox:latest']})],
			}),
			columns: 60,
			rows: 20,
		});
		await app.waitForFrame('busybox:latest');
		await app.press('2', 'n');
		await app.waitForFrame('Run a container of busybox:latest');
		await app.type('bad name!');
		await app.press(keys.tab, keys.tab);
		await app.type('x');
		await app.press(keys.tab);
		await app.type('abc');
		await app.press(keys.tab);
		await app.type('lots');
		await app.press(keys.tab);
		await app.type('many');
		await app.press(ctrlG);
		const frame = await app.waitForFrame(/CPUs\s+many ✕/);
		for (const field of [
			/Name\s+bad name!\s+✕ 2 or more/,
			/Command\s+empty/,
			/Env\s+x ✕ x: expected KEY=VALUE/,
			/Ports\s+abc ✕/,
			/Memory\s+lots ✕ a size/,
			/Restart\s+‹ no ›/,
			/Interactive\s+‹ no ›/,
			/Tab\/↑↓ field/,
		]) {
			assert.match(frame, field);
		}
	});
});
