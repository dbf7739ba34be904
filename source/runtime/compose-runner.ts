import {execFile, spawn} from 'node:child_process';
import {access} from 'node:fs/promises';
import {StringDecoder} from 'node:string_decoder';
import {engineVariables} from '../docker/cli-environment.js';
import {sanitize} from '../docker/sanitize.js';
import type {ComposeInvocation, ComposeProgram} from './compose-command.js';

/** How a compose run ended: its exit code, or the signal that ended it. */
export type ComposeExit = {
	readonly code: number | undefined;
	readonly signal: string | undefined;
};

/** Runs the compose program: a child process, not the Engine API. */
export type ComposeRunner = {
	/** The compose program installed: the plugin first, then the standalone one; undefined for neither. */
	readonly detect: (
		variables: Readonly<Record<string, string>>,
	) => Promise<ComposeProgram | undefined>;
	/**
	 * Runs `invocation`, handing over its output (stdout and stderr as they come) a few lines at
	 * a time, sanitised. Aborting the signal ends the process and all it started.
	 * @throws Error when the program cannot be started or a compose file is missing here.
	 */
	readonly run: (
		invocation: ComposeInvocation,
		options: {
			readonly variables: Readonly<Record<string, string>>;
			readonly signal: AbortSignal;
			readonly onOutput: (lines: readonly string[]) => void;
		},
	) => Promise<ComposeExit>;
};

/** How long a program may take to say its version. */
const detectTimeoutMs = 10_000;

/** After SIGTERM, how long compose gets to stop what it started before it is killed. */
const killGraceMs = 3000;

/** Longer lines are cut: a progress bar redrawn without newlines must not grow without bound. */
const maxLineLength = 4000;

/** The user's environment with the engine chosen by `variables` instead of whatever theirs names. */
function environment(
	variables: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
	const env = {...process.env};
	for (const name of engineVariables) {
		// eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a copy, with the engine's variables removed
		delete env[name];
	}

	return {...env, ...variables};
}

async function versionOf(
	file: string,
	args: readonly string[],
	variables: Readonly<Record<string, string>>,
): Promise<string | undefined> {
	return new Promise(resolve => {
		execFile(
			file,
			[...args, 'version', '--short'],
			{env: environment(variables), timeout: detectTimeoutMs},
			(error, stdout) => {
				resolve(error ? undefined : sanitize(stdout.trim()) || '?');
			},
		);
	});
}

/**
 * Splits a stream's bytes into lines. A carriage return ends a line too: compose redraws its
 * progress lines with one, and each redraw is worth a line of its own in a log.
 */
function lineSplitter(emit: (lines: string[]) => void): {
	write: (chunk: Buffer) => void;
	end: () => void;
} {
	const decoder = new StringDecoder('utf8');
	let pending = '';
	// A CRLF split between two chunks must not count as two line ends.
	let endsInCarriageReturn = false;
	const take = (text: string, isLast: boolean): void => {
		const fresh =
			endsInCarriageReturn && text.startsWith('\n') ? text.slice(1) : text;
		if (fresh !== '') {
			endsInCarriageReturn = fresh.endsWith('\r');
		}

		const parts = (pending + fresh).split(/\r\n|\r|\n/);
		pending = parts.pop() ?? '';
		if (isLast && pending !== '') {
			parts.push(pending);
			pending = '';
		}

		while (pending.length > maxLineLength) {
			parts.push(pending.slice(0, maxLineLength));
			pending = pending.slice(maxLineLength);
		}

		if (parts.length > 0) {
			emit(parts.map(part => sanitize(part.slice(0, maxLineLength))));
		}
	};

	return {
		write(chunk) {
			take(decoder.write(chunk), false);
		},
		end() {
			take(decoder.end(), true);
		},
	};
}

/** Sends `signal` to the process group the child leads: compose and every process it started. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

/** The compose runner over node's child processes. */
export function createComposeRunner(): ComposeRunner {
	// Only a found program is remembered: one installed while dockmate runs is found next time.
	let found: ComposeProgram | undefined;
	return {
		async detect(variables) {
			if (found !== undefined) {
				return found;
			}

			const plugin = await versionOf('docker', ['compose'], variables);
			const standalone =
				plugin === undefined
					? await versionOf('docker-compose', [], variables)
					: undefined;
			found =
				plugin === undefined
					? standalone === undefined
						? undefined
						: {kind: 'standalone', version: standalone}
					: {kind: 'plugin', version: plugin};
			return found;
		},

		async run(invocation, {variables, signal, onOutput}) {
			for (const file of invocation.configFiles) {
				try {
					await access(file);
				} catch {
					throw new Error(
						`${file} is not on this machine: compose needs the project's files`,
					);
				}
			}

			return new Promise((resolve, reject) => {
				const child = spawn(invocation.file, invocation.args, {
					cwd: invocation.cwd,
					env: environment(variables),
					stdio: ['ignore', 'pipe', 'pipe'],
					// Its own process group, so that cancelling reaches what compose started as well.
					detached: true,
				});
				let killTimer: NodeJS.Timeout | undefined;
				const cancel = (): void => {
					if (child.pid !== undefined) {
						signalGroup(child.pid, 'SIGTERM');
						killTimer = setTimeout(() => {
							if (child.pid !== undefined) {
								signalGroup(child.pid, 'SIGKILL');
							}
						}, killGraceMs);
						killTimer.unref();
					}
				};

				const stdout = lineSplitter(onOutput);
				const stderr = lineSplitter(onOutput);
				child.stdout.on('data', stdout.write);
				child.stderr.on('data', stderr.write);
				signal.addEventListener('abort', cancel, {once: true});
				child.once('error', error => {
					signal.removeEventListener('abort', cancel);
					reject(error);
				});
				child.once('close', (code, exitSignal) => {
					signal.removeEventListener('abort', cancel);
					clearTimeout(killTimer);
					stdout.end();
					stderr.end();
					resolve({code: code ?? undefined, signal: exitSignal ?? undefined});
				});
				if (signal.aborted) {
					cancel();
				}
			});
		},
	};
}
