import assert from 'node:assert/strict';
import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, it} from 'node:test';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';
import {lineWith} from '../helpers/frame.js';
import {keys} from '../helpers/keys.js';
import {renderApp} from '../helpers/render-app.js';

let app: ReturnType<typeof renderApp> | undefined;
afterEach(async () => {
	await app?.unmount();
	app = undefined;
});

const local = mkdtempSync(path.join(tmpdir(), 'dockmate-files-ui-'));
after(() => {
	rmSync(local, {recursive: true, force: true});
});

const web = fakeContainer({name: 'web', state: 'exited', status: 'Exited (0)'});

function engine(): FakeDockerClient {
	const docker = new FakeDockerClient({containers: [web]});
	docker.files.set(
		web.id,
		new Map([
			['/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n'],
			['/etc/hostname', 'web\n'],
			['/bin/tool', 'ELF\u0000\u0001binary'],
			['/srv/app/index.html', '<h1>hi</h1>\n'],
		]),
	);
	return docker;
}

/** Opens the files of web on `/` and asks to copy in the local folder with `typed` after it. */
async function copyInTyped(
	docker: FakeDockerClient,
	typed: string,
): Promise<ReturnType<typeof renderApp>> {
	const rendered = renderApp({docker, cwd: local});
	await rendered.waitForFrame('web');
	await rendered.press('f');
	await rendered.waitForFrame('srv/');
	await rendered.press('i');
	await rendered.type(typed);
	await rendered.press(keys.enter);
	return rendered;
}

describe('files of a container (f)', () => {
	it('keeps the names at 60 columns, dropping the time first', async () => {
		app = renderApp({docker: engine(), columns: 60, rows: 20});
		await app.waitForFrame('web');
		await app.press('f');
		const root = await app.waitForFrame('Files · web:/');
		assert.match(lineWith(root, 'etc/'), /drwxr-xr-x .*\d+B {2}etc\/ /);
	});

	it('lists /, opens a folder, a file in the pager, and Esc comes back to the folder', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web');
		await app.press('f');
		const root = await app.waitForFrame('Files · web:/');
		assert.match(lineWith(root, 'etc/'), /^.*drwxr-xr-x/);
		await app.press('j', keys.enter);
		const etc = await app.waitForFrame('Files · web:/etc');
		assert.match(lineWith(etc, 'passwd'), /-rw-r--r--/);
		// Folders first, then by name: hostname, then passwd.
		await app.press('j', keys.enter);
		const pager = await app.waitForFrame('root:x:0:0:root:/root:/bin/sh');
		assert.match(pager, /web:\/etc\/passwd/);
		// The one text viewer, not the logs dialog.
		assert.doesNotMatch(pager, /Logs ·/);
		await app.press(keys.escape);
		await app.waitForFrame('Files · web:/etc');
		await app.press(keys.backspace);
		const back = await app.waitForFrame('Files · web:/ ');
		// Going up puts the cursor on the folder just left.
		assert.match(back, /etc\//);
		await app.press(keys.escape);
		await app.waitForFrame(frame => !frame.includes('Files ·'));
	});

	it('shows a binary file as a hex summary', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web');
		await app.press('f');
		await app.waitForFrame('bin/');
		await app.press(keys.enter);
		await app.waitForFrame('tool');
		await app.press(keys.enter);
		const hex = await app.waitForFrame('binary file, 11 bytes');
		assert.match(hex, /00000000 {2}45 4c 46 00 01/);
	});

	it('filters the folder by name as it is typed', async () => {
		app = renderApp({docker: engine()});
		await app.waitForFrame('web');
		await app.press('f', '/', ...Array.from('sr'));
		const filtered = await app.waitForFrame('Files · web:/ · 1 of 1');
		assert.doesNotMatch(filtered, /etc\//);
		await app.press(keys.enter);
		await app.waitForFrame('1 of 3 entries match "sr"');
		await app.press(keys.enter);
		await app.waitForFrame('Files · web:/srv');
	});

	it('D shows what the container changed as a tree, from the files browser too', async () => {
		const docker = engine();
		docker.changeLists.set(web.id, [
			{path: '/tmp', kind: 'changed'},
			{path: '/tmp/x', kind: 'added'},
		]);
		app = renderApp({docker});
		await app.waitForFrame('web');
		await app.press('D');
		const tree = await app.waitForFrame('2 changes: 1 added, 1 changed');
		assert.match(tree, /A {3}\/tmp\/x/);
		await app.press(keys.escape, 'f');
		await app.waitForFrame('srv/');
		await app.press('D');
		await app.waitForFrame('C /tmp  (1 inside)');
		await app.press(keys.escape);
		await app.waitForFrame('Files · web:/');
	});

	it('I shows the namespaces and who shares them, from the details too', async () => {
		const docker = engine();
		docker.localIsolation.set(web.id, {
			namespaces: [{kind: 'net', inode: '4026532204', sharedWith: ['db']}],
			cgroup: undefined,
		});
		app = renderApp({docker});
		await app.waitForFrame('web');
		await app.press('I');
		const report = await app.waitForFrame('shared with db');
		assert.match(report, /Isolation: no setting weakens it/);
		await app.press(keys.escape, 'i');
		await app.waitForFrame('Container web · summary');
		await app.press('I');
		await app.waitForFrame('shared with db');
		await app.press(keys.escape);
		await app.waitForFrame('Container web · summary');
	});

	it('copies a folder out to the local folder typed, and logs the docker cp', async () => {
		app = renderApp({docker: engine(), cwd: local});
		await app.waitForFrame('web');
		await app.press('f');
		await app.waitForFrame('srv/');
		await app.press('j', 'j', 'o');
		await app.waitForFrame(`copy to local folder: ${local}`);
		await app.press(keys.enter);
		await app.waitForFrame(`copied /srv to ${local}: 1 file`);
		assert.equal(
			readFileSync(path.join(local, 'srv/app/index.html'), 'utf8'),
			'<h1>hi</h1>\n',
		);
		assert.equal(statSync(path.join(local, 'srv/app')).mode & 0o777, 0o755);
		await app.press(keys.escape, 'L');
		await app.waitForFrame(`docker cp web:/srv ${local}`);
	});

	it('copies a local folder in to the folder on screen, logs the docker cp and lists it', async () => {
		const site = path.join(local, 'site');
		mkdirSync(path.join(site, 'css'), {recursive: true});
		writeFileSync(path.join(site, 'css/main.css'), 'body {}\n');
		const docker = engine();
		app = renderApp({docker, cwd: local});
		await app.waitForFrame('web');
		await app.press('f');
		await app.waitForFrame('srv/');
		await app.press('j', 'j', keys.enter);
		await app.waitForFrame('app/');
		await app.press('i');
		await app.waitForFrame(`copy in local path: ${local}`);
		// End unselects the offered folder, to go on from it.
		await app.press(keys.end);
		await app.type('/site');
		await app.press(keys.enter);
		await app.waitForFrame(`copied ${site} to web:/srv: 1 file`);
		await app.waitForFrame('site/');
		assert.equal(
			docker.files.get(web.id)?.get('/srv/site/css/main.css'),
			'body {}\n',
		);
		await app.press(keys.escape, 'L');
		await app.waitForFrame(`docker cp ${site} web:/srv`);
	});

	it('takes a typed path in place of the folder offered: an absolute one goes where it says', async () => {
		const elsewhere = mkdtempSync(path.join(tmpdir(), 'dockmate-elsewhere-'));
		writeFileSync(path.join(elsewhere, 'notes.txt'), 'far\n');
		const docker = engine();
		app = await copyInTyped(docker, path.join(elsewhere, 'notes.txt'));
		await app.waitForFrame(`copied ${elsewhere}/notes.txt to web:/: 1 file`);
		assert.equal(docker.files.get(web.id)?.get('/notes.txt'), 'far\n');
		rmSync(elsewhere, {recursive: true, force: true});
	});

	it('shows a copy in under way with Esc to call it off, which aborts it and says so', async () => {
		writeFileSync(path.join(local, 'big.bin'), Buffer.alloc(200_000));
		const docker = engine();
		docker.putArchiveHold = new Promise(() => undefined);
		app = await copyInTyped(docker, 'big.bin');
		await app.waitForFrame('Esc calls it off');
		await app.press(keys.escape);
		await app.waitForFrame('called off; part of it may have reached /');
		assert.ok(app.lastFrame().includes('Files · web:/'));
		assert.equal(docker.files.get(web.id)?.has('/big.bin'), false);
	});

	it('says so when the container is gone before the copy in, and reports nothing copied', async () => {
		writeFileSync(path.join(local, 'late.txt'), 'late\n');
		const docker = engine();
		let release = (): void => undefined;
		docker.putArchiveHold = new Promise(resolve => {
			release = resolve;
		});
		app = await copyInTyped(docker, 'late.txt');
		await app.waitForFrame('Esc calls it off');
		docker.deleteContainer(web.id);
		release();
		await app.waitForFrame(
			`cannot copy ${local}/late.txt in: No such container`,
		);
		assert.ok(!app.lastFrame().includes('copied '));
		await app.press(keys.escape, 'L');
		await app.waitForFrame(`docker cp ${local}/late.txt web:/`);
	});

	it('says a local path is missing and copies nothing', async () => {
		const docker = engine();
		app = await copyInTyped(docker, 'nowhere');
		await app.waitForFrame(
			`cannot copy ${local}/nowhere in: there is no such file or folder`,
		);
		assert.equal(docker.files.get(web.id)?.size, 4);
	});

	it('refuses i in read-only mode', async () => {
		app = renderApp({docker: engine(), cwd: local, readOnly: true});
		await app.waitForFrame('web');
		await app.press('f');
		await app.waitForFrame('srv/');
		await app.press('i');
		await app.waitForFrame('read-only mode');
	});
});

describe('processes of a container (t)', () => {
	const db = fakeContainer({name: 'db'});
	const sleeper = {
		pid: 4711,
		nsPid: 7,
		user: '0',
		state: 'S',
		cpuPercent: undefined,
		cpuTicks: 0,
		rss: 2 * 1024 * 1024,
		threads: 3,
		startedAt: Date.now() - 60_000,
		command: 'sleep 600',
	};

	function running(): FakeDockerClient {
		const docker = new FakeDockerClient({containers: [db]});
		docker.processLists.set(db.id, [
			{...sleeper, pid: 4700, nsPid: 1, command: 'postgres -D /data'},
			sleeper,
		]);
		return docker;
	}

	it('lists the processes with both PIDs, and K sends the signal chosen after asking', async () => {
		const docker = running();
		app = renderApp({docker});
		await app.waitForFrame('db');
		await app.press('t');
		const view = await app.waitForFrame('2 processes');
		assert.match(
			lineWith(view, 'sleep 600'),
			/4711\s+7\s+0\s+S\s+.*2MiB\s+3\s+1m/,
		);
		await app.press('j', 'K');
		await app.waitForFrame('send to PID 7 (sleep 600)');
		await app.press(' ', 'y');
		await app.waitForFrame('sent INT to sleep 600 (PID 7)');
		assert.deepEqual(docker.signalsSent, [`${db.id} 7 INT`]);
		await app.press('K', 'y');
		await app.waitForFrame('1 process ');
		await app.press(keys.escape, 'L');
		await app.waitForFrame('docker exec db kill -s TERM 7');
	});

	it('offers every signal at 60 columns, however long the command', async () => {
		const docker = running();
		docker.processLists.set(db.id, [
			{...sleeper, command: `sleep 600 ${'--flag '.repeat(12)}`},
		]);
		app = renderApp({docker, columns: 60, rows: 20});
		await app.waitForFrame('db');
		await app.press('t');
		await app.waitForFrame('1 process ');
		await app.press('K');
		const view = await app.waitForFrame('send to PID 7');
		assert.match(
			lineWith(view, 'TERM'),
			/ TERM {2}INT {2}HUP {2}KILL {2}USR1 {2}USR2 {2}STOP {2}CONT /,
		);
	});

	it('keeps the command at 60 columns, dropping other columns first', async () => {
		app = renderApp({docker: running(), columns: 60, rows: 20});
		await app.waitForFrame('db');
		await app.press('t');
		const view = await app.waitForFrame('2 processes');
		assert.match(lineWith(view, '4711'), /4711 .*sleep 600/);
		assert.match(lineWith(view, 'PID'), /PID .*COMMAND/);
	});

	it('refuses K in read-only mode', async () => {
		const docker = running();
		app = renderApp({docker, readOnly: true});
		await app.waitForFrame('db');
		await app.press('t');
		await app.waitForFrame('2 processes');
		await app.press('K');
		await app.waitForFrame('read-only mode');
		assert.deepEqual(docker.signalsSent, []);
	});
});
