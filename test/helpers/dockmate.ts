import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startTmux, type TmuxSession} from './tmux.js';
import {waitFor} from './wait-for.js';

/** The built binary, as users run it. */
export const cliPath = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../dist/cli.js',
);

/** Marks what the shell prints around dockmate, to tell the normal screen from dockmate's. */
export const beforeMarker = 'BEFORE-DOCKMATE';

/**
 * Runs the built dockmate in tmux against `host`, inside a shell that prints a marker before and,
 * after dockmate ends, its exit status and the terminal's line settings: what a user sees when
 * dockmate gives the terminal back.
 */
export async function launchDockmate(options: {
	/** The engine's `--host`; none where the arguments or the config file name the engines. */
	readonly host: string | undefined;
	readonly args?: readonly string[];
	readonly columns?: number;
	readonly rows?: number;
	/** Variables for dockmate on top of tmux's few (see {@link startTmux}), e.g. HOME or DOCKER_CERT_PATH. */
	readonly env?: Readonly<Record<string, string>>;
	/** Soft and hard open-files limit (`ulimit -n`) to run dockmate under; the shell's own when absent. */
	readonly openFilesLimit?: number;
	/** A folder to stand for the user's home as the passwd file names it: see {@link asLoginHome}. */
	readonly loginHome?: string;
}): Promise<TmuxSession> {
	const args = [
		...(options.host === undefined ? [] : ['--host', options.host]),
		...(options.args ?? []),
	]
		.map(arg => `'${arg.replaceAll("'", "'\\''")}'`)
		.join(' ');
	const limit = options.openFilesLimit;
	const script = [
		// Soft first: the hard limit cannot go below it.
		...(limit === undefined
			? []
			: [`ulimit -Sn ${limit}`, `ulimit -Hn ${limit}`]),
		`echo ${beforeMarker}`,
		// The bundle itself, as users run it: its shebang sets the V8 flags dockmate's memory
		// figures depend on, which `node dist/cli.js` would leave out.
		`'${cliPath}' ${args}`,
		'echo "AFTER-DOCKMATE exit=$?"',
		// -icanon/-echo here would mean raw mode was left on.
		'stty -a | tr " " "\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo',
		'exec sleep 600',
	].join('; ');
	return startTmux({
		command:
			options.loginHome === undefined
				? ['sh', '-c', script]
				: asLoginHome(options.loginHome, ['sh', '-c', script]),
		columns: options.columns ?? 120,
		rows: options.rows ?? 40,
		...(options.env === undefined ? {} : {env: options.env}),
	});
}

/**
 * `command`, run where `home` stands for the user's home folder as the passwd file names it
 * (a private mount namespace with `home` bound over it). ssh reads `~/.ssh` from there, not from
 * $HOME, so this is how a test gives ssh a throwaway home and never touches the real `~/.ssh`.
 */
export function asLoginHome(
	home: string,
	command: readonly string[],
): string[] {
	const quote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;
	return [
		'unshare',
		'--mount',
		'--propagation',
		'private',
		'sh',
		'-c',
		`mount --bind ${quote(home)} ${quote(os.userInfo().homedir)} && exec ${command.map(quote).join(' ')}`,
	];
}

/** The PID of dockmate itself, in a session from {@link launchDockmate}: the child of the pane's shell. */
export async function dockmatePid(screen: TmuxSession): Promise<number> {
	const shell = await screen.display('#{pane_pid}');
	return waitFor(
		() => {
			// meow renames the process to "dockmate", so it is found as the shell's only child.
			const children = execFileSync('pgrep', ['-P', shell], {
				encoding: 'utf8',
			}).trim();
			return Number(children.split('\n')[0]) || undefined;
		},
		{timeoutMs: 5000, message: 'dockmate process not found'},
	);
}

/** What {@link assertTerminalRestored} checks beyond the terminal's modes. */
export type RestoredTerminalChecks = {
	/** Also check that the shell's screen from before dockmate is back, with none of dockmate's left on it. */
	readonly normalScreen?: boolean;
};

/**
 * Waits for dockmate, in a session from {@link launchDockmate}, to end and checks that the
 * terminal is the user's again: the exit status matches `expectedExit`, line editing and echo are
 * on, the alternate screen is off, the cursor shows and a paste comes bare (bracketed paste is
 * off: a shell that does not ask for it would get its marks as text).
 * @returns the screen once dockmate ended.
 */
export async function assertTerminalRestored(
	screen: TmuxSession,
	expectedExit: RegExp,
	checks: RestoredTerminalChecks = {},
): Promise<string> {
	const after = await screen.waitForText(/AFTER-DOCKMATE exit=\d+\s+\S/);
	assert.match(after, expectedExit);
	if (checks.normalScreen) {
		assert.match(
			after,
			new RegExp(beforeMarker),
			'the normal screen came back',
		);
		assert.doesNotMatch(after, /Containers/, 'dockmate left its screen behind');
	}

	assert.match(after, /(^|\s)icanon(\s|$)/m, 'raw mode was left on');
	assert.match(after, /(^|\s)echo(\s|$)/m, 'echo was left off');
	assert.equal(await screen.display('#{alternate_on}'), '0');
	assert.equal(await screen.display('#{cursor_flag}'), '1', 'cursor hidden');
	// Echoed by the terminal itself (dockmate is gone), marks and all: ^[[200~ were they on.
	await screen.paste('PASTED-AFTER');
	const pasted = await screen.waitForText('PASTED-AFTER');
	assert.doesNotMatch(pasted, /\^\[\[20[01]~/, 'bracketed paste was left on');
	return after;
}

/**
 * Filters dockmate's Containers pane down to the container `name` (types it after `/`, then
 * Enter), which selects it, and waits until the pane shows that one row.
 */
export async function selectByFilter(
	screen: TmuxSession,
	name: string,
): Promise<void> {
	await screen.sendKeys('/', ...Array.from(name), 'Enter');
	await screen.waitForText(
		new RegExp(`Containers 1/1( of \\d+)? · filter: ${name}`),
	);
}
