import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {createServices, type Services} from '../../source/runtime/services.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {ManualScheduler, settler} from '../fakes/manual-scheduler.js';

const settle = settler(3);
const web = fakeContainer({name: 'web'});
const started: Services[] = [];

function startServices(fake: FakeDockerClient, docker = fake.with({})) {
	const clock = new ManualScheduler({settle});
	const services = createServices({
		docker,
		schedule: clock.schedule,
		now: clock.now,
	});
	void services.start();
	started.push(services);
	return {services, clock};
}

/** Whether `promise` has settled once pending reactions ran. */
async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
	let settled = false;
	void promise.then(() => {
		settled = true;
	});
	await settle();
	return settled;
}

afterEach(() => {
	for (const services of started.splice(0)) {
		services.dispose();
	}
});

describe('firstList', () => {
	it('resolves as soon as the containers are listed', async () => {
		const {services} = startServices(new FakeDockerClient({containers: [web]}));
		assert.equal(await hasSettled(services.firstList(300)), true);
		assert.equal(services.store.getState().containers.loaded, true);
	});

	it('resolves when the engine is found down', async () => {
		const fake = new FakeDockerClient({containers: [web]});
		fake.disconnect();
		const {services} = startServices(fake);
		assert.equal(await hasSettled(services.firstList(300)), true);
		assert.equal(services.store.getState().connection.status, 'down');
	});

	it('gives up waiting after the timeout while the list is slow', async () => {
		const fake = new FakeDockerClient({containers: [web]});
		const {services, clock} = startServices(
			fake,
			fake.with({listContainers: async () => new Promise(() => undefined)}),
		);
		const waiting = services.firstList(300);
		assert.equal(await hasSettled(waiting), false);
		await clock.advance(299);
		assert.equal(await hasSettled(waiting), false);
		await clock.advance(1);
		assert.equal(await hasSettled(waiting), true);
		assert.equal(services.store.getState().containers.loaded, false);
	});
});
