import {lstat, open, readlink} from 'node:fs/promises';
import {tarEnd, tarHeader, tarPadding, type TarEntry} from './tar-writer.js';

/** A member of an archive of local files: its header, and where its content is read from. */
export type LocalMember = TarEntry & {readonly source: string};

const chunkSize = 64 * 1024;

/**
 * The archive member for the local `source`, named `relativePath`: a file, folder or symlink (stored
 * as a link), with its mode and mtime; undefined for sockets, pipes and devices, which have no
 * content to send, as with the docker CLI.
 */
export async function localMember(
	source: string,
	relativePath: string,
): Promise<LocalMember | undefined> {
	const stats = await lstat(source);
	const common = {
		path: relativePath,
		source,
		mode: stats.mode,
		mtime: stats.mtimeMs,
	};
	if (stats.isDirectory()) {
		return {...common, type: 'directory', size: 0};
	}

	if (stats.isSymbolicLink()) {
		return {
			...common,
			type: 'symlink',
			size: 0,
			linkTarget: await readlink(source),
		};
	}

	return stats.isFile()
		? {...common, type: 'file', size: stats.size}
		: undefined;
}

/** A file's content, exactly `size` bytes of it: padded with zeros if it shrank while being read. */
async function* content(file: LocalMember): AsyncGenerator<Buffer> {
	const handle = await open(file.source, 'r');
	try {
		let left = file.size;
		while (left > 0) {
			const buffer = Buffer.alloc(Math.min(chunkSize, left));
			const {bytesRead} = await handle.read(buffer, 0, buffer.length, null);
			if (bytesRead === 0) {
				yield Buffer.alloc(left);
				return;
			}

			left -= bytesRead;
			yield buffer.subarray(0, bytesRead);
		}
	} finally {
		await handle.close();
	}
}

/** A tar of `members`, each file read from disk as the archive is taken: never held whole. */
export async function* localArchive(
	members: AsyncIterable<LocalMember>,
): AsyncGenerator<Buffer> {
	for await (const file of members) {
		yield tarHeader(file);
		if (file.type === 'file') {
			yield* content(file);
			yield tarPadding(file.size);
		}
	}

	yield tarEnd();
}
