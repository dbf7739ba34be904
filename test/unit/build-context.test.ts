import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {
	contextMembers,
	packBuildContext,
} from '../../source/docker/build-context.js';
import {createDockerIgnore} from '../../source/docker/dockerignore.js';
import {tarHeader} from '../../source/docker/tar-writer.js';

type Member = {
	readonly path: string;
	readonly type: string;
	readonly mode: number;
	readonly linkTarget: string;
	readonly content: Buffer;
};

/** Every member of a tar archive, extended (pax) headers applied. */
function readTar(archive: Buffer): Member[] {
	const members: Member[] = [];
	let offset = 0;
	let pax: Record<string, string> = {};
	const field = (header: Buffer, start: number, length: number): string =>
		header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
	while (offset + 512 <= archive.length) {
		const header = archive.subarray(offset, offset + 512);
		if (header.every(byte => byte === 0)) {
			break;
		}

		const size = Number.parseInt(field(header, 124, 12) || '0', 8);
		const type = String.fromCharCode(header[156] ?? 0);
		const content = archive.subarray(offset + 512, offset + 512 + size);
		offset += 512 + Math.ceil(size / 512) * 512;
		if (type === 'x') {
			pax = {};
			for (const match of content
				.toString('utf8')
				.matchAll(/\d+ ([^=]+)=([^\n]*)\n/g)) {
				pax[match[1]!] = match[2]!;
			}

			continue;
		}

		const prefix = field(header, 345, 155);
		const name = field(header, 0, 100);
		members.push({
			path: pax['path'] ?? (prefix === '' ? name : `${prefix}/${name}`),
			type,
			mode: Number.parseInt(field(header, 100, 8), 8),
			linkTarget: pax['linkpath'] ?? field(header, 157, 100),
			content,
		});
		pax = {};
	}

	return members;
}

async function pack(context: string, dockerfile = 'Dockerfile') {
	const chunks: Buffer[] = [];
	for await (const chunk of packBuildContext(context, dockerfile)) {
		chunks.push(chunk as Buffer);
	}

	return Buffer.concat(chunks);
}

async function sent(context: string, dockerfile = 'Dockerfile') {
	const paths: string[] = [];
	for await (const member of contextMembers(context, dockerfile)) {
		paths.push(member.path);
	}

	return paths;
}

const folders: string[] = [];

/** A folder holding `files` (path → content; a trailing slash makes a folder). */
function makeContext(files: Readonly<Record<string, string>>): string {
	const root = mkdtempSync(path.join(tmpdir(), 'dockmate-context-'));
	folders.push(root);
	for (const [file, content] of Object.entries(files)) {
		const target = path.join(root, file);
		if (file.endsWith('/')) {
			mkdirSync(target, {recursive: true});
		} else {
			mkdirSync(path.dirname(target), {recursive: true});
			writeFileSync(target, content);
		}
	}

	return root;
}

after(() => {
	for (const folder of folders) {
		rmSync(folder, {recursive: true, force: true});
	}
});

describe('.dockerignore rules', () => {
	const kept = (rules: string, paths: readonly string[]): string[] => {
		const ignore = createDockerIgnore(rules, []);
		return paths.filter(file => !ignore.ignores(file));
	};

	it('follows the example of Docker’s documentation', () => {
		const rules = '# comment\n*/temp*\n*/*/temp*\ntemp?\n';
		assert.deepEqual(
			kept(rules, [
				'somedir/temporary.txt',
				'somedir/temp',
				'somedir/temp/inside',
				'somedir/subdir/temporary.txt',
				'somedir/subdir/sub/temporary.txt',
				'tempa',
				'tempb',
				'temp',
				'tempab',
				'temporary.txt',
				'# comment',
			]),
			[
				'somedir/subdir/sub/temporary.txt',
				'temp',
				'tempab',
				'temporary.txt',
				'# comment',
			],
		);
	});

	it('matches any number of folders with **', () => {
		assert.deepEqual(
			kept('**/*.go\n', ['main.go', 'cmd/x/main.go', 'main.go.txt', 'go/']),
			['main.go.txt', 'go/'],
		);
	});

	it('lets the last matching line decide, exceptions included', () => {
		const files = [
			'README.md',
			'README-secret.md',
			'README-x.md',
			'CHANGES.md',
		];
		assert.deepEqual(kept('*.md\n!README.md\n', files), ['README.md']);
		assert.deepEqual(kept('*.md\n!README*.md\nREADME-secret.md\n', files), [
			'README.md',
			'README-x.md',
		]);
		assert.deepEqual(kept('*.md\nREADME-secret.md\n!README*.md\n', files), [
			'README.md',
			'README-secret.md',
			'README-x.md',
		]);
	});

	it('cleans patterns: a leading slash or ./ and a trailing slash change nothing', () => {
		assert.deepEqual(
			kept('/build/\n./dist\n', ['build/out.js', 'dist/a', 'src/build/x']),
			['src/build/x'],
		);
	});

	it('walks into an excluded folder only for an exception below it', () => {
		const ignore = createDockerIgnore('docs\n!docs/keep.md\nlogs\n', []);
		assert.equal(ignore.mayKeepInside('docs'), true);
		assert.equal(ignore.mayKeepInside('logs'), false);
		assert.equal(ignore.ignores('docs/keep.md'), false);
		assert.equal(ignore.ignores('docs/other.md'), true);
	});
});

describe('build context', () => {
	it('sends what .dockerignore keeps, the Dockerfile and .dockerignore always', async () => {
		const context = makeContext({
			Dockerfile: 'FROM scratch\nCOPY . /\n',
			'.dockerignore': [
				'# what stays home',
				'node_modules',
				'**/*.log',
				'docs',
				'!docs/keep.md',
				'secret?.txt',
				'Dockerfile',
				'.dockerignore',
			].join('\n'),
			'app/main.js': 'console.log(1)\n',
			'app/debug.log': 'noise\n',
			'node_modules/dep/index.js': 'x',
			'docs/keep.md': '# kept\n',
			'docs/other.md': '# not sent\n',
			'secret1.txt': 's',
			'secret10.txt': 'not matched by ?',
			'empty/': '',
		});
		assert.deepEqual(await sent(context), [
			'.dockerignore',
			'Dockerfile',
			'app',
			'app/main.js',
			'docs/keep.md',
			'empty',
			'secret10.txt',
		]);
	});

	it('sends a Dockerfile in a sub-folder even when .dockerignore excludes the folder', async () => {
		const context = makeContext({
			'build/Dockerfile': 'FROM scratch\n',
			'build/notes.txt': 'left out',
			'.dockerignore': 'build\n',
			'a.txt': 'a',
		});
		assert.deepEqual(await sent(context, 'build/Dockerfile'), [
			'.dockerignore',
			'a.txt',
			'build/Dockerfile',
		]);
	});

	it('packs files with their content and mode, folders and links, as tar reads them back', async () => {
		const long = `${'deep-folder-name/'.repeat(8)}a-file-with-a-rather-long-name-too.txt`;
		const context = makeContext({
			Dockerfile: 'FROM scratch\nCOPY busybox /bin/busybox\n',
			busybox: 'pretend binary',
			'.dockerignore': 'ignored.txt\n',
			'ignored.txt': 'no',
			[long]: 'far down',
			'big.bin': 'x'.repeat(70_000),
		});
		chmodSync(path.join(context, 'busybox'), 0o755);
		symlinkSync('busybox', path.join(context, 'sh'));
		const archive = await pack(context);
		assert.equal(archive.length % 512, 0);
		const members = readTar(archive);
		const byPath = new Map(members.map(member => [member.path, member]));
		assert.ok(!byPath.has('ignored.txt'));
		assert.equal(byPath.get('busybox')?.content.toString(), 'pretend binary');
		assert.equal(byPath.get('busybox')?.mode, 0o755);
		assert.equal(byPath.get('busybox')?.type, '0');
		assert.equal(byPath.get('sh')?.type, '2');
		assert.equal(byPath.get('sh')?.linkTarget, 'busybox');
		assert.equal(byPath.get('deep-folder-name')?.type, '5');
		assert.equal(byPath.get(long)?.content.toString(), 'far down');
		assert.equal(byPath.get('big.bin')?.content.length, 70_000);

		// GNU tar agrees, long path included.
		const listed = execFileSync('tar', ['-tf', '-'], {input: archive})
			.toString()
			.split('\n')
			.filter(Boolean)
			.map(line => line.replace(/\/$/, ''));
		assert.deepEqual(listed.sort(), members.map(member => member.path).sort());
	});

	it('writes a pax header for a path no ustar header can hold', () => {
		const name = 'x'.repeat(120);
		const header = tarHeader({
			path: name,
			type: 'file',
			mode: 0o644,
			mtime: 0,
			size: 0,
		});
		const [member] = readTar(Buffer.concat([header, Buffer.alloc(1024)]));
		assert.equal(member?.path, name);
	});
});
