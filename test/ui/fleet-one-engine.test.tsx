import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
} from '../fakes/fake-docker-client.js';
import {renderApp, selectRow} from '../helpers/render-app.js';
import type {ComposeRunner} from '../../source/runtime/compose-runner.js';
import {composedContainer} from '../fakes/fake-compose.js';
import {
	fakeNode,
	fakeService,
	fakeTask,
	makeManager,
} from '../fakes/fake-swarm.js';
import {keys} from '../helpers/keys.js';

type App = ReturnType<typeof renderApp>;

const reference = 'tools/app:1';
const ctrlG = '\u0007';

/**
 * A fleet of three fake engines: `lab` and `prod` with a busybox image each (their own ids),
 * and `db`; prod read-only where asked, db out of reach where asked.
 */
function fleetApp(
	options: {
		readonly composeRunner?: ComposeRunner;
		readonly prodReadOnly?: boolean;
		readonly dbDown?: boolean;
		readonly columns?: number;
		readonly rows?: number;
	} = {},
) {
	const lab = new FakeDockerClient({
		containers: [fakeContainer({name: 'web'})],
		images: [fakeImage({id: 'sha256:aaaa', tags: ['busybox:latest']})],
	});
	const prod = new FakeDockerClient({
		containers: [fakeContainer({name: 'api'})],
		images: [fakeImage({id: 'sha256:bbbb', tags: ['busybox:latest']})],
	});
	const db = new FakeDockerClient();
	if (options.dbDown === true) {
		db.disconnect();
	}

	prod.pulls.set(reference, {
		steps: [],
		image: fakeImage({id: 'sha256:cccc', tags: [reference]}),
	});
	const client = createFleetClient(
		[
			{name: 'lab', client: lab, readOnly: false, cli: 'docker --context lab'},
			{
				name: 'prod',
				client: prod,
				readOnly: options.prodReadOnly ?? false,
				cli: 'docker --context prod',
			},
			{name: 'db', client: db, readOnly: false, cli: 'DOCKER_HOST=x docker'},
		],
		{listWaitMs: 200},
	);
	const app = renderApp({
		docker: lab,
		client,
		columns: options.columns ?? 120,
		...(options.composeRunner === undefined
			? {}
			: {composeRunner: options.composeRunner}),
		...(options.rows === undefined ? {} : {rows: options.rows}),
	});
	return {app, lab, prod, db};
}

/** What a terminal in SGR mouse mode sends for a click of the left button at a 1-based cell. */
function click(column: number, row: number): string[] {
	return [`\u001B[<0;${column};${row}M`, `\u001B[<0;${column};${row}m`];
}

/** The 1-based cell of `text` on the frame's last line that has it. */
function cellOf(frame: string, text: string): {column: number; row: number} {
	const lines = frame.split('\n');
	const row = lines.findLastIndex(line => line.includes(text));
	assert.ok(row >= 0, `no ${text} in\n${frame}`);
	return {column: (lines[row]?.indexOf(text) ?? 0) + 2, row: row + 1};
}

describe('fleet: what is made on one engine', () => {
	let app: App | undefined;
	afterEach(async () => {
		await app?.unmount();
		app = undefined;
	});

	it('u asks which engine; the pull goes to the one chosen alone, and the log says so', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(/\[prod ● connected/);
		await app.press('2', 'u');
		const chooser = await app.waitForFrame('Pull on which engine?');
		assert.match(chooser, /› lab\s+● connected/);
		await app.press('j', keys.enter);
		await app.waitForFrame('Pull an image on prod');
		await app.type(reference);
		await app.press(keys.enter);
		await app.waitForFrame(`pulled ${reference}`);
		assert.deepEqual(fleet.prod.actions, [`pull ${reference}`]);
		assert.deepEqual(fleet.lab.actions, []);
		const entry = app.services.store.getState().audit.at(-1);
		assert.ok(entry);
		assert.equal(entry.command, `docker --context prod pull ${reference}`);
		assert.equal(entry.engine, 'prod');
	});

	it('n on an image row runs the container on that row’s engine, and says so', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(/\[prod ● connected/);
		await app.press('2');
		await app.waitForFrame(/busybox[^\n]*\n[^\n]*busybox/);
		await selectRow(app, 'images', 'sha256:aaaa~0 busybox:latest');
		await app.press('n');
		await app.waitForFrame('Run a container of busybox:latest on lab');
		await app.type('job');
		await app.press(ctrlG);
		await app.waitForFrame('started job');
		assert.deepEqual(fleet.lab.actions, ['create job', 'start job']);
		assert.deepEqual(fleet.prod.actions, []);
		assert.equal(
			app.services.store.getState().audit.at(-1)?.command,
			'docker --context lab run -d --name job busybox:latest',
		);
	});

	it('n on Volumes asks which engine and creates the volume there, selected', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(/\[prod ● connected/);
		await app.press('5', 'n');
		await app.waitForFrame('Create a volume on which engine?');
		await app.press('j', keys.enter);
		await app.waitForFrame('Create a volume on prod');
		await app.type('cache');
		await app.press(ctrlG);
		await app.waitForFrame('created volume cache');
		assert.deepEqual(fleet.prod.actions, ['volume create local cache']);
		assert.deepEqual(fleet.lab.actions, []);
		assert.equal(app.selected('volumes'), 'cache~1');
		assert.equal(
			app.services.store.getState().audit.at(-1)?.command,
			'docker --context prod volume create cache',
		);
	});

	it('at 80x24 the chooser shows every engine; a read-only one is refused, a dead one unreachable, a click chooses', async () => {
		const fleet = fleetApp({
			prodReadOnly: true,
			dbDown: true,
			columns: 80,
			rows: 24,
		});
		app = fleet.app;
		// At 80 columns too, every engine's chip shows, db's saying it is down.
		await app.waitForFrame(/\[db ✕/);
		await app.press('2', 'b');
		const chooser = await app.waitForFrame('Build on which engine?');
		assert.match(chooser, /prod\s+read-only/);
		assert.match(chooser, /db\s+✕ unreachable/);
		assert.match(chooser, /│ {2}lab {3}prod {3}db {2}Esc cancel/);
		await app.press('j', keys.enter);
		await app.waitForFrame('prod is read-only');
		await app.press('j', keys.enter);
		await app.waitForFrame('db is unreachable');
		assert.match(app.lastFrame(), /Build on which engine\?/);
		// A click on lab's name on the last line goes on with lab.
		const {column, row} = cellOf(app.lastFrame(), ' lab ');
		await app.press(...click(column, row));
		await app.waitForFrame('Build an image on lab');
		await app.press(keys.escape, '5', 'n');
		await app.waitForFrame('Create a volume on which engine?');
		await app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('on which engine'));
		assert.deepEqual(fleet.prod.actions, []);
	});

	it('F showing one engine alone implies it: no question asked', async () => {
		const fleet = fleetApp();
		app = fleet.app;
		await app.waitForFrame(/\[prod ● connected/);
		await app.press('F', 'F', '6', 'n');
		await app.waitForFrame('Create a network on prod');
	});

	it('U runs compose up against the engine of the project’s row', async () => {
		const runs: Readonly<Record<string, string>>[] = [];
		const composeRunner: ComposeRunner = {
			detect: async () => Promise.resolve({kind: 'plugin', version: '2.24.5'}),
			async run(_invocation, {variables}) {
				runs.push(variables);
				return Promise.resolve({code: 0, signal: undefined});
			},
		};
		const fleet = fleetApp({composeRunner});
		fleet.lab.cli = {ok: true, variables: {DOCKER_HOST: 'unix:///lab.sock'}};
		fleet.prod.cli = {ok: true, variables: {DOCKER_HOST: 'unix:///prod.sock'}};
		for (const engine of [fleet.lab, fleet.prod]) {
			engine.putContainer(composedContainer('shop-web-1', 'shop', 'web'));
			engine.emit({type: 'container', id: 'shop-web-1', action: 'create'});
		}

		app = fleet.app;
		await app.press('4');
		await app.waitForFrame(frame => frame.split('shop').length > 2);
		await selectRow(app, 'projects', 'prod/shop');
		await app.press('U');
		await app.waitForFrame(/compose up [^\n]*shop: done/);
		assert.deepEqual(runs, [{DOCKER_HOST: 'unix:///prod.sock'}]);
		const entry = app.services.store.getState().audit.at(-1);
		assert.ok(entry);
		assert.equal(entry.engine, 'prod');
		assert.match(entry.command, /^docker --context prod compose /);
	});

	it('the Swarm of the engine that manages one: its services and tasks listed, s scales it there', async () => {
		const fleet = fleetApp();
		const shop = fakeService({name: 'shop'});
		const node = fakeNode({hostname: 'p1'});
		makeManager(fleet.prod, {
			services: [shop],
			tasks: [fakeTask(shop, 1, {nodeId: node.id})],
			nodes: [node],
		});
		app = fleet.app;
		await app.waitForFrame(/\[prod ● connected/);
		await app.press('9');
		// The task's node is named by the node list of its own engine.
		await app.waitForFrame(/shop\.1\s+shop-task-1\S*\s+p1\s+running/);
		await app.press('s');
		await app.waitForFrame(/Scale shop/);
		await app.press(keys.backspace, '3', keys.enter);
		await app.waitForFrame(/scaled shop to 3/);
		assert.deepEqual(fleet.prod.actions, ['service scale shop=3']);
		assert.deepEqual(fleet.lab.actions, []);
		assert.equal(
			app.services.store.getState().audit.at(-1)?.command,
			'docker --context prod service scale shop=3',
		);
	});
});
