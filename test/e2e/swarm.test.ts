import assert from 'node:assert/strict';
import {afterEach, before, describe, it} from 'node:test';
import {launchDockmate} from '../helpers/dockmate.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {startSwarmDaemon} from '../helpers/swarm-daemon.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:swarm';

describe('Swarm on a real single-node manager', {timeout: 300_000}, () => {
	const daemon = engineFixture({image, start: startSwarmDaemon});
	let screen: TmuxSession | undefined;

	/** `running/desired` of a service, as the docker CLI counts them. */
	const replicas = async (name: string): Promise<string> =>
		daemon.dockerOk([
			'service',
			'ls',
			'--filter',
			`name=${name}`,
			'--format',
			'{{.Replicas}}',
		]);

	/** Creates a service of `image` that sleeps; no registry can be reached, so the tag is used as it is. */
	const createService = async (name: string): Promise<void> => {
		await daemon.dockerOk([
			'service',
			'create',
			'--detach',
			'--no-resolve-image',
			'--name',
			name,
			image,
			'sleep',
			'600',
		]);
	};

	before(async () => {
		await createService('dmweb');
		await waitFor(async () => (await replicas('dmweb')) === '1/1', {
			timeoutMs: 60_000,
			message: 'the service never ran its task',
		});
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	it('lists the service with its replicas and tasks, and scales it to 2', async () => {
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('● connected');
		await screen.sendKeys('9');
		await screen.waitForText(
			/dmweb\s+replicated\s+1\/1\s+dockmate-e2e\/busybox:swarm/,
		);
		await screen.waitForText(
			/Tasks of dmweb[\s\S]*dmweb\.1\s+\S+\s+\S+\s+running\s+Running/,
		);

		await screen.sendKeys('s');
		await screen.waitForText(/Scale dmweb[\s\S]*replicas: 1/);
		await screen.sendKeys('BSpace', '2', 'Enter');
		await screen.waitForText('scaled dmweb to 2');
		assert.equal(
			await daemon.dockerOk([
				'service',
				'inspect',
				'--format',
				'{{.Spec.Mode.Replicated.Replicas}}',
				'dmweb',
			]),
			'2',
		);
		await waitFor(async () => (await replicas('dmweb')) === '2/2', {
			timeoutMs: 60_000,
			message: 'the second replica never ran',
		});
		// The task's start is no service event: the pane learns it while it is on screen.
		await screen.waitForText(/dmweb\s+replicated\s+2\/2/, 30_000);
		await screen.waitForText(/dmweb\.2\s+\S+\s+\S+\s+running\s+Running/);
	});

	it('names each line of a service’s logs by its task, and shows a finished job’s task as its main row', async () => {
		await daemon.dockerOk([
			...['service', 'create', '--detach', '--no-resolve-image'],
			...['--name', 'dmlog', '--replicas', '2', image],
			...['sh', '-c', 'echo hello from $(hostname); sleep 600'],
		]);
		await waitFor(async () => (await replicas('dmlog')) === '2/2', {
			timeoutMs: 60_000,
			message: 'the service never ran its tasks',
		});
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('● connected');
		await screen.sendKeys('9');
		await screen.waitForText(
			/Tasks of dmlog[\s\S]*dmlog\.2\s+\S+\s+\S+\s+running/,
		);
		await screen.sendKeys('l');
		const logs = await screen.waitForText(
			/│ dmlog\.1 +hello from[\s\S]*│ dmlog\.2 +hello from|│ dmlog\.2 +hello from[\s\S]*│ dmlog\.1 +hello from/,
		);
		assert.match(logs, /Logs · service dmlog/);
		await screen.sendKeys('Escape');

		await daemon.dockerOk(['service', 'rm', 'dmlog']);

		// As `docker service ps`: a job's finished task (named by its node) is its main row, not history.
		await daemon.dockerOk([
			...['service', 'create', '--detach', '--no-resolve-image'],
			...['--name', 'dmjob', '--mode', 'replicated-job', image, 'true'],
		]);
		await screen.waitForText(/│ dmjob\s+repl\. job/);
		await screen.sendKeys('k');
		const job = await screen.waitForText(
			/Tasks of dmjob[\s\S]*│ dmjob\.\S+\s+\S+\s+\S+\s+complete\s+Complete/,
			30_000,
		);
		assert.doesNotMatch(job, /\\_ dmjob/);
		await daemon.dockerOk(['service', 'rm', 'dmjob']);
	});

	it('d removes a service and its tasks; its image stays, and the dialog says so', async () => {
		await createService('dmgone');
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('● connected');
		await screen.sendKeys('9');
		await screen.waitForText(/dmgone\s+replicated/);
		await screen.sendKeys('/', ...Array.from('dmgone'), 'Enter');
		await screen.waitForText(/9 Services 1\/1/);
		await screen.sendKeys('d');
		const dialog = await screen.waitForText(/Remove service dmgone\?/);
		assert.match(
			dialog,
			/• its image dockmate-e2e\/busybox:swarm stays \(not removed\)/,
		);
		assert.doesNotMatch(dialog, /• image /);
		await screen.sendKeys('y');
		await waitFor(
			async () =>
				(await daemon.docker(['service', 'inspect', 'dmgone'])).code !== 0,
			{timeoutMs: 15_000, message: 'the service was not removed'},
		);
		assert.equal(
			(await daemon.docker(['image', 'inspect', image])).code,
			0,
			'the image went with the service',
		);
	});

	it('the Nodes pane shows the manager', async () => {
		const hostname = await daemon.dockerOk([
			'node',
			'ls',
			'--format',
			'{{.Hostname}}',
		]);
		screen = await launchDockmate({host: daemon.host, columns: 140});
		await screen.waitForText('● connected');
		await screen.sendKeys('0');
		await screen.waitForText(
			new RegExp(
				`0 Nodes 1/1[\\s\\S]*${hostname}\\s+manager\\s+active\\s+ready\\s+\\S+\\s+leader`,
			),
		);
	});
});
