import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {Readable} from 'node:stream';
import {createDockerIgnore, type DockerIgnore} from './dockerignore.js';
import {localArchive, localMember, type LocalMember} from './local-archive.js';

/** A member of a build context: its header, and where its content is read from. */
export type ContextMember = LocalMember;

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

async function* walk(
	context: string,
	folder: string,
	rules: DockerIgnore,
): AsyncGenerator<ContextMember> {
	const names = (await readdir(path.join(context, folder))).sort();
	for (const name of names) {
		const relativePath = folder === '' ? name : `${folder}/${name}`;
		const found = await localMember(
			path.join(context, relativePath),
			relativePath,
		);
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

/** The build context as a tar stream, read from disk as the engine takes it. */
export function packBuildContext(
	context: string,
	dockerfile: string,
): Readable {
	return Readable.from(localArchive(contextMembers(context, dockerfile)), {
		objectMode: false,
	});
}
