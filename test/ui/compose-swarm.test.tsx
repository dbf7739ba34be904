import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import type {ComposeInvocation} from '../../source/runtime/compose-command.js';
import type {
	ComposeExit,
	ComposeRunner,
} from '../../source/runtime/compose-runner.js';
import {composeLabels} from '../../source/state/compose-projects.js';
import {composedContainer} from '../fakes/fake-compose.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {
	fakeNode,
	fakeService,
	fakeTask,
	makeManager,
} from '../fakes/fake-swarm.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait-for.js';

/** A container of a shop project whose compose file is named relative to its working dir. */
function composed(
	name: string,
	project: string,
	service: string,
	fields: Partial<Parameters<typeof fakeContainer>[0]> = {},
) {
	return composedContainer(name, project, service, fields, {
		[composeLabels.configFiles]: 'compose.yml',
	});
}

const shopWeb = composed('shop-web-1', 'shop', 'web');
const shopDb = composed('shop-db-1', 'shop', 'db');
const shopJob = composed('shop-job-1', 'shop', 'job', {
	state: 'exited',
	status: 'Exited (0) 1 hour ago',
});
const loner = fakeContainer({name: 'loner'});

/** A compose runner that records what it was asked and prints what the test says, when it says. */
class FakeComposeRunner implements ComposeRunner {
	readonly runs: {
		invocation: ComposeInvocation;
		variables: Readonly<Record<string, string>>;
		signal: AbortSignal;
	}[] = [];

	program: Awaited<ReturnType<ComposeRunner['detect']>> = {
		kind: 'standalone',
		version: '1.29.2',
	};

	private print: ((lines: readonly string[]) => void) | undefined;
	private finish: ((exit: ComposeExit) => void) | undefined;

	readonly detect: ComposeRunner['detect'] = async () =>
		Promise.resolve(this.program);

	readonly run: ComposeRunner['run'] = async (invocation, options) => {
		this.runs.push({
			invocation,
			variables: options.variables,
			signal: options.signal,
		});
		this.print = options.onOutput;
		return new Promise(resolve => {
			this.finish = resolve;
			options.signal.addEventListener('abort', () => {
				resolve({code: undefined, signal: 'SIGTERM'});
			});
		});
	};

	output(...lines: string[]): void {
		this.print?.(lines);
	}

	exit(code: number): void {
		this.finish?.({code, signal: undefined});
	}
}

describe('Projects pane', () => {
	let app: ReturnType<typeof renderApp> | undefined;

	afterEach(async () => {
		await app?.unmount();
		app = undefined;
	});

	async function openProjects(runner = new FakeComposeRunner()) {
		const docker = new FakeDockerClient({
			containers: [shopWeb, shopDb, shopJob, loner],
		});
		app = renderApp({docker, composeRunner: runner, columns: 140});
		await app.waitForFrame(/loner/);
		await app.press('4');
		await app.waitForFrame(/4 Projects 1\/1/);
		return {app, docker, runner};
	}

	it('groups labelled containers by project: services, running/total, files', async () => {
		const {app} = await openProjects();
		const frame = app.lastFrame();
		assert.match(
			frame,
			/◐\s+shop\s+db, job, web\s+2\/3\s+compose\.yml\s+\/srv\/shop/,
		);
		assert.doesNotMatch(frame, /loner/);
	});

	it('restarts and stops a project’s running containers, leaving its stopped one; starts all when none runs', async () => {
		const {app, docker} = await openProjects();
		await app.press('r');
		await app.waitForFrame(
			/restarted 2: shop-db-1, shop-web-1; 1 not running, left as is: shop-job-1/,
		);
		assert.deepEqual(docker.actions.sort(), [
			'restart shop-db-1',
			'restart shop-web-1',
		]);
		docker.actions.length = 0;
		await app.press('s');
		await app.waitForFrame(/○\s+shop\s+.*0\/3/);
		assert.deepEqual(docker.actions.sort(), [
			'stop shop-db-1',
			'stop shop-web-1',
		]);
		assert.equal(docker.container('shop-job-1')?.state, 'exited');
		docker.actions.length = 0;
		await app.press('s');
		await app.waitForFrame(/●\s+shop\s+.*3\/3/);
		assert.equal(
			docker.actions.filter(action => action.startsWith('start')).length,
			3,
		);
	});

	it('removes the project’s containers after a confirm that lists them', async () => {
		const {app, docker} = await openProjects();
		await app.press('d');
		const confirm = await app.waitForFrame(/Remove 3 containers\?/);
		assert.match(
			confirm,
			/✗ shop-db-1 is running: stop it first, or press f to force/,
		);
		assert.match(confirm, /• shop-job-1 \(exited \(\d+\)\)\s+│/);
		await app.press('f');
		assert.match(
			await app.waitForFrame(/f force: on/),
			/• shop-db-1 \(running\)/,
		);
		await app.press('y');
		await app.waitForFrame(/no compose projects/);
		assert.equal(docker.container('shop-web-1'), undefined);
		assert.ok(docker.container('loner'), 'other containers stay');
	});

	it('l opens the merged logs of every service', async () => {
		const {app, docker} = await openProjects();
		docker.writeLog(shopWeb.id, [
			{
				stream: 'stdout',
				time: Date.parse('2026-11-28T12:00:00Z'),
				text: 'web says hi',
			},
		]);
		docker.writeLog(shopDb.id, [
			{
				stream: 'stdout',
				time: Date.parse('2026-11-28T12:00:01Z'),
				text: 'db is ready',
			},
		]);
		await app.press('l');
		const frame = await app.waitForFrame(
			text => text.includes('db is ready') && text.includes('web says hi'),
		);
		assert.match(frame, /Logs · project shop/);
		assert.match(frame, /shop-web-1\s+web says hi/);
	});

	it('U runs compose up with the recorded files and shows its output as it comes', async () => {
		const {app, runner} = await openProjects();
		await app.press('U');
		await app.waitForFrame(/compose up shop/);
		await waitFor(() => runner.runs.length === 1, {
			timeoutMs: 3000,
			message: 'compose never ran',
		});
		const [run] = runner.runs;
		assert.deepEqual(run?.invocation.args, [
			'--ansi',
			'never',
			'--project-name',
			'shop',
			'--file',
			'/srv/shop/compose.yml',
			'--project-directory',
			'/srv/shop',
			'up',
			'--detach',
		]);
		assert.deepEqual(run.variables, {DOCKER_HOST: 'unix:///fake/docker.sock'});
		runner.output('Creating shop_web_1 ... ', 'Creating shop_db_1 ... done');
		await app.waitForFrame(/Creating shop_db_1 \.\.\. done/);
		assert.match(app.lastFrame(), /running…/);
		runner.exit(0);
		await app.waitForFrame(/\bdone · j\/k scroll · Esc closes/);
		await app.press(keys.escape);
		await app.waitForFrame(/compose up shop: done/);
		await app.press('L');
		await app.waitForFrame(/✓ docker-compose --ansi never --project-name shop/);
	});

	it('Esc while compose runs stops it', async () => {
		const {app, runner} = await openProjects();
		await app.press('U');
		await waitFor(() => runner.runs.length === 1, {
			timeoutMs: 3000,
			message: 'compose never ran',
		});
		await app.press(keys.escape);
		await waitFor(() => runner.runs[0]?.signal.aborted === true, {
			timeoutMs: 3000,
			message: 'compose was not stopped',
		});
		await app.waitForFrame(/compose up shop: stopped/);
	});

	it('D asks first, v adds the volumes, y runs compose down --volumes', async () => {
		const {app, runner} = await openProjects();
		await app.press('D');
		let frame = await app.waitForFrame(/compose down shop\?/);
		assert.match(frame, /shop-web-1/);
		assert.match(frame, /also remove its volumes .*: no/);
		await app.press('n');
		await app.waitForFrame(/4 Projects/);
		assert.equal(runner.runs.length, 0, 'n ran nothing');
		await app.press('D', 'v');
		frame = await app.waitForFrame(/: YES/);
		assert.match(frame, /y yes, down with volumes/);
		await app.press('y');
		await waitFor(() => runner.runs.length === 1, {
			timeoutMs: 3000,
			message: 'compose down never ran',
		});
		assert.deepEqual(runner.runs[0]?.invocation.args.slice(-2), [
			'down',
			'--volumes',
		]);
		await app.waitForFrame(/compose down --volumes shop/);
	});

	it('keeps a project taken down listed, so that U brings it back', async () => {
		const {app, docker, runner} = await openProjects();
		await app.press('D', 'y');
		await waitFor(() => runner.runs.length === 1, {
			timeoutMs: 3000,
			message: 'compose down never ran',
		});
		for (const container of [shopWeb, shopDb, shopJob]) {
			docker.deleteContainer(container.id);
			docker.emit({type: 'container', id: container.id, action: 'destroy'});
		}

		runner.exit(0);
		await app.waitForFrame(/\bdone · j\/k scroll/);
		await app.press(keys.escape);
		await app.waitForFrame(/○\s+shop\s+db, job, web\s+down/);
		await app.press('r');
		await app.waitForFrame(/shop is down: U brings it back up/);
		await app.press('U');
		await waitFor(() => runner.runs.length === 2, {
			timeoutMs: 3000,
			message: 'compose up never ran',
		});
		assert.deepEqual(runner.runs[1]?.invocation.args.slice(-2), [
			'up',
			'--detach',
		]);
	});

	it('says clearly when no compose program is installed', async () => {
		const runner = new FakeComposeRunner();
		runner.program = undefined;
		const {app} = await openProjects(runner);
		await app.press('U');
		await app.waitForFrame(
			/neither `docker compose` nor `docker-compose` is installed/,
		);
		assert.equal(runner.runs.length, 0);
		await app.press('D', 'y');
		await app.waitForFrame(
			/neither `docker compose` nor `docker-compose` is installed/,
		);
	});

	it('says when the engine cannot be passed on to compose', async () => {
		const runner = new FakeComposeRunner();
		const {app, docker} = await openProjects(runner);
		docker.cli = {ok: false, reason: 'compose cannot reach tcp://prod:2376'};
		await app.press('U');
		await app.waitForFrame(/compose cannot reach tcp:\/\/prod:2376/);
		assert.equal(runner.runs.length, 0);
	});
});

describe('Swarm panes', () => {
	let app: ReturnType<typeof renderApp> | undefined;

	afterEach(async () => {
		await app?.unmount();
		app = undefined;
	});

	const web = fakeService({
		name: 'web',
		running: 2,
		desired: 2,
		image: 'busybox:1.36@sha256:0123abcd',
	});
	const agent = fakeService({name: 'agent', mode: 'global'});
	const vm = fakeNode({hostname: 'vm'});
	const worker = fakeNode({
		hostname: 'worker-1',
		role: 'worker',
		managerStatus: '',
	});

	it('are not there on an engine outside a Swarm', async () => {
		app = renderApp();
		await app.waitForFrame(/connected/);
		await app.press('9');
		await app.waitForFrame(/the Services pane needs a Swarm manager/);
		assert.doesNotMatch(app.lastFrame(), /9 Services/);
	});

	async function openServices() {
		const docker = new FakeDockerClient();
		makeManager(docker, {
			services: [web, agent],
			tasks: [
				fakeTask(web, 1, {nodeId: vm.id}),
				fakeTask(web, 2, {nodeId: worker.id}),
				fakeTask(web, 1, {
					nodeId: vm.id,
					id: 'web-old-task',
					desiredState: 'shutdown',
					state: 'failed',
					error: 'task: non-zero exit (1)',
				}),
			],
			nodes: [vm, worker],
		});
		app = renderApp({docker, columns: 140});
		await app.waitForFrame(/connected/);
		await app.press('9');
		await app.waitForFrame(/9 Services 1\/2/);
		await app.press('j');
		return {app, docker};
	}

	it('shows services with replicas and the selected one’s tasks below', async () => {
		const {app} = await openServices();
		const frame = await app.waitForFrame(/Tasks of web/);
		assert.match(frame, /agent\s+global\s+1\/1/);
		assert.match(frame, /web\s+replicated\s+2\/2\s+busybox:1\.36\s/);
		assert.match(frame, /web\.1\s+web-task-1\s+vm\s+running\s+Running/);
		assert.match(frame, /web\.2\s+web-task-2\s+worker-1\s+running/);
		assert.match(
			frame,
			/\\_ web\.1.*shutdown\s+Failed.*task: non-zero exit \(1\)/,
		);
		// As `docker service ps`: a slot's replaced tasks right under its newest one.
		assert.match(frame, /│ web\.1 [^\n]*\n│ {2}\\_ web\.1 [^\n]*\n│ web\.2 /);
	});

	it('s scales a service to the number typed', async () => {
		const {app, docker} = await openServices();
		await app.press('s');
		await app.waitForFrame(/Scale web/);
		await app.press(keys.backspace, 'x', '5', keys.enter);
		await app.waitForFrame(/scaled web to 5/);
		await app.waitForFrame(/web\s+replicated\s+2\/5/);
		assert.deepEqual(docker.actions, ['service scale web=5']);
		await app.press('L');
		await app.waitForFrame(/✓ docker service scale web=5/);
	});

	it('refuses to scale a global service', async () => {
		const {app} = await openServices();
		await app.press('k', 's');
		await app.waitForFrame(
			/agent is a global service: it has no replica count/,
		);
	});

	it('d removes a service after asking', async () => {
		const {app, docker} = await openServices();
		await app.press('d');
		const dialog = await app.waitForFrame(/Remove service web\?/);
		// The image is not removed with the service: the dialog never lists it as if it were.
		assert.match(dialog, /• its image busybox:1\.36 stays \(not removed\)/);
		assert.doesNotMatch(dialog, /• image /);
		await app.press('y');
		await app.waitForFrame(/removed web/);
		await app.waitForFrame(/9 Services 1\/1/);
		assert.deepEqual(docker.actions, ['service rm web']);
	});

	it('l follows the service’s logs', async () => {
		const {app, docker} = await openServices();
		const time = Date.parse('2026-11-28T12:00:00Z');
		docker.writeLog(web.id, [
			{stream: 'stdout', time, text: 'from a task', taskId: 'web-task-1'},
			{stream: 'stdout', time, text: 'from another', taskId: 'web-task-2'},
			{
				stream: 'stdout',
				time,
				text: 'from a new one',
				taskId: 'k3xq9zw1v2u7r8',
			},
		]);
		await app.press('l');
		const frame = await app.waitForFrame(/from a new one/);
		assert.match(frame, /Logs · service web/);
		// A task column, as `docker service logs` has; a task not listed yet goes by its id.
		assert.match(frame, /│ web\.1 +from a task/);
		assert.match(frame, /│ web\.2 +from another/);
		assert.match(frame, /│ k3xq… +from a new one/);
		assert.equal(docker.calls.serviceLogs, 1);
	});

	it('the Nodes pane shows each node; D drains or activates it after asking', async () => {
		const {app, docker} = await openServices();
		await app.press('0');
		const frame = await app.waitForFrame(/0 Nodes 1\/2/);
		assert.match(frame, /vm\s+manager\s+active\s+ready\s+20\.10\.24\s+leader/);
		assert.match(frame, /worker-1\s+worker\s+active\s+ready/);
		await app.press('D');
		await app.waitForFrame(
			/Drain node vm\?[\s\S]*moves them to 1 other active node/,
		);
		await app.press('y');
		await app.waitForFrame(/vm is now drain/);
		await app.waitForFrame(/vm\s+manager\s+drain/);
		await app.press('D');
		await app.waitForFrame(/Make node vm active\?/);
		await app.press('y');
		await app.waitForFrame(/vm\s+manager\s+active/);
		assert.deepEqual(docker.actions, [
			'node update --availability drain vm',
			'node update --availability active vm',
		]);
	});

	it('read-only mode refuses scale, remove and drain', async () => {
		const docker = new FakeDockerClient();
		makeManager(docker, {services: [web], nodes: [vm]});
		app = renderApp({docker, readOnly: true});
		await app.waitForFrame(/connected/);
		await app.press('9');
		await app.waitForFrame(/9 Services 1\/1/);
		await app.press('s');
		await app.waitForFrame(/read-only mode: "Scale/);
		await app.press('0', 'D');
		await app.waitForFrame(/read-only mode: "Drain/);
		assert.deepEqual(docker.actions, []);
	});
});
