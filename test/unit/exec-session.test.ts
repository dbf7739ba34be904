import assert from 'node:assert/strict';
import type {EventEmitter} from 'node:events';
import {Duplex, PassThrough} from 'node:stream';
import {describe, it} from 'node:test';
import type {ExecSession} from '../../source/docker/docker-client.js';
import {
	runExecSession,
	waitForKeypress,
} from '../../source/runtime/exec-session.js';
import {waitFor} from '../helpers/wait-for.js';
import {settler} from '../fakes/manual-scheduler.js';

/** A keyboard: a stream with the tty calls, recording raw mode. */
function fakeStdin(): PassThrough & {
	isTTY: boolean;
	isRaw: boolean;
	rawModes: boolean[];
	setRawMode: (mode: boolean) => void;
} {
	const stdin = Object.assign(new PassThrough(), {
		isTTY: true,
		isRaw: false,
		rawModes: [] as boolean[],
		setRawMode(mode: boolean) {
			stdin.isRaw = mode;
			stdin.rawModes.push(mode);
		},
	});
	// Ink leaves stdin decoding UTF-8; keystrokes then travel as strings.
	stdin.setEncoding('utf8');
	return stdin;
}

/** A screen of a given size that keeps what is written to it. */
function fakeStdout(
	columns = 100,
	rows = 30,
): PassThrough & {columns: number; rows: number; text: () => string} {
	const chunks: Buffer[] = [];
	const stdout = Object.assign(new PassThrough(), {
		columns,
		rows,
		text: () => Buffer.concat(chunks).toString('utf8'),
	});
	stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	return stdout;
}

/** A process in a container: what it is sent, what it prints, its sizes and its exit. */
function fakeSession(
	options: {
		exitCode?: () => Promise<number | undefined>;
		resize?: () => Promise<void>;
	} = {},
) {
	const received: string[] = [];
	// Like the engine's socket: destroyed without an error, it only closes.
	const stream = new Duplex({
		read() {
			// Output is pushed by print().
		},
		write(chunk: Buffer | string, _encoding, callback) {
			received.push(chunk.toString());
			callback();
		},
	});
	const sizes: [number, number][] = [];
	let exitCodeCalls = 0;
	const session: ExecSession = {
		stream,
		async resize(columns, rows) {
			sizes.push([columns, rows]);
			await options.resize?.();
		},
		async exitCode() {
			exitCodeCalls++;
			return options.exitCode ? options.exitCode() : 0;
		},
	};
	return {
		session,
		stream,
		received: () => received.join(''),
		sizes,
		exitCodeCalls: () => exitCodeCalls,
		print(text: string) {
			stream.push(text);
		},
		exit() {
			stream.push(null);
		},
	};
}

/** How many listeners each event has: what a clean-up must give back exactly. */
function listeners(emitter: EventEmitter): Record<string, number> {
	return Object.fromEntries(
		emitter
			.eventNames()
			.map(name => [String(name), emitter.listenerCount(name)] as const)
			.filter(([, count]) => count > 0),
	);
}

/** Lends a fresh terminal to `fake`. */
function lent<F extends ReturnType<typeof fakeSession>>(fake: F) {
	const stdin = fakeStdin();
	const done = runExecSession({
		session: fake.session,
		stdin,
		stdout: fakeStdout(),
	});
	return {stdin, fake, done};
}

const settle = settler(1);

describe('runExecSession', () => {
	it('lends the terminal: keys in raw mode to the process, its output to the screen', async () => {
		const stdin = fakeStdin();
		const stdout = fakeStdout();
		const fake = fakeSession();
		const done = runExecSession({session: fake.session, stdin, stdout});
		assert.equal(stdin.isRaw, true);
		fake.print('$ ');
		await waitFor(() => stdout.text() === '$ ', {
			timeoutMs: 2000,
			message: 'the prompt did not reach the screen',
		});
		stdin.write('ls\r');
		stdin.write('\u0003');
		await waitFor(() => fake.received() === 'ls\r\u0003', {
			timeoutMs: 2000,
			message: 'the keys did not reach the process',
		});
		fake.exit();
		assert.equal(await done, 0);
	});

	it('tells the process the size at once and on every resize', async () => {
		const stdout = fakeStdout(100, 30);
		const fake = fakeSession();
		const done = runExecSession({
			session: fake.session,
			stdin: fakeStdin(),
			stdout,
		});
		assert.deepEqual(fake.sizes, [[100, 30]]);
		stdout.columns = 80;
		stdout.rows = 20;
		stdout.emit('resize');
		assert.deepEqual(fake.sizes, [
			[100, 30],
			[80, 20],
		]);
		fake.exit();
		await done;
		stdout.emit('resize');
		assert.equal(fake.sizes.length, 2, 'resized after the end');
	});

	it('resolves with the exit code the engine reports', async () => {
		const fake = fakeSession({exitCode: async () => Promise.resolve(127)});
		const done = runExecSession({
			session: fake.session,
			stdin: fakeStdin(),
			stdout: fakeStdout(),
		});
		fake.exit();
		assert.equal(await done, 127);
	});

	it('resolves with undefined when the engine cannot say', async () => {
		const fake = fakeSession({
			exitCode: async () => Promise.reject(new Error('inspect failed')),
		});
		const done = runExecSession({
			session: fake.session,
			stdin: fakeStdin(),
			stdout: fakeStdout(),
		});
		fake.exit();
		assert.equal(await done, undefined);
	});

	it('gives everything back afterwards: listeners, pipes, raw mode, a paused stdin', async () => {
		const stdin = fakeStdin();
		const stdout = fakeStdout();
		const fake = fakeSession();
		const before = {
			stdin: listeners(stdin),
			stdout: listeners(stdout),
			stream: listeners(fake.stream),
		};
		const done = runExecSession({session: fake.session, stdin, stdout});
		assert.notDeepEqual(listeners(stdin), before.stdin);
		fake.exit();
		await done;
		await settle();
		assert.deepEqual(listeners(stdin), before.stdin);
		assert.deepEqual(listeners(stdout), before.stdout);
		assert.deepEqual(rawModes(stdin), [true, false]);
		assert.equal(stdin.isRaw, false);
		assert.equal(stdin.readableFlowing, false, 'stdin left flowing');
		assert.equal(stdin.isPaused(), true);
		assert.equal(stdout.writableEnded, false, 'the session ended the screen');
		assert.equal(fake.stream.destroyed, true);
		// A key pressed now is for whoever reads stdin next, not for the finished process.
		stdin.write('q');
		await settle();
		assert.equal(fake.received(), '');
		assert.equal(stdin.read(), 'q');
	});

	it('comes back at once from a detach, keeping what was typed after it for dockmate', async () => {
		const {stdin, fake, done} = lent(
			fakeSession({
				// A detached container runs on: the engine would never report an exit.
				exitCode: async () => new Promise<never>(() => undefined),
			}),
		);
		stdin.write('ls\u0010');
		stdin.write('\u0011/we');
		stdin.write('b');
		await waitFor(() => fake.received() === 'ls\u0010\u0011', {
			timeoutMs: 2000,
			message: 'the detach keys did not reach the engine',
		});
		await settle();
		fake.exit();
		assert.equal(await done, undefined);
		assert.equal(fake.exitCodeCalls(), 0);
		assert.equal(fake.received(), 'ls\u0010\u0011');
		assert.equal(stdin.read(), '/web');
	});

	it('passes Ctrl-P on when another key follows it', async () => {
		const {stdin, fake, done} = lent(fakeSession());
		stdin.write('\u0010x\u0010\u0010y');
		await waitFor(() => fake.received() === '\u0010x\u0010\u0010y', {
			timeoutMs: 2000,
			message: 'the keys did not reach the process',
		});
		fake.exit();
		assert.equal(await done, 0);
		assert.equal(fake.exitCodeCalls(), 1);
	});

	it('ends when the connection closes without an end', async () => {
		const {stdin, fake, done} = lent(fakeSession());
		fake.stream.destroy();
		assert.equal(await done, 0);
		assert.equal(stdin.isRaw, false);
	});

	it('rejects with the stream’s error, after the same clean-up', async () => {
		const stdin = fakeStdin();
		const stdout = fakeStdout();
		const fake = fakeSession();
		const before = listeners(stdout);
		const done = runExecSession({session: fake.session, stdin, stdout});
		fake.stream.destroy(new Error('connection reset'));
		await assert.rejects(done, /connection reset/);
		assert.equal(stdin.isRaw, false);
		assert.equal(stdin.readableFlowing, false);
		assert.deepEqual(listeners(stdout), before);
		assert.equal(fake.exitCodeCalls(), 0);
	});

	it('lets a signal end the session early, without asking for an exit code', async () => {
		const stdin = fakeStdin();
		const fake = fakeSession();
		const controller = new AbortController();
		const done = runExecSession({
			session: fake.session,
			stdin,
			stdout: fakeStdout(),
			signal: controller.signal,
		});
		controller.abort();
		assert.equal(await done, undefined);
		assert.equal(fake.exitCodeCalls(), 0);
		assert.equal(fake.stream.destroyed, true);
		assert.equal(stdin.isRaw, false);
		assert.equal(stdin.readableFlowing, false);
	});

	it('swallows an error the destroyed stream reports afterwards', async () => {
		// Duplex.from reports its own destruction as an AbortError, a tick later.
		const stream = Duplex.from({
			readable: new PassThrough(),
			writable: new PassThrough(),
		});
		const errors: unknown[] = [];
		const onUncaught = (error: unknown): void => {
			errors.push(error);
		};

		process.on('uncaughtException', onUncaught);
		try {
			const controller = new AbortController();
			const done = runExecSession({
				session: {...fakeSession().session, stream},
				stdin: fakeStdin(),
				stdout: fakeStdout(),
				signal: controller.signal,
			});
			controller.abort();
			await done;
			await waitFor(() => stream.closed, {
				timeoutMs: 2000,
				message: 'the stream did not close',
			});
			await settle();
		} finally {
			process.removeListener('uncaughtException', onUncaught);
		}

		assert.deepEqual(errors, []);
	});

	it('takes nothing over when the signal has already aborted', async () => {
		const stdin = fakeStdin();
		const fake = fakeSession();
		const before = listeners(stdin);
		assert.equal(
			await runExecSession({
				session: fake.session,
				stdin,
				stdout: fakeStdout(),
				signal: AbortSignal.abort(),
			}),
			undefined,
		);
		assert.deepEqual(rawModes(stdin), []);
		assert.deepEqual(listeners(stdin), before);
		assert.deepEqual(fake.sizes, []);
	});

	it('shrugs off a failed resize', async () => {
		const fake = fakeSession({
			resize: async () => Promise.reject(new Error('no such exec')),
		});
		const done = runExecSession({
			session: fake.session,
			stdin: fakeStdin(),
			stdout: fakeStdout(),
		});
		await settle();
		fake.exit();
		assert.equal(await done, 0);
	});

	it('leaves raw mode alone on a terminal that is not a tty', async () => {
		const stdin = fakeStdin();
		stdin.isTTY = false;
		const fake = fakeSession();
		const done = runExecSession({
			session: fake.session,
			stdin,
			stdout: fakeStdout(),
		});
		fake.exit();
		await done;
		assert.deepEqual(rawModes(stdin), []);
	});
});

describe('waitForKeypress', () => {
	it('resolves at the first key, read raw, and leaves stdin paused', async () => {
		const stdin = fakeStdin();
		stdin.pause();
		const before = listeners(stdin);
		let isDone = false;
		const done = waitForKeypress({stdin}).then(() => {
			isDone = true;
		});
		await settle();
		assert.equal(isDone, false);
		assert.equal(stdin.isRaw, true);
		stdin.write('x');
		await done;
		assert.equal(stdin.isRaw, false);
		assert.equal(stdin.readableFlowing, false);
		assert.deepEqual(listeners(stdin), before);
	});

	it('gives up when the signal aborts', async () => {
		const stdin = fakeStdin();
		const controller = new AbortController();
		const done = waitForKeypress({stdin, signal: controller.signal});
		controller.abort();
		await done;
		assert.equal(stdin.isRaw, false);
		assert.equal(stdin.readableFlowing, false);
	});
});

function rawModes(stdin: ReturnType<typeof fakeStdin>): boolean[] {
	return stdin.rawModes;
}
