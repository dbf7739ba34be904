import type {ChildProcess} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {DockerError} from './errors.js';
import type {HostShell} from './host-shell.js';
import {endChannel, stderrLimit, type SshConnection} from './ssh-connection.js';
import {sshFailedStatus, sshMessage} from './ssh-errors.js';

/** One `sh -s` on the engine's machine, kept for the scripts that follow. */
type Session = {
	readonly child: ChildProcess;
	/** Ends each script's output, on standard output and on standard error. */
	readonly marker: string;
	/** The script under way: told its output, or the end of the session. */
	waiting: ((outcome: Outcome) => void) | undefined;
	stdout: Buffer[];
	stderr: string;
	/** Whether the marker came on each stream, and with which exit status. */
	status: number | undefined;
	hasStderrEnded: boolean;
};

type Outcome =
	| {
			readonly ended: false;
			readonly status: number;
			readonly stdout: string;
			readonly stderr: string;
	  }
	| {
			readonly ended: true;
			readonly code: number | null;
			readonly stderr: string;
	  };

/**
 * A shell on the engine's machine over `connection`: one `sh -s` for as long as it is used, each
 * script run in a subshell of it, its standard input and output the channel's. A channel for each
 * script had the ssh server set up a session for each (about 90 ms of its CPU each here, once a
 * second for the sampler); the script goes on standard input, not as an argument, which would be
 * limited to what one argument may hold there (128 KiB on Linux), passed at ~1,600 containers.
 */
export function createSshHostShell(
	connection: SshConnection,
	url: string,
): HostShell {
	let session: Session | undefined;
	// Scripts run one after another: the shell takes them in turn anyway.
	let turn: Promise<unknown> = Promise.resolve();

	const end = (): void => {
		if (session !== undefined) {
			endChannel(session.child);
			session = undefined;
		}
	};

	const start = (): Session => {
		const child = connection.channel(['sh', '-s']);
		const started: Session = {
			child,
			marker: `dockmate-end-${randomUUID()}`,
			stdout: [],
			stderr: '',
			hasStderrEnded: false,
			waiting: undefined,
			status: undefined,
		};
		let stdoutTail = '';
		const statusLine = new RegExp(`\n${started.marker} (\\d+)\n$`);
		const settleIfDone = (): void => {
			if (started.status !== undefined && started.hasStderrEnded) {
				const stdout = Buffer.concat(started.stdout).toString('utf8');
				const waiting = started.waiting;
				started.waiting = undefined;
				waiting?.({
					ended: false,
					status: started.status,
					stdout: stdout.slice(0, stdout.lastIndexOf(`\n${started.marker} `)),
					stderr: started.stderr.slice(
						0,
						started.stderr.lastIndexOf(`${started.marker}\n`),
					),
				});
			}
		};

		child.stdout?.on('data', (chunk: Buffer) => {
			started.stdout.push(chunk);
			stdoutTail = (stdoutTail + chunk.toString('latin1')).slice(-256);
			const status = statusLine.exec(stdoutTail)?.[1];
			if (status !== undefined) {
				started.status = Number(status);
				settleIfDone();
			}
		});
		child.stderr?.setEncoding('utf8');
		child.stderr?.on('data', (chunk: string) => {
			started.stderr = (started.stderr + chunk).slice(-stderrLimit);
			if (started.stderr.endsWith(`${started.marker}\n`)) {
				started.hasStderrEnded = true;
				settleIfDone();
			}
		});
		// A channel that fails at once closes its input early; its exit status tells why.
		child.stdin?.on('error', () => undefined);
		const ended = (code: number | null): void => {
			if (session === started) {
				session = undefined;
			}

			const waiting = started.waiting;
			started.waiting = undefined;
			waiting?.({ended: true, code, stderr: started.stderr});
		};

		child.once('error', () => {
			ended(null);
		});
		child.once('close', ended);
		return started;
	};

	const runOne = async (
		script: string,
		signal: AbortSignal | undefined,
	): Promise<string> => {
		signal?.throwIfAborted();
		await connection.open();
		signal?.throwIfAborted();
		session ??= start();
		const current = session;
		current.stdout = [];
		current.stderr = '';
		current.status = undefined;
		current.hasStderrEnded = false;
		const outcome = await new Promise<Outcome>((resolve, reject) => {
			const abort = (): void => {
				current.waiting = undefined;
				// The script may not stop by itself: the shell goes with it, and the next script starts another.
				if (session === current) {
					end();
				}

				reject(
					signal?.reason instanceof Error
						? signal.reason
						: new DOMException('This operation was aborted', 'AbortError'),
				);
			};

			current.waiting = result => {
				signal?.removeEventListener('abort', abort);
				resolve(result);
			};

			signal?.addEventListener('abort', abort, {once: true});
			// The subshell keeps an `exit` of the script's to itself, and its input from the next script.
			current.child.stdin?.write(
				`(\n${script}\n) </dev/null\nprintf '\\n%s %s\\n' '${current.marker}' "$?"; printf '%s\\n' '${current.marker}' >&2\n`,
			);
		});
		if (outcome.ended) {
			throw outcome.code === sshFailedStatus
				? connection.failure(outcome.stderr, outcome.code)
				: new DockerError(
						'unknown',
						`sh on the host of ${url} ended with ${outcome.code === null ? 'a signal' : `status ${outcome.code}`}${said(outcome.stderr)}`,
					);
		}

		if (outcome.status !== 0) {
			throw new DockerError(
				'unknown',
				`sh on the host of ${url} ended with status ${outcome.status}${said(outcome.stderr)}`,
			);
		}

		return outcome.stdout;
	};

	return {
		via: 'ssh',
		async run(script, signal) {
			const mine = turn.then(async () => runOne(script, signal));
			turn = mine.catch(() => undefined);
			return mine;
		},
		close: end,
	};
}

/** `: <what it said>`, or nothing when it said nothing. */
function said(stderr: string): string {
	const message = sshMessage(stderr);
	return message === '' ? '' : `: ${message}`;
}
