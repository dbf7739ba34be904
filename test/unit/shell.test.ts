import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {DockerClient} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {chooseShell, loginShellOf} from '../../source/docker/shell.js';

const passwd = [
	'# /etc/passwd of a test image',
	'root:x:0:0:root:/root:/bin/bash',
	'daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin',
	'',
	'   ',
	'bin:x:2:2:bin:/bin:/bin/false',
	'sync:x:4:65534:sync:/bin:/bin/sync',
	'app:x:1000:1000:App,,,:/home/app:/bin/zsh',
	'nobody:x:65534:65534:nobody:/nonexistent:',
	'ash:x:1001:1001::/home/ash:/bin/ash\r',
	'relative:x:1002:1002::/home/r:bash',
	'1003:x:1004:1004::/home/numeric-name:/bin/dash',
].join('\n');

describe('loginShellOf', () => {
	it('reads root’s shell when the user is empty, by uid 0', () => {
		assert.equal(loginShellOf(passwd, ''), '/bin/bash');
		assert.equal(
			loginShellOf('toor:x:0:0::/root:/bin/ash\nroot:x:0:0::/:/bin/sh', ''),
			'/bin/ash',
		);
	});

	it('finds a user by name and by uid, with or without a group', () => {
		assert.equal(loginShellOf(passwd, 'app'), '/bin/zsh');
		assert.equal(loginShellOf(passwd, '1000'), '/bin/zsh');
		assert.equal(loginShellOf(passwd, 'app:staff'), '/bin/zsh');
		assert.equal(loginShellOf(passwd, '1000:1000'), '/bin/zsh');
		assert.equal(loginShellOf(passwd, 'root'), '/bin/bash');
		assert.equal(loginShellOf(passwd, '0:0'), '/bin/bash');
	});

	it('takes a number for a uid, as the engine does, never for a name', () => {
		assert.equal(loginShellOf(passwd, '1003'), undefined);
		assert.equal(loginShellOf(passwd, '1004'), '/bin/dash');
	});

	it('treats nologin, false, sync and an empty shell as no login shell', () => {
		assert.equal(loginShellOf(passwd, 'daemon'), undefined);
		assert.equal(loginShellOf(passwd, 'bin'), undefined);
		assert.equal(loginShellOf(passwd, 'sync'), undefined);
		assert.equal(loginShellOf(passwd, 'nobody'), undefined);
		assert.equal(loginShellOf(passwd, '65534'), undefined);
	});

	it('refuses a shell that is not an absolute path', () => {
		assert.equal(loginShellOf(passwd, 'relative'), undefined);
	});

	it('copes with CRLF line ends', () => {
		assert.equal(loginShellOf(passwd, 'ash'), '/bin/ash');
	});

	it('says nothing of a missing user', () => {
		assert.equal(loginShellOf(passwd, 'ghost'), undefined);
		assert.equal(loginShellOf(passwd, '4242'), undefined);
		assert.equal(loginShellOf('', ''), undefined);
	});

	it('uses the first entry of a user listed twice', () => {
		assert.equal(
			loginShellOf(
				'app:x:5:5::/:/usr/sbin/nologin\napp:x:5:5::/:/bin/sh',
				'app',
			),
			undefined,
		);
	});

	it('skips comments and garbage without being fooled by them', () => {
		const text = [
			'#root:x:0:0:root:/root:/bin/evil',
			'root:x:0:0:/bin/short',
			'root:x:0:0:a:b:/bin/too:many',
			'\u0000\u00ff binary junk',
			'::::::',
			'root:x:0:0:root:/root:/bin/sh',
		].join('\n');
		assert.equal(loginShellOf(text, ''), '/bin/sh');
		assert.equal(loginShellOf('::::::', ''), undefined);
		assert.equal(loginShellOf('not a passwd file at all', 'root'), undefined);
		assert.equal(loginShellOf('root:x:0:0::/:/bin/s h', ''), undefined);
	});
});

type FakeContainer = {
	readonly user?: string;
	readonly passwd?: string;
	readonly files?: readonly string[];
};

/** The three calls chooseShell makes, answered from a description of one container. */
function fakeDocker(container: FakeContainer): Pick<
	DockerClient,
	'readFile' | 'fileExists' | 'containerUser'
> & {
	readonly looked: string[];
} {
	const looked: string[] = [];
	const files = new Set(container.files ?? []);
	return {
		looked,
		containerUser: async () => Promise.resolve(container.user ?? ''),
		readFile: async (_id, path) =>
			Promise.resolve(path === '/etc/passwd' ? container.passwd : undefined),
		async fileExists(_id, path) {
			looked.push(path);
			return Promise.resolve(files.has(path));
		},
	};
}

describe('chooseShell', () => {
	it('prefers the user’s login shell when the container has it', async () => {
		const docker = fakeDocker({
			user: 'app',
			passwd,
			files: ['/bin/zsh', '/bin/bash', '/bin/sh'],
		});
		assert.deepEqual(await chooseShell(docker, 'c1'), ['/bin/zsh']);
		assert.deepEqual(docker.looked, ['/bin/zsh']);
	});

	it('falls back to bash, then sh, when the login shell is missing', async () => {
		assert.deepEqual(
			await chooseShell(
				fakeDocker({user: 'app', passwd, files: ['/bin/bash', '/bin/sh']}),
				'c1',
			),
			['/bin/bash'],
		);
		const docker = fakeDocker({user: 'app', passwd, files: ['/bin/sh']});
		assert.deepEqual(await chooseShell(docker, 'c1'), ['/bin/sh']);
		assert.deepEqual(docker.looked, ['/bin/zsh', '/bin/bash', '/bin/sh']);
	});

	it('falls back when there is no /etc/passwd or no login shell', async () => {
		assert.deepEqual(
			await chooseShell(fakeDocker({files: ['/bin/sh']}), 'c1'),
			['/bin/sh'],
		);
		assert.deepEqual(
			await chooseShell(
				fakeDocker({user: 'daemon', passwd, files: ['/bin/sh']}),
				'c1',
			),
			['/bin/sh'],
		);
	});

	it('asks about each candidate once', async () => {
		const docker = fakeDocker({passwd, files: []});
		await assert.rejects(chooseShell(docker, 'c1'));
		assert.deepEqual(docker.looked, ['/bin/bash', '/bin/sh']);
	});

	it('says which container has no shell, with a not-found DockerError', async () => {
		await assert.rejects(
			chooseShell(fakeDocker({files: ['/bin/busybox']}), 'c1', 'web'),
			(error: unknown) => {
				assert.ok(error instanceof DockerError);
				assert.equal(error.code, 'not-found');
				assert.match(error.message, /^no shell in container web\b/);
				assert.match(error.message, /\/bin\/bash, \/bin\/sh/);
				return true;
			},
		);
	});

	it('passes the engine’s errors on', async () => {
		const refusal = new DockerError('unreachable', 'engine gone');
		await assert.rejects(
			chooseShell(
				{
					...fakeDocker({}),
					containerUser: async () => Promise.reject(refusal),
				},
				'c1',
			),
			refusal,
		);
	});
});
