import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';

/** Settings from dockmate's config file; every one optional. */
export type FileConfig = {
	/** Refuse every action that changes the engine, as `--read-only` does. */
	readonly readOnly?: boolean;
};

/** The config file is unreadable or says something dockmate does not understand. */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

/** Where the config file lives: `$XDG_CONFIG_HOME/dockmate/config.json`, else `~/.config/dockmate/config.json`. */
export function configPath(
	env: Readonly<Record<string, string | undefined>>,
	homeDir: string,
): string {
	// An empty XDG_CONFIG_HOME counts as unset, as the XDG spec says.
	const xdg = env['XDG_CONFIG_HOME'];
	const base =
		xdg === undefined || xdg === '' ? path.join(homeDir, '.config') : xdg;
	return path.join(base, 'dockmate', 'config.json');
}

function exists(file: string): boolean {
	try {
		statSync(file);
		return true;
	} catch {
		return false;
	}
}

/** Reads the config file; none at all is an empty config, a broken one a {@link ConfigError}. */
export function readConfig(file: string): FileConfig {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if (!exists(file)) {
			// Absent, or behind a folder this user may not enter (sudo -u with a foreign HOME):
			// either way there is no config of theirs to honour.
			return {};
		}

		throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`);
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new ConfigError(
			`${file} is not valid JSON: ${(error as Error).message}`,
		);
	}

	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new ConfigError(
			`${file} must hold a JSON object, e.g. {"readOnly": true}`,
		);
	}

	const {readOnly} = parsed as Record<string, unknown>;
	if (readOnly !== undefined && typeof readOnly !== 'boolean') {
		throw new ConfigError(`${file}: "readOnly" must be true or false`);
	}

	return readOnly === undefined ? {} : {readOnly};
}
