import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {
	FakeDockerClient,
	fakeContainer,
	fakeSample,
} from '../fakes/fake-docker-client.js';
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
