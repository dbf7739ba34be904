import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import type {DockerEvent} from '../../source/docker/docker-client.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {lineWith} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

const web = fakeContainer({name: 'web'});
const db = fakeContainer({name: 'db'});

function containerEvent(
	container: typeof web,
	action: string,
	time: number,
	attributes: Record<string, string> = {},
): DockerEvent {
	return {
		type: 'container',
		action,
		id: container.id,
		name: container.name,
		time,
		timeNano: time * 1e6,
		attributes: {name: container.name, ...attributes},
	};
}

/** An engine on which `web` died with code 3 and came back, five minutes before dockmate started. */
function engine(): FakeDockerClient {
	const docker = new FakeDockerClient({containers: [web, db]});
	const before = Date.now() - 5 * 60_000;
	docker.eventHistory.push(
		containerEvent(web, 'die', before, {exitCode: '3'}),
		containerEvent(web, 'start', before + 1000),
		containerEvent(db, 'start', before + 2000),
	);
	return docker;
}

describe('the Events pane (7)', () => {
	it('shows what happened before dockmate started, then live events, newest first', async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('web');
		await app.press('7');
		const history = await app.waitForFrame(frame =>
			frame.includes('exitCode=3'),
		);
		assert.match(history, /7 Events/);
		assert.match(lineWith(history, 'exitCode=3'), /container\s+die\s+web/);
		docker.emit({
			type: 'volume',
			id: 'data',
			action: 'mount',
			attributes: {container: db.id, destination: '/data', driver: 'local'},
		});
		docker.emit({
			type: 'container',
			id: web.id,
			action: 'oom',
			attributes: {name: 'web'},
		});
		const live = await app.waitForFrame(frame => frame.includes('oom'));
		const rows = live.split('\n');
		const oom = rows.findIndex(line => /container\s+oom\s+web/.test(line));
		const mount = rows.findIndex(line => /volume\s+mount\s+data/.test(line));
		const die = rows.findIndex(line => line.includes('exitCode=3'));
		assert.ok(oom < mount && mount < die, `newest first:\n${live}`);
		assert.match(rows[mount] ?? '', /destination=\/data container=db-id/);
	});

	it('t narrows by type; h on a container answers "why did it restart?"; o widens again', async () => {
		const docker = engine();
		app = renderApp({docker});
		await app.waitForFrame('web');
		await app.press('7');
		await app.waitForFrame('exitCode=3');
		docker.emit({type: 'image', id: 'busybox:1', action: 'pull'});
		await app.waitForFrame(/image\s+pull\s+busybox:1/);
		await app.press('t');
		const containersOnly = await app.waitForFrame('type: container');
		assert.doesNotMatch(containersOnly, /busybox:1/);
		await app.press('t', 't', 't', 't');
		await app.waitForFrame(frame => !frame.includes('type:'));

		await app.press('1', '/', ...Array.from('web'), keys.enter, 'h');
		const why = await app.waitForFrame('container: web');
		assert.match(why, /7 Events/);
		assert.match(why, /exitCode=3/);
		assert.doesNotMatch(why, /\s+db\s/);
		assert.match(
			why,
			/1\/2 of 4 · container: web/,
			'the newest of its events is selected',
		);
		await app.press('o');
		const all = await app.waitForFrame(
			frame => !frame.includes('container: web'),
		);
		assert.match(all, /start\s+db/);
	});

	it('i on an event shows its container', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web');
		await app.press('7');
		await app.waitForFrame('exitCode=3');
		await app.press('G', 'i');
		await app.waitForFrame('Container web · summary');
	});
});
