import assert from 'node:assert/strict';
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {copyInArchive, measureCopyIn} from '../../source/docker/copy-in.js';
import {tarItems} from '../../source/docker/tar-reader.js';

const root = mkdtempSync(path.join(tmpdir(), 'dockmate-copy-in-'));
after(() => {
	rmSync(root, {recursive: true, force: true});
});

const site = path.join(root, 'site');
mkdirSync(path.join(site, 'bin'), {recursive: true});
writeFileSync(path.join(site, 'index.html'), '<h1>hi</h1>\n');
writeFileSync(path.join(site, 'bin/run'), '#!/bin/sh\n');
chmodSync(path.join(site, 'bin/run'), 0o750);
symlinkSync('index.html', path.join(site, 'home'));
utimesSync(path.join(site, 'index.html'), 1_700_000_000, 1_700_000_000);

async function membersOf(source: string) {
	const found = [];
	for await (const item of tarItems(copyInArchive(source))) {
		let text = '';
		for await (const chunk of item.content()) {
			text += chunk.toString('utf8');
		}

		found.push({...item.member, text});
	}

	return found;
}

describe('copy in (docker cp SRC CONTAINER:DIR)', () => {
	it('sends a folder under its own name, with modes, mtimes, content and links as links', async () => {
		const members = await membersOf(`${site}/`);
		assert.deepEqual(
			members.map(member => [member.path, member.type]),
			[
				['site', 'directory'],
				['site/bin', 'directory'],
				['site/bin/run', 'file'],
				['site/home', 'symlink'],
				['site/index.html', 'file'],
			],
		);
		const byPath = new Map(members.map(member => [member.path, member]));
		assert.equal(byPath.get('site/bin/run')?.mode, 0o750);
		assert.equal(byPath.get('site/bin/run')?.text, '#!/bin/sh\n');
		assert.equal(byPath.get('site/home')?.linkTarget, 'index.html');
		assert.equal(byPath.get('site/index.html')?.mtime, 1_700_000_000_000);
	});

	it('sends a file as itself, and measures what a copy will send', async () => {
		const members = await membersOf(path.join(site, 'index.html'));
		assert.deepEqual(
			members.map(member => [member.path, member.text]),
			[['index.html', '<h1>hi</h1>\n']],
		);
		let sent = 0;
		for await (const chunk of copyInArchive(site)) {
			sent += chunk.length;
		}

		assert.deepEqual(await measureCopyIn(site), {
			bytes: 22,
			files: 2,
			archiveBytes: sent,
		});
	});

	it('says a local path is missing before anything is sent, naming only a path below it', async () => {
		const missing = path.join(root, 'nowhere');
		await assert.rejects(measureCopyIn(missing), {
			message: 'there is no such file or folder',
		});
	});
});
