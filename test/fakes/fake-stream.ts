/** The producing end of one open fake stream. */
export type StreamSubscriber<T> = {
	readonly push: (value: T) => void;
	readonly end: (error?: Error) => void;
};

/**
 * Serves a fake streaming endpoint: yields what is pushed to the subscriber until the signal aborts
 * or `end` is called (with an error: the connection dropped). The subscriber is in `subscribers`
 * exactly while the stream is open, so tests can count open streams.
 */
export async function* fakeStream<T>(
	subscribers: Set<StreamSubscriber<T>>,
	signal: AbortSignal,
): AsyncGenerator<T> {
	const queue: T[] = [];
	let wake: (() => void) | undefined;
	let ended: {error?: Error} | undefined;
	const subscriber: StreamSubscriber<T> = {
		push(value) {
			queue.push(value);
			wake?.();
		},
		end(error) {
			ended = error === undefined ? {} : {error};
			wake?.();
		},
	};
	const onAbort = (): void => {
		subscriber.end();
	};

	subscribers.add(subscriber);
	signal.addEventListener('abort', onAbort, {once: true});
	try {
		for (;;) {
			const value = queue.shift();
			if (value !== undefined) {
				yield value;
				continue;
			}

			if (ended !== undefined) {
				if (ended.error !== undefined && !signal.aborted) {
					throw ended.error;
				}

				return;
			}

			await new Promise<void>(resolve => {
				wake = resolve;
			});
			wake = undefined;
		}
	} finally {
		subscribers.delete(subscriber);
		signal.removeEventListener('abort', onAbort);
	}
}
