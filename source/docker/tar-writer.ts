/**
 * Writes tar archives in the POSIX (pax) format the engine reads: ustar headers, with an extended
 * header before an entry whose path, link target or size does not fit in one.
 */

/** One archive member's header. */
export type TarEntry = {
	/** Path inside the archive, with forward slashes; directories without a trailing slash. */
	readonly path: string;
	readonly type: 'file' | 'directory' | 'symlink';
	/** Permission bits, e.g. 0o755. */
	readonly mode: number;
	/** Modification time in milliseconds since the epoch. */
	readonly mtime: number;
	/** Bytes of content that follow; 0 for directories and links. */
	readonly size: number;
	/** The link target of a symlink. */
	readonly linkTarget?: string;
};

export const blockSize = 512;

const typeFlags: Readonly<Record<TarEntry['type'], string>> = {
	file: '0',
	directory: '5',
	symlink: '2',
};

/** The largest size the 11 octal digits of a ustar size field can hold. */
const maxUstarSize = 0o77_777_777_777;

function writeString(
	header: Buffer,
	text: string,
	offset: number,
	length: number,
): void {
	header.write(text, offset, length, 'utf8');
}

function writeOctal(
	header: Buffer,
	value: number,
	offset: number,
	length: number,
): void {
	// Zero-padded octal digits and a NUL, the form every tar reader accepts.
	header.write(
		Math.floor(value)
			.toString(8)
			.padStart(length - 1, '0'),
		offset,
		length - 1,
		'latin1',
	);
}

/** Splits a path into ustar's prefix and name fields, or undefined when it does not fit them. */
function ustarPath(
	path: string,
): {readonly prefix: string; readonly name: string} | undefined {
	if (Buffer.byteLength(path) <= 100) {
		return {prefix: '', name: path};
	}

	for (
		let slash = path.indexOf('/');
		slash !== -1;
		slash = path.indexOf('/', slash + 1)
	) {
		const prefix = path.slice(0, slash);
		const name = path.slice(slash + 1);
		if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) {
			return {prefix, name};
		}
	}

	return undefined;
}

/** One `length key=value\n` record of an extended header; the length counts itself. */
function paxRecord(key: string, value: string): string {
	const body = ` ${key}=${value}\n`;
	const bodyLength = Buffer.byteLength(body);
	let length = bodyLength + String(bodyLength).length;
	// Counting the digits may add a digit (a 98-byte body makes a 101-byte record).
	while (bodyLength + String(length).length !== length) {
		length = bodyLength + String(length).length;
	}

	return `${length}${body}`;
}

function ustarHeader(
	entry: TarEntry,
	typeFlag: string,
	path: {readonly prefix: string; readonly name: string},
	size: number,
	linkTarget: string,
): Buffer {
	const header = Buffer.alloc(blockSize);
	writeString(header, path.name, 0, 100);
	writeOctal(header, entry.mode & 0o7777, 100, 8);
	// Owned by root, as the docker CLI sends a context.
	writeOctal(header, 0, 108, 8);
	writeOctal(header, 0, 116, 8);
	writeOctal(header, size, 124, 12);
	writeOctal(header, Math.max(0, entry.mtime / 1000), 136, 12);
	header.write(typeFlag, 156, 1, 'latin1');
	writeString(header, linkTarget, 157, 100);
	header.write('ustar\u000000', 257, 8, 'latin1');
	writeString(header, path.prefix, 345, 155);
	// The checksum is summed with its own field read as spaces.
	header.fill(' ', 148, 156);
	let sum = 0;
	for (const byte of header) {
		sum += byte;
	}

	header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
	return header;
}

/** The header block(s) of `entry`: a pax extended header first where ustar cannot hold it. */
export function tarHeader(entry: TarEntry): Buffer {
	const linkTarget = entry.linkTarget ?? '';
	const path = ustarPath(entry.path);
	const records = [
		path === undefined ? paxRecord('path', entry.path) : '',
		Buffer.byteLength(linkTarget) > 100
			? paxRecord('linkpath', linkTarget)
			: '',
		entry.size > maxUstarSize ? paxRecord('size', String(entry.size)) : '',
	].join('');
	const header = ustarHeader(
		entry,
		typeFlags[entry.type],
		path ?? {prefix: '', name: entry.path.slice(-100)},
		entry.size > maxUstarSize ? 0 : entry.size,
		Buffer.byteLength(linkTarget) > 100 ? '' : linkTarget,
	);
	if (records === '') {
		return header;
	}

	const body = Buffer.from(records, 'utf8');
	const extended = ustarHeader(
		{path: 'PaxHeader', type: 'file', mode: 0o644, mtime: entry.mtime, size: 0},
		'x',
		{prefix: '', name: 'PaxHeader'},
		body.length,
		'',
	);
	return Buffer.concat([extended, body, tarPadding(body.length), header]);
}

/** Zeros that pad `size` bytes of content to a whole block. */
export function tarPadding(size: number): Buffer {
	return Buffer.alloc((blockSize - (size % blockSize)) % blockSize);
}

/** The two zero blocks that end an archive. */
export function tarEnd(): Buffer {
	return Buffer.alloc(blockSize * 2);
}
