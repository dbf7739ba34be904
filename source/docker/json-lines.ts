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
