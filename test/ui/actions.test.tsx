import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import type {
	ContainerAction,
	ContainerSummary,
	ImageRemoval,
} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {
	FakeDockerClient,
	fakeContainer,
	fakeImage,
	fakeNetwork,
} from '../fakes/fake-docker-client.js';
import {sample} from '../fakes/sample-engine.js';
import {body, footer, lineWith, namesInOrder} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp, selectRow} from '../helpers/render-app.js';
import {waitFor} from '../helpers/wait-for.js';

const space = ' ';
const ctrlA = '\u0001';

/**
 * The fake engine, plus what these tests need of it: container calls that wait until the test lets
 * them go (to see an action while it is under way), calls that fail for one container only (to see
 * one item of a bulk action fail), and the engine's rule for deleting an image by id.
 */
class Engine extends FakeDockerClient {
	/** Errors by container id, thrown by every container action and removal of that container. */
	readonly refusals = new Map<string, DockerError>();

	private gate: Promise<void> | undefined;

	/** Holds every container call until the returned function is called. */
	hold(): () => void {
		let release: () => void = () => undefined;
		this.gate = new Promise(resolve => {
			release = resolve;
		});
		return () => {
			this.gate = undefined;
			release();
		};
	}

	override async containerAction(
		id: string,
		action: ContainerAction,
	): Promise<void> {
		await this.gate;
		this.refuse(id);
		await super.containerAction(id, action);
	}

	override async removeContainer(
		id: string,
		options: {readonly force: boolean; readonly volumes: boolean},
	): Promise<void> {
		await this.gate;
		this.refuse(id);
		await super.removeContainer(id, options);
	}

	/** As the engine does: an image with several tags is not deleted by id unless forced. */
	override async removeImage(
		reference: string,
		options: {readonly force: boolean},
	): Promise<ImageRemoval> {
		const image = (await this.listImages()).find(
			candidate => candidate.id === reference,
		);
		if (image !== undefined && image.tags.length > 1 && !options.force) {
			throw new DockerError(
				'conflict',
				`conflict: unable to delete ${image.id.slice(7, 19)} (must be forced) - image is referenced in multiple repositories`,
			);
		}

		return super.removeImage(reference, options);
	}

	private refuse(id: string): void {
		const refusal = this.refusals.get(id);
		if (refusal !== undefined) {
			throw refusal;
		}
	}
}

const {web, db, job} = sample;
const cron = fakeContainer({
	name: 'cron',
	state: 'exited',
	status: 'Exited (0) 5 hours ago',
});
const images = [
	...sample.images,
	fakeImage({id: 'sha256:busybox', tags: ['busybox:latest']}),
	fakeImage({id: 'sha256:app', tags: ['app:2', 'app:latest']}),
];

/** Listed as: db, web-1 (running), then cron, job (stopped). */
function engine(extra: readonly ContainerSummary[] = []): Engine {
	return new Engine({containers: [web, db, cron, job, ...extra], images});
}

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

/** ink-testing-library's terminal is 100 columns wide; the app is drawn at that width. */
function open(docker: FakeDockerClient, readOnly = false) {
	app = renderApp({docker, columns: 100, rows: 40, readOnly});
	return app;
}

function escaped(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

/** The row of the container named `name`, or '' when it is not listed. */
function containerRow(frame: string, name: string): string {
	return lineWith(frame, new RegExp(`^│ [✓ ] {2}\\S {2}${escaped(name)} `));
}

/** The row of the image whose first tag is `tag`, or '' when it is not listed. */
function imageRow(frame: string, tag: string): string {
	return lineWith(frame, new RegExp(`^│ [✓ ] {2}${escaped(tag)}[ (]`));
}

/** How many rows of the frame are marked. */
function markCount(frame: string): number {
	return frame.split('\n').filter(line => line.startsWith('│ ✓ ')).length;
}

/** Waits until the fake engine's `actions` log has `count` entries. */
async function actionsDone(docker: FakeDockerClient, count: number) {
	return waitFor(() => docker.actions.length >= count && docker.actions, {
		timeoutMs: 3000,
		message: `expected ${count} engine actions, got ${docker.actions.join(', ')}`,
	});
}

describe('start, stop, restart, pause', () => {
	it('s stops a running container, showing "stopping…" until the engine answers', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame('web-1');
		await selectRow(current, 'containers', web.id);
		const release = docker.hold();
		await current.press('s');
		await current.waitForFrame(frame =>
			containerRow(frame, 'web-1').includes('stopping…'),
		);
		assert.deepEqual(docker.actions, []);
		release();
		const frame = await current.waitForFrame(frame =>
			containerRow(frame, 'web-1').includes('Exited (0)'),
		);
		assert.doesNotMatch(containerRow(frame, 'web-1'), /stopping…/);
		assert.match(footer(frame), /^stopped web-1 /);
		assert.deepEqual(docker.actions, ['stop web-1']);
		assert.equal(docker.container('web-1')?.state, 'exited');
	});

	it('s starts a stopped container', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await selectRow(current, 'containers', job.id);
		await current.press('s');
		const frame = await current.waitForFrame(frame =>
			containerRow(frame, 'job').includes('Up Less than'),
		);
		await current.waitForFrame(frame =>
			footer(frame).startsWith('started job'),
		);
		assert.match(frame, /containers 3 running \/ 4/);
		assert.deepEqual(docker.actions, ['start job']);
		assert.equal(docker.container('job')?.state, 'running');
	});

	it('r restarts', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' db ');
		await selectRow(current, 'containers', db.id);
		await current.press('r');
		await current.waitForFrame(frame =>
			footer(frame).startsWith('restarted db'),
		);
		await current.waitForFrame(frame =>
			containerRow(frame, 'db').includes('Up Less than'),
		);
		assert.deepEqual(docker.actions, ['restart db']);
	});

	it('p pauses, and p again unpauses', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame('web-1');
		await selectRow(current, 'containers', web.id);
		await current.press('p');
		await current.waitForFrame(frame =>
			footer(frame).startsWith('paused web-1'),
		);
		await current.waitForFrame(frame =>
			containerRow(frame, 'web-1').includes('‖'),
		);
		assert.equal(docker.container('web-1')?.state, 'paused');
		await current.press('p');
		await current.waitForFrame(frame =>
			footer(frame).startsWith('unpaused web-1'),
		);
		await current.waitForFrame(
			frame => !containerRow(frame, 'web-1').includes('‖'),
		);
		assert.deepEqual(docker.actions, ['pause web-1', 'unpause web-1']);
		assert.equal(docker.container('web-1')?.state, 'running');
	});

	it('says why the engine refused, in red, and leaves the container as it was', async () => {
		const docker = engine();
		docker.refusals.set(
			db.id,
			new DockerError('server', 'cannot stop container: permission denied'),
		);
		const current = open(docker);
		await current.waitForFrame(' db ');
		await selectRow(current, 'containers', db.id);
		await current.press('s');
		const frame = await current.waitForFrame(frame =>
			footer(frame).startsWith('db: cannot stop container: permission denied'),
		);
		assert.match(containerRow(frame, 'db'), /Up 3 minutes/);
		assert.deepEqual(docker.actions, []);
		assert.equal(docker.container('db')?.state, 'running');
	});
});

describe('kill', () => {
	it('K asks first, naming the container; n and Esc cancel; y kills', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame('web-1');
		await selectRow(current, 'containers', web.id);
		await current.press('K');
		const dialog = await current.waitForFrame('Kill 1 container?');
		assert.match(dialog, /• web-1 \(running\)/);
		assert.match(dialog, /y yes, kill {3}n\/Esc cancel/);
		assert.doesNotMatch(dialog, /force:/, 'kill has no force option');
		await current.press('n');
		await current.waitForFrame(frame => !frame.includes('Kill 1 container?'));
		await current.press('K');
		await current.waitForFrame('Kill 1 container?');
		await current.press(keys.escape);
		const cancelled = await current.waitForFrame(
			frame => !frame.includes('Kill 1 container?'),
		);
		assert.match(containerRow(cancelled, 'web-1'), /Up 3 minutes/);
		assert.deepEqual(docker.actions, []);
		assert.equal(docker.calls.containerAction, 0);
		await current.press('K');
		await current.waitForFrame('Kill 1 container?');
		await current.press('y');
		const killed = await current.waitForFrame(frame =>
			footer(frame).startsWith('killed web-1'),
		);
		assert.doesNotMatch(killed, /Kill 1 container\?/);
		await current.waitForFrame(frame =>
			containerRow(frame, 'web-1').includes('Exited (137)'),
		);
		assert.deepEqual(docker.actions, ['kill web-1']);
		assert.equal(docker.container('web-1')?.state, 'exited');
	});

	it('K on a stopped container says there is nothing to kill', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await selectRow(current, 'containers', job.id);
		await current.press('K');
		const frame = await current.waitForFrame(frame =>
			footer(frame).startsWith('nothing running to kill'),
		);
		assert.doesNotMatch(body(frame), /Kill/);
		assert.deepEqual(docker.actions, []);
	});

	it('K on a mixed set lists the stopped ones as left as they are, and y kills only the running', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await selectRow(current, 'containers', web.id);
		await current.press(space);
		await selectRow(current, 'containers', job.id);
		await current.press(space);
		await current.waitForFrame(frame => markCount(frame) === 2);
		await current.press('K');
		const dialog = await current.waitForFrame('Kill 2 containers?');
		assert.match(dialog, /• web-1 \(running\)/);
		assert.match(dialog, /✗ job \(exited \(1\)\) is not running: left as is/);
		assert.match(dialog, /y yes, kill 1 of 2/);
		await current.press('y');
		const frame = await current.waitForFrame(frame =>
			footer(frame).startsWith('killed'),
		);
		assert.match(
			footer(frame),
			/^killed 1: web-1; 1 not running, left as is: job/,
		);
		assert.deepEqual(docker.actions, ['kill web-1']);
	});
});

describe('remove containers', () => {
	it('d on a stopped container names it; only y removes it', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await selectRow(current, 'containers', job.id);
		await current.press('d');
		const dialog = await current.waitForFrame('Remove 1 container?');
		assert.match(dialog, /• job \(exited \(1\)\)\s*│/);
		assert.match(dialog, /f force: off {3}v also remove anonymous volumes: no/);
		// Keys that are not an answer change nothing; q cancels here rather than quitting.
		await current.press('x', keys.enter, ' ', 'j', 'd');
		assert.match(current.lastFrame(), /Remove 1 container\?/);
		await current.press('n');
		await current.waitForFrame(frame => !frame.includes('Remove 1 container?'));
		await current.press('d');
		await current.waitForFrame('Remove 1 container?');
		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Remove 1 container?'));
		await current.press('d');
		await current.waitForFrame('Remove 1 container?');
		await current.press('q');
		await current.waitForFrame(frame => !frame.includes('Remove 1 container?'));
		assert.equal(current.quitCount, 0);
		assert.deepEqual(docker.actions, []);
		assert.equal(docker.calls.removeContainer, 0);
		assert.ok(docker.container('job'));

		await current.press('d');
		await current.waitForFrame('Remove 1 container?');
		await current.press('y');
		const frame = await current.waitForFrame(
			frame => frame.includes(' cron ') && containerRow(frame, 'job') === '',
		);
		assert.doesNotMatch(frame, /Remove 1 container/);
		assert.match(footer(frame), /^removed job /);
		assert.match(frame, /containers 2 running \/ 3/);
		assert.deepEqual(docker.actions, ['rm job']);
		assert.equal(docker.container('job'), undefined);
	});

	it('d on a running container refuses y until f forces it', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame('web-1');
		await selectRow(current, 'containers', web.id);
		await current.press('d');
		const dialog = await current.waitForFrame('Remove 1 container?');
		// The refusal is in the dialog before any y, and y is not offered.
		assert.match(
			dialog,
			/✗ web-1 is running: stop it first, or press f to force/,
		);
		assert.match(dialog, /nothing here can be removed/);
		assert.doesNotMatch(dialog, /y yes,/);
		await current.press('y');
		const refused = await current.waitForFrame(frame =>
			footer(frame).includes('refused'),
		);
		assert.match(
			footer(refused),
			/^refused: web-1 is running: stop it first, or press f to force/,
		);
		assert.match(refused, /Remove 1 container\?/, 'the dialog stays open');
		assert.equal(docker.calls.removeContainer, 0);
		await current.press('f');
		const forced = await current.waitForFrame('f force: on');
		assert.match(forced, /• web-1 \(running\)/);
		assert.match(forced, /y yes, remove/);
		await current.press('y');
		const removed = await current.waitForFrame(
			frame => frame.includes(' db ') && containerRow(frame, 'web-1') === '',
		);
		assert.doesNotMatch(removed, /Remove 1 container/);
		assert.match(footer(removed), /^removed web-1 /);
		assert.deepEqual(docker.actions, ['rm -f web-1']);
		assert.equal(docker.container('web-1'), undefined);
	});

	it('v toggles removing the anonymous volumes too', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' cron ');
		await selectRow(current, 'containers', cron.id);
		await current.press('d');
		await current.waitForFrame('also remove anonymous volumes: no');
		await current.press('v');
		await current.waitForFrame('also remove anonymous volumes: yes');
		await current.press('v');
		await current.waitForFrame('also remove anonymous volumes: no');
		await current.press('v');
		await current.waitForFrame('also remove anonymous volumes: yes');
		await current.press('y');
		await current.waitForFrame(
			frame => frame.includes(' job ') && containerRow(frame, 'cron') === '',
		);
		assert.deepEqual(docker.actions, ['rm -v cron']);
	});
});

describe('remove images', () => {
	it('refuses an image a container uses, naming the containers; f then y forces', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame('busybox:latest');
		await current.press('2');
		await selectRow(current, 'images', 'sha256:busybox busybox:latest');
		await current.press('d');
		const dialog = await current.waitForFrame('Remove 1 image?');
		assert.match(
			dialog,
			/✗ busybox:latest is used by (cron, job|job, cron): press f to force/,
		);
		assert.match(dialog, /f force: off/);
		assert.match(dialog, /nothing here can be removed/);
		assert.doesNotMatch(dialog, /volumes/, 'volumes are for containers only');
		await current.press('v', 'y');
		const refused = await current.waitForFrame(frame =>
			footer(frame).includes('refused'),
		);
		assert.match(
			footer(refused),
			/^refused: busybox:latest is used by (cron, job|job, cron): press f to force/,
		);
		assert.match(refused, /Remove 1 image\?/, 'the dialog stays open');
		assert.equal(docker.calls.removeImage, 0);
		await current.press('f');
		assert.match(
			await current.waitForFrame('f force: on'),
			/• busybox:latest: used by (cron, job|job, cron)/,
		);
		await current.press('y');
		const frame = await current.waitForFrame(
			frame =>
				frame.includes('nginx:1.27') &&
				imageRow(frame, 'busybox:latest') === '',
		);
		assert.doesNotMatch(frame, /Remove 1 image/);
		assert.match(footer(frame), /^removed busybox:latest /);
		assert.deepEqual(docker.actions, ['rmi -f sha256:busybox']);
		assert.equal(
			(await docker.listImages()).some(image => image.id === 'sha256:busybox'),
			false,
		);
		assert.ok(docker.container('job'), 'the containers stay');
		assert.ok(docker.container('cron'), 'the containers stay');
	});

	it('lists one row per tag, the image figures on each', async () => {
		const current = open(engine());
		await current.press('2');
		const frame = await current.waitForFrame('2 Images');
		const [first, second] = [
			imageRow(frame, 'app:2'),
			imageRow(frame, 'app:latest'),
		].map(row => row.replace(/^│ +\S+ +/, ''));
		assert.match(first ?? '', /^app\s/);
		assert.equal(first, second, 'the same id, size, age and users');
		assert.match(frame, /2 Images 1\/5 · 4 images/);
	});

	it('i and n on a tag row act on the image by that tag', async () => {
		const current = open(engine());
		await current.press('2');
		await selectRow(current, 'images', 'sha256:app app:latest');
		await current.press('i');
		await current.waitForFrame('Image app:latest · summary');
		await current.press(keys.escape, 'n');
		await current.waitForFrame('Run a container of app:latest');
	});

	it('d on a tag row untags exactly that tag; the dialog says the image stays', async () => {
		const docker = engine();
		const current = open(docker);
		await current.press('2');
		await selectRow(current, 'images', 'sha256:app app:latest');
		await current.press('d');
		const dialog = await current.waitForFrame('Remove 1 tag?');
		assert.match(
			dialog,
			/• untag app:latest; the image stays with its other tag \(app:2\)/,
		);
		await current.press('y');
		const frame = await current.waitForFrame(
			frame => imageRow(frame, 'app:latest') === '' && frame.includes('app:2'),
		);
		assert.match(footer(frame), /^removed app:latest /);
		assert.deepEqual(docker.actions, ['rmi app:latest']);
		const image = (await docker.listImages()).find(
			candidate => candidate.id === 'sha256:app',
		);
		assert.deepEqual(image?.tags, ['app:2']);
		await current.press('L');
		await current.waitForFrame(/✓ docker image rm app:latest/);
	});

	it('a filter that matches one tag removes that tag, not the image’s first', async () => {
		const docker = engine();
		const current = open(docker);
		await current.press('2', '/', ...Array.from('latest'), keys.enter);
		await current.waitForFrame(/1\/2 of 5 · 4 images · filter: latest/);
		assert.equal(
			current.services.store.getState().ui.selection.images,
			'sha256:app app:latest',
		);
		await current.press('d');
		await current.waitForFrame('untag app:latest');
		await current.press('y');
		await actionsDone(docker, 1);
		assert.deepEqual(docker.actions, ['rmi app:latest']);
	});

	it('marked tag rows: exactly those tags go; marks covering every tag take the image', async () => {
		const docker = engine();
		docker.putImage(
			fakeImage({id: 'sha256:multi', tags: ['m:1', 'm:2', 'm:3']}),
		);
		const current = open(docker);
		await current.press('2');
		await current.waitForFrame('m:3');
		await selectRow(current, 'images', 'sha256:multi m:1');
		await current.press(space, 'j', space);
		await current.press('d');
		let dialog = await current.waitForFrame('Remove 2 tags?');
		assert.match(
			dialog,
			/• untag m:1, m:3; the image stays with its other tag \(m:2\)/,
		);
		await current.press('y');
		await actionsDone(docker, 2);
		assert.deepEqual(docker.actions, ['rmi m:1', 'rmi m:3']);
		await current.waitForFrame(frame => imageRow(frame, 'm:1') === '');

		await selectRow(current, 'images', 'sha256:app app:2');
		await current.press(space, space, 'd');
		dialog = await current.waitForFrame('Remove 1 image?');
		assert.match(dialog, /• app:2, app:latest \(every tag: the image goes\)/);
		await current.press('y');
		await actionsDone(docker, 4);
		assert.deepEqual(docker.actions.slice(2), ['rmi app:2', 'rmi sha256:app']);
		assert.equal(
			(await docker.listImages()).some(image => image.id === 'sha256:app'),
			false,
		);
		await current.press('L');
		await current.waitForFrame(/✓ docker image rm app:2 app:latest/);
	});
});

describe('marks and bulk actions', () => {
	it('Space marks a row and moves down; * and Ctrl-A mark every listed row; Esc clears', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await current.press(space);
		let frame = await current.waitForFrame(frame => markCount(frame) === 1);
		assert.match(containerRow(frame, 'db'), /^│ ✓ /);
		assert.equal(
			current.services.store.getState().ui.selection.containers,
			web.id,
		);
		await current.press(space);
		frame = await current.waitForFrame(frame => markCount(frame) === 2);
		assert.match(containerRow(frame, 'web-1'), /^│ ✓ /);
		// Space on a marked row unmarks it.
		await current.press('k', space);
		frame = await current.waitForFrame(frame => markCount(frame) === 1);
		assert.doesNotMatch(containerRow(frame, 'web-1'), /✓/);
		await current.press(keys.escape);
		await current.waitForFrame(frame => markCount(frame) === 0);
		await current.press('*');
		frame = await current.waitForFrame(frame => markCount(frame) === 4);
		for (const name of ['db', 'web-1', 'cron', 'job']) {
			assert.match(containerRow(frame, name), /^│ ✓ /);
		}

		await current.press(keys.escape);
		await current.waitForFrame(frame => markCount(frame) === 0);
		assert.equal(current.services.store.getState().marks.size, 0);
		// Only the rows the filter lets through are marked.
		await current.press('/', 'c', 'r', 'o', 'n', keys.enter, ctrlA);
		frame = await current.waitForFrame(frame => markCount(frame) === 1);
		assert.match(containerRow(frame, 'cron'), /^│ ✓ /);
		assert.deepEqual([...current.services.store.getState().marks], [cron.id]);
		assert.deepEqual(docker.actions, []);
	});

	it('s applies to every marked container, and the marks go', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		// db and web-1.
		await current.press(space, space, 's');
		const frame = await current.waitForFrame(frame =>
			footer(frame).startsWith('stopped 2'),
		);
		assert.equal(markCount(frame), 0);
		assert.deepEqual([...docker.actions].sort(), ['stop db', 'stop web-1']);
		assert.equal(docker.container('job')?.state, 'exited');
		assert.equal(docker.container('cron')?.state, 'exited');
		await current.waitForFrame(/containers 0 running \/ 4/);
	});

	it('d with marks lists every marked container in the dialog and removes those that can go', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await selectRow(current, 'containers', web.id);
		await current.press(space, space, space);
		await current.waitForFrame(frame => markCount(frame) === 3);
		await current.press('d');
		const dialog = await current.waitForFrame('Remove 3 containers?');
		// The running one is refused in the dialog; y removes the others and leaves it.
		assert.match(
			dialog,
			/✗ web-1 is running: stop it first, or press f to force/,
		);
		assert.match(dialog, /• cron \(exited \(0\)\)\s*│/);
		assert.match(dialog, /• job \(exited \(1\)\)\s*│/);
		assert.match(dialog, /y yes, remove 2 of 3/);
		assert.doesNotMatch(dialog, /• db/);
		await current.press('y');
		const frame = await current.waitForFrame(
			frame =>
				footer(frame).startsWith('removed 2') &&
				containerRow(frame, 'job') === '',
		);
		assert.match(
			footer(frame),
			/^removed 2: cron, job; 1 refused, left as is: web-1/,
		);
		assert.doesNotMatch(frame, /Remove 3 containers/);
		assert.notEqual(containerRow(frame, 'web-1'), '');
		assert.equal(markCount(frame), 0);
		assert.deepEqual([...docker.actions].sort(), ['rm cron', 'rm job']);
		assert.ok(docker.container('web-1'));
	});

	it('a bulk removal in which one fails says which and why, and removes the others', async () => {
		const old = fakeContainer({
			name: 'old',
			state: 'exited',
			status: 'Exited (0) 3 days ago',
		});
		const docker = engine([old]);
		docker.refusals.set(
			job.id,
			new DockerError(
				'conflict',
				'removal of container job is already in progress',
			),
		);
		const current = open(docker);
		await current.waitForFrame(' old ');
		await selectRow(current, 'containers', cron.id);
		await current.press(space, space, space);
		await current.waitForFrame(frame => markCount(frame) === 3);
		await current.press('d');
		const dialog = await current.waitForFrame('Remove 3 containers?');
		for (const name of ['cron', 'job', 'old']) {
			assert.match(dialog, new RegExp(`• ${name} \\(exited \\(\\d\\)\\)\\s*│`));
		}

		await current.press('y');
		const frame = await current.waitForFrame(frame =>
			footer(frame).includes('failed'),
		);
		assert.match(
			footer(frame),
			/^1 of 3 failed: job: removal of container job is already in progress/,
		);
		const after = await current.waitForFrame(
			frame =>
				containerRow(frame, 'cron') === '' && containerRow(frame, 'old') === '',
		);
		assert.notEqual(containerRow(after, 'job'), '', 'the failed one stays');
		assert.deepEqual([...docker.actions].sort(), ['rm cron', 'rm old']);
		assert.ok(docker.container('job'));
		assert.equal(docker.container('cron'), undefined);
	});

	it('a bulk stop in which one fails says which and why', async () => {
		const cache = fakeContainer({name: 'cache', image: 'redis:7'});
		const docker = engine([cache]);
		docker.refusals.set(
			db.id,
			new DockerError('timeout', 'the engine did not answer in time'),
		);
		const current = open(docker);
		await current.waitForFrame(' cache ');
		// cache, db, web-1 are the running ones, listed first.
		await current.press(space, space, space, 's');
		const frame = await current.waitForFrame(frame =>
			footer(frame).includes('failed'),
		);
		assert.match(
			footer(frame),
			/^1 of 3 failed: db: the engine did not answer in time/,
		);
		assert.deepEqual([...docker.actions].sort(), ['stop cache', 'stop web-1']);
		assert.equal(docker.container('db')?.state, 'running');
	});

	it('s on a mix stops the running, leaves the stopped as they are, and a failure is not hidden', async () => {
		const docker = engine();
		docker.refusals.set(
			web.id,
			new DockerError(
				'server',
				'cannot stop container web-1: tried to kill container, but did not receive an exit event',
			),
		);
		const current = open(docker);
		await current.waitForFrame(' job ');
		await selectRow(current, 'containers', web.id);
		// web-1 (running) and cron (stopped).
		await current.press(space, space, 's');
		const status = await waitFor(
			() => current.services.store.getState().status?.text,
			{timeoutMs: 3000, message: 'nothing was reported'},
		);
		// The user marked two containers; the one acted on failed, and the status line says so.
		assert.match(
			status,
			/^web-1: cannot stop container web-1: .*; 1 already stopped, left as is: cron$/,
		);
		assert.deepEqual(docker.actions, []);
		assert.equal(docker.container('web-1')?.state, 'running');
		assert.equal(docker.container('cron')?.state, 'exited');
	});

	it('p and r on a mix act only on the running; p on stopped ones says so and asks nothing of the engine', async () => {
		const nap = fakeContainer({
			name: 'nap',
			state: 'paused',
			status: 'Up 2 hours (Paused)',
		});
		const docker = engine([nap]);
		const current = open(docker);
		await current.waitForFrame(' nap ');
		const mark = async (...containers: {readonly id: string}[]) => {
			for (const container of containers) {
				await selectRow(current, 'containers', container.id);
				await current.press(space);
			}

			await current.waitForFrame(
				frame => markCount(frame) === containers.length,
			);
		};

		await mark(web, nap, cron);
		await current.press('p');
		let frame = await current.waitForFrame(frame =>
			footer(frame).startsWith('paused'),
		);
		assert.match(
			footer(frame),
			/^paused 1: web-1; 1 already paused, left as is: nap; 1 not running, left as is: cron/,
		);
		assert.deepEqual(docker.actions, ['pause web-1']);

		// Only paused ones left among the running: p unpauses them, and never starts cron.
		await mark(web, nap, cron);
		await current.press('p');
		frame = await current.waitForFrame(frame =>
			footer(frame).startsWith('unpaused'),
		);
		assert.match(footer(frame), /1 not running, left as is: cron/);
		assert.deepEqual([...docker.actions].sort(), [
			'pause web-1',
			'unpause nap',
			'unpause web-1',
		]);

		await mark(db, job);
		await current.press('r');
		frame = await current.waitForFrame(frame =>
			footer(frame).startsWith('restarted'),
		);
		assert.match(
			footer(frame),
			/^restarted 1: db; 1 not running, left as is: job/,
		);
		assert.equal(docker.container('job')?.state, 'exited');

		const calls = docker.calls.containerAction;
		await selectRow(current, 'containers', job.id);
		await current.press('p');
		frame = await current.waitForFrame(frame =>
			footer(frame).includes('not running'),
		);
		assert.match(footer(frame), /^job is not running \(s starts it\)/);
		assert.equal(docker.calls.containerAction, calls);
	});
});

describe('prune', () => {
	const mib = 1_000_000;
	const anonymous = 'f'.repeat(64);
	const pruneEngine = () => {
		const docker = engine();
		docker.putImage(
			fakeImage({id: 'sha256:dangling', tags: [], size: 2 * mib}),
		);
		docker.putImage(
			fakeImage({id: 'sha256:old', tags: ['old:1'], size: 100 * mib}),
		);
		docker.containerSizes.set(job.id, 5 * mib);
		docker.containerSizes.set(cron.id, 7 * mib);
		docker.volumes = [
			{
				name: anonymous,
				driver: 'local',
				size: 1 * mib,
				refCount: 0,
				isAnonymous: true,
				createdAt: 0,
				labels: {},
			},
			{
				name: 'pgdata',
				driver: 'local',
				size: 3 * mib,
				refCount: 0,
				isAnonymous: false,
				createdAt: 0,
				labels: {},
			},
			{
				name: 'in-use',
				driver: 'local',
				size: 9 * mib,
				refCount: 1,
				isAnonymous: false,
				createdAt: 0,
				labels: {},
			},
		];
		docker.networks = [
			fakeNetwork({id: 'net-bridge', name: 'bridge', createdAt: 0}),
			fakeNetwork({id: 'net-backend', name: 'backend', createdAt: 0}),
			fakeNetwork({id: 'net-frontend', name: 'frontend', createdAt: 0}),
		];
		docker.buildCache = [
			{
				id: 'cache-idle',
				type: 'regular',
				description: 'RUN npm ci',
				size: 4 * mib,
				inUse: false,
				shared: false,
				lastUsedAt: 0,
			},
			{
				id: 'cache-busy',
				type: 'regular',
				description: 'RUN make',
				size: 6 * mib,
				inUse: true,
				shared: false,
				lastUsedAt: 0,
			},
		];
		return docker;
	};

	/** The preview line of the item named `name`, or '' when it is not listed. */
	const item = (frame: string, name: string): string =>
		frame
			.split('\n')
			.find(line => /\[[x ]\]/.test(line) && line.includes(name)) ?? '';

	it('lists the categories, toggles them with Space, and Esc cancels without asking the engine', async () => {
		const docker = pruneEngine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await current.press('P');
		const choose = await current.waitForFrame('Prune');
		assert.match(choose, /\[x\] stopped containers/);
		assert.match(choose, /\[x\] dangling images \(untagged, unused\)/);
		assert.match(choose, /\[ \] unused images, tagged ones too/);
		assert.match(choose, /\[ \] unused volumes: anonymous only/);
		assert.match(choose, /\[ \] unused networks/);
		assert.match(choose, /\[ \] build cache not in use/);
		assert.match(choose, /nothing is removed yet/);
		await current.press(space);
		await current.waitForFrame('[ ] stopped containers');
		await current.press('j', 'j', space, 'j', space, 'A');
		const toggled = await current.waitForFrame(
			'[x] unused volumes: named and anonymous',
		);
		assert.match(toggled, /\[x\] unused images, tagged ones too/);
		assert.match(toggled, /A volumes: named too/);
		await current.press(space);
		const untoggled = await current.waitForFrame(
			'[ ] unused volumes: named and anonymous',
		);
		assert.match(untoggled, /\[x\] unused images, tagged ones too/);
		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Prune'));
		assert.equal(docker.calls.diskUsage, 0);
		assert.deepEqual(docker.actions, []);
	});

	it('a selects every category, l filters by label (typed text, Enter keeps it) and the preview honours it', async () => {
		const docker = pruneEngine();
		docker.volumes = docker.volumes.map(volume =>
			volume.name === 'pgdata' ? {...volume, labels: {team: 'data'}} : volume,
		);
		const current = open(docker);
		await current.waitForFrame(' job ');
		await current.press('P', 'a');
		const everything = await current.waitForFrame('[x] build cache not in use');
		assert.doesNotMatch(everything, /\[ \]/, 'a category was left out');
		await current.press('A', 'l', ...Array.from('team=data'));
		await current.waitForFrame('label: team=data');
		await current.press(keys.enter);
		await current.waitForFrame(
			/label: team=data \(build cache has no labels: left out\)/,
		);
		await current.press(keys.enter);
		const preview = await current.waitForFrame('reclaims');
		assert.match(preview, /1 of 1 items marked/);
		assert.match(item(preview, 'pgdata'), /volumes\s+pgdata/);
		await current.press(keys.escape);
		assert.deepEqual(docker.actions, []);
	});

	it('previews each item with its size and the total; dangling only by default, unused images when asked', async () => {
		const docker = pruneEngine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await current.press('P', keys.enter);
		const preview = await current.waitForFrame('reclaims');
		assert.match(preview, /3 of 3 items marked · reclaims 14MB/);
		assert.match(item(preview, ' cron '), /containers\s+cron\s+7MB\s+Exited/);
		assert.match(item(preview, ' job '), /containers\s+job\s+5MB\s+Exited/);
		assert.match(
			item(preview, '<none> dangling'),
			/dangling images\s+<none> dangling\s+2MB\s+dangling/,
		);
		assert.equal(item(preview, 'old:1'), '', 'a tagged image is not dangling');
		assert.equal(item(preview, 'web-1'), '', 'running containers stay');
		assert.match(preview, /y remove the 3 marked items/);
		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Prune'));
		assert.deepEqual(docker.actions, []);

		// Unused images (tagged too), volumes, networks and build cache.
		await current.press(
			'P',
			'j',
			'j',
			space,
			'j',
			space,
			'j',
			space,
			'j',
			space,
		);
		await current.press(keys.enter);
		const wide = await current.waitForFrame('reclaims');
		// cron 7 + job 5 + app 1.5 + dangling 2 + old 100 + volume 1 + cache 4 (network: no size).
		assert.match(wide, /8 of 8 items marked · reclaims 121MB/);
		assert.match(
			item(wide, 'app:2'),
			/unused images\s+app:2, app:latest\s+1\.5MB\s+unused, 2 tags/,
		);
		assert.match(item(wide, 'old:1'), /unused images\s+old:1\s+100MB\s+unused/);
		assert.match(
			item(wide, '<none> dangling'),
			/dangling images\s+<none> dangling\s+2MB/,
		);
		assert.match(
			item(wide, '(anonymous)'),
			/volumes\s+ffffffffffff \(anonymous\)\s+1MB\s+unused local volume/,
		);
		assert.equal(item(wide, 'pgdata'), '', 'named volumes only when asked');
		assert.equal(item(wide, 'in-use'), '');
		assert.match(
			item(wide, 'frontend'),
			/networks\s+frontend\s+–\s+unused bridge network/,
		);
		assert.equal(item(wide, 'backend'), '', 'a running container uses it');
		assert.doesNotMatch(wide, /networks\s+bridge\s/, 'built in');
		assert.match(
			item(wide, 'RUN npm ci'),
			/build cache\s+RUN npm ci\s+4MB\s+regular/,
		);
		assert.equal(item(wide, 'RUN make'), '', 'in use');
		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Prune'));

		// A: named volumes too.
		await current.press('P', 'j', 'j', 'j', space, 'A', keys.enter);
		const named = await current.waitForFrame('reclaims');
		assert.match(
			item(named, 'pgdata'),
			/volumes\s+pgdata\s+3MB\s+unused local volume/,
		);
		assert.match(item(named, '(anonymous)'), /1MB/);
		assert.equal(item(named, 'in-use'), '');
		assert.match(named, /5 of 5 items marked · reclaims 18MB/);
		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Prune'));
		assert.deepEqual(docker.actions, []);
	});

	it('removes exactly the marked items, not one created since the preview, and reports what went', async () => {
		const docker = pruneEngine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		// Stopped containers, dangling images, anonymous volumes, networks and build cache.
		await current.press('P', 'j', 'j', 'j', space, 'j', space, 'j', space);
		await current.press(keys.enter);
		const preview = await current.waitForFrame('reclaims');
		assert.match(preview, /6 of 6 items marked · reclaims 19MB/);
		// Listed cron, job, dangling, the volume, frontend, the cache record: unmark job.
		await current.press('j', space);
		const unmarked = await current.waitForFrame('5 of 6 items marked');
		assert.match(unmarked, /reclaims 14MB/);
		assert.match(item(unmarked, ' job '), /^│ {2}\[ \] containers/);
		assert.match(item(unmarked, ' cron '), /\[x\] containers/);
		assert.match(unmarked, /y remove the 5 marked items/);
		// Stopped after the preview was drawn: not in it, so not removed.
		docker.putContainer(
			fakeContainer({
				name: 'latecomer',
				state: 'exited',
				status: 'Exited (0) Less than a second ago',
			}),
		);
		await current.press('y');
		const done = await current.waitForFrame('Enter or Esc closes');
		assert.match(done, /removed 5 items, reclaimed 14MB/);
		assert.match(footer(done), /^removed 5 items, reclaimed 14MB/);
		assert.deepEqual(
			[...docker.actions].sort(),
			[
				'rm cron',
				'rmi sha256:dangling',
				`volume rm ${anonymous}`,
				'network rm net-frontend',
				'builder prune cache-idle',
			].sort(),
		);
		assert.ok(docker.container('job'), 'unmarked: kept');
		assert.ok(docker.container('latecomer'), 'not in the preview: kept');
		assert.equal(docker.container('cron'), undefined);
		assert.equal(docker.container('web-1')?.state, 'running');
		assert.equal(docker.container('db')?.state, 'running');
		assert.deepEqual(
			docker.volumes.map(volume => volume.name),
			['pgdata', 'in-use'],
		);
		assert.deepEqual(
			docker.networks.map(network => network.name),
			['bridge', 'backend'],
		);
		assert.deepEqual(
			docker.buildCache.map(record => record.id),
			['cache-busy'],
		);
		const images = (await docker.listImages()).map(image => image.id);
		assert.ok(!images.includes('sha256:dangling'));
		assert.ok(images.includes('sha256:old'), 'tagged: not dangling');
		await current.press(keys.enter);
		const closed = await current.waitForFrame(
			frame => !frame.includes('Enter or Esc closes'),
		);
		assert.notEqual(containerRow(closed, 'job'), '');
		assert.equal(containerRow(closed, 'cron'), '');
	});

	it('reports an item the engine refused to remove, and keeps it', async () => {
		const docker = pruneEngine();
		docker.refusals.set(
			job.id,
			new DockerError('conflict', 'container is being started'),
		);
		const current = open(docker);
		await current.waitForFrame(' job ');
		await current.press('P', 'j', space, keys.enter);
		await current.waitForFrame('2 of 2 items marked');
		await current.press('y');
		const done = await current.waitForFrame('Enter or Esc closes');
		assert.match(done, /removed 1 item, reclaimed 7MB/);
		assert.match(
			done,
			/kept job: the engine refused: container is being started/,
		);
		assert.match(footer(done), /^removed 1 item, reclaimed 7MB; 1 kept/);
		assert.deepEqual(docker.actions, ['rm cron']);
		assert.ok(docker.container('job'));
	});

	it('removes an unused image that has several tags, as the preview said', async () => {
		const docker = pruneEngine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		// Unused images only (dangling ones are unused too).
		await current.press('P', space, 'j', space, 'j', space, keys.enter);
		const preview = await current.waitForFrame('reclaims');
		assert.match(preview, /3 of 3 items marked · reclaims 104MB/);
		assert.match(item(preview, 'app:2'), /\[x\] unused images/);
		assert.match(item(preview, 'old:1'), /\[x\] unused images/);
		await current.press('y');
		const done = await current.waitForFrame('Enter or Esc closes');
		const left = (await docker.listImages()).map(image => image.id);
		assert.ok(!left.includes('sha256:old'));
		assert.doesNotMatch(done, /kept/);
		assert.match(done, /removed 3 items, reclaimed 104MB/);
		assert.ok(
			!left.includes('sha256:app'),
			`app:2 / app:latest was previewed as going but was kept:\n${done}`,
		);
	});

	it('removes only with y: Enter on the preview removes nothing, however often it is pressed', async () => {
		const docker = pruneEngine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await current.press('P', keys.enter);
		const preview = await current.waitForFrame('reclaims');
		assert.match(preview, /y remove the 3 marked items/);
		await current.press(keys.enter, keys.enter);
		const asked = await current.waitForFrame(/3 of 3 items marked/);
		// The preview's keys are Space and y: Enter is neither offered nor acted on.
		assert.doesNotMatch(footer(asked), /Enter/);
		assert.match(footer(asked), /y remove/);
		assert.deepEqual(docker.actions, []);
		assert.equal(docker.calls.removeContainer, 0);
		await current.press('y');
		await current.waitForFrame('removed 3 items');
		assert.deepEqual(
			[...docker.actions].sort(),
			['rm cron', 'rm job', 'rmi sha256:dangling'].sort(),
		);
	});

	it('keeps what changed since the preview, saying why, and logs each removal by name', async () => {
		const docker = pruneEngine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		// Stopped containers, dangling images and networks.
		await current.press('P', 'j', 'j', 'j', 'j', space, keys.enter);
		await current.waitForFrame('4 of 4 items marked');
		// Started after the preview, and a running container joins frontend.
		docker.putContainer({...job, state: 'running', status: 'Up 1 second'});
		docker.putContainer(fakeContainer({name: 'web-3', networks: ['frontend']}));
		await current.press('y');
		const done = await current.waitForFrame('Enter or Esc closes');
		assert.match(done, /removed 2 items/);
		assert.match(done, /kept job: started after the preview/);
		assert.match(done, /kept frontend: web-3 attached since the preview/);
		assert.deepEqual(
			[...docker.actions].sort(),
			['rm cron', 'rmi sha256:dangling'].sort(),
		);
		assert.equal(docker.container('job')?.state, 'running');
		await current.press(keys.enter, 'L');
		const log = await current.waitForFrame('Command log · 1–2 of 2');
		assert.match(log, /✓ docker container rm cron/);
		assert.match(log, /✓ docker image rm dangling\b/);
		assert.doesNotMatch(log, /sha256:|rm job|frontend/);
	});

	it('Esc cancels at every stage without removing anything', async () => {
		const docker = pruneEngine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await current.press('P');
		await current.waitForFrame('[x] stopped containers');
		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Prune'));
		await current.press('P', keys.enter);
		await current.waitForFrame('reclaims');
		await current.press(space, keys.escape);
		await current.waitForFrame(frame => !frame.includes('Prune'));
		await current.press('P', keys.enter);
		await current.waitForFrame('reclaims');
		await current.press('q');
		await current.waitForFrame(frame => !frame.includes('Prune'));
		assert.equal(current.quitCount, 0);
		assert.deepEqual(docker.actions, []);
		assert.equal(docker.calls.removeContainer, 0);
		assert.equal(docker.calls.removeImage, 0);
		assert.ok(docker.container('job'));
		assert.ok(docker.container('cron'));
	});

	it('says so when nothing matches', async () => {
		const docker = new Engine({containers: [web], images});
		const current = open(docker);
		await current.waitForFrame('web-1');
		await current.press('P', keys.enter);
		await current.waitForFrame('nothing to prune');
		await current.press(keys.enter);
		assert.deepEqual(docker.actions, []);
		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Prune'));
	});
});

describe('read-only mode', () => {
	it('says so in the header and hides the keys that change the engine from the footer and help', async () => {
		const docker = engine();
		const current = open(docker, true);
		const frame = await current.waitForFrame('web-1');
		assert.match(frame.split('\n')[0] ?? '', /\[read-only\]/);
		const hints = footer(frame);
		assert.match(hints, /\/ filter/);
		assert.match(hints, /\? help/);
		for (const hidden of [
			/\bs start\/stop/,
			/\bd remove/,
			/\bP prune/,
			/\be shell/,
			/\br restart/,
		]) {
			assert.doesNotMatch(hints, hidden);
		}

		await current.press('?');
		const help = await current.waitForFrame('Keys · Containers pane');
		assert.match(help, /Move down/);
		assert.match(help, /Filter the list/);
		for (const hidden of [
			'Stop a running container',
			'Remove (asks first',
			'Prune:',
			'Kill',
			'Open a shell',
			'Run a command',
			'Restart',
			'Pause',
		]) {
			assert.ok(!help.includes(hidden), `help lists "${hidden}"`);
		}

		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Keys ·'));
	});

	it('refuses d, s, P, K, e and E with a message, and the engine is untouched', async () => {
		const docker = engine();
		const current = open(docker, true);
		await current.waitForFrame(' job ');
		for (const [key, description] of [
			['d', 'Remove (asks first, shows what goes)'],
			['s', 'Stop a running container, start a stopped one'],
			['P', 'Prune: preview exactly what would go, then remove it'],
			['K', 'Kill (asks first)'],
			['e', 'Open a shell in the container'],
			['E', 'Run a command in the container'],
			['r', 'Restart'],
			['p', 'Pause or unpause'],
		] as const) {
			await current.press(key);
			const frame = await current.waitForFrame(frame =>
				footer(frame).startsWith(
					`read-only mode: "${description}" is disabled`,
				),
			);
			assert.doesNotMatch(
				body(frame),
				/Remove 1|Kill 1|Prune|Run a command in/,
			);
			assert.equal(current.services.store.getState().ui.dialog, undefined);
		}

		// With a mark as well: still refused.
		await current.press(space, 'd');
		await current.waitForFrame(frame =>
			footer(frame).startsWith('read-only mode: "Remove'),
		);
		assert.deepEqual(docker.actions, []);
		assert.equal(docker.calls.containerAction, 0);
		assert.equal(docker.calls.removeContainer, 0);
		assert.equal(docker.calls.diskUsage, 0);
		assert.equal(docker.calls.exec, 0);
	});

	it('navigation, filter, help and sort still work', async () => {
		const docker = engine();
		const current = open(docker, true);
		await current.waitForFrame('Containers 1/4');
		await current.press('j');
		await current.waitForFrame('Containers 2/4');
		await current.press('G');
		await current.waitForFrame('Containers 4/4');
		await current.press('N');
		const order = (frame: string) => namesInOrder(frame, ['db', 'web-1']);
		await current.waitForFrame(frame => order(frame).join() === 'web-1,db');
		await current.press('N');
		await current.waitForFrame(frame => order(frame).join() === 'db,web-1');
		await current.press('/', 'c', 'r');
		const filtered = await current.waitForFrame('1 of 4');
		assert.match(filtered, / cron /);
		assert.doesNotMatch(filtered, / db /);
		await current.press(keys.escape, '?');
		await current.waitForFrame('Keys · Containers pane');
		await current.press(keys.escape, '2', 'j');
		await current.waitForFrame('Images 2/5');
		assert.deepEqual(docker.actions, []);
		assert.doesNotMatch(footer(current.lastFrame()), /read-only mode:/);
	});
});

describe('command log', () => {
	it('L lists the docker commands run, failed ones marked with the reason; Esc closes', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await current.press('L');
		await current.waitForFrame('nothing done yet');
		await current.press(keys.escape);
		await current.waitForFrame(frame => !frame.includes('Command log'));

		await selectRow(current, 'containers', web.id);
		await current.press('s');
		await current.waitForFrame(frame =>
			footer(frame).startsWith('stopped web-1'),
		);
		await selectRow(current, 'containers', job.id);
		await current.press('d', 'y');
		await current.waitForFrame(frame =>
			footer(frame).startsWith('removed job'),
		);
		docker.refusals.set(
			db.id,
			new DockerError('server', 'cannot restart container: busy'),
		);
		await selectRow(current, 'containers', db.id);
		await current.press('r');
		await current.waitForFrame(frame =>
			footer(frame).startsWith('db: cannot restart'),
		);

		await current.press('L');
		const log = await current.waitForFrame('Command log · 1–3 of 3');
		const lines = log.split('\n');
		const stop = lines.findIndex(line =>
			line.includes('docker container stop web-1'),
		);
		const rm = lines.findIndex(line =>
			line.includes('docker container rm job'),
		);
		const restart = lines.findIndex(line =>
			line.includes('docker container restart db'),
		);
		assert.ok(stop > 0 && rm > stop && restart > rm, log);
		assert.match(
			lines[stop] ?? '',
			/\d\d:\d\d:\d\d ✓ docker container stop web-1/,
		);
		assert.match(lines[rm] ?? '', /✓ docker container rm job/);
		assert.match(
			lines[restart] ?? '',
			/✕ docker container restart db · cannot restart container: busy/,
		);
		await current.press(keys.escape);
		const closed = await current.waitForFrame(
			frame => !frame.includes('Command log'),
		);
		assert.match(closed, / db /);
		await current.press('L');
		await current.waitForFrame('Command log · 1–3 of 3');
		await current.press('L');
		await current.waitForFrame(frame => !frame.includes('Command log'));
	});

	it('logs forced removals with their flags', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame('web-1');
		await selectRow(current, 'containers', web.id);
		await current.press('d', 'f', 'v', 'y');
		await actionsDone(docker, 1);
		await current.press('L');
		const log = await current.waitForFrame('Command log · 1');
		assert.match(log, /✓ docker container rm --force --volumes web-1/);
		assert.deepEqual(docker.actions, ['rm -f -v web-1']);
	});
});

describe('exec keys', () => {
	it('e and E on a stopped container say it is not running', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame(' job ');
		await selectRow(current, 'containers', job.id);
		await current.press('e');
		await current.waitForFrame(frame =>
			footer(frame).startsWith('job is not running (s starts it)'),
		);
		await current.press('E');
		const frame = await current.waitForFrame(frame =>
			footer(frame).startsWith('job is not running (s starts it)'),
		);
		assert.doesNotMatch(frame, /Run a command in/);
		assert.equal(docker.calls.exec, 0);
		assert.deepEqual(docker.actions, []);
	});

	it('E opens a prompt prefilled with /bin/sh; typing edits it; Esc cancels', async () => {
		const docker = engine();
		const current = open(docker);
		await current.waitForFrame('web-1');
		await selectRow(current, 'containers', web.id);
		await current.press('E');
		const prompt = await current.waitForFrame('Run a command in web-1');
		assert.match(prompt, /\$ \/bin\/sh /);
		// Keys bound elsewhere (q quits, d removes, s stops) are typed here.
		await current.press(keys.backspace, keys.backspace, 'b', 'a', 's', 'h');
		await current.press(' ', '-', 'q', 'd', 's');
		await current.waitForFrame('$ /bin/bash -qds');
		assert.equal(current.quitCount, 0);
		await current.press(keys.escape);
		const closed = await current.waitForFrame(
			frame => !frame.includes('Run a command in'),
		);
		assert.match(closed, / web-1 /);
		assert.equal(docker.calls.exec, 0);
		assert.deepEqual(docker.actions, []);
		assert.equal(docker.container('web-1')?.state, 'running');
	});
});
