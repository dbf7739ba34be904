import {lstat, open, readdir, readFile, readlink} from 'node:fs/promises';
import path from 'node:path';
import {Readable} from 'node:stream';
import {createDockerIgnore, type DockerIgnore} from './dockerignore.js';
import {tarEnd, tarHeader, tarPadding, type TarEntry} from './tar-writer.js';

/** A member of a build context: its header, and where its content is read from. */
export type ContextMember = TarEntry & {readonly source: string};

const chunkSize = 64 * 1024;

async function readIgnoreFile(context: string): Promise<string> {
	try {
		return await readFile(path.join(context, '.dockerignore'), 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return '';
		}

		throw error;
	}
}

async function member(
	source: string,
	relativePath: string,
): Promise<ContextMember | undefined> {
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

	// Sockets, pipes and devices have no content to send, as with the docker CLI.
	return stats.isFile()
		? {...common, type: 'file', size: stats.size}
		: undefined;
}

async function* walk(
	context: string,
	folder: string,
	rules: DockerIgnore,
): AsyncGenerator<ContextMember> {
	const names = (await readdir(path.join(context, folder))).sort();
	for (const name of names) {
		const relativePath = folder === '' ? name : `${folder}/${name}`;
		const found = await member(path.join(context, relativePath), relativePath);
		if (found === undefined) {
			continue;
		}

		const isFolder = found.type === 'directory';
		if (!rules.ignores(relativePath)) {
			yield found;
			if (isFolder) {
				yield* walk(context, relativePath, rules);
			}
		} else if (isFolder && rules.mayKeepInside(relativePath)) {
			// The folder itself stays out; what an exception brings back inside it goes in.
			yield* walk(context, relativePath, rules);
		}
	}
}

/**
 * The files, folders and links of `context` that `docker build` sends: everything its
 * `.dockerignore` does not exclude, and always the `.dockerignore` and the Dockerfile themselves.
 * Paths are relative, with forward slashes, in a stable (sorted) order.
 */
export async function* contextMembers(
	context: string,
	dockerfile: string,
): AsyncGenerator<ContextMember> {
	const rules = createDockerIgnore(await readIgnoreFile(context), [
		'.dockerignore',
		dockerfile,
	]);
	yield* walk(context, '', rules);
}

/** A file's content, exactly `size` bytes of it: padded with zeros if it shrank while being read. */
async function* content(file: ContextMember): AsyncGenerator<Buffer> {
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

async function* archive(
	members: AsyncIterable<ContextMember>,
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

/** The build context as a tar stream, read from disk as the engine takes it. */
export function packBuildContext(
	context: string,
	dockerfile: string,
): Readable {
	return Readable.from(archive(contextMembers(context, dockerfile)), {
		objectMode: false,
	});
}
