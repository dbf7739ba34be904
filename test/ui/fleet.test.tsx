import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeSample,
	fakeVolume,
} from '../fakes/fake-docker-client.js';
import {renderApp} from '../helpers/render-app.js';
import {keys} from '../helpers/keys.js';
import {cgroupMeasurement} from '../fakes/cgroup-samples.js';
import type {CgroupMeter} from '../../source/docker/cgroup/cgroup-meter.js';
import {waitFor} from '../helpers/wait-for.js';

type App = ReturnType<typeof renderApp>;

const mib = 1024 * 1024;

/**
 * A local engine's cgroup files, as a fake: every container it is asked about uses `memory()`
 * bytes, or the sweep fails with what `memory()` throws (the files out of reach).
 */
function fakeMeter(memory: () => number): CgroupMeter & {sweeps: number} {
	const meter = {
		description: 'cgroup v1',
		sweeps: 0,
		measure(ids: readonly string[]) {
			meter.sweeps++;
			const bytes = memory();
			return new Map(
				ids.map(id => [
					id,
					cgroupMeasurement(Date.now(), {memoryUsage: bytes}),
				]),
			);
		},
		outOfFiles: () => undefined,
		close() {
			// Nothing to release.
		},
	};
	return meter;
}

/** A fleet client over two fake engines named `lab` and `prod`, prod read-only where asked. */
function labAndProd(
	lab: FakeDockerClient,
	prod: FakeDockerClient,
	isProdReadOnly = false,
): ReturnType<typeof createFleetClient> {
	return createFleetClient(
		[
			{name: 'lab', client: lab, readOnly: false, cli: 'docker --context lab'},
			{
				name: 'prod',
				client: prod,
				readOnly: isProdReadOnly,
				cli: 'docker --context prod',
			},
		],
		{listWaitMs: 200},
	);
}

/** A fleet of two fake engines, `lab` and `prod`, each running a `web`; prod also a `db`. */
function fleetApp(
	columns = 140,
	rows?: number,
): {
	app: App;
	lab: FakeDockerClient;
	prod: FakeDockerClient;
} {
	const lab = new FakeDockerClient({
		containers: [fakeContainer({name: 'web'})],
	});
	const prod = new FakeDockerClient({
		containers: [fakeContainer({name: 'web'}), fakeContainer({name: 'db'})],
	});
	const client = labAndProd(lab, prod);
	return {
		app: renderApp({
			docker: lab,
			client,
			columns,
			...(rows === undefined ? {} : {rows}),
		}),
		lab,
		prod,
	};
}

/** The frame's line that begins (inside the border's padding) with `engine`: its totals line. */
function totalsOf(frame: string, engine: string): string {
	return (
		frame
			.split('\n')
			.find(line => new RegExp(`^\\s*${engine}\\s+CPU`).test(line)) ?? ''
	);
}

/** The frame's lines that list a container named `name`. */
function rowsOf(frame: string, name: string): string[] {
	return frame
		.split('\n')
		.filter(line => new RegExp(`\\s${name}\\s`).test(line));
}

describe('fleet view', () => {
	let app: App | undefined;
	afterEach(async () => {
		await app?.unmount();
		app = undefined;
	});

	it('lists both engines’ rows with their ENGINE and a chip per engine', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		const frame = await app.waitForFrame(
			text =>
				/\[lab ● connected[^\]]*1\/1/.test(text) &&
				/\[prod ● connected[^\]]*2\/2/.test(text) &&
				rowsOf(text, 'web').length === 2,
		);
		assert.match(frame, /ENGINE/);
		assert.ok(rowsOf(frame, 'web').some(line => /lab\s/.test(line)));
		assert.ok(rowsOf(frame, 'db').every(line => /prod\s/.test(line)));
	});

	it('H sorts by engine, each engine’s rows together, and again in reverse; one engine says there is none', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(text => rowsOf(text, 'web').length === 2);
		/** The ENGINE of each container row, top to bottom. */
		const engines = (frame: string): string[] =>
			frame
				.split('\n')
				.filter(line => /\s(?:web|db)\s/.test(line))
				.map(line => /\s(lab|prod)\s/.exec(line)?.[1] ?? '');
		await app.press('H');
		const sorted = await app.waitForFrame(/by engine ↑/);
		assert.deepEqual(engines(sorted), ['lab', 'prod', 'prod']);
		await app.press('H');
		const reversed = await app.waitForFrame(/by engine ↓/);
		assert.deepEqual(engines(reversed), ['prod', 'prod', 'lab']);
	});

	it('shows each engine’s state at 80 columns, where the chips do not all fit', async () => {
		const fleet = fleetApp(80);
		app = fleet.app;
		await app.waitForFrame(
			text =>
				// The version to its minor: the patch level would push prod's chip out.
				text.includes('[lab ● connected Docker 20.10 1/1') &&
				text.includes('[prod ● connected') &&
				rowsOf(text, 'web').length === 2,
		);
	});

	it('shows every engine’s chip at 80x24, the chips made brief to fit; one down says so', async () => {
		const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
		const engines = names.map(
			name =>
				new FakeDockerClient({
					containers: [fakeContainer({name: `web-${name}`})],
				}),
		);
		engines[3]?.disconnect();
		const client = createFleetClient(
			names.map((name, index) => ({
				name,
				client: engines[index] ?? new FakeDockerClient(),
				readOnly: name === 'bravo',
				cli: 'docker',
			})),
			{listWaitMs: 200},
		);
		app = renderApp({
			docker: engines[0] ?? new FakeDockerClient(),
			client,
			columns: 80,
			rows: 24,
		});
		const frame = await app.waitForFrame(
			text =>
				text.includes('[delta ✕') && rowsOf(text, 'web-echo').length === 1,
		);
		const lines = frame.split('\n');
		// The header's two rows: the fleet's totals, and a chip for each engine.
		assert.match(lines[0] ?? '', /^dockmate {2}fleet of 5/);
		assert.match(
			lines[1] ?? '',
			/^\[alpha ●\] {2}\[bravo ● read-only\] {2}\[charlie ●\] {2}\[delta ✕( \d+s)?\] {2}\[echo ●\]$/,
		);
		assert.ok(lines.length <= 24);
	});

	it('s stops the selected row on its own engine; the log names the engine', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(text => rowsOf(text, 'web').length === 2);
		await app.press('/');
		await app.type('prod');
		await app.press(keys.enter);
		await app.waitForFrame(/Containers 1\/2 of 3/);
		// The cursor onto prod's web.
		const selectWeb = async (): Promise<void> => {
			for (let step = 0; step < 3; step++) {
				const id = app?.selected('containers');
				const container =
					id === undefined
						? undefined
						: app?.services.store.getState().containers.byId.get(id);
				if (container?.name === 'web') {
					return;
				}

				await app?.press('j');
			}
		};

		await selectWeb();
		await app.press('s');
		await app.waitForFrame(/stopped web/);
		assert.deepEqual(fleet.prod.actions, ['stop web']);
		assert.deepEqual(fleet.lab.actions, []);
		const [entry] = app.services.store.getState().audit;
		assert.ok(entry);
		assert.equal(entry.command, 'docker --context prod container stop web');
		assert.equal(entry.engine, 'prod');
	});

	it('at 80 columns a refusal on a Swarm task’s row keeps its reason: the task’s ids are cut to 12 characters', async () => {
		const lab = new FakeDockerClient({
			containers: [fakeContainer({name: 'web'})],
		});
		const task = 'api.1.k3j4h5g6f7d8s9a0q1w2e3r4t';
		const prod = new FakeDockerClient({
			containers: [fakeContainer({name: task})],
		});
		const client = labAndProd(lab, prod, true);
		app = renderApp({docker: lab, client, columns: 80, rows: 24});
		await app.waitForFrame(task.slice(0, 10));
		await app.press('/');
		await app.type('api');
		await app.press(keys.enter);
		await app.waitForFrame(/Containers 1\/1 of 2/);
		await app.press('s');
		const frame = await app.waitForFrame('nothing on it is changed');
		const footer = frame.split('\n').at(-1) ?? '';
		assert.match(
			footer,
			/^api\.1\.k3j4h5g6f7d8: prod is read-only: nothing on it is changed {2}\? help/,
		);
		assert.deepEqual(prod.actions, []);
	});

	it('a dead engine’s chip says so and its rows stay; the other engine keeps listing', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(/\[lab[^\]]*● connected/);
		fleet.lab.disconnect();
		await app.waitForFrame(/\[lab[^\]]*✕ retrying[^\]]*connection refused/);
		fleet.prod.putContainer(fakeContainer({name: 'cache'}));
		fleet.prod.emit({type: 'container', id: 'cache', action: 'create'});
		const frame = await app.waitForFrame(
			text => rowsOf(text, 'cache').length === 1,
		);
		assert.equal(rowsOf(frame, 'web').length, 2, 'lab’s web vanished');
		const labWeb = [
			...app.services.store.getState().containers.byId.values(),
		].find(container => container.engine === 'lab');
		assert.equal(labWeb?.stale, true);
		fleet.lab.reconnect();
		await app.waitForFrame(/\[lab[^\]]*● connected/, 5000);
	});

	it('F shows each engine alone in turn, then all again, and says which in the title', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(text => rowsOf(text, 'web').length === 2);
		await app.press('F');
		let frame = await app.waitForFrame(/Containers \d\/1 of 3 · engine: lab/);
		assert.equal(rowsOf(frame, 'web').length, 1);
		assert.equal(rowsOf(frame, 'db').length, 0);
		await app.press('F');
		frame = await app.waitForFrame(/Containers \d\/2 of 3 · engine: prod/);
		assert.equal(rowsOf(frame, 'db').length, 1);
		await app.press('2');
		frame = await app.waitForFrame(/Images [^\n]*engine: prod/);
		await app.press('F');
		frame = await app.waitForFrame(text => !text.includes('engine: '));
		await app.press('1');
		frame = await app.waitForFrame(text => rowsOf(text, 'web').length === 2);
		assert.equal(rowsOf(frame, 'db').length, 1);
	});

	it('F on one engine says there is no fleet', async () => {
		app = renderApp({docker: new FakeDockerClient()});
		await app.press('F');
		await app.waitForFrame(/no fleet/);
	});

	it('Resources and Events name each row’s engine; F keeps one engine’s events', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(text => rowsOf(text, 'web').length === 2);
		await app.press('3');
		let frame = await app.waitForFrame(
			text => text.includes('Resources') && rowsOf(text, 'db').length === 1,
		);
		assert.match(frame, /ENGINE/);
		assert.ok(rowsOf(frame, 'db').every(line => /prod\s/.test(line)));
		fleet.prod.putContainer(fakeContainer({name: 'cache'}));
		fleet.prod.emit({type: 'container', id: 'cache', action: 'create'});
		await app.press('7');
		frame = await app.waitForFrame(text => rowsOf(text, 'cache').length === 1);
		assert.match(frame, /ENGINE/);
		assert.match(rowsOf(frame, 'cache')[0] ?? '', /prod\s+container\s+create/);
		await app.press('F');
		frame = await app.waitForFrame(/Events [^\n]*engine: lab/);
		assert.equal(rowsOf(frame, 'cache').length, 0);
	});

	it('a project of the same name on two engines is two rows, each with its ENGINE', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		const labels = {'com.docker.compose.project': 'shop'};
		fleet.lab.putContainer(fakeContainer({name: 'shop-app', labels}));
		fleet.prod.putContainer(fakeContainer({name: 'shop-app', labels}));
		fleet.lab.emit({type: 'container', id: 'shop-app', action: 'create'});
		fleet.prod.emit({type: 'container', id: 'shop-app', action: 'create'});
		await app.press('4');
		const frame = await app.waitForFrame(
			text => rowsOf(text, 'shop').length === 2,
		);
		assert.match(frame, /ENGINE/);
		const engines = rowsOf(frame, 'shop').map(line =>
			/lab\s/.test(line) ? 'lab' : /prod\s/.test(line) ? 'prod' : '?',
		);
		assert.deepEqual(engines.sort(), ['lab', 'prod']);
	});

	it('same-named volumes of two engines are two rows; d removes the one of its own engine', async () => {
		const lab = new FakeDockerClient({
			containers: [fakeContainer({name: 'web', volumes: ['data']})],
		});
		const prod = new FakeDockerClient();
		lab.volumes = [fakeVolume({name: 'data'})];
		prod.volumes = [fakeVolume({name: 'data'})];
		const client = labAndProd(lab, prod);
		app = renderApp({docker: lab, client, columns: 140});
		await app.press('5');
		let frame = await app.waitForFrame(
			text => rowsOf(text, 'data').length === 2,
		);
		assert.match(frame, /ENGINE/);
		// Used by lab's web, and only on lab.
		assert.match(
			rowsOf(frame, 'data').find(line => /lab\s/.test(line)) ?? '',
			/\sweb\s/,
		);
		assert.doesNotMatch(
			rowsOf(frame, 'data').find(line => /prod\s/.test(line)) ?? '',
			/\sweb\s/,
		);
		// Details of lab's data: asked of lab, used by lab's web.
		await app.press('/');
		await app.type('lab');
		await app.press(keys.enter);
		await app.waitForFrame(/Volumes \d\/1 of 2/);
		await app.press('i');
		frame = await app.waitForFrame(/Used by \(1\)/);
		assert.match(
			frame,
			/Mountpoint\s+\/var\/lib\/docker\/volumes\/data\/_data/,
		);
		assert.equal(lab.calls.inspectVolume, 1);
		assert.equal(prod.calls.inspectVolume, 0);
		await app.press(keys.escape);
		await app.press('/');
		await app.press(...Array.from('lab', () => keys.backspace));
		await app.type('prod');
		await app.press(keys.enter);
		frame = await app.waitForFrame(/Volumes \d\/1 of 2 [^\n]*filter: prod/);
		await app.press('d');
		await app.waitForFrame('Remove 1 volume?');
		await app.press('y');
		await app.waitForFrame(/Volumes 0\/0 of 1 /);
		assert.deepEqual(prod.actions, ['volume rm data']);
		assert.deepEqual(lab.actions, []);
		assert.equal(
			app.services.store.getState().audit.at(-1)?.command,
			'docker --context prod volume rm data',
		);
	});

	it('each chip shows its engine’s CPU and memory totals', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(text => rowsOf(text, 'db').length === 1);
		// The fake's ids, as prod itself knows them.
		const web = fakeContainer({name: 'web'});
		const db = fakeContainer({name: 'db'});
		fleet.prod.pushStats(
			web.id,
			fakeSample({cpuPercent: 10, memoryUsage: 100 * 1024 * 1024}),
		);
		fleet.prod.pushStats(
			db.id,
			fakeSample({cpuPercent: 2.5, memoryUsage: 50 * 1024 * 1024}),
		);
		const frame = await app.waitForFrame(
			/\[prod[^\]]*2\/2 CPU 12\.5% MEM 150M/,
		);
		assert.doesNotMatch(/\[lab[^\]]*\]/.exec(frame)?.[0] ?? '', /CPU 12/);
	});

	it('Resources has a totals line per engine with its source; the chips show the same figures; no stream where cgroup files are read', async () => {
		const fleet = fleetApp(80, 24);
		app = fleet.app;
		fleet.lab.cgroupMeter = fakeMeter(() => 30 * mib);
		await app.waitForFrame(text => rowsOf(text, 'db').length === 1);
		await app.press('3');
		const web = fakeContainer({name: 'web'});
		const db = fakeContainer({name: 'db'});
		await waitFor(() => fleet.prod.openStatsStreams.length === 2, {
			timeoutMs: 3000,
			message: 'prod’s rows followed through the stats API',
		});
		fleet.prod.pushStats(
			web.id,
			fakeSample({cpuPercent: 10, memoryUsage: 100 * mib}),
		);
		fleet.prod.pushStats(
			db.id,
			fakeSample({cpuPercent: 2.5, memoryUsage: 50 * mib}),
		);
		const frame = await app.waitForFrame(
			text =>
				/CPU\s+0\.0%\s+MEM\s+30MiB\s+1 measured\s+cgroup v1$/.test(
					totalsOf(text, 'lab').trimEnd(),
				) &&
				/CPU\s+12\.5%\s+MEM\s+150MiB\s+2 measured\s+engine API$/.test(
					totalsOf(text, 'prod').trimEnd(),
				),
		);
		// At 80 columns prod's chip is cut before its figures; lab's shows the figures of its line.
		assert.match(frame, /\[lab[^\]]*1\/1 CPU 0\.0% MEM 30MiB\]/);
		assert.deepEqual(fleet.lab.openStatsStreams, []);
		assert.equal(fleet.lab.calls.stats, 0);
		// Every row still listed above the totals at 80x24.
		assert.equal(rowsOf(frame, 'web').length, 2);
		// F shows lab alone, and its line alone.
		await app.press('F');
		const alone = await app.waitForFrame(
			text => text.includes('engine: lab') && totalsOf(text, 'prod') === '',
		);
		assert.match(totalsOf(alone, 'lab'), /1 measured\s+cgroup v1/);
	});

	it('an engine whose source fails keeps the other engine’s figures live, and its own come back', async () => {
		const fleet = fleetApp(100);
		app = fleet.app;
		let labMemory: number | Error = 30 * mib;
		const meter = fakeMeter(() => {
			if (labMemory instanceof Error) {
				throw labMemory;
			}

			return labMemory;
		});
		fleet.lab.cgroupMeter = meter;
		await app.waitForFrame(text => rowsOf(text, 'db').length === 1);
		await app.press('3');
		await app.waitForFrame(text => totalsOf(text, 'lab').includes('30MiB'));
		labMemory = new Error('the files are out of reach');
		const failing = meter.sweeps;
		await waitFor(() => meter.sweeps > failing + 1, {
			timeoutMs: 3000,
			message: 'lab’s failing sweeps',
		});
		const db = fakeContainer({name: 'db'});
		for (const memory of [10, 20]) {
			fleet.prod.pushStats(db.id, fakeSample({memoryUsage: memory * mib}));
			await app.waitForFrame(text =>
				new RegExp(`MEM\\s+${memory}MiB\\s+1 measured`).test(
					totalsOf(text, 'prod'),
				),
			);
		}

		labMemory = 40 * mib;
		await app.waitForFrame(
			text => totalsOf(text, 'lab').includes('40MiB'),
			5000,
		);
	});

	it('folds the totals into one line where a line per engine would leave the list no rows', async () => {
		const engines = ['ant', 'bee', 'cat', 'dog', 'elk'].map(name => ({
			name,
			client: new FakeDockerClient({
				containers: [fakeContainer({name: `${name}-app`})],
			}),
			readOnly: false,
			cli: 'docker',
		}));
		const client = createFleetClient(engines, {listWaitMs: 200});
		app = renderApp({client, columns: 80, rows: 24});
		await app.waitForFrame(text => rowsOf(text, 'elk-app').length === 1);
		await app.press('3');
		let frame = await app.waitForFrame(
			text =>
				totalsOf(text, 'elk').includes('engine API') &&
				rowsOf(text, 'ant-app').length === 1,
		);
		for (const {name} of engines) {
			assert.match(totalsOf(frame, name), /0 measured\s+engine API/);
		}

		await app.unmount();
		// The smallest screen dockmate draws on.
		app = renderApp({client, columns: 80, rows: 14});
		await app.waitForFrame(text => rowsOf(text, 'ant-app').length === 1);
		await app.press('3');
		frame = await app.waitForFrame(text =>
			/5 engines\s+CPU\s+0\.0%\s+MEM\s+0B\s+0 measured\s+engine API ×5/.test(
				text,
			),
		);
		assert.equal(totalsOf(frame, 'ant'), '');
		assert.equal(rowsOf(frame, 'ant-app').length, 1);
	});
});
