import {appendFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {format} from 'node:util';
import {xdgFolder} from './config.js';

/** Where stray output goes: `$XDG_STATE_HOME/dockmate/debug.log`, else `~/.local/state/dockmate/debug.log`. */
export function debugLogPath(
	env: Readonly<Record<string, string | undefined>>,
	homeDir: string,
): string {
	return path.join(
		xdgFolder(env, 'XDG_STATE_HOME', path.join(homeDir, '.local', 'state')),
		'debug.log',
	);
}

const consoleMethods = [
	'log',
	'info',
	'warn',
	'error',
	'debug',
	'trace',
] as const;

/** Puts `value` in place of `object[key]`; returns the function that puts the original back. */
function replace(object: object, key: string, value: unknown): () => void {
	const original = Object.getOwnPropertyDescriptor(object, key);
	Object.defineProperty(object, key, {
		value,
		writable: true,
		configurable: true,
	});
	return () => {
		if (original === undefined) {
			Reflect.deleteProperty(object, key);
		} else {
			Object.defineProperty(object, key, original);
		}
	};
}

/**
 * Until the returned function is called, Node's process warnings and anything written with
 * `console` go to `file` instead of the terminal: written behind Ink's back, they would tear its
 * frame (a MaxListenersExceededWarning once landed over the screen). A log that cannot be written
 * loses the line, never the screen.
 */
export function routeStrayOutput(file: string): () => void {
	const write = (text: string): void => {
		try {
			mkdirSync(path.dirname(file), {recursive: true});
			appendFileSync(file, `${new Date().toISOString()} ${text}\n`);
		} catch {
			// Nowhere to keep it: dropped, as the terminal is no place for it either.
		}
	};

	const restores = [
		replace(process, 'emitWarning', (warning: string | Error) => {
			write(
				typeof warning === 'string'
					? `warning: ${warning}`
					: `warning: ${warning.name}: ${warning.message}`,
			);
		}),
		...consoleMethods.map(method =>
			replace(console, method, (...values: unknown[]) => {
				write(`console.${method}: ${format(...values)}`);
			}),
		),
	];
	return () => {
		for (const restore of restores) {
			restore();
		}
	};
}
