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

/**
 * Hands the terminal to an exec session until its stream ends: keystrokes go to the process raw
 * (Ctrl-C included, as with `docker exec -it`), its output to the screen, and the terminal's size
 * follows along.
 *
 * Afterwards every listener and pipe it added to the terminal is gone, the stream is destroyed,
 * stdin is paused and raw mode is off: whoever reads the keyboard next (Ink) starts from a quiet
 * terminal.
 * @returns the process's exit code; undefined when the engine does not say or `signal` ended the
 * session early.
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
			stdin.unpipe(stream);
			stream.unpipe(stdout);
			// Unpiping leaves stdin flowing with nobody listening: keystrokes would be lost until Ink reads.
			stdin.pause();
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
		stdin.pipe(stream, {end: false});
		stream.pipe(stdout, {end: false});
		resize();
	});

	if ((await ended) === 'aborted') {
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
