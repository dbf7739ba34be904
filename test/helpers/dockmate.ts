import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {startTmux, type TmuxSession} from './tmux.js';

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
	readonly host: string;
	readonly args?: readonly string[];
	readonly columns?: number;
	readonly rows?: number;
}): Promise<TmuxSession> {
	const args = ['--host', options.host, ...(options.args ?? [])]
		.map(arg => `'${arg.replaceAll("'", "'\\''")}'`)
		.join(' ');
	const script = [
		`echo ${beforeMarker}`,
		`'${process.execPath}' '${cliPath}' ${args}`,
		'echo "AFTER-DOCKMATE exit=$?"',
		// -icanon/-echo here would mean raw mode was left on.
		'stty -a | tr " " "\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo',
		'exec sleep 600',
	].join('; ');
	return startTmux({
		command: ['sh', '-c', script],
		columns: options.columns ?? 120,
		rows: options.rows ?? 40,
	});
}
