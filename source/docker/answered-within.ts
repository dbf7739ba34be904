import {childSignal} from './abort-fanout.js';
import {DockerError} from './errors.js';

/**
 * What `ask` answers within `ms`, on a signal of its own that aborts with `signal` or at `ms`.
 * Past `ms` it rejects with a timeout DockerError (`no answer within 15 s`), and once `signal`
 * aborts, with its reason: a call that does not heed its signal is given up all the same.
 * A `background` wait keeps no process alive by itself.
 */
export async function answeredWithin<T>(
	ask: (signal: AbortSignal) => Promise<T>,
	ms: number,
	options: {readonly signal?: AbortSignal; readonly background?: boolean} = {},
): Promise<T> {
	const {signal} = options;
	const controller = new AbortController();
	let stop: () => void = () => undefined;
	let timer: NodeJS.Timeout | undefined;
	const givenUp = new Promise<never>((_resolve, reject) => {
		stop = () => {
			controller.abort(signal?.reason);
			reject(
				signal?.reason instanceof Error
					? signal.reason
					: new DOMException('This operation was aborted', 'AbortError'),
			);
		};

		timer = setTimeout(() => {
			controller.abort();
			reject(new DockerError('timeout', `no answer within ${ms / 1000} s`));
		}, ms);
		if (options.background === true) {
			timer.unref();
		}
	});
	// Through a child: a fleet's engines and their lists wait at once on one long-lived signal,
	// which would otherwise carry a listener for each.
	const parent = signal === undefined ? undefined : childSignal(signal);
	if (parent?.signal.aborted === true) {
		stop();
	} else {
		parent?.signal.addEventListener('abort', stop, {once: true});
	}

	try {
		return await Promise.race([ask(controller.signal), givenUp]);
	} finally {
		clearTimeout(timer);
		parent?.signal.removeEventListener('abort', stop);
		parent?.release();
	}
}
