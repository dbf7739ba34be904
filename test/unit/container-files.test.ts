import assert from 'node:assert/strict';
import {
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {
	extractArchive,
	linkRefusal,
	memberTarget,
} from '../../source/docker/archive-extract.js';
import {listFolder, readFileHead} from '../../source/docker/container-files.js';
import {fileLines, isBinary} from '../../source/docker/file-content.js';
import {tarItems} from '../../source/docker/tar-reader.js';
import {
	tarEnd,
	tarHeader,
	tarPadding,
	type TarEntry,
} from '../../source/docker/tar-writer.js';
import {FakeDockerClient} from '../fakes/fake-docker-client.js';

type Crafted = Omit<TarEntry, 'mode' | 'mtime' | 'size'> & {
	readonly content?: string;
	readonly mode?: number;
};

/** An archive of `members`, as an engine (or an attacker) could send it. */
function archiveOf(members: readonly Crafted[]): Buffer {
	return Buffer.concat([
		...members.flatMap(member => {
			const content = Buffer.from(member.content ?? '');
			return [
				tarHeader({
					mode: member.type === 'directory' ? 0o755 : 0o644,
					mtime: Date.UTC(2026, 0, 2),
					size: content.length,
					...member,
				}),
				content,
				tarPadding(content.length),
			];
		}),
		tarEnd(),
	]);
}

/** The archive in chunks of `size` bytes: headers and contents cut anywhere. */
async function* chunked(archive: Buffer, size: number): AsyncGenerator<Buffer> {
	for (let offset = 0; offset < archive.length; offset += size) {
		await Promise.resolve();
		yield archive.subarray(offset, offset + size);
	}
}

const folders: string[] = [];
function freshFolder(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'dockmate-extract-'));
	folders.push(folder);
	return folder;
}

after(() => {
	for (const folder of folders) {
		rmSync(folder, {recursive: true, force: true});
	}
});

describe('tar reader', () => {
	it('reads members and contents whatever the chunk boundaries, long paths from pax headers', async () => {
		const long = `etc/${'deep/'.repeat(40)}file`;
		const archive = archiveOf([
			{path: 'etc', type: 'directory'},
			{path: 'etc/passwd', type: 'file', content: 'root:x:0:0\n'},
			{path: 'etc/sh', type: 'symlink', linkTarget: '/bin/busybox'},
			{path: long, type: 'file', content: 'x'.repeat(1000)},
		]);
		for (const size of [1, 7, 512, 100_000]) {
			const read: string[] = [];
			for await (const {member, content} of tarItems(chunked(archive, size))) {
				let text = '';
				for await (const chunk of content()) {
					text += chunk.toString();
				}

				read.push(
					`${member.type} ${member.path} ${member.mode.toString(8)} ${member.linkTarget} ${text.length}`,
				);
			}

			assert.deepEqual(read, [
				'directory etc 755  0',
				'file etc/passwd 644  11',
				'symlink etc/sh 644 /bin/busybox 0',
				`file ${long} 644  1000`,
			]);
		}
	});

	it('skips the content of members that are not read', async () => {
		const archive = archiveOf([
			{path: 'a', type: 'file', content: 'y'.repeat(700)},
			{path: 'b', type: 'file', content: 'z'},
		]);
		const paths: string[] = [];
		for await (const {member} of tarItems(chunked(archive, 300))) {
			paths.push(member.path);
		}

		assert.deepEqual(paths, ['a', 'b']);
	});

	it('refuses bytes that are not an archive', async () => {
		await assert.rejects(async () => {
			for await (const item of tarItems(chunked(Buffer.alloc(1024, 1), 512))) {
				assert.fail(`read ${item.member.path}`);
			}
		}, /not a tar archive/);
	});
});

describe('folder listing', () => {
	const docker = new FakeDockerClient();
	docker.files.set(
		'c1',
		new Map([
			['/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n'],
			['/etc/group', 'root:x:0:\n'],
			['/etc/ssl/certs/a.pem', 'aaaa'],
			['/etc/ssl/b.pem', 'bb'],
			['/etc/\u001B[31mred', 'r'],
		]),
	);

	it('lists a folder: its direct entries, folders first with what they hold summed, names made safe', async () => {
		const listing = await listFolder(docker, 'c1', '/etc');
		assert.equal(listing.isPartial, false);
		assert.deepEqual(
			listing.entries.map(entry => [entry.label, entry.type, entry.size]),
			[
				['ssl', 'directory', 6],
				['red', 'file', 1],
				['group', 'file', 10],
				['passwd', 'file', 30],
			],
		);
		assert.equal(listing.entries[1]?.name, '\u001B[31mred');
		assert.equal(listing.entries[3]?.mode, 0o644);
	});

	it('says not-found for a folder that is not there', async () => {
		await assert.rejects(listFolder(docker, 'c1', '/nope'), {
			code: 'not-found',
		});
	});

	it("reads a file's first bytes and its size", async () => {
		assert.deepEqual(await readFileHead(docker, 'c1', '/etc/passwd', 4), {
			bytes: Buffer.from('root'),
			size: 30,
		});
		assert.equal(await readFileHead(docker, 'c1', '/etc/ssl', 4), undefined);
	});
});

describe('file content for the pager', () => {
	it('shows text as lines, tabs expanded and escapes removed', () => {
		assert.deepEqual(
			fileLines({bytes: Buffer.from('a\tb\n\u001B[2Jclear\n'), size: 14}),
			['a       b', 'clear'],
		);
	});

	it('says where a long file was cut', () => {
		assert.deepEqual(fileLines({bytes: Buffer.from('abc\n'), size: 9000}), [
			'abc',
			'… the first 4 of 9000 bytes are shown',
		]);
	});

	it('tells binary by a NUL byte or by too many bytes that are not UTF-8', () => {
		assert.equal(isBinary(Buffer.from('plain text é')), false);
		assert.equal(isBinary(Buffer.from([0x41, 0x00, 0x42])), true);
		assert.equal(isBinary(Buffer.from([0xff, 0xfe, 0x41, 0x80, 0x81])), true);
		assert.equal(
			isBinary(Buffer.from('caf\u00E9 latin-1 is mostly ascii', 'latin1')),
			false,
		);
	});

	it('shows a binary file as a hex summary', () => {
		const lines = fileLines({
			bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]),
			size: 8,
		});
		assert.deepEqual(lines, [
			'binary file, 8 bytes; the first 8 in hex:',
			'00000000  7f 45 4c 46 00 01 02 03                           |.ELF....|',
		]);
	});
});

describe('path safety of archive members', () => {
	const root = '/home/user/out';

	it('puts a relative path under the folder', () => {
		assert.deepEqual(memberTarget(root, 'etc/./passwd'), {
			path: '/home/user/out/etc/passwd',
		});
	});

	it('refuses absolute paths and paths that climb out', () => {
		assert.deepEqual(memberTarget(root, '/etc/passwd'), {
			reason: 'an absolute path',
		});
		assert.deepEqual(memberTarget(root, 'etc/../../x'), {
			reason: 'a path with .. that leaves the folder',
		});
		assert.deepEqual(memberTarget(root, '..'), {
			reason: 'a path with .. that leaves the folder',
		});
	});

	it('refuses symlinks that lead out, keeps those that stay in', () => {
		assert.equal(linkRefusal(root, `${root}/etc/sh`, 'busybox'), undefined);
		assert.equal(linkRefusal(root, `${root}/etc/sh`, '../bin/sh'), undefined);
		assert.match(
			linkRefusal(root, `${root}/etc/sh`, '../../x') ?? '',
			/outside/,
		);
		assert.match(
			linkRefusal(root, `${root}/etc/sh`, '/bin/busybox') ?? '',
			/outside/,
		);
	});

	it('writes files with their modes and times, and nothing of a crafted archive outside the folder', async () => {
		const parent = freshFolder();
		const into = path.join(parent, 'into');
		mkdirSync(into);
		const archive = archiveOf([
			{path: 'etc', type: 'directory'},
			{path: 'etc/hosts', type: 'file', content: 'localhost\n', mode: 0o600},
			{path: '../escaped', type: 'file', content: 'no'},
			{path: '/tmp/dockmate-absolute', type: 'file', content: 'no'},
			{path: 'etc/out', type: 'symlink', linkTarget: '../..'},
			{path: 'etc/out/escaped-through-link', type: 'file', content: 'no'},
			{path: 'etc/abs', type: 'symlink', linkTarget: '/'},
			{path: 'etc/inside', type: 'symlink', linkTarget: 'hosts'},
		]);
		const report = await extractArchive(tarItems(chunked(archive, 100)), into);
		assert.deepEqual(
			report.refused.map(refusal => refusal.path),
			['../escaped', '/tmp/dockmate-absolute', 'etc/out', 'etc/abs'],
		);
		// The refused link is not there to write through: the file lands in a folder of its own.
		assert.equal(lstatSync(path.join(into, 'etc/out')).isDirectory(), true);
		assert.equal(
			readFileSync(path.join(into, 'etc/hosts'), 'utf8'),
			'localhost\n',
		);
		assert.equal(statSync(path.join(into, 'etc/hosts')).mode & 0o777, 0o600);
		assert.equal(
			statSync(path.join(into, 'etc/hosts')).mtimeMs,
			Date.UTC(2026, 0, 2),
		);
		assert.equal(
			lstatSync(path.join(into, 'etc/inside')).isSymbolicLink(),
			true,
		);
		assert.deepEqual(readdirSync(parent), ['into']);
		assert.equal(existsSync('/tmp/dockmate-absolute'), false);
		assert.equal(report.files, 2);
	});

	it('does not write through a link that was already in the folder', async () => {
		const parent = freshFolder();
		const into = path.join(parent, 'into');
		const elsewhere = path.join(parent, 'elsewhere');
		mkdirSync(into);
		mkdirSync(elsewhere);
		symlinkSync(elsewhere, path.join(into, 'etc'));
		const archive = archiveOf([
			{path: 'etc/passwd', type: 'file', content: 'root'},
		]);
		const report = await extractArchive(tarItems(chunked(archive, 512)), into);
		assert.deepEqual(report.refused, [
			{path: 'etc/passwd', reason: 'its folder leads out through a link'},
		]);
		assert.deepEqual(readdirSync(elsewhere), []);
	});
});
