import {execFileSync, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {rmSync} from 'node:fs';
import path from 'node:path';
import {onExit} from 'signal-exit';
import {waitFor} from './wait-for.js';

/** Options for {@link startTmux}. */
export type TmuxOptions = {
	/** The program and its arguments; run directly, not through a shell. */
	readonly command: readonly string[];
	readonly columns?: number;
	readonly rows?: number;
	/**
	 * Variables for the program on top of PATH, HOME, TERM=xterm-256color and LANG=C.UTF-8;
	 * nothing else from the test process leaks in (DOCKER_HOST least of all).
	 */
	readonly env?: Readonly<Record<string, string>>;
	/** Working folder of the program; the test process's unless told. */
	readonly cwd?: string;
};

/** What the screen must show for {@link TmuxSession.waitForText}. */
export type ScreenMatcher = string | RegExp | ((screen: string) => boolean);

/** A program running in a detached tmux pane of a private tmux server. */
export type TmuxSession = {
	/** The `-L` socket name, to look at a failing test by hand: `tmux -L NAME attach`. */
	readonly socketName: string;
	/** The visible screen, one line per row, trailing spaces trimmed; with `colours`, SGR escapes kept. */
	readonly capture: (options?: {readonly colours?: boolean}) => Promise<string>;
	/**
	 * Sends each argument with its own `send-keys` call, in order. A tmux key name (`Enter`,
	 * `Escape`, `Up`, `C-c`, `F1`, `BSpace`, `Tab`, ...) is sent as that key; anything else is
	 * typed literally (`-l`), escape sequences such as `'\u001B[B'` included. A literal argument
	 * of several characters arrives as one write, as a paste would.
	 */
	readonly sendKeys: (...keys: string[]) => Promise<void>;
	/**
	 * Pastes `text` as a user's terminal does (`paste-buffer -p`): between the bracketed paste
	 * marks (ESC [200~ … ESC [201~) while the program has asked for them (ESC [?2004h), bare
	 * otherwise.
	 */
	readonly paste: (text: string) => Promise<void>;
	/**
	 * Polls the screen until it contains the text, matches the pattern or satisfies the predicate.
	 * @returns the matching screen.
	 * @throws Error with the last screen when `timeoutMs` (default 10 s) passes first.
	 */
	readonly waitForText: (
		matcher: ScreenMatcher,
		timeoutMs?: number,
	) => Promise<string>;
	/**
	 * How many columns each screen line takes as tmux drew it (its last written cell + 1, 0 for a
	 * blank line): the truth about wide characters, which the captured text cannot tell.
	 */
	readonly lineWidths: () => Promise<number[]>;
	/** False once the program has exited (the pane stays, with its last screen) or the session is gone. */
	readonly isAlive: () => Promise<boolean>;
	/** The program's exit status, 128 + the signal number if a signal killed it, undefined while it runs or after kill(). */
	readonly exitStatus: () => Promise<number | undefined>;
	/**
	 * Expands a tmux format for the pane (`display-message -p`), for what the screen text does not
	 * show: `#{pane_pid}`, `#{alternate_on}`, `#{cursor_flag}`, `#{cursor_x}`...
	 * @throws Error when the session is gone.
	 */
	readonly display: (format: string) => Promise<string>;
	/**
	 * From now on appends what the program writes to the terminal, byte for byte, to `file`
	 * (`pipe-pane`); with no file, stops.
	 */
	readonly pipeOutput: (file?: string) => Promise<void>;
	/**
	 * Runs a tmux command on this session's server (`set-option -g set-clipboard on`,
	 * `show-buffer`); returns what it prints.
	 */
	readonly tmux: (...args: string[]) => Promise<string>;
	/** Kills the tmux server, and with it the program. Safe to call twice. */
	readonly kill: () => Promise<void>;
};

// tmux's own key names; any other argument to sendKeys is literal text.
const keyName =
	/^(?:Enter|Escape|Tab|BTab|BSpace|Space|Up|Down|Left|Right|Home|End|PageUp|PgUp|PPage|PageDown|PgDn|NPage|IC|Insert|DC|Delete|F(?:[1-9]|1[0-2])|KP\w+|(?:[CMS]-)+\S+)$/;

let sessionCount = 0;
const liveSockets = new Set<string>();
let removeExitHook: (() => void) | undefined;

/**
 * Runs `command` in a detached tmux session on a tmux server of its own (`tmux -L
 * dockmate-test-<id>`), so the user's tmux is never touched. The pane stays after the program
 * exits (`remain-on-exit`), so its last screen and exit status can still be read.
 */
export async function startTmux(options: TmuxOptions): Promise<TmuxSession> {
	const {command, columns = 120, rows = 40, env = {}, cwd} = options;
	if (command.length === 0) {
		throw new Error('startTmux needs a command');
	}

	sessionCount++;
	const id = `${process.pid}-${sessionCount}-${randomBytes(3).toString('hex')}`;
	const socketName = `dockmate-test-${id}`;
	const programEnv = {
		PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
		HOME: process.env['HOME'] ?? '/',
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		...env,
	};

	liveSockets.add(socketName);
	removeExitHook ??= onExit(() => {
		for (const name of liveSockets) {
			killServerSync(name);
		}

		liveSockets.clear();
	});

	// The server forks from this first client and gives its environment to the pane; the options
	// are set before new-session so that even a program that exits at once leaves its pane.
	const paneId = (
		await tmux(
			socketName,
			[
				'start-server',
				';',
				'set-option',
				'-g',
				'remain-on-exit',
				'on',
				';',
				// Otherwise tmux writes "Pane is dead" over the last screen.
				'set-option',
				'-g',
				'remain-on-exit-format',
				'',
				';',
				'set-option',
				'-g',
				'status',
				'off',
				';',
				'set-option',
				'-g',
				'default-terminal',
				'xterm-256color',
				';',
				'new-session',
				'-d',
				'-s',
				`dockmate-e2e-${id}`,
				'-x',
				String(columns),
				'-y',
				String(rows),
				...(cwd === undefined ? [] : ['-c', cwd]),
				'-P',
				'-F',
				'#{pane_id}',
				'--',
				...command,
			],
			programEnv,
		)
	).trim();

	const tryDisplay = async (format: string): Promise<string | undefined> => {
		try {
			return (
				await tmux(socketName, ['display-message', '-p', '-t', paneId, format])
			).trim();
		} catch {
			return undefined;
		}
	};

	// tmux marks a pane dead when its pty closes, and learns the exit status only when it reaps the
	// program; in between the program counts as running, so that a test which waited for
	// !isAlive() can read the status straight away. Debian's tmux can miss that SIGCHLD for good:
	// libutempter swaps in its own handler while it removes the pane's utmp record, which is just
	// when the program exits (tmux/tmux#311). A SIGCHLD of our own makes tmux look again.
	const paneState = async (): Promise<
		{readonly exitStatus: number | undefined} | undefined
	> => {
		const fields = await tryDisplay(
			'#{pane_dead} #{pane_dead_status} #{pane_dead_signal} #{pid}',
		);
		if (fields === undefined) {
			return undefined;
		}

		const [dead, status, signal, serverPid] = fields.split(' ');
		if (dead !== '1') {
			return {exitStatus: undefined};
		}

		if (status) {
			return {exitStatus: Number(status)};
		}

		if (signal) {
			return {exitStatus: 128 + Number(signal)};
		}

		try {
			process.kill(Number(serverPid), 'SIGCHLD');
		} catch {
			// The server is gone; the next look says so.
		}

		return {exitStatus: undefined};
	};

	const capture = async ({colours = false} = {}): Promise<string> =>
		tmux(socketName, [
			'capture-pane',
			'-p',
			...(colours ? ['-e'] : []),
			'-t',
			paneId,
		]);

	return {
		socketName,
		capture,
		async sendKeys(...keys) {
			for (const key of keys) {
				// One call per key, in order: tmux may otherwise merge them into one write.
				await tmux(socketName, [
					'send-keys',
					'-t',
					paneId,
					...(keyName.test(key) ? [] : ['-l']),
					key,
				]);
			}
		},
		async paste(text) {
			await tmux(socketName, ['set-buffer', '-b', 'test-paste', text]);
			await tmux(socketName, [
				'paste-buffer',
				'-p',
				'-d',
				'-b',
				'test-paste',
				'-t',
				paneId,
			]);
		},
		async waitForText(matcher, timeoutMs = 10_000) {
			const matches =
				typeof matcher === 'string'
					? (screen: string) => screen.includes(matcher)
					: matcher instanceof RegExp
						? (screen: string) => matcher.test(screen)
						: matcher;
			let screen = '';
			return waitFor(
				async () => {
					screen = await capture();
					return matches(screen) ? screen : undefined;
				},
				{
					timeoutMs,
					intervalMs: 50,
					message: `the screen did not show ${String(matcher)}`,
					describe: () => `\n${frame(screen)}`,
				},
			);
		},
		async lineWidths() {
			// Copy mode's end-of-line stops after a line's last cell; one tmux call walks every line.
			const rows = Number(await tryDisplay('#{pane_height}'));
			const walk = Array.from({length: rows}, () => [
				...[';', 'send-keys', '-t', paneId, '-X', 'start-of-line'],
				...[';', 'send-keys', '-t', paneId, '-X', 'end-of-line'],
				...[';', 'display-message', '-p', '-t', paneId, '#{copy_cursor_x}'],
				...[';', 'send-keys', '-t', paneId, '-X', 'cursor-down'],
			]).flat();
			const output = await tmux(socketName, [
				...['copy-mode', '-t', paneId],
				...[';', 'send-keys', '-t', paneId, '-X', 'top-line'],
				...walk,
				...[';', 'send-keys', '-t', paneId, '-X', 'cancel'],
			]);
			return output.trim().split('\n').map(Number);
		},
		async isAlive() {
			const pane = await paneState();
			return pane !== undefined && pane.exitStatus === undefined;
		},
		async exitStatus() {
			return (await paneState())?.exitStatus;
		},
		async display(format) {
			return (
				await tmux(socketName, ['display-message', '-p', '-t', paneId, format])
			).replace(/\n$/, '');
		},
		async pipeOutput(file) {
			await tmux(socketName, [
				'pipe-pane',
				...(file === undefined ? [] : ['-o']),
				'-t',
				paneId,
				...(file === undefined
					? []
					: [`cat >> '${file.replaceAll("'", "'\\''")}'`]),
			]);
		},
		async tmux(...args) {
			return tmux(socketName, args);
		},
		async kill() {
			if (liveSockets.delete(socketName)) {
				await tmux(socketName, ['kill-server']).catch(() => undefined);
				removeSocketFile(socketName);
			}
		},
	};
}

/** The screen between rules, so that blank lines at its ends stay visible in an error. */
function frame(screen: string): string {
	return `┌${'─'.repeat(40)}\n${screen.replace(/\n$/, '')}\n└${'─'.repeat(40)}`;
}

function clientEnv(
	extra: Readonly<Record<string, string>> = {},
): NodeJS.ProcessEnv {
	// No TMUX or TMUX_TMPDIR from a developer's own tmux: the socket path must depend on -L alone.
	return {
		PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
		HOME: process.env['HOME'] ?? '/',
		...extra,
	};
}

function tmuxArgs(socketName: string, args: readonly string[]): string[] {
	// -u: capture-pane would print box-drawing characters as '_' to a client it thinks is not UTF-8.
	// -f /dev/null: a developer's ~/.tmux.conf must not change what tests see.
	return ['-u', '-L', socketName, '-f', '/dev/null', ...args];
}

async function tmux(
	socketName: string,
	args: readonly string[],
	env?: Readonly<Record<string, string>>,
): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn('tmux', tmuxArgs(socketName, args), {
			env: clientEnv(env),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.once('error', error => {
			reject(
				new Error(
					`cannot run tmux (${error.message}); install it with \`apt-get install -y docker.io busybox-static tmux\``,
				),
			);
		});
		child.once('close', code => {
			if (code === 0) {
				resolve(stdout);
			} else {
				reject(
					new Error(
						`tmux ${args.join(' ')} exited ${code ?? 'by signal'}: ${stderr.trim()}`,
					),
				);
			}
		});
	});
}

/** Synchronous, so that it can also run in an exit hook. */
function killServerSync(socketName: string): void {
	try {
		execFileSync('tmux', tmuxArgs(socketName, ['kill-server']), {
			env: clientEnv(),
			stdio: 'ignore',
			timeout: 5000,
		});
	} catch {
		// Already gone.
	}

	removeSocketFile(socketName);
}

function removeSocketFile(socketName: string): void {
	// tmux leaves its socket file behind after kill-server.
	const uid = process.getuid?.() ?? 0;
	rmSync(path.join('/tmp', `tmux-${uid}`, socketName), {force: true});
}
