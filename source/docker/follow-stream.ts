import type {Readable} from 'node:stream';

/**
 * Yields `values`, read from a streaming response, until they end or the signal aborts (which
 * destroys the stream). A dropped connection ends the iteration with what `fail` makes of it,
 * unless the signal aborted; an error `isOwn` claims ends it as it is.
 */
export async function* followStream<T>(
	stream: Readable,
	signal: AbortSignal,
	fail: (error: unknown) => never,
	values: AsyncIterable<T>,
	isOwn: (error: unknown) => boolean = () => false,
): AsyncGenerator<T> {
	const destroy = (): void => {
		stream.destroy();
	};

	signal.addEventListener('abort', destroy, {once: true});
	try {
		yield* values;
	} catch (error) {
		if (isOwn(error)) {
			throw error;
		}

		if (!signal.aborted) {
			fail(error);
		}
	} finally {
		signal.removeEventListener('abort', destroy);
		stream.destroy();
	}
}
