import type {Duplex} from 'node:stream';
import type {ExecSession} from '../docker/docker-client.js';

/** The keyboard side of the terminal: `process.stdin`, or a stand-in in tests. */
export type SessionInput = NodeJS.ReadableStream & {
	readonly isTTY?: boolean;
	setRawMode?: (mode: boolean) => unknown;
};

/** The screen side of the terminal: `process.stdout`, or a stand-in in tests. */
export type SessionOutput = NodeJS.WritableStream & {
	readonly columns?: number;
	readonly rows?: number;
};

/** The engine's default detach keys, for attach and exec alike: Ctrl-P Ctrl-Q. */
const detachKeys = [0x10, 0x11] as const;

type Chunk = string | Buffer;

function codeAt(chunk: Chunk, index: number): number {
	return typeof chunk === 'string'
		? chunk.charCodeAt(index)
		: (chunk[index] ?? -1);
}

function sliced(chunk: Chunk, start: number, end?: number): Chunk {
	return typeof chunk === 'string'
		? chunk.slice(start, end)
		: chunk.subarray(start, end);
}

/**
 * Passes keystrokes on to a session until the detach keys: those are passed on too (the engine
 * acts on them), and whatever is typed after them is held for dockmate, not sent to a session the
 * engine is closing.
 */
function detachWatch(write: (chunk: Chunk) => void): {
	readonly onData: (chunk: Chunk) => void;
	readonly isDetached: () => boolean;
	readonly typedAfter: () => Chunk[];
} {
	let matched = 0;
	let detached = false;
	const after: Chunk[] = [];
	return {
		onData(chunk) {
			if (detached) {
				after.push(chunk);
				return;
			}

			for (let index = 0; index < chunk.length; index++) {
				const code = codeAt(chunk, index);
				// The sequence may straddle reads: each key of it usually comes in its own.
				matched =
					code === detachKeys[matched]
						? matched + 1
						: code === detachKeys[0]
							? 1
							: 0;
				if (matched === detachKeys.length) {
					detached = true;
					write(sliced(chunk, 0, index + 1));
					if (index + 1 < chunk.length) {
						after.push(sliced(chunk, index + 1));
					}

					return;
				}
			}

			write(chunk);
		},
		isDetached: () => detached,
		typedAfter: () => after,
	};
}

/**
 * Hands the terminal to an exec session until its stream ends: keystrokes go to the process raw
 * (Ctrl-C included, as with `docker exec -it`), its output to the screen, and the terminal's size
 * follows along.
 *
 * Afterwards every listener and pipe it added to the terminal is gone, the stream is destroyed,
 * stdin is paused and raw mode is off: whoever reads the keyboard next (Ink) starts from a quiet
 * terminal, with the keys typed after a detach (Ctrl-P Ctrl-Q) waiting for it in stdin.
 * @returns the process's exit code; undefined when the session was detached from (at once: the
 * engine is not asked), when the engine does not say, or when `signal` ended the session early.
 * @throws the stream's error, after the same clean-up, if the connection fails.
 */
export async function runExecSession({
	session,
	stdin,
	stdout,
	signal,
}: {
	readonly session: ExecSession;
	readonly stdin: SessionInput;
	readonly stdout: SessionOutput;
	readonly signal?: AbortSignal;
}): Promise<number | undefined> {
	const {stream} = session;
	const resize = (): void => {
		const {columns, rows} = stdout;
		if (columns !== undefined && rows !== undefined && columns > 0) {
			// A missed resize only leaves the process with the old size; not worth ending the session for.
			session.resize(columns, rows).catch(() => undefined);
		}
	};

	const keys = detachWatch(chunk => {
		stream.write(chunk);
	});
	let cleanUp = (): void => undefined;
	const ended = new Promise<'ended' | 'aborted'>((resolve, reject) => {
		const onEnd = (): void => {
			cleanUp();
			resolve('ended');
		};

		const onError = (error: unknown): void => {
			cleanUp();
			reject(error instanceof Error ? error : new Error(String(error)));
		};

		const onAbort = (): void => {
			cleanUp();
			resolve('aborted');
		};

		cleanUp = () => {
			cleanUp = () => undefined;
			stdin.removeListener('data', keys.onData);
			stream.unpipe(stdout);
			// Left flowing with nobody listening, stdin would lose keystrokes until Ink reads.
			stdin.pause();
			for (const chunk of keys.typedAfter().reverse()) {
				stdin.unshift(chunk);
			}

			if (stdin.isTTY) {
				stdin.setRawMode?.(false);
			}

			stdout.removeListener('resize', resize);
			stream.removeListener('end', onEnd);
			stream.removeListener('close', onEnd);
			stream.removeListener('error', onError);
			signal?.removeEventListener('abort', onAbort);
			destroy(stream);
		};

		if (signal?.aborted) {
			resolve('aborted');
			return;
		}

		stream.once('end', onEnd);
		// A socket torn down without an end (the engine died) only closes.
		stream.once('close', onEnd);
		stream.once('error', onError);
		signal?.addEventListener('abort', onAbort, {once: true});
		stdout.on('resize', resize);
		if (stdin.isTTY) {
			stdin.setRawMode?.(true);
		}

		// The session ending must not end the terminal, nor a closed terminal end the session.
		stdin.on('data', keys.onData);
		stdin.resume();
		stream.pipe(stdout, {end: false});
		resize();
	});

	// After a detach the container runs on: there is no exit to wait for.
	if ((await ended) === 'aborted' || keys.isDetached()) {
		return undefined;
	}

	return session.exitCode().catch(() => undefined);
}

/**
 * Destroys a finished stream. It may still report an error (a keystroke written in its last
 * moments, or a stream that reports its own destruction as one) that nobody wants any more but
 * that would crash the process unheard, so one listener stays on it to swallow that.
 */
function destroy(stream: NodeJS.ReadWriteStream): void {
	stream.on('error', () => undefined);
	(stream as Partial<Pick<Duplex, 'destroy'>>).destroy?.();
}

/**
 * Resolves at the next keystroke (or when `signal` aborts), reading it in raw mode so that any key
 * will do; the keystroke is consumed. Leaves stdin paused and raw mode off, like {@link runExecSession}.
 */
export async function waitForKeypress({
	stdin,
	signal,
}: {
	readonly stdin: SessionInput;
	readonly signal?: AbortSignal;
}): Promise<void> {
	if (signal?.aborted) {
		return;
	}

	await new Promise<void>(resolve => {
		const done = (): void => {
			stdin.removeListener('data', done);
			signal?.removeEventListener('abort', done);
			stdin.pause();
			if (stdin.isTTY) {
				stdin.setRawMode?.(false);
			}

			resolve();
		};

		if (stdin.isTTY) {
			stdin.setRawMode?.(true);
		}

		stdin.on('data', done);
		signal?.addEventListener('abort', done, {once: true});
		// A paused stream stays paused when a 'data' listener is added.
		stdin.resume();
	});
}
