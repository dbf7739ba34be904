import type {Readable} from 'node:stream';
import {followStream} from './follow-stream.js';

/**
 * Splits a byte stream of newline-delimited JSON (the Engine API's `/events` and streaming
 * `/stats`) into parsed values. Chunks may end anywhere, inside a value or inside a multi-byte
 * UTF-8 character, so undecoded bytes and the unfinished line are carried over.
 */
export async function* jsonLines(
	chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator {
	const decoder = new TextDecoder();
	let pending = '';
	for await (const chunk of chunks) {
		pending +=
			typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true});
		let newline = pending.indexOf('\n');
		while (newline !== -1) {
			const line = pending.slice(0, newline).trim();
			pending = pending.slice(newline + 1);
			if (line !== '') {
				yield JSON.parse(line) as unknown;
			}

			newline = pending.indexOf('\n');
		}
	}

	const rest = (pending + decoder.decode()).trim();
	if (rest !== '') {
		yield JSON.parse(rest) as unknown;
	}
}

/** What {@link followJsonLines} makes of a stream. */
type Reading<T> = {
	/** The values one line stands for. */
	readonly each: (raw: unknown) => Iterable<T>;
	/** What comes after the last line, once the stream has ended. */
	readonly end?: () => Iterable<T>;
	/** Whether an error `each` threw ends the stream as it is, rather than through `fail`. */
	readonly isOwn?: (error: unknown) => boolean;
};

/** Follows a streaming response of JSON lines, as {@link followStream} does. */
export async function* followJsonLines<T>(
	stream: Readable,
	signal: AbortSignal,
	fail: (error: unknown) => never,
	{each, end = () => [], isOwn}: Reading<T>,
): AsyncGenerator<T> {
	async function* values(): AsyncGenerator<T> {
		for await (const raw of jsonLines(stream)) {
			yield* each(raw);
		}

		yield* end();
	}

	yield* followStream(stream, signal, fail, values(), isOwn);
}

/** The value `map` makes of a line, or none where it makes nothing of it. */
export function definedOf<T>(
	map: (raw: unknown) => T | undefined,
): (raw: unknown) => T[] {
	return raw => {
		const value = map(raw);
		return value === undefined ? [] : [value];
	};
}
