import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {footer} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp, type RenderedApp} from '../helpers/render-app.js';
import {keymapInForce} from '../../source/ui/keymap-in-force.js';

let app: RenderedApp | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

describe('remapped keys', () => {
	it('x removes, d no longer does, and the help and the footer show x', async () => {
		const docker = new FakeDockerClient({
			containers: [fakeContainer({name: 'job', state: 'exited'})],
		});
		const {table} = keymapInForce({'item.remove': 'x'});
		app = renderApp({docker, keymap: table});
		await app.waitForFrame(' job ');
		await app.press('d');
		// Nothing opens: d is bound to nothing now.
		await app.press('?');
		const help = await app.waitForFrame('Keys · Containers pane');
		assert.match(help, /│ x +Remove \(asks first/);
		assert.doesNotMatch(help, /│ d +Remove/);
		await app.press(keys.escape);
		const frame = await app.waitForFrame(f => !f.includes('Keys ·'));
		assert.match(footer(frame), /x remove/);
		assert.equal(docker.calls.removeContainer, 0);
		await app.press('x');
		await app.waitForFrame('Remove 1 container?');
		await app.press('y');
		await app.waitForFrame('removed job');
		assert.equal(docker.container('job'), undefined);
	});
});
