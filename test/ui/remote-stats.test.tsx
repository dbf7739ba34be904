import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, it} from 'node:test';
import {
	FakeDockerClient,
	numberedContainers,
} from '../fakes/fake-docker-client.js';
import {procRoot, temporaryDirs} from '../helpers/cgroup-fixtures.js';
import {lineWith, namesInOrder} from '../helpers/frame.js';
import {localShell} from '../helpers/local-shell.js';
import {renderApp} from '../helpers/render-app.js';

const temporaryDir = temporaryDirs('dockmate-remote-ui-');
const mib = 1024 * 1024;

let app: ReturnType<typeof renderApp> | undefined;
let ticking: NodeJS.Timeout | undefined;
afterEach(async () => {
	clearInterval(ticking);
	await app?.unmount();
	app = undefined;
});

/**
 * A cgroup v2 tree as the systemd driver lays it out, a container each: `memory` MiB in use and
 * `cpu.stat` as the test writes it.
 */
function hostTree(ids: readonly string[]): {
	readonly root: string;
	readonly setCpu: (id: string, usageUsec: number) => void;
} {
	const root = temporaryDir();
	writeFileSync(path.join(root, 'cgroup.controllers'), 'cpu memory pids\n');
	const scope = (id: string) =>
		path.join(root, 'system.slice', `docker-${id}.scope`);
	const setCpu = (id: string, usageUsec: number): void => {
		writeFileSync(
			path.join(scope(id), 'cpu.stat'),
			`usage_usec ${usageUsec}\nuser_usec ${usageUsec}\nsystem_usec 0\n`,
		);
	};

	for (const [index, id] of ids.entries()) {
		mkdirSync(scope(id), {recursive: true});
		setCpu(id, 1000);
		writeFileSync(
			path.join(scope(id), 'memory.current'),
			`${(index + 1) * mib}\n`,
		);
		writeFileSync(path.join(scope(id), 'memory.max'), 'max\n');
	}

	return {root, setCpu};
}

describe('resource figures from cgroup files through a shell on the host', () => {
	it('measures every container, names the source, and a sort by CPU finds a busy one off screen', async () => {
		const containers = numberedContainers('svc', 40);
		const ids = containers.map(container => container.id);
		const tree = hostTree(ids);
		const docker = new FakeDockerClient({containers});
		const shell = localShell(undefined, {
			mounts: {'/sys/fs/cgroup': tree.root, '/proc': procRoot},
		});
		docker.shell = shell;
		// The last row, off screen, burns half a CPU.
		const busy = ids.at(-1) ?? '';
		const started = Date.now();
		ticking = setInterval(() => {
			tree.setCpu(busy, 1000 + (Date.now() - started) * 500);
		}, 5);
		app = renderApp({docker, rows: 24});
		await app.waitForFrame(
			frame =>
				frame.includes('stats: cgroup v2 via ssh') &&
				lineWith(frame, 'svc-000').includes('1MiB'),
		);
		assert.ok(!app.lastFrame().includes('svc-039'), 'svc-039 is on screen');
		assert.equal(docker.calls.stats, 0, 'no stats stream opened');
		await app.press('C');
		const frame = await app.waitForFrame(
			text =>
				namesInOrder(text, ['svc-039', 'svc-000'])[0] === 'svc-039' &&
				/svc-039.*\s(4\d|5\d)\.\d%/.test(lineWith(text, 'svc-039')),
		);
		assert.match(lineWith(frame, 'svc-039'), /40MiB/);
		const {byId} = app.services.store.getState().resources;
		assert.equal(byId.size, 40, 'every running container has figures');
		// The Resources pane keeps its own sort: by CPU there too.
		await app.press('3', 'C');
		await app.waitForFrame(frame =>
			/svc-039.*40MiB/.test(lineWith(frame, 'svc-039')),
		);
	});
});
