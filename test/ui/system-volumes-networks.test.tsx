import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {DockerError} from '../../source/docker/errors.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
	fakeNetwork,
	fakeVolume,
} from '../fakes/fake-docker-client.js';
import {body, footer, lineWith, namesInOrder} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp, selectRow} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait-for.js';

const mb = 1_000_000;

const web = fakeContainer({
	name: 'web',
	imageId: 'sha256:web',
	volumes: ['pgdata'],
	networks: ['backend'],
});
const job = fakeContainer({
	name: 'job',
	state: 'exited',
	status: 'Exited (0) 2 hours ago',
	volumes: ['pgdata', 'logs'],
	networks: ['jobs'],
});
const anonymous = 'f'.repeat(64);

/** An engine with volumes and networks: some in use by a running and a stopped container. */
function engine(): FakeDockerClient {
	const docker = new FakeDockerClient({
		containers: [web, job],
		images: [
			fakeImage({id: 'sha256:web', tags: ['web:1'], size: 120 * mb}),
			fakeImage({id: 'sha256:old', tags: ['old:1'], size: 40 * mb}),
		],
	});
	docker.volumes = [
		fakeVolume({name: 'pgdata', size: 52 * mb, refCount: 2}),
		fakeVolume({name: 'logs', size: 3 * mb, refCount: 1}),
		fakeVolume({name: 'spare', size: 7 * mb, refCount: 0}),
		fakeVolume({name: anonymous, size: 0, refCount: 0}),
	];
	docker.networks = [
		fakeNetwork({name: 'bridge', subnets: ['172.17.0.0/16']}),
		fakeNetwork({name: 'backend', subnets: ['10.9.0.0/24']}),
		fakeNetwork({name: 'jobs'}),
		fakeNetwork({name: 'idle', internal: true}),
	];
	docker.containerSizes = new Map([
		[web.id, 2 * mb],
		[job.id, 5 * mb],
	]);
	return docker;
}

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

/** Opens the app on `docker` and, once connected, the pane of `key`. */
async function openPane(
	key: string,
	docker: FakeDockerClient,
	readOnly = false,
) {
	app = renderApp({docker, columns: 100, rows: 30, readOnly});
	await app.waitForFrame('● connected');
	await app.press(key);
	return app;
}

/** The categories the open prune dialog has chosen. */
function pruneChoice(current: ReturnType<typeof renderApp>): string[] {
	const {dialog} = current.services.store.getState().ui;
	assert.ok(dialog?.kind === 'prune', 'the prune dialog is open');
	return [...dialog.categories];
}

describe('the Volumes pane', () => {
	it('5 lists volumes with the containers that mount them and, once measured, their sizes', async () => {
		const current = await openPane('5', engine());
		const frame = await current.waitForFrame(
			frame =>
				frame.includes('5 Volumes') &&
				lineWith(frame, / pgdata /).includes('52MB'),
		);
		assert.match(lineWith(frame, / pgdata /), /local\s+52MB\s+\S+\s+job, web/);
		assert.match(lineWith(frame, / logs /), /3MB\s+\S+\s+job\s/);
		assert.match(lineWith(frame, / spare /), /7MB\s+\S+\s+-/);
		assert.match(frame, /ffffffffffff \(anonymous\)/);
		assert.doesNotMatch(frame, /f{13}/, 'anonymous names are shortened');
		assert.equal(
			current.docker.calls.diskUsage,
			1,
			'sizes are measured once, on opening',
		);
	});

	it('follows volume events: one created or removed elsewhere shows at once', async () => {
		const docker = engine();
		const current = await openPane('5', docker);
		await current.waitForFrame(' spare ');
		docker.volumes = [
			...docker.volumes.filter(volume => volume.name !== 'spare'),
			fakeVolume({name: 'fresh'}),
		];
		docker.emit({type: 'volume', id: 'fresh', action: 'create'});
		const frame = await current.waitForFrame(' fresh ');
		assert.doesNotMatch(frame, / spare /);
	});

	it('d refuses a volume in use in the dialog, naming its containers, even forced', async () => {
		const docker = engine();
		const current = await openPane('5', docker);
		await current.waitForFrame(' pgdata ');
		await selectRow(current, 'volumes', 'pgdata');
		await current.press('d');
		const dialog = await current.waitForFrame(
			/Remove 1 volume\?[\s\S]*✗ pgdata is used by job, web: remove them first/,
		);
		assert.match(dialog, /nothing here can be removed/);
		assert.doesNotMatch(dialog, /force:/, 'force would not help');
		await current.press('f', 'y');
		const frame = await current.waitForFrame('refused:');
		assert.match(
			footer(frame),
			/refused: pgdata is used by job, web: remove them first/,
		);
		assert.deepEqual(docker.actions, []);
	});

	it('d removes an unused volume after y, logging docker volume rm', async () => {
		const docker = engine();
		const current = await openPane('5', docker);
		await current.waitForFrame(' spare ');
		await selectRow(current, 'volumes', 'spare');
		await current.press('d');
		await current.waitForFrame('Remove 1 volume?');
		await current.press('y');
		await current.waitForFrame(frame => !body(frame).includes(' spare '));
		assert.deepEqual(docker.actions, ['volume rm spare']);
		await current.press('L');
		await current.waitForFrame('✓ docker volume rm spare');
	});

	it('marks: Space marks unused volumes and d removes them together', async () => {
		const docker = engine();
		const current = await openPane('5', docker);
		await current.waitForFrame(' spare ');
		await selectRow(current, 'volumes', 'spare');
		await current.press(' ', ' ', 'd');
		await current.waitForFrame('Remove 2 volumes?');
		await current.press('y');
		await waitFor(() => docker.actions.length === 2, {
			timeoutMs: 3000,
			message: `two removals, got ${docker.actions.join(', ')}`,
		});
		assert.deepEqual(
			[...docker.actions].sort(),
			[`volume rm ${anonymous}`, 'volume rm spare'].sort(),
		);
	});

	it('n creates a volume from a small form and selects it', async () => {
		const docker = engine();
		const current = await openPane('5', docker);
		await current.waitForFrame(' spare ');
		await current.press('n');
		await current.waitForFrame('Create a volume');
		await current.type('a');
		await current.press(keys.enter, keys.enter);
		await current.waitForFrame(/✕ two or more of letters, digits/);
		assert.deepEqual(docker.actions, [], 'nothing is created on a bad name');
		await current.type('cache');
		await current.press(keys.enter, keys.enter);
		const frame = await current.waitForFrame('created volume acache');
		assert.deepEqual(docker.actions, ['volume create local acache']);
		assert.equal(
			current.services.store.getState().ui.selection.volumes,
			'acache',
		);
		assert.match(frame, / acache /);
		await current.press('L');
		await current.waitForFrame('✓ docker volume create acache');
	});

	it('i shows a volume’s details: its mountpoint and who uses it', async () => {
		const current = await openPane('5', engine());
		await current.waitForFrame(' logs ');
		await selectRow(current, 'volumes', 'logs');
		await current.press('i');
		const frame = await current.waitForFrame('/var/lib/docker/volumes/logs');
		assert.match(frame, /Used by \(1\)[\s\S]*job/);
	});
});

describe('the Networks pane', () => {
	it('6 lists networks: driver, scope, subnet and the containers attached', async () => {
		const current = await openPane('6', engine());
		const frame = await current.waitForFrame('6 Networks');
		assert.match(
			lineWith(frame, / backend /),
			/backend\s+bridge\s+local\s+10\.9\.0\.0\/24\s+web/,
		);
		assert.match(lineWith(frame, / jobs /), /jobs\s+bridge\s+local\s+-\s+job/);
		assert.match(frame, /idle \(internal\)/);
		const rows = frame.split('\n');
		const row = (name: string): number =>
			rows.findIndex(line => line.startsWith(`│    ${name} `));
		const names = ['backend', 'idle', 'jobs', 'bridge'];
		assert.deepEqual(
			[...names].sort((a, b) => row(a) - row(b)),
			names,
			'user networks by name, the engine’s own last',
		);
	});

	it('d refuses the engine’s own networks and those with running containers', async () => {
		const docker = engine();
		const current = await openPane('6', docker);
		await current.waitForFrame(' bridge ');
		await selectRow(current, 'networks', docker.networks[0]!.id);
		await current.press('d', 'y');
		await current.waitForFrame(
			/refused: bridge comes with the engine and cannot be removed/,
		);
		await current.press(keys.escape);
		await selectRow(current, 'networks', docker.networks[1]!.id);
		await current.press('d');
		await current.waitForFrame(
			'✗ backend has running web attached: stop or disconnect it first',
		);
		await current.press('f', 'y');
		await current.waitForFrame(
			/refused: backend has running web attached: stop or disconnect it first/,
		);
		assert.deepEqual(docker.actions, []);
	});

	it('d on the Swarm’s ingress or docker_gwbridge says why up front and offers no y', async () => {
		const docker = engine();
		docker.networks = [
			fakeNetwork({
				name: 'ingress',
				driver: 'overlay',
				scope: 'swarm',
				isIngress: true,
			}),
			fakeNetwork({name: 'docker_gwbridge'}),
		];
		const current = await openPane('6', docker);
		await current.waitForFrame(' docker_gwbridge ');
		for (const [network, why] of [
			[
				docker.networks[0]!,
				"✗ ingress is the Swarm's routing mesh: services with published ports need it",
			],
			[
				docker.networks[1]!,
				'✗ docker_gwbridge links Swarm containers to this host: the engine manages it',
			],
		] as const) {
			await selectRow(current, 'networks', network.id);
			await current.press('d');
			const dialog = await current.waitForFrame('Remove 1 network?');
			assert.ok(dialog.includes(why), dialog);
			assert.doesNotMatch(body(dialog), /y yes/);
			assert.match(body(dialog), /n\/Esc cancel/);
			// Forcing cannot help against the engine's own networks: the dialog does not offer it.
			assert.doesNotMatch(body(dialog), /f force/);
			await current.press('y');
			await current.waitForFrame(frame => footer(frame).startsWith('refused:'));
			await current.press(keys.escape);
			await current.waitForFrame(frame => !frame.includes('Remove 1 network?'));
		}

		assert.deepEqual(docker.actions, []);
		assert.equal(docker.calls.removeNetwork, 0);
	});

	it('d on a network of stopped containers takes f; then it goes', async () => {
		const docker = engine();
		const current = await openPane('6', docker);
		await current.waitForFrame(' jobs ');
		const jobs = docker.networks[2]!;
		await selectRow(current, 'networks', jobs.id);
		await current.press('d', 'y');
		await current.waitForFrame(
			/refused: jobs is attached to stopped job: press f/,
		);
		await current.press('f', 'y');
		await current.waitForFrame(frame => !body(frame).includes(' jobs '));
		assert.deepEqual(docker.actions, [`network rm ${jobs.id}`]);
	});

	it('n creates a network: a subnet with host bits is refused on its field first', async () => {
		const docker = engine();
		const current = await openPane('6', docker);
		await current.waitForFrame(' idle ');
		await current.press('n');
		await current.waitForFrame('Create a network');
		await current.type('front');
		await current.press(keys.tab, keys.tab);
		await current.type('10.20.0.1/16');
		await current.press(keys.tab, ' ');
		await current.waitForFrame(/Internal\s+‹ yes ›/);
		await current.press(keys.enter);
		await current.waitForFrame(
			'✕ 10.20.0.1/16 has host bits set: the subnet is 10.20.0.0/16',
		);
		assert.deepEqual(docker.actions, []);
		await current.press(
			keys.backspace,
			keys.backspace,
			keys.backspace,
			keys.backspace,
		);
		await current.type('0/16');
		await current.press('\u0007');
		await current.waitForFrame('created network front');
		assert.deepEqual(docker.actions, [
			'network create bridge front 10.20.0.0/16 internal',
		]);
		const frame = await current.waitForFrame(' front (internal) ');
		assert.match(lineWith(frame, / front /), /10\.20\.0\.0\/16/);
		await current.press('L');
		await current.waitForFrame(
			'✓ docker network create --subnet 10.20.0.0/16 --internal front',
		);
	});

	it('shows the engine’s refusal of a create on the form, which stays open', async () => {
		const docker = engine();
		const current = await openPane('6', docker);
		await current.press('n');
		await current.waitForFrame('Create a network');
		await current.type('other');
		await current.press(
			keys.tab,
			keys.backspace,
			keys.backspace,
			keys.backspace,
		);
		await current.press(keys.backspace, keys.backspace, keys.backspace);
		await current.type('nosuch');
		docker.failNext(
			'createNetwork',
			new DockerError('not-found', 'plugin "nosuch" not found'),
		);
		await current.press('\u0007');
		const frame = await current.waitForFrame('✕ plugin "nosuch" not found');
		assert.match(
			lineWith(frame, 'Driver'),
			/› Driver/,
			'the driver field is focused',
		);
	});
});

describe('the System pane', () => {
	it('says its image count takes in intermediate images, unlike the header that counts the listed ones', async () => {
		const docker = engine();
		docker.details = {images: 5};
		app = renderApp({docker, columns: 80, rows: 24});
		await app.waitForFrame('● connected');
		await app.press('8');
		// At 80 columns too, where the end of the line is cut.
		const frame = await app.waitForFrame(
			/Objects 5 images incl\. intermediate · 2 containers/,
		);
		assert.match(frame, /containers 1 running \/ 2 · images 2\b/);
	});

	it('8 shows docker version and info essentials and disk usage like system df', async () => {
		const docker = engine();
		const current = await openPane('8', docker);
		const frame = await current.waitForFrame('Images (2, 1 active)');
		assert.match(
			lineWith(frame, 'Engine'),
			/Docker 20\.10\.24 · API 1\.41 \(min 1\.12\) · linux\/amd64/,
		);
		assert.match(
			lineWith(frame, 'Host'),
			/4 CPUs · 7\.45GiB · Fake Linux 1\.0 · kernel 6\.1\.0-fake · fake-host/,
		);
		assert.match(
			lineWith(frame, 'Runtime'),
			/cgroup cgroupfs v1 · storage overlay2 · swarm inactive/,
		);
		assert.match(lineWith(frame, 'Objects'), /2 containers \(1 running/);
		// Images: 160MB of layers, web:1 in use holds 120MB, so 40MB (25%) can go.
		assert.match(lineWith(frame, 'Images (2'), /160MB\s+40MB \(25%\)/);
		assert.match(lineWith(frame, 'Containers (2'), /7MB\s+5MB \(71%\)/);
		assert.match(lineWith(frame, 'Local Volumes (4'), /62MB\s+7MB \(11%\)/);
		assert.match(lineWith(frame, 'Build Cache (0'), /0B\s+0B/);
	});

	it('lists each category’s items largest first; s orders them by name', async () => {
		const current = await openPane('8', engine());
		let frame = await current.waitForFrame('Local Volumes (4');
		const order = (names: readonly string[]) =>
			namesInOrder(frame, names, '  ');
		assert.deepEqual(order(['pgdata', 'spare', 'logs']), [
			'pgdata',
			'spare',
			'logs',
		]);
		assert.deepEqual(order(['web:1', 'old:1']), ['web:1', 'old:1']);
		await current.press('s');
		frame = await current.waitForFrame('by name');
		assert.deepEqual(order(['pgdata', 'spare', 'logs']), [
			'logs',
			'pgdata',
			'spare',
		]);
	});

	it('measures again on r and on coming back, never on a timer', async () => {
		const docker = engine();
		const current = await openPane('8', docker);
		await current.waitForFrame('Images (2, 1 active)');
		assert.equal(docker.calls.diskUsage, 1);
		docker.putImage(fakeImage({id: 'sha256:new', tags: ['new:1'], size: mb}));
		await current.press('r');
		await current.waitForFrame('Images (3, 1 active)');
		assert.equal(docker.calls.diskUsage, 2);
		await current.press('1', '8');
		await waitFor(() => docker.calls.diskUsage === 3, {
			timeoutMs: 3000,
			message: 'coming back measures again',
		});
		const calls = docker.calls.diskUsage;
		// Ages advance with the app's clock, every second; the measurement must not.
		const {store} = current.services;
		const since = store.getState().clock;
		await waitFor(() => store.getState().clock >= since + 1000, {
			timeoutMs: 3000,
			message: 'the clock ticks on',
		});
		assert.equal(docker.calls.diskUsage, calls);
	});

	it('p opens the prune dialog with the category under the cursor chosen', async () => {
		const current = await openPane('8', engine());
		await current.waitForFrame('Local Volumes (4');
		await selectRow(current, 'system', 'volumes:spare');
		await current.press('p');
		await current.waitForFrame('Prune');
		assert.deepEqual(pruneChoice(current), ['volumes']);
		await current.press(keys.escape);
		await selectRow(current, 'system', 'images');
		await current.press('p');
		await current.waitForFrame('Prune');
		assert.deepEqual(pruneChoice(current), ['unused-images']);
	});

	it('i on an item shows its details', async () => {
		const current = await openPane('8', engine());
		await current.waitForFrame('Local Volumes (4');
		await selectRow(current, 'system', 'volumes:logs');
		await current.press('i');
		await current.waitForFrame('/var/lib/docker/volumes/logs');
		await current.press(keys.escape);
		await selectRow(current, 'system', 'images:sha256:web');
		await current.press('i');
		await current.waitForFrame(/Image web:1/);
	});

	it('says why disk usage is missing when the engine fails, and r tries again', async () => {
		const docker = engine();
		docker.failNext(
			'diskUsage',
			new DockerError('server', 'a prune operation is already running'),
		);
		const current = await openPane('8', docker);
		await current.waitForFrame(
			'disk usage unavailable: a prune operation is already running (r tries again)',
		);
		await current.press('r');
		await current.waitForFrame('Images (2, 1 active)');
	});

	it('read-only mode hides create, remove and prune', async () => {
		const current = await openPane('5', engine(), true);
		await current.waitForFrame('5 Volumes');
		await current.press('n');
		assert.equal(current.services.store.getState().ui.dialog, undefined);
		await current.press('8', 'p');
		assert.equal(current.services.store.getState().ui.dialog, undefined);
	});
});
