import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	createServices,
	statusLifetimeMs,
} from '../../source/runtime/services.js';
import {statusShown} from '../../source/state/status.js';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';
import {ManualScheduler} from '../fakes/manual-scheduler.js';

describe('footer messages', () => {
	it('go about ten seconds after they were shown, a newer one keeping its own time', async () => {
		const clock = new ManualScheduler();
		const services = createServices({
			docker: new FakeDockerClient(),
			schedule: clock.schedule,
			now: clock.now,
		});
		const status = () => services.store.getState().status?.text;
		services.dispatch(statusShown('stopped web'));
		await clock.advance(statusLifetimeMs - 1);
		assert.equal(status(), 'stopped web');
		services.dispatch(statusShown('removed db'));
		await clock.advance(1);
		assert.equal(status(), 'removed db', 'the newer message stays');
		await clock.advance(statusLifetimeMs - 1);
		assert.equal(status(), undefined);
		services.dispose();
	});
});
