import type {DockerClient} from './docker-client.js';
import {sanitize} from './sanitize.js';
import {tarItems, type TarMember} from './tar-reader.js';

/** One entry of a container's folder, as the files browser lists it. */
export type FileEntry = {
	/** The name as the container has it: for paths, never for the screen. */
	readonly name: string;
	/** The name made safe to show. */
	readonly label: string;
	readonly type: TarMember['type'];
	/** A file's bytes; a folder's, summed over everything under it. */
	readonly size: number;
	readonly mode: number;
	/** `user:group` by name where the archive names them, else by id. */
	readonly owner: string;
	/** Milliseconds since the epoch. */
	readonly mtime: number;
	/** A symlink's target, made safe to show; empty for others. */
	readonly linkTarget: string;
};

/** A folder's entries, folders first, then by name. */
export type FolderListing = {
	readonly path: string;
	readonly entries: readonly FileEntry[];
	/**
	 * The archive was cut short: the folder holds more than {@link listingLimits} allow to read
	 * (the engine sends every byte under a folder), so sizes and entries may be missing.
	 */
	readonly isPartial: boolean;
};

/** How much of a folder's archive a listing reads before it stops. */
export const listingLimits = {
	bytes: 64 * 1024 * 1024,
	members: 20_000,
};

/**
 * Where a member sits relative to the folder asked for, whose own member comes first and names
 * the rest: `etc/` then `etc/passwd` for `/etc`, `/` then `/bin/` for `/`.
 */
function relativeParts(
	memberPath: string,
	folderMember: string,
): readonly string[] {
	return memberPath.startsWith(folderMember)
		? memberPath
				.slice(folderMember.length)
				.split('/')
				.filter(part => part !== '' && part !== '.')
		: [];
}

function ownerOf(member: TarMember): string {
	return `${member.user === '' ? member.uid : member.user}:${member.group === '' ? member.gid : member.group}`;
}

function entryOf(member: TarMember, name: string): FileEntry {
	return {
		name,
		label: sanitize(name),
		type: member.type,
		size: member.type === 'directory' ? 0 : member.size,
		mode: member.mode,
		owner: ownerOf(member),
		mtime: member.mtime,
		linkTarget: sanitize(member.linkTarget),
	};
}

/** Folders first, then by name: how `ls` groups them in most file managers. */
export function compareEntries(a: FileEntry, b: FileEntry): number {
	const folderFirst =
		Number(b.type === 'directory') - Number(a.type === 'directory');
	return folderFirst === 0 ? a.name.localeCompare(b.name) : folderFirst;
}

/**
 * Lists a folder of a container from its archive (which works on stopped containers and remote
 * engines alike): its direct entries, each folder with the size of what it holds.
 */
export async function listFolder(
	docker: Pick<DockerClient, 'getArchive'>,
	id: string,
	folder: string,
	signal?: AbortSignal,
): Promise<FolderListing> {
	const controller = new AbortController();
	const stop = (): void => {
		controller.abort();
	};

	signal?.addEventListener('abort', stop, {once: true});
	const entries = new Map<string, FileEntry>();
	const sizes = new Map<string, number>();
	let bytes = 0;
	let members = 0;
	let isPartial = false;
	let folderMember: string | undefined;
	try {
		for await (const {member} of tarItems(
			docker.getArchive(id, folder, controller.signal),
		)) {
			folderMember ??= member.path.replace(/\/+$/, '');
			const parts = relativeParts(member.path, folderMember);
			const [first] = parts;
			if (first !== undefined) {
				if (parts.length === 1) {
					entries.set(first, entryOf(member, first));
				} else if (member.type === 'file') {
					sizes.set(first, (sizes.get(first) ?? 0) + member.size);
				}
			}

			bytes += member.type === 'file' ? member.size + 512 : 512;
			members++;
			if (bytes > listingLimits.bytes || members > listingLimits.members) {
				isPartial = true;
				break;
			}
		}
	} finally {
		signal?.removeEventListener('abort', stop);
		controller.abort();
	}

	return {
		path: folder,
		entries: [...entries.values()]
			.map(entry =>
				entry.type === 'directory'
					? {...entry, size: sizes.get(entry.name) ?? 0}
					: entry,
			)
			.sort(compareEntries),
		isPartial,
	};
}

/** A file's first bytes, and how large it is. */
export type FileHead = {
	readonly bytes: Buffer;
	readonly size: number;
};

/** Reads the first `maxBytes` of one file of a container; undefined when the path is not a file. */
export async function readFileHead(
	docker: Pick<DockerClient, 'getArchive'>,
	id: string,
	file: string,
	maxBytes: number,
): Promise<FileHead | undefined> {
	const controller = new AbortController();
	try {
		for await (const {member, content} of tarItems(
			docker.getArchive(id, file, controller.signal),
		)) {
			if (member.type !== 'file') {
				return undefined;
			}

			const parts: Buffer[] = [];
			let length = 0;
			for await (const chunk of content()) {
				parts.push(chunk.subarray(0, maxBytes - length));
				length += Math.min(chunk.length, maxBytes - length);
				if (length >= maxBytes) {
					break;
				}
			}

			return {bytes: Buffer.concat(parts), size: member.size};
		}

		return undefined;
	} finally {
		controller.abort();
	}
}
