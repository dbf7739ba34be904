/**
 * Reads a tar archive as it streams in (what `GET /containers/{id}/archive` answers): one member at
 * a time, its content handed on in chunks or skipped, so that a large archive is never held whole.
 * It reads what the engine writes (ustar headers, PAX extended headers) and GNU long names.
 */

/** One archive member's header, as read. */
export type TarMember = {
	/** The path as the archive names it (untrusted: it may hold `..` or start with `/`). */
	readonly path: string;
	readonly type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';
	/** Permission bits, e.g. 0o755. */
	readonly mode: number;
	readonly uid: number;
	readonly gid: number;
	/** Owner and group names where the archive has them; empty otherwise. */
	readonly user: string;
	readonly group: string;
	/** Bytes of content. */
	readonly size: number;
	/** Modification time in milliseconds since the epoch. */
	readonly mtime: number;
	/** The target of a symlink or hard link; empty for others. */
	readonly linkTarget: string;
};

/** A member and a way to read its content once; content not read is skipped. */
export type TarItem = {
	readonly member: TarMember;
	readonly content: () => AsyncIterable<Buffer>;
};

const blockSize = 512;

/** Pulls exact byte counts out of a stream of chunks. */
class ChunkReader {
	private readonly iterator: AsyncIterator<Uint8Array>;
	private buffered: Buffer = Buffer.alloc(0);
	private isDone = false;

	constructor(source: AsyncIterable<Uint8Array>) {
		this.iterator = source[Symbol.asyncIterator]();
	}

	/** Up to `count` bytes, fewer only at the end of the stream; at most what one chunk holds. */
	async some(count: number): Promise<Buffer> {
		while (this.buffered.length === 0 && !this.isDone) {
			const next = await this.iterator.next();
			if (next.done === true) {
				this.isDone = true;
			} else {
				this.buffered = Buffer.from(next.value);
			}
		}

		const taken = this.buffered.subarray(0, count);
		this.buffered = this.buffered.subarray(taken.length);
		return taken;
	}

	/** Exactly `count` bytes, or fewer at the end of the stream. */
	async exactly(count: number): Promise<Buffer> {
		const parts: Buffer[] = [];
		let length = 0;
		while (length < count) {
			const part = await this.some(count - length);
			if (part.length === 0) {
				break;
			}

			parts.push(part);
			length += part.length;
		}

		return parts.length === 1
			? (parts[0] ?? Buffer.alloc(0))
			: Buffer.concat(parts);
	}

	async skip(count: number): Promise<void> {
		let left = count;
		while (left > 0) {
			const part = await this.some(left);
			if (part.length === 0) {
				return;
			}

			left -= part.length;
		}
	}

	async close(): Promise<void> {
		await this.iterator.return?.();
	}
}

function text(header: Buffer, offset: number, length: number): string {
	const field = header.subarray(offset, offset + length);
	const end = field.indexOf(0);
	return field.toString('utf8', 0, end === -1 ? length : end);
}

/** An octal number field, or the base-256 form GNU tar uses for large values. */
function number(header: Buffer, offset: number, length: number): number {
	const first = header[offset] ?? 0;
	if ((first & 0x80) !== 0) {
		let value = first & 0x7f;
		for (let index = offset + 1; index < offset + length; index++) {
			value = value * 256 + (header[index] ?? 0);
		}

		return value;
	}

	const digits = text(header, offset, length).trim();
	return digits === '' ? 0 : Number.parseInt(digits, 8) || 0;
}

function isChecksumValid(header: Buffer): boolean {
	let sum = 0;
	for (let index = 0; index < blockSize; index++) {
		sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0);
	}

	return sum === number(header, 148, 8);
}

/** `length key=value\n` records of a PAX extended header. */
function paxRecords(body: Buffer): Map<string, string> {
	const records = new Map<string, string>();
	let offset = 0;
	while (offset < body.length) {
		const space = body.indexOf(0x20, offset);
		const length = Number.parseInt(body.toString('latin1', offset, space), 10);
		if (space === -1 || !Number.isInteger(length) || length <= 0) {
			break;
		}

		const record = body.toString('utf8', space + 1, offset + length - 1);
		const equals = record.indexOf('=');
		if (equals !== -1) {
			records.set(record.slice(0, equals), record.slice(equals + 1));
		}

		offset += length;
	}

	return records;
}

const types: Readonly<Record<string, TarMember['type']>> = {
	'0': 'file',
	'\0': 'file',
	'7': 'file',
	'5': 'directory',
	'2': 'symlink',
	'1': 'hardlink',
};

function memberOf(header: Buffer, overrides: Map<string, string>): TarMember {
	const name = text(header, 0, 100);
	const isUstar = header.toString('latin1', 257, 262) === 'ustar';
	const prefix = isUstar ? text(header, 345, 155) : '';
	const paxNumber = (key: string, fallback: number): number => {
		const value = Number(overrides.get(key));
		return overrides.has(key) && Number.isFinite(value) ? value : fallback;
	};

	return {
		path: overrides.get('path') ?? (prefix === '' ? name : `${prefix}/${name}`),
		type: types[String.fromCharCode(header[156] ?? 0)] ?? 'other',
		mode: number(header, 100, 8) & 0o7777,
		uid: paxNumber('uid', number(header, 108, 8)),
		gid: paxNumber('gid', number(header, 116, 8)),
		user: overrides.get('uname') ?? (isUstar ? text(header, 265, 32) : ''),
		group: overrides.get('gname') ?? (isUstar ? text(header, 297, 32) : ''),
		size: paxNumber('size', number(header, 124, 12)),
		mtime: Math.round(paxNumber('mtime', number(header, 136, 12)) * 1000),
		linkTarget: overrides.get('linkpath') ?? text(header, 157, 100),
	};
}

/** Thrown where the bytes are not a tar archive. */
export class TarFormatError extends Error {
	override readonly name = 'TarFormatError';
}

/**
 * The members of a tar archive, in order. Each item's content is readable until the next item is
 * asked for; what is not read is skipped. Ending the iteration early closes the source.
 */
export async function* tarItems(
	source: AsyncIterable<Uint8Array>,
): AsyncGenerator<TarItem> {
	const reader = new ChunkReader(source);
	try {
		let overrides = new Map<string, string>();
		for (;;) {
			const header = await reader.exactly(blockSize);
			if (header.length < blockSize || header.every(byte => byte === 0)) {
				return;
			}

			if (!isChecksumValid(header)) {
				throw new TarFormatError('not a tar archive (bad header checksum)');
			}

			const flag = String.fromCharCode(header[156] ?? 0);
			const size = number(header, 124, 12);
			const padding = (blockSize - (size % blockSize)) % blockSize;
			if (flag === 'x' || flag === 'L' || flag === 'K') {
				const body = await reader.exactly(size);
				await reader.skip(padding);
				if (flag === 'x') {
					overrides = new Map([...overrides, ...paxRecords(body)]);
				} else {
					const value = body.toString('utf8').replace(/\0+$/, '');
					overrides.set(flag === 'L' ? 'path' : 'linkpath', value);
				}

				continue;
			}

			if (flag === 'g') {
				await reader.skip(size + padding);
				continue;
			}

			const member = memberOf(header, overrides);
			overrides = new Map();
			// Only files carry content; a hard link's size field may be set but nothing follows.
			const contentSize =
				member.type === 'file' || member.type === 'other' ? member.size : 0;
			let left = contentSize;
			const content = async function* (): AsyncGenerator<Buffer> {
				while (left > 0) {
					const chunk = await reader.some(left);
					if (chunk.length === 0) {
						throw new TarFormatError('the archive ends inside a member');
					}

					left -= chunk.length;
					yield chunk;
				}
			};

			yield {member, content};
			await reader.skip(left + (contentSize === 0 ? 0 : padding));
		}
	} finally {
		await reader.close();
	}
}
