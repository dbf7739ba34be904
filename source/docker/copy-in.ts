import {access, constants, readdir} from 'node:fs/promises';
import path from 'node:path';
import {localArchive, localMember, type LocalMember} from './local-archive.js';
import {blockSize, tarPadding} from './tar-writer.js';

/** What a copy in will send: the bytes of its files, how many there are, and the archive's length. */
export type CopyInSize = {
	readonly bytes: number;
	readonly files: number;
	/** Headers, content and padding: what the progress bar counts up to (more where a path needs a pax header). */
	readonly archiveBytes: number;
};

/**
 * A local path's failure in words. The path is named only when it lies below `source`: the message
 * follows the source's own name wherever it is shown.
 */
function localError(error: unknown, source: string): Error {
	const code = (error as NodeJS.ErrnoException).code;
	const at = (error as NodeJS.ErrnoException).path ?? source;
	const below = path.resolve(at) === path.resolve(source) ? '' : `${at}: `;
	if (code === 'ENOENT') {
		return new Error(`${below}there is no such file or folder`);
	}

	if (code === 'EACCES' || code === 'EPERM') {
		return new Error(`${below}permission denied`);
	}

	return error instanceof Error ? error : new Error(String(error));
}

/**
 * `source` and, for a folder, everything under it, in a stable (sorted) order: named as `docker cp`
 * names them in the folder they go to (the source's own name first), links stored as links.
 */
async function* members(
	source: string,
	name: string,
): AsyncGenerator<LocalMember> {
	const found = await localMember(source, name);
	if (found === undefined) {
		return;
	}

	yield found;
	if (found.type === 'directory') {
		for (const child of (await readdir(source)).sort()) {
			yield* members(path.join(source, child), `${name}/${child}`);
		}
	}
}

/** The name a local path has once copied in: its last part (`site` for `./site/`). */
function copiedName(source: string): string {
	return path.basename(path.resolve(source));
}

/**
 * Walks `source` before anything is sent: a missing path, or a file or folder that cannot be read,
 * fails here with its path named, so the engine is never handed half an archive for it.
 */
export async function measureCopyIn(source: string): Promise<CopyInSize> {
	let bytes = 0;
	let files = 0;
	let archiveBytes = 2 * blockSize;
	try {
		for await (const member of members(source, copiedName(source))) {
			archiveBytes += blockSize;
			if (member.type === 'file') {
				await access(member.source, constants.R_OK);
				bytes += member.size;
				files += 1;
				archiveBytes += member.size + tarPadding(member.size).length;
			}
		}
	} catch (error) {
		throw localError(error, source);
	}

	return {bytes, files, archiveBytes};
}

/**
 * The tar `docker cp SOURCE CONTAINER:FOLDER` sends, read from disk as the engine takes it; `sent`
 * hears how many bytes of the archive have gone so far.
 */
export async function* copyInArchive(
	source: string,
	sent: (bytes: number) => void = () => undefined,
): AsyncGenerator<Buffer> {
	let total = 0;
	try {
		for await (const chunk of localArchive(
			members(source, copiedName(source)),
		)) {
			total += chunk.length;
			sent(total);
			yield chunk;
		}
	} catch (error) {
		throw localError(error, source);
	}
}
