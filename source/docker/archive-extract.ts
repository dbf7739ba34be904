import {constants} from 'node:fs';
import {
	chmod,
	link,
	lstat,
	mkdir,
	open,
	realpath,
	rm,
	symlink,
	utimes,
} from 'node:fs/promises';
import path from 'node:path';
import type {TarItem} from './tar-reader.js';

/** An archive member that was not written, and why. */
export type ExtractRefusal = {readonly path: string; readonly reason: string};

/** What an extraction wrote, and what it refused. */
export type ExtractReport = {
	readonly files: number;
	readonly folders: number;
	readonly links: number;
	readonly bytes: number;
	readonly refused: readonly ExtractRefusal[];
};

/** Whether `child` is `root` or lies under it (both absolute and resolved). */
export function isInside(root: string, child: string): boolean {
	const relative = path.relative(root, child);
	return (
		relative === '' ||
		(relative !== '..' &&
			!relative.startsWith(`..${path.sep}`) &&
			!path.isAbsolute(relative))
	);
}

/**
 * Where an archive member's path puts it under `root`, or why it may not be written there: an
 * absolute path, or one that climbs out with `..`. The path is the archive's, untrusted.
 */
export function memberTarget(
	root: string,
	memberPath: string,
): {readonly path: string} | {readonly reason: string} {
	if (memberPath.startsWith('/')) {
		return {reason: 'an absolute path'};
	}

	const parts = memberPath
		.split('/')
		.filter(part => part !== '' && part !== '.');
	if (parts.includes('..')) {
		return {reason: 'a path with .. that leaves the folder'};
	}

	if (parts.some(part => part.includes('\0'))) {
		return {reason: 'a path with a NUL byte'};
	}

	return {path: path.join(root, ...parts)};
}

/**
 * Why a symlink at `at` (under `root`) to `target` may not be written: one whose target is
 * absolute, or climbs out of `root`, would lead whatever follows it out of the folder.
 */
export function linkRefusal(
	root: string,
	at: string,
	target: string,
): string | undefined {
	if (path.isAbsolute(target)) {
		return `a symlink to ${target}, outside the folder`;
	}

	return isInside(root, path.resolve(path.dirname(at), target))
		? undefined
		: `a symlink to ${target}, outside the folder`;
}

function errorCode(error: unknown): string | undefined {
	return error instanceof Error && 'code' in error
		? String(error.code)
		: undefined;
}

/** Removes what stands at `at` unless it is a folder (a folder is merged into, as `docker cp` does). */
async function clearFor(at: string): Promise<'folder' | 'clear'> {
	try {
		const stat = await lstat(at);
		if (stat.isDirectory()) {
			return 'folder';
		}

		await rm(at);
	} catch (error) {
		if (errorCode(error) !== 'ENOENT') {
			throw error;
		}
	}

	return 'clear';
}

/**
 * Writes an archive's members under `root` (an existing local folder), as `docker cp` does a
 * container's files: modes and modification times kept, folders merged into. Nothing is written
 * outside `root`: members with absolute or climbing paths are refused, as are symlinks leading
 * out, and a member whose folder resolves out of `root` (through a link already there) too.
 */
export async function extractArchive(
	items: AsyncIterable<TarItem>,
	root: string,
	onProgress?: (bytes: number) => void,
): Promise<ExtractReport> {
	const realRoot = await realpath(root);
	const refused: ExtractRefusal[] = [];
	const folders: {at: string; mode: number; mtime: number}[] = [];
	let files = 0;
	let links = 0;
	let bytes = 0;
	for await (const {member, content} of items) {
		const target = memberTarget(realRoot, member.path);
		if ('reason' in target) {
			refused.push({path: member.path, reason: target.reason});
			continue;
		}

		const at = target.path;
		if (at === realRoot) {
			continue;
		}

		await mkdir(path.dirname(at), {recursive: true});
		if (!isInside(realRoot, await realpath(path.dirname(at)))) {
			refused.push({
				path: member.path,
				reason: 'its folder leads out through a link',
			});
			continue;
		}

		switch (member.type) {
			case 'directory': {
				if ((await clearFor(at)) === 'clear') {
					await mkdir(at, {mode: 0o700});
				}

				folders.push({at, mode: member.mode, mtime: member.mtime});
				break;
			}

			case 'file': {
				await clearFor(at);
				// O_NOFOLLOW: a link put there meanwhile is not written through.
				const file = await open(
					at,
					constants.O_WRONLY |
						constants.O_CREAT |
						constants.O_EXCL |
						constants.O_NOFOLLOW,
					0o600,
				);
				try {
					for await (const chunk of content()) {
						await file.write(chunk);
						bytes += chunk.length;
						onProgress?.(bytes);
					}

					await file.chmod(member.mode);
				} finally {
					await file.close();
				}

				await utimes(at, member.mtime / 1000, member.mtime / 1000);
				files++;
				break;
			}

			case 'symlink': {
				const reason = linkRefusal(realRoot, at, member.linkTarget);
				if (reason !== undefined) {
					refused.push({path: member.path, reason});
					break;
				}

				await clearFor(at);
				await symlink(member.linkTarget, at);
				links++;
				break;
			}

			case 'hardlink': {
				const source = memberTarget(realRoot, member.linkTarget);
				if ('reason' in source) {
					refused.push({
						path: member.path,
						reason: `a hard link to ${source.reason}`,
					});
					break;
				}

				if (!isInside(realRoot, await realpath(path.dirname(source.path)))) {
					refused.push({
						path: member.path,
						reason: 'a hard link that leads out',
					});
					break;
				}

				await clearFor(at);
				await link(source.path, at);
				links++;
				break;
			}

			case 'other': {
				refused.push({
					path: member.path,
					reason: 'a device or pipe, not copied',
				});
				break;
			}
		}
	}

	// Last and deepest first, as tar does: a read-only folder is made so after its content is written.
	for (const folder of folders.reverse()) {
		await chmod(folder.at, folder.mode);
		await utimes(folder.at, folder.mtime / 1000, folder.mtime / 1000);
	}

	return {files, folders: folders.length, links, bytes, refused};
}
