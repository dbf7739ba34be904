import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
	fakeNetwork,
	fakeVolume,
} from '../fakes/fake-docker-client.js';
import {renderApp} from '../helpers/render-app.js';
import {keys} from '../helpers/keys.js';

type App = ReturnType<typeof renderApp>;

const mib = 1_000_000;
const space = ' ';
const anonymous = 'a'.repeat(64);

/** An engine with a stopped `job` (the same id on every engine), a running `web` and an unused network. */
function pruneEngine(jobSize: number): FakeDockerClient {
	const job = fakeContainer({
		name: 'job',
		state: 'exited',
		status: 'Exited (0) 2 days ago',
	});
	const engine = new FakeDockerClient({
		containers: [fakeContainer({name: 'web', networks: ['busy']}), job],
	});
	engine.containerSizes.set(job.id, jobSize);
	engine.networks = [
		fakeNetwork({name: 'bridge'}),
		fakeNetwork({name: 'busy'}),
		fakeNetwork({name: 'spare'}),
	];
	return engine;
}

/**
 * A fleet of `lab` (also a dangling image and build cache), `prod` (also an anonymous volume and a
 * named one in use) and the read-only `vault`, which has a stopped container too.
 */
function fleetApp(size: {columns: number; rows: number}) {
	const lab = pruneEngine(5 * mib);
	lab.putImage(fakeImage({id: 'sha256:dangling', tags: [], size: 2 * mib}));
	lab.buildCache = [
		{
			id: 'cache-idle',
			type: 'regular',
			description: 'RUN npm ci',
			size: 4 * mib,
			inUse: false,
			shared: false,
			lastUsedAt: 0,
		},
	];
	const prod = pruneEngine(7 * mib);
	prod.volumes = [
		fakeVolume({name: anonymous, size: 3 * mib, refCount: 0}),
		fakeVolume({name: 'pgdata', size: 9 * mib, refCount: 1}),
	];
	const vault = pruneEngine(11 * mib);
	const engines = {lab, prod, vault};
	const client = createFleetClient(
		Object.entries(engines).map(([name, engine]) => ({
			name,
			client: engine,
			readOnly: name === 'vault',
			cli: `docker --context ${name}`,
		})),
		{listWaitMs: 200},
	);
	return {
		app: renderApp({docker: lab, client, ...size}),
		lab,
		prod,
		vault,
	};
}

/** Opens the prune with every category but tagged images chosen, and asks for the preview. */
async function preview(app: App): Promise<string> {
	await app.waitForFrame(
		text => text.split('\n').filter(line => /\sjob\s/.test(line)).length === 3,
	);
	// Containers and dangling images are chosen; add volumes, networks and build cache.
	await app.press('P', 'j', 'j', 'j', space, 'j', space, 'j', space);
	await app.press(keys.enter);
	return app.waitForFrame('reclaims');
}

describe('prune in a fleet', () => {
	let app: App | undefined;
	afterEach(async () => {
		await app?.unmount();
		app = undefined;
	});

	it('says in its title where it prunes: every engine, or the one F shows alone', async () => {
		const fleet = fleetApp({columns: 120, rows: 40});
		app = fleet.app;
		await app.waitForFrame(
			text =>
				text.split('\n').filter(line => /\sjob\s/.test(line)).length === 3,
		);
		await app.press('P');
		await app.waitForFrame('Prune on every engine');
		await app.press(keys.escape, 'F');
		await app.waitForFrame('engine: lab');
		await app.press('P');
		await app.waitForFrame('Prune on lab');
	});

	it('the preview groups the items by engine with each one’s space and the total; a read-only engine is left out', async () => {
		const fleet = fleetApp({columns: 120, rows: 40});
		app = fleet.app;
		const frame = await preview(app);
		const lines = frame.split('\n');
		const at = (pattern: RegExp): number =>
			lines.findIndex(line => pattern.test(line));
		// lab: job 5, dangling 2, spare (no size), cache 4; prod: job 7, the volume 3, spare.
		assert.match(frame, /7 of 7 items marked on 2 engines · reclaims 21MB/);
		assert.match(frame, /── lab: 4 of 4 marked · reclaims 11MB/);
		assert.match(frame, /── prod: 3 of 3 marked · reclaims 10MB/);
		assert.match(frame, /── vault: read-only, not pruned/);
		const labAt = at(/── lab:/);
		const prodAt = at(/── prod:/);
		const vaultAt = at(/── vault:/);
		assert.ok(labAt < prodAt && prodAt < vaultAt, 'in the fleet’s order');
		const section = (from: number, to: number): string =>
			lines.slice(from + 1, to).join('\n');
		assert.match(section(labAt, prodAt), /containers\s+job\s+5MB/);
		assert.match(section(labAt, prodAt), /<none> dangling\s+2MB/);
		assert.match(section(labAt, prodAt), /networks\s+spare\s+–/);
		assert.match(section(labAt, prodAt), /build cache\s+RUN npm ci\s+4MB/);
		assert.match(section(prodAt, vaultAt), /containers\s+job\s+7MB/);
		assert.match(section(prodAt, vaultAt), /volumes\s+aaaaaaaaaaaa/);
		assert.match(section(prodAt, vaultAt), /networks\s+spare\s+–/);
		assert.doesNotMatch(
			frame,
			/networks\s+(busy|bridge)\s|pgdata|\sweb\s/,
			'in use or built in',
		);
		assert.doesNotMatch(frame, /11MB\s+Exited/, 'vault’s job offered');

		// Space on prod's heading unmarks all of prod.
		await app.press(...Array.from({length: prodAt - labAt}, () => 'j'), space);
		const unmarked = await app.waitForFrame('── prod: 0 of 3 marked');
		assert.match(unmarked, /4 of 7 items marked on 2 engines · reclaims 11MB/);
		await app.press(keys.escape);
		assert.deepEqual(
			[...fleet.lab.actions, ...fleet.prod.actions, ...fleet.vault.actions],
			[],
		);
	});

	it('removes exactly the shown items on each engine, not one stopped since, and reports by engine', async () => {
		const fleet = fleetApp({columns: 120, rows: 40});
		app = fleet.app;
		await preview(app);
		// Stopped on lab after the preview was drawn: not in it, so not removed.
		fleet.lab.putContainer(
			fakeContainer({name: 'latecomer', state: 'exited', status: 'Exited'}),
		);
		await app.press('y');
		const done = await app.waitForFrame('Enter or Esc closes');
		assert.match(done, /removed 7 items, reclaimed 21MB/);
		assert.match(done, /lab: removed 4 items, reclaimed 11MB/);
		assert.match(done, /prod: removed 3 items, reclaimed 10MB/);
		assert.match(done, /vault: read-only, not pruned/);
		assert.match(done, / {2}removed RUN npm ci/);
		assert.deepEqual(
			[...fleet.lab.actions].sort(),
			[
				'rm job',
				'rmi sha256:dangling',
				`network rm ${fakeNetwork({name: 'spare'}).id}`,
				'builder prune cache-idle',
			].sort(),
		);
		assert.deepEqual(
			[...fleet.prod.actions].sort(),
			[
				'rm job',
				`volume rm ${anonymous}`,
				`network rm ${fakeNetwork({name: 'spare'}).id}`,
			].sort(),
		);
		assert.deepEqual(fleet.vault.actions, []);
		assert.ok(fleet.lab.container('latecomer'), 'not in the preview: kept');
		assert.ok(fleet.vault.container('job'), 'read-only: kept');
		assert.deepEqual(
			fleet.prod.volumes.map(volume => volume.name),
			['pgdata'],
		);
		// The command log: each entry tagged with its engine, its command reaching it.
		const {audit} = app.services.store.getState();
		assert.ok(
			audit.some(
				entry =>
					entry.engine === 'prod' &&
					entry.command === `docker --context prod volume rm ${anonymous}`,
			),
		);
		assert.ok(
			audit.some(
				entry =>
					entry.engine === 'lab' &&
					entry.command === 'docker --context lab container rm job',
			),
		);
		assert.equal(audit.length, 7);
	});

	it('an engine that is down is named and left out; the others are previewed', async () => {
		const fleet = fleetApp({columns: 120, rows: 40});
		app = fleet.app;
		await app.waitForFrame(/\[lab[^\]]*● connected/);
		fleet.lab.disconnect();
		await app.waitForFrame(/\[lab[^\]]*✕ retrying/);
		await app.press('P', keys.enter);
		const frame = await app.waitForFrame('reclaims');
		assert.match(
			frame,
			/── lab: not reached, not pruned: [^\n]*connection refused/,
		);
		assert.match(frame, /── prod: 1 of 1 marked · reclaims 7MB/);
		assert.match(frame, /1 of 1 items marked on 1 engine · reclaims 7MB/);
		await app.press('y');
		await app.waitForFrame(
			/lab: not reached[^\n]*\n[^\n]*prod: removed 1 item/,
		);
		assert.deepEqual(fleet.prod.actions, ['rm job']);
		assert.deepEqual(fleet.lab.actions, []);
		fleet.lab.reconnect();
	});

	it('fits 80x24: the headings and the keys stay, the rest scrolls', async () => {
		const fleet = fleetApp({columns: 80, rows: 24});
		app = fleet.app;
		const frame = await preview(app);
		assert.match(frame, /── lab: 4 of 4 marked/);
		assert.match(frame, /y remove the 7 marked items/);
		assert.ok(
			frame.split('\n').every(line => line.length <= 80),
			'a line is wider than 80',
		);
		await app.press('G');
		const bottom = await app.waitForFrame('── vault: read-only, not pruned');
		assert.match(bottom, /Prune on every engine · \d+–10 of 10/);
	});
});
