import assert from 'node:assert/strict';
import {
	chmodSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, it} from 'node:test';
import {launchDockmate, selectByFilter} from '../helpers/dockmate.js';
import {runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:internals';

/** Every path under `root` with its type, size and mode: what a copy is compared by. */
function tree(root: string): string[] {
	const lines: string[] = [];
	const walk = (folder: string): void => {
		for (const name of readdirSync(folder).sort()) {
			const at = path.join(folder, name);
			const stat = lstatSync(at);
			const type = stat.isDirectory() ? 'd' : stat.isSymbolicLink() ? 'l' : 'f';
			lines.push(
				`${type} ${path.relative(root, at)} ${stat.isDirectory() ? '' : stat.size} ${(stat.mode & 0o7777).toString(8)}`,
			);
			if (stat.isDirectory()) {
				walk(at);
			}
		}
	};

	walk(root);
	return lines;
}

describe("a container's insides on a real engine", {timeout: 300_000}, () => {
	const daemon = engineFixture({image});
	let screen: TmuxSession | undefined;

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	/** Opens dockmate on the files of container `name`. */
	async function openFiles(
		name: string,
		args: readonly string[] = [],
	): Promise<TmuxSession> {
		const session = await launchDockmate({host: daemon.host, args});
		await session.waitForText(
			text => text.includes('● connected') && text.includes(name),
		);
		await selectByFilter(session, name);
		await session.sendKeys('f');
		await session.waitForText(`Files · ${name}:/`);
		await session.waitForText(/\d+ entr(y|ies)/);
		return session;
	}

	it('lists /etc of the busybox container and opens /etc/passwd in the pager', async () => {
		await runLabelled(daemon, {name: 'files-etc', image});
		screen = await openFiles('files-etc');
		await screen.sendKeys('/', ...Array.from('etc'), 'Enter', 'Enter');
		await screen.waitForText('Files · files-etc:/etc');
		const etc = await screen.waitForText(/\d+ entries/);
		assert.match(etc, /-rw-r--r-- {2}\S+\s+\d+B .* passwd/);
		await screen.sendKeys('/', ...Array.from('passwd'), 'Enter', 'Enter');
		const pager = await screen.waitForText('root:x:0:0:root:/root:/bin/sh');
		assert.match(pager, /files-etc:\/etc\/passwd/);
		assert.match(pager, /nobody:x:65534/);
	});

	it('shows A /tmp/x after docker exec touch /tmp/x', async () => {
		const id = await runLabelled(daemon, {name: 'changes', image});
		await daemon.dockerOk(['exec', id, 'touch', '/tmp/x']);
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes('changes'),
		);
		await selectByFilter(screen, 'changes');
		await screen.sendKeys('D');
		const tree = await screen.waitForText(/A\s+\/tmp\/x/);
		assert.match(tree, /C \/tmp {2}\(1 inside\)/);
	});

	it("shows the sleep with the host PID docker top gives and its user by the container's name, and K TERM ends it", async () => {
		const id = await runLabelled(daemon, {
			name: 'procs',
			image,
			command: ['sh', '-c', 'sleep 600 & wait'],
		});
		const top = await daemon.dockerOk(['top', id, '-o', 'pid,args']);
		const hostPid = /^\s*(\d+)\s+sleep 600$/m.exec(top)?.[1];
		assert.ok(hostPid, top);
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes('procs'),
		);
		await selectByFilter(screen, 'procs');
		await screen.sendKeys('t');
		const view = await screen.waitForText('read from /proc each second');
		assert.match(
			view,
			new RegExp(`^│\\s+${hostPid}\\s+\\d+\\s+root\\s+S.*sleep 600`, 'm'),
		);
		await screen.sendKeys('G', 'K');
		await screen.waitForText('send to PID');
		await screen.sendKeys('y');
		await screen.waitForText(/sent TERM to sleep 600 \(PID \d+\)/);
		await waitFor(
			async () =>
				(await daemon.dockerOk([
					'inspect',
					'--format',
					'{{.State.Status}}',
					id,
				])) === 'exited',
			{timeoutMs: 10_000, message: 'the container ends with its sleep'},
		);
	});

	it('shows the net namespace shared with the container it joined, and flags --pid host', async () => {
		await runLabelled(daemon, {name: 'ns-db', image});
		await runLabelled(daemon, {
			name: 'ns-side',
			image,
			options: ['--network', 'container:ns-db', '--pid', 'host'],
		});
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes('ns-side'),
		);
		await selectByFilter(screen, 'ns-side');
		await screen.sendKeys('I');
		const report = await screen.waitForText('Isolation weakened by');
		assert.match(report, /net\s+\d+\s+shared with ns-db/);
		assert.match(report, /pid\s+\d+\s+shared with host/);
		assert.match(report, /! --pid host: it sees and can signal every process/);
		assert.match(report, /Cgroup v[12]/);
	});

	it('copies a folder out as docker cp does, and refuses links that lead out of the local folder', async () => {
		const id = await runLabelled(daemon, {name: 'files-copy', image});
		await daemon.dockerOk([
			'exec',
			id,
			'sh',
			'-c',
			[
				'mkdir -p /data/sub',
				'echo hello > /data/a.txt',
				'chmod 600 /data/a.txt',
				'head -c 100000 /bin/busybox > /data/sub/blob',
				'chmod 751 /data/sub/blob',
				'chmod 700 /data/sub',
				'ln -s a.txt /data/inside',
			].join(' && '),
		]);
		const ours = path.join(daemon.dir, 'copy-ours');
		const theirs = path.join(daemon.dir, 'copy-theirs');
		mkdirSync(ours);
		mkdirSync(theirs);
		await daemon.dockerOk(['cp', `${id}:/data`, theirs]);
		screen = await openFiles('files-copy');
		await screen.sendKeys('/', ...Array.from('data'), 'Enter', 'o');
		await screen.waitForText('copy to local folder:');
		await screen.sendKeys('C-u', ...Array.from(ours), 'Enter');
		await screen.waitForText(`copied /data to ${ours}: 2 files`);
		assert.deepEqual(tree(ours), tree(theirs));
		assert.ok(tree(ours).includes('f data/sub/blob 100000 751'));

		// Links out of the folder: absolute, and climbing.
		await daemon.dockerOk([
			'exec',
			id,
			'sh',
			'-c',
			'mkdir /evil && ln -s /etc/passwd /evil/abs && ln -s ../../../../../../tmp /evil/up && echo x > /evil/ok',
		]);
		const target = path.join(daemon.dir, 'copy-evil');
		mkdirSync(target);
		await screen.sendKeys('Escape', 'Escape');
		await screen.waitForText(text => !text.includes('Files ·'));
		await screen.sendKeys('f');
		await screen.waitForText(/\d+ entries/);
		await screen.sendKeys('/', ...Array.from('evil'), 'Enter', 'o');
		await screen.waitForText('copy to local folder:');
		await screen.sendKeys('C-u', ...Array.from(target), 'Enter');
		const refused = await screen.waitForText('refused 2 members');
		assert.match(refused, /evil\/abs/);
		assert.deepEqual(tree(target), ['d evil  755', 'f evil/ok 2 644']);
		assert.deepEqual(
			readdirSync(daemon.dir).filter(name => name === 'tmp'),
			[],
		);
	});

	it('copies a local file and folder in as docker cp does, read back with docker exec', async () => {
		const id = await runLabelled(daemon, {name: 'files-in', image});
		const local = path.join(daemon.dir, 'copy-in');
		mkdirSync(path.join(local, 'site/bin'), {recursive: true});
		writeFileSync(path.join(local, 'note.txt'), 'copied in\n');
		writeFileSync(path.join(local, 'site/index.html'), '<h1>in</h1>\n');
		writeFileSync(path.join(local, 'site/bin/blob'), Buffer.alloc(300_000, 7));
		chmodSync(path.join(local, 'site/bin/blob'), 0o751);
		chmodSync(path.join(local, 'site/bin'), 0o700);
		symlinkSync('index.html', path.join(local, 'site/home'));
		utimesSync(
			path.join(local, 'site/index.html'),
			1_700_000_000,
			1_700_000_000,
		);
		screen = await openFiles('files-in');
		await screen.sendKeys('/', ...Array.from('tmp'), 'Enter', 'Enter');
		await screen.waitForText('Files · files-in:/tmp');
		await screen.sendKeys('i');
		await screen.waitForText('copy in local path:');
		await screen.sendKeys(
			'C-u',
			...Array.from(path.join(local, 'note.txt')),
			'Enter',
		);
		await screen.waitForText(/copied \S+note\.txt to files-in:\/tmp: 1 file/);
		await screen.waitForText('note.txt');
		assert.equal(
			await daemon.dockerOk(['exec', id, 'cat', '/tmp/note.txt']),
			'copied in',
		);

		await screen.sendKeys('i');
		await screen.waitForText('copy in local path:');
		await screen.sendKeys(
			'C-u',
			...Array.from(path.join(local, 'site')),
			'Enter',
		);
		await screen.waitForText(/copied \S+site to files-in:\/tmp: 2 files/);
		await screen.waitForText('site/');
		// The same folder through docker cp, beside it: names, types, sizes, modes and mtimes alike.
		await daemon.dockerOk(['exec', id, 'mkdir', '/theirs']);
		await daemon.dockerOk(['cp', path.join(local, 'site'), `${id}:/theirs`]);
		const listing = async (folder: string): Promise<string> =>
			daemon.dockerOk([
				'exec',
				id,
				'sh',
				'-c',
				`cd ${folder} && find site | sort | xargs stat -c '%n %F %s %a %Y %u'`,
			]);
		const ours = await listing('/tmp');
		assert.equal(ours, await listing('/theirs'));
		assert.match(ours, /site\/bin\/blob regular file 300000 751/);
		assert.match(ours, /site\/home symbolic link/);
		await screen.sendKeys('Escape', 'L');
		await screen.waitForText(/docker cp \S+site files-in:\/tmp/);
	});

	it('read-only mode refuses to copy in and copies nothing', async () => {
		const id = await runLabelled(daemon, {name: 'files-in-ro', image});
		const local = path.join(daemon.dir, 'copy-in-ro.txt');
		writeFileSync(local, 'no\n');
		screen = await openFiles('files-in-ro', ['--read-only']);
		await screen.sendKeys('i');
		await screen.waitForText(/read-only mode: "Copy a local file or folder in/);
		assert.doesNotMatch(await screen.capture(), /copy in local path:/);
		const listed = await daemon.docker(['exec', id, 'ls', '/copy-in-ro.txt']);
		assert.notEqual(listed.code, 0);
	});
});
