import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {
	FakeDockerClient,
	fakeContainer,
	fakeSample,
	numberedContainers,
} from '../fakes/fake-docker-client.js';
import {lineWith, namesInOrder} from '../helpers/frame.js';
import {cgroupMeasurement} from '../fakes/cgroup-samples.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait-for.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

const alpha = fakeContainer({name: 'alpha'});
const bravo = fakeContainer({name: 'bravo'});
const charlie = fakeContainer({name: 'charlie'});
const stopped = fakeContainer({
	name: 'delta',
	state: 'exited',
	status: 'Exited (0) 1 hour ago',
});

/** Waits until the fake engine has a stats stream open for each id. */
async function streamsOpen(
	docker: FakeDockerClient,
	...ids: string[]
): Promise<void> {
	await waitFor(() => ids.every(id => docker.openStatsStreams.includes(id)), {
		timeoutMs: 3000,
		message: `no stats streams for ${ids.join(', ')}`,
	});
}

describe('resource figures from the engine API', () => {
	it('shows a dash until a figure is known, then CPU, memory against its limit and the limits', async () => {
		const docker = new FakeDockerClient({
			containers: [alpha, bravo, stopped],
		});
		docker.limits.set(alpha.id, {
			cpus: 0.5,
			memory: 64 * 1024 * 1024,
			pids: 100,
		});
		app = renderApp({docker});
		await app.waitForFrame('alpha');
		await app.press('3');
		await streamsOpen(docker, alpha.id, bravo.id);
		docker.pushStats(
			alpha.id,
			fakeSample({cpuPercent: undefined, memoryUsage: 16 * 1024 * 1024}),
		);
		const first = await app.waitForFrame(frame =>
			lineWith(frame, 'alpha').includes('16MiB'),
		);
		assert.match(lineWith(first, 'alpha'), /alpha\s+–/, 'no made-up CPU');
		docker.pushStats(
			alpha.id,
			fakeSample({
				cpuPercent: 45.25,
				memoryUsage: 32 * 1024 * 1024,
				pids: 7,
				pidsLimit: 100,
				cpuPeriods: 100,
				cpuThrottledPeriods: 50,
			}),
		);
		const row = lineWith(
			await app.waitForFrame(frame =>
				lineWith(frame, 'alpha').includes('45.3%'),
			),
			'alpha',
		);
		assert.match(row, /45\.3%\s+0\.5·90\.5%/);
		assert.match(row, /32MiB\s+64MiB·50\.0%/);
		assert.match(row, /7\/100/);
		assert.doesNotMatch(
			app.lastFrame(),
			/delta/,
			'a stopped container has no figures',
		);
	});

	it('shows the same figures as columns in the Containers pane', async () => {
		const docker = new FakeDockerClient({containers: [alpha, bravo]});
		app = renderApp({docker});
		await app.waitForFrame('alpha');
		await streamsOpen(docker, alpha.id);
		docker.pushStats(alpha.id, fakeSample({cpuPercent: 12.5}));
		await app.waitForFrame(frame =>
			/alpha.*12\.5%\s+47\.7MiB/.test(lineWith(frame, 'alpha')),
		);
	});

	it('sorts by CPU, busiest first, keeps ties in name order, and reverses on a second press', async () => {
		const docker = new FakeDockerClient({containers: [alpha, bravo, charlie]});
		app = renderApp({docker});
		await app.waitForFrame('charlie');
		await streamsOpen(docker, alpha.id, bravo.id, charlie.id);
		docker.pushStats(alpha.id, fakeSample({cpuPercent: 5}));
		docker.pushStats(bravo.id, fakeSample({cpuPercent: 80}));
		docker.pushStats(charlie.id, fakeSample({cpuPercent: 5}));
		await app.waitForFrame(frame => lineWith(frame, 'bravo').includes('80.0%'));
		await app.press('C');
		const order = (frame: string) =>
			namesInOrder(frame, ['alpha', 'bravo', 'charlie']);
		await app.waitForFrame(
			frame => order(frame).join() === 'bravo,alpha,charlie',
		);
		// New samples with the same figures must not swap the tied rows.
		docker.pushStats(charlie.id, fakeSample({cpuPercent: 5}));
		docker.pushStats(alpha.id, fakeSample({cpuPercent: 5}));
		await app.waitForFrame(
			frame => order(frame).join() === 'bravo,alpha,charlie',
		);
		assert.match(app.lastFrame(), /Containers \d\/3 · by CPU ↓/);
		await app.press('C');
		await app.waitForFrame(
			frame => order(frame).join() === 'alpha,charlie,bravo',
		);
		assert.match(app.lastFrame(), /by CPU ↑/);
		await app.press('N');
		await app.waitForFrame(
			frame => order(frame).join() === 'alpha,bravo,charlie',
		);
		assert.doesNotMatch(app.lastFrame(), / by (CPU|name)/);
	});

	it('opens streams only for the rows on screen, never more than the cap, and closes them as rows scroll away', async () => {
		const many = numberedContainers('svc', 300);
		const docker = new FakeDockerClient({containers: many});
		app = renderApp({docker, rows: 24});
		await app.waitForFrame('svc-000');
		const first = many[0]!.id;
		const last = many[299]!.id;
		await streamsOpen(docker, first);
		assert.ok(docker.openStatsStreams.length <= 24);
		assert.ok(!docker.openStatsStreams.includes(last));
		await app.press('G');
		await app.waitForFrame('svc-299');
		await streamsOpen(docker, last);
		await waitFor(() => !docker.openStatsStreams.includes(first), {
			timeoutMs: 3000,
			message: 'the stream of a row that scrolled away stayed open',
		});
		assert.ok(docker.openStatsStreams.length <= 24);
		assert.equal(
			new Set(docker.openStatsStreams).size,
			docker.openStatsStreams.length,
			'two streams for one container',
		);
	});

	it('a stats burst for 500 off-screen containers does not touch what is on screen', async () => {
		const many = numberedContainers('job', 520);
		const docker = new FakeDockerClient({containers: many});
		app = renderApp({docker, rows: 24});
		await app.waitForFrame('job-000');
		const onScreen = many[0]!.id;
		await streamsOpen(docker, onScreen);
		const framesBefore = app.frameCount();
		for (const container of many.slice(20)) {
			docker.pushStats(container.id, fakeSample({cpuPercent: 99}));
		}

		docker.pushStats(onScreen, fakeSample({cpuPercent: 1}));
		await app.waitForFrame(frame =>
			lineWith(frame, 'job-000').includes('1.0%'),
		);
		const measured = [...app.services.store.getState().resources.byId.keys()];
		assert.ok(measured.every(id => many.slice(0, 24).some(c => c.id === id)));
		assert.ok(
			app.frameCount() - framesBefore < 10,
			`${app.frameCount() - framesBefore} frames for one visible change`,
		);
	});

	it('counts OOM kills from the engine’s events when no cgroup can be read', async () => {
		const docker = new FakeDockerClient({containers: [alpha]});
		app = renderApp({docker});
		await app.waitForFrame('alpha');
		await app.press('3');
		await streamsOpen(docker, alpha.id);
		docker.emit({type: 'container', id: alpha.id, action: 'oom'});
		docker.pushStats(alpha.id, fakeSample({cpuPercent: 1}));
		await app.waitForFrame(frame => /\s1\s*│$/.test(lineWith(frame, 'alpha')));
	});

	it('the Resources pane title sums the figures against the host', async () => {
		const docker = new FakeDockerClient({containers: [alpha, bravo]});
		app = renderApp({docker});
		await app.waitForFrame('alpha');
		await app.press('3');
		await streamsOpen(docker, alpha.id, bravo.id);
		docker.pushStats(
			alpha.id,
			fakeSample({cpuPercent: 30, memoryUsage: 1024 * 1024}),
		);
		docker.pushStats(
			bravo.id,
			fakeSample({cpuPercent: 20, memoryUsage: 1024 * 1024}),
		);
		await app.waitForFrame(
			/CPU 50\.0% of 400% · MEM 2MiB of 7\.45GiB · engine API/,
		);
		await app.press(keys.escape);
	});
});

describe('resource figures from cgroup files', () => {
	it('says in the header that figures are limited by the open-files limit, at 80 columns', async () => {
		const docker = new FakeDockerClient({containers: [alpha, bravo]});
		docker.cgroupMeter = {
			description: 'cgroup v2',
			// Out of descriptors after the first container.
			measure: ids =>
				new Map(
					ids
						.slice(0, 1)
						.map(id => [
							id,
							cgroupMeasurement(Date.now(), {memoryUsage: 16 * 1024 * 1024}),
						]),
				),
			outOfFiles: () => ({limit: 1024}),
			close() {
				// Nothing to release.
			},
		};
		app = renderApp({docker, columns: 80, rows: 24});
		const frame = await app.waitForFrame(
			text =>
				text.includes('figures limited: open-files limit 1024') &&
				lineWith(text, 'alpha').includes('16MiB'),
		);
		assert.match(
			frame,
			/● connected {2}figures limited: open-files limit 1024/,
		);
	});
});
