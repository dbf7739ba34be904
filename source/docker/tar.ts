/**
 * The contents of the first regular file in a tar archive (what `GET /containers/{id}/archive`
 * returns for a single file), or undefined when there is none. Only what that endpoint produces is
 * handled: ustar headers, with PAX extended headers skipped.
 */
export function firstFileInTar(archive: Uint8Array): Buffer | undefined {
	const buffer = Buffer.from(
		archive.buffer,
		archive.byteOffset,
		archive.byteLength,
	);
	let offset = 0;
	while (offset + 512 <= buffer.length) {
		const header = buffer.subarray(offset, offset + 512);
		if (header.every(byte => byte === 0)) {
			return undefined;
		}

		const size = Number.parseInt(
			header.toString('latin1', 124, 136).replaceAll('\0', '').trim() || '0',
			8,
		);
		const type = String.fromCharCode(header[156] ?? 0);
		const start = offset + 512;
		if (type === '0' || type === '\0') {
			return buffer.subarray(start, start + size);
		}

		// Extended headers, directories and links: skip the entry and its padded data.
		offset = start + Math.ceil(size / 512) * 512;
	}

	return undefined;
}
