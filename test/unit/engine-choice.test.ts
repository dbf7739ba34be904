import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {FleetEngine} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {createFleetClient} from '../../source/docker/fleet-client.js';
import {oneEngine} from '../../source/runtime/one-engine.js';
import {initialState, withUi} from '../../source/state/app-state.js';
import {
	engineChoiceOpened,
	engineRefusal,
	impliedEngine,
} from '../../source/state/engine-choice.js';
import {fleetChanged} from '../../source/state/fleet.js';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';

const engine = (
	name: string,
	fields: Partial<FleetEngine> = {},
): FleetEngine => ({
	name,
	readOnly: false,
	state: {status: 'connected'},
	product: undefined,
	...fields,
});

const prod = engine('prod', {readOnly: true});
const db = engine('db', {
	state: {status: 'down', error: 'connection refused', retryAt: 0},
});
const lab = engine('lab');
const oneEngineState = initialState({endpoint: 'x', readOnly: false, now: 0});
const fleetState = fleetChanged([prod, db, lab])(oneEngineState);

describe('the engine chooser', () => {
	it('refuses a read-only engine, one out of reach and one still connecting, by name', () => {
		assert.equal(
			engineRefusal(prod),
			'prod is read-only: nothing on it is changed',
		);
		assert.equal(engineRefusal(db), 'db is unreachable: connection refused');
		assert.equal(
			engineRefusal(engine('new', {state: {status: 'connecting'}})),
			'new is still connecting',
		);
		assert.equal(engineRefusal(lab), undefined);
	});

	it('asks only in a fleet showing every engine', () => {
		assert.deepEqual(impliedEngine(oneEngineState), {engine: undefined});
		assert.equal(impliedEngine(fleetState), undefined);
		assert.deepEqual(impliedEngine(withUi(fleetState, {engine: 'lab'})), {
			engine: 'lab',
		});
	});

	it('opens on the first engine that can take the work', () => {
		const {dialog} = engineChoiceOpened('pull')(fleetState).ui;
		assert.ok(dialog?.kind === 'engine-choice');
		assert.deepEqual(dialog.names, ['prod', 'db', 'lab']);
		assert.equal(dialog.cursor, 2);
	});
});

describe('one engine of a fleet', () => {
	const labClient = new FakeDockerClient();
	const fleet = createFleetClient([
		{name: 'prod', client: new FakeDockerClient(), readOnly: true, cli: 'p'},
		{name: 'lab', client: labClient, readOnly: false, cli: 'docker -c lab'},
	]);

	it('is its own client, with its CLI words and the fleet’s ids for what it makes', () => {
		const target = oneEngine(fleet, 'lab');
		assert.equal(target.client, labClient);
		assert.equal(target.cli, 'docker -c lab');
		assert.equal(target.name, 'lab');
		assert.equal(target.listedId('abc'), 'abc~1');
	});

	it('is refused where read-only, or not of the fleet', () => {
		assert.throws(
			() => oneEngine(fleet, 'prod'),
			(error: unknown) =>
				error instanceof DockerError &&
				error.message.includes('prod is read-only'),
		);
		assert.throws(() => oneEngine(fleet, 'nope'), /nope is no engine/);
	});

	it('is the engine itself outside a fleet', () => {
		const single = new FakeDockerClient();
		const target = oneEngine(single, undefined);
		assert.equal(target.client, single);
		assert.equal(target.cli, 'docker');
		assert.equal(target.listedId('abc'), 'abc');
	});
});

describe('the build cache of a fleet', () => {
	const record = (id: string) => ({
		id,
		type: 'regular',
		description: id,
		size: 100,
		inUse: false,
		shared: false,
		lastUsedAt: 0,
	});

	it('lists each engine’s records apart, and removes each on its own engine', async () => {
		const lab = new FakeDockerClient();
		const prod = new FakeDockerClient();
		lab.buildCache = [record('r1')];
		prod.buildCache = [record('r1'), record('r2')];
		const fleet = createFleetClient([
			{name: 'lab', client: lab, readOnly: false, cli: 'docker'},
			{name: 'prod', client: prod, readOnly: false, cli: 'docker'},
		]);
		const usage = await fleet.diskUsage();
		assert.deepEqual(
			usage.buildCache.map(cache => cache.id),
			['r1~0', 'r1~1', 'r2~1'],
		);
		assert.equal(await fleet.removeBuildCache(['r1~1', 'r2~1']), 200);
		assert.deepEqual(
			prod.buildCache.map(cache => cache.id),
			[],
		);
		assert.deepEqual(
			lab.buildCache.map(cache => cache.id),
			['r1'],
		);
	});

	it('is refused on a read-only engine', async () => {
		const prod = new FakeDockerClient();
		prod.buildCache = [record('r1')];
		const fleet = createFleetClient([
			{name: 'prod', client: prod, readOnly: true, cli: 'docker'},
		]);
		await assert.rejects(fleet.removeBuildCache(['r1~0']), /prod is read-only/);
		assert.equal(prod.buildCache.length, 1);
	});
});
