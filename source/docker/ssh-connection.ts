import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {onExit} from 'signal-exit';
import {DockerError} from './errors.js';
import {
	batchConnectTimeoutSeconds,
	channelArgs,
	masterArgs,
	type SshTarget,
} from './ssh-command.js';
import {sshFailure} from './ssh-errors.js';
import {traceStartup} from '../startup-trace.js';

/**
 * One ssh connection to an engine's machine, made by the system `ssh` with the user's own
 * settings, which every request, stream and shell command shares as a channel (ssh's
 * ControlMaster multiplexing): one TCP connection and one login, however much is open.
 */
export type SshConnection = {
	/**
	 * Makes sure the master connection is up, starting it if need be. `interactive` (only before
	 * the full-screen UI starts, with a terminal) lets ssh ask its own questions on the terminal;
	 * otherwise it fails within about {@link batchConnectTimeoutSeconds} s. Rejects with a
	 * DockerError in ssh's words.
	 */
	open(options?: {readonly interactive?: boolean}): Promise<void>;
	/** Runs `command` on the far side over the master; call after {@link SshConnection.open}. */
	channel(command: readonly string[]): ChildProcess;
	/** A failure of a channel, told in ssh's (or the far side's) words. */
	failure(stderr: string, exitCode: number | null): DockerError;
	/** Ends the master, and with it every channel. */
	close(): void;
};

/** What ssh said last, kept short: a chatty far side must not fill memory. */
export const stderrLimit = 4096;

/** How often the master's control socket is looked for while it logs in. */
const readyPollMs = 20;

/** Every connection opened, closed however dockmate ends (quit, a signal, a crash). */
const opened = new Set<SshConnection>();
let isExitHooked = false;

function closeOnExit(connection: SshConnection): void {
	opened.add(connection);
	if (isExitHooked) {
		return;
	}

	isExitHooked = true;
	const closeAll = (): void => {
		for (const each of opened) {
			each.close();
		}
	};

	// signal-exit for the signals; Node's own 'exit' event for a plain exit, because Ink's older
	// signal-exit (v3) puts back the process.emit it found at load when it unloads on unmount,
	// and with it undoes the hook through which signal-exit v4 sees a plain exit.
	onExit(closeAll);
	process.once('exit', closeAll);
}

/** Collects what a child says on standard error, the last {@link stderrLimit} characters of it. */
export function collectStderr(child: ChildProcess): () => string {
	let text = '';
	child.stderr?.setEncoding('utf8');
	child.stderr?.on('data', (chunk: string) => {
		text = (text + chunk).slice(-stderrLimit);
	});
	return () => text;
}

/**
 * Ends a channel now. Its ssh process (a mux client) has handed its standard streams to the
 * master, so the channel closes when our ends of them do; and it sits in a read that restarts
 * after SIGTERM, so only SIGKILL ends it.
 */
export function endChannel(child: ChildProcess): void {
	child.stdin?.destroy();
	child.stdout?.destroy();
	child.stderr?.destroy();
	if (child.exitCode === null && child.signalCode === null) {
		child.kill('SIGKILL');
	}
}

function isSocket(file: string): boolean {
	try {
		return statSync(file).isSocket();
	} catch {
		return false;
	}
}

/**
 * A private folder for the control socket: 0700 (mkdtemp's mode), so no other user can use the
 * connection. Unix socket paths are limited to about 104 bytes, so a long TMPDIR gives way to /tmp.
 */
function makeControlDir(): string {
	const base = os.tmpdir().length > 80 ? '/tmp' : os.tmpdir();
	return mkdtempSync(path.join(base, 'dockmate-ssh-'));
}

type Master = {
	readonly child: ChildProcess;
	readonly ready: Promise<void>;
};

const connections = new Map<string, SshConnection>();

/**
 * The one ssh connection to the engine at `endpoint.url`, shared by every client of it (the
 * start-up's, and a host switch's back to it); nothing runs until it is first opened.
 */
export function sshConnectionTo(
	endpoint: SshTarget & {readonly url: string},
): SshConnection {
	let connection = connections.get(endpoint.url);
	if (connection === undefined) {
		connection = createSshConnection(endpoint, endpoint.url);
		connections.set(endpoint.url, connection);
	}

	return connection;
}

/** The ssh connection to `target`; nothing runs until it is first opened. */
function createSshConnection(target: SshTarget, url: string): SshConnection {
	let controlDir: string | undefined;
	let master: Master | undefined;
	const channels = new Set<ChildProcess>();

	const controlPath = (): string => {
		controlDir ??= makeControlDir();
		return path.join(controlDir, 'master');
	};

	const noSsh = (error: Error): DockerError =>
		new DockerError(
			'unreachable',
			`cannot connect to the Docker engine at ${url}: cannot run ssh (${error.message})`,
			'ssh:// engines are reached with the system ssh client: install OpenSSH',
		);

	const start = (interactive: boolean): Master => {
		const socket = controlPath();
		rmSync(socket, {force: true});
		// The terminal as standard input is how ssh asks for a passphrase; its standard error is
		// kept for the message when it fails, and so never lands on dockmate's screen.
		const child = spawn('ssh', masterArgs(socket, target, interactive), {
			stdio: [interactive ? 'inherit' : 'ignore', 'ignore', 'pipe'],
		});
		const stderr = collectStderr(child);
		const ready = new Promise<void>((resolve, reject) => {
			let deadline: NodeJS.Timeout | undefined;
			const poll = setInterval(() => {
				if (isSocket(socket)) {
					traceStartup('ssh master logged in');
					settle();
					resolve();
				}
			}, readyPollMs);
			const settle = (): void => {
				clearInterval(poll);
				clearTimeout(deadline);
			};

			if (!interactive) {
				// ConnectTimeout covers reaching the server; this also covers one that never finishes the login.
				deadline = setTimeout(() => {
					settle();
					child.kill();
					reject(
						new DockerError(
							'timeout',
							`cannot connect to the Docker engine at ${url}: ssh did not log in within ${batchConnectTimeoutSeconds} s${stderr() === '' ? '' : ` (${stderr().trim()})`}`,
							'is the ssh server slow or silent? Try the same ssh by hand',
						),
					);
				}, batchConnectTimeoutSeconds * 1000);
			}

			child.once('error', error => {
				settle();
				reject(noSsh(error));
			});
			child.once('exit', code => {
				settle();
				reject(
					sshFailure(url, target, {
						stderr: stderr(),
						exitCode: code,
						ofMaster: true,
					}),
				);
			});
		});
		// A failure is told to whoever awaits it; the next open starts a new master.
		ready.catch(() => undefined);
		child.once('exit', () => {
			if (master?.child === child) {
				master = undefined;
			}
		});
		return {child, ready};
	};

	const connection: SshConnection = {
		async open(options = {}) {
			closeOnExit(connection);
			master ??= start(options.interactive ?? false);
			return master.ready;
		},
		channel(command) {
			traceStartup(`ssh channel opening: ${command.join(' ').slice(0, 40)}`);
			const child = spawn('ssh', channelArgs(controlPath(), target, command), {
				stdio: 'pipe',
			});
			channels.add(child);
			child.once('close', () => {
				channels.delete(child);
			});
			return child;
		},
		failure(stderr, exitCode) {
			return sshFailure(url, target, {stderr, exitCode, ofMaster: false});
		},
		close() {
			opened.delete(connection);
			for (const child of channels) {
				endChannel(child);
			}

			master?.child.kill();
			master = undefined;
			if (controlDir !== undefined) {
				rmSync(controlDir, {recursive: true, force: true});
				controlDir = undefined;
			}
		},
	};
	return connection;
}
