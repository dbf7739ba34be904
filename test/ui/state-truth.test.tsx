import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {
	FakeDockerClient,
	fakeContainer,
	fakeSample,
} from '../fakes/fake-docker-client.js';
import {statusShown} from '../../source/state/status.js';
import {oomKilledDetails} from '../fakes/fake-details.js';
import {lineWith} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait-for.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

describe('pane titles count what the pane lists', () => {
	it('Resources counts a restarting container among its rows, measured or not', async () => {
		const alpha = fakeContainer({name: 'alpha'});
		const bravo = fakeContainer({name: 'bravo'});
		const looping = fakeContainer({
			name: 'looping',
			state: 'restarting',
			status: 'Restarting (1) 2 seconds ago',
		});
		const docker = new FakeDockerClient({containers: [alpha, bravo, looping]});
		app = renderApp({docker});
		await app.waitForFrame('alpha');
		await app.press('3');
		await waitFor(
			() =>
				[alpha.id, bravo.id].every(id => docker.openStatsStreams.includes(id)),
			{timeoutMs: 3000, message: 'no stats streams'},
		);
		docker.pushStats(alpha.id, fakeSample({cpuPercent: 5}));
		docker.pushStats(bravo.id, fakeSample({cpuPercent: 7}));
		const frame = await app.waitForFrame(/Resources 1\/3 · CPU 12\.0%/);
		assert.doesNotMatch(frame, /\d+\/\d+ of \d+/, 'no "1/3 of 2"');
	});
});

describe('the footer message', () => {
	const long =
		'web-1: the engine refused: conflict: unable to remove repository reference (must force) - container is using its referenced image';

	for (const columns of [80, 60]) {
		it(`is cut to leave "? help" on screen at ${columns} columns, and goes with the next key`, async () => {
			const docker = new FakeDockerClient({
				containers: [
					fakeContainer({name: 'alpha'}),
					fakeContainer({name: 'bravo'}),
				],
			});
			app = renderApp({docker, columns, rows: 20});
			await app.waitForFrame('alpha');
			app.services.dispatch(statusShown(long, true));
			const frame = await app.waitForFrame('web-1: the engine');
			const footer = frame.trimEnd().split('\n').at(-1) ?? '';
			assert.match(footer, /^web-1: the engine refused.*… {2}\? help/);
			assert.ok(footer.length <= columns);
			await app.press('j');
			const after = await app.waitForFrame(
				text => !text.includes('web-1: the engine'),
			);
			assert.match(after.trimEnd().split('\n').at(-1) ?? '', /^\? help/);
		});
	}
});

describe('marks', () => {
	it('the title counts the marked rows, and says how many the filter hides', async () => {
		const docker = new FakeDockerClient({
			containers: ['alpha', 'bravo', 'charlie'].map(name =>
				fakeContainer({name}),
			),
		});
		app = renderApp({docker});
		await app.waitForFrame('charlie');
		await app.press('*');
		await app.waitForFrame(/Containers 1\/3 · 3 marked ─/);
		await app.press('/', 'a', 'l', 'p', 'h', 'a', keys.enter);
		const filtered = await app.waitForFrame(/filter: alpha/);
		assert.match(
			filtered,
			/Containers 1\/1 of 3 · 3 marked, 2 hidden by the filter · filter: alpha/,
		);
	});
});

describe('state glyphs', () => {
	const exited = (name: string, code: number) =>
		fakeContainer({
			name,
			state: 'exited',
			status: `Exited (${code}) 1 minute ago`,
		});
	const containers = [
		fakeContainer({name: 'healthy', status: 'Up 1 minute (healthy)'}),
		fakeContainer({name: 'sick', status: 'Up 1 minute (unhealthy)'}),
		fakeContainer({name: 'booting', status: 'Up 2 seconds (health: starting)'}),
		exited('clean', 0),
		exited('broken', 1),
		exited('shot', 137),
		exited('starved', 137),
	];

	it('give trouble a shape of its own, the OOM kill found by inspecting only exits with 137', async () => {
		const docker = new FakeDockerClient({containers});
		const starved = containers.at(-1)!;
		docker.containerDetails.set(starved.id, oomKilledDetails);
		app = renderApp({docker});
		const frame = await app.waitForFrame(frame => /▼\s+starved/.test(frame));
		const glyphOf = (name: string): string =>
			new RegExp(`(\\S)\\s+${name}\\s`).exec(
				lineWith(frame, ` ${name} `),
			)?.[1] ?? '';
		assert.deepEqual(
			Object.fromEntries(
				containers.map(container => [container.name, glyphOf(container.name)]),
			),
			{
				healthy: '●',
				sick: '✚',
				booting: '◌',
				clean: '○',
				broken: '✗',
				shot: '⊘',
				starved: '▼',
			},
		);
		assert.equal(docker.calls.inspectContainer, 2, 'only the two 137s');

		await app.press('3');
		const resources = await app.waitForFrame('3 Resources');
		assert.match(lineWith(resources, ' sick '), /✚\s+sick/);
		assert.match(lineWith(resources, ' booting '), /◌\s+booting/);

		await app.press('?');
		const help = await app.waitForFrame('States');
		assert.match(help, /✚ unhealthy/);
		assert.match(help, /▼ OOM-killed/);
	});
});

describe('the selection when its row goes away', () => {
	/** An engine that, like a real one, kills a running container before removing it. */
	class DyingFirst extends FakeDockerClient {
		/** Waits until the app has listed the container as exited. */
		seenExited: (id: string) => Promise<void> = async () => Promise.resolve();

		override async removeContainer(
			id: string,
			options: {readonly force: boolean; readonly volumes: boolean},
		): Promise<void> {
			const container = [...(await this.listContainers())].find(
				item => item.id === id,
			);
			if (container?.state === 'running') {
				this.putContainer({
					...container,
					state: 'exited',
					status: 'Exited (137) Less than a second ago',
				});
				this.emit({type: 'container', id, action: 'die'});
				await this.seenExited(id);
			}

			await super.removeContainer(id, options);
		}
	}

	it('removing the top of a CPU sort selects the next row, not the bottom', async () => {
		const containers = ['a', 'b', 'c', 'd', 'e'].map(name =>
			fakeContainer({name}),
		);
		const docker = new DyingFirst({containers});
		app = renderApp({docker});
		const {store} = app.services;
		docker.seenExited = async id => {
			await waitFor(
				() => store.getState().containers.byId.get(id)?.state === 'exited',
				{timeoutMs: 3000, message: 'the die was never listed'},
			);
		};

		await app.waitForFrame(' e ');
		await waitFor(
			() => containers.every(({id}) => docker.openStatsStreams.includes(id)),
			{timeoutMs: 3000, message: 'no stats streams'},
		);
		for (const [index, {id}] of containers.entries()) {
			docker.pushStats(id, fakeSample({cpuPercent: 50 - index * 10}));
		}

		await app.waitForFrame('10.0%');
		await app.press('C', 'g');
		await app.waitForFrame(/Containers 1\/5 · by CPU ↓/);
		assert.equal(store.getState().ui.selection.containers, containers[0]!.id);
		await app.press('d', 'f', 'y');
		const frame = await app.waitForFrame(/Containers \d+\/4/);
		assert.match(frame, /Containers 1\/4 · by CPU ↓/);
		assert.equal(store.getState().ui.selection.containers, containers[1]!.id);
	});
});
