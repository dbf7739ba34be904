import {sanitize} from './sanitize.js';
import type {FileHead} from './container-files.js';

/** How much of a file the pager reads: enough for any text file worth paging through. */
export const pagedBytes = 4 * 1024 * 1024;

/** Bytes of a binary file the hex summary shows. */
const hexBytes = 4096;

/** A share of bytes that do not decode as UTF-8 above which a file is not text. */
const invalidShare = 0.1;

/**
 * Whether bytes are binary: a NUL (no text file has one), or too many bytes that are not UTF-8
 * (a Latin-1 text has a few; an image or an executable has many).
 */
export function isBinary(bytes: Uint8Array): boolean {
	if (bytes.includes(0)) {
		return true;
	}

	const decoded = new TextDecoder('utf8').decode(bytes);
	let replaced = 0;
	for (const character of decoded) {
		if (character === '\uFFFD') {
			replaced++;
		}
	}

	return bytes.length > 0 && replaced / bytes.length > invalidShare;
}

/** Tabs as the spaces to the next stop of 8, as a terminal's pager shows them. */
function expandTabs(line: string): string {
	let column = 0;
	let expanded = '';
	for (const character of line) {
		if (character === '\t') {
			const spaces = 8 - (column % 8);
			expanded += ' '.repeat(spaces);
			column += spaces;
		} else {
			expanded += character;
			column++;
		}
	}

	return expanded;
}

function hexLine(bytes: Uint8Array, offset: number): string {
	const row = bytes.subarray(offset, offset + 16);
	const hex = Array.from(row, byte => byte.toString(16).padStart(2, '0'));
	const left = hex.slice(0, 8).join(' ');
	const right = hex.slice(8).join(' ');
	const ascii = Array.from(row, byte =>
		byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
	).join('');
	return `${offset.toString(16).padStart(8, '0')}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|`;
}

/**
 * The lines the pager shows for a file: its text, each line made safe to show, or for a binary
 * file a hex dump of its first bytes (as `xxd` or `hexdump -C` print it) under a line saying so.
 */
export function fileLines(head: FileHead): readonly string[] {
	const {bytes, size} = head;
	const cut =
		size > bytes.length
			? [`… the first ${bytes.length} of ${size} bytes are shown`]
			: [];
	if (isBinary(bytes)) {
		const shown = Math.min(bytes.length, hexBytes);
		const lines = [`binary file, ${size} bytes; the first ${shown} in hex:`];
		for (let offset = 0; offset < shown; offset += 16) {
			lines.push(hexLine(bytes.subarray(0, shown), offset));
		}

		return lines;
	}

	const text = new TextDecoder('utf8').decode(bytes);
	const lines = text.split(/\r?\n/).map(line => sanitize(expandTabs(line)));
	if (lines.at(-1) === '') {
		lines.pop();
	}

	return [...lines, ...cut];
}
