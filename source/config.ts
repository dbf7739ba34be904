import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {
	parseFleets,
	parseHostEntries,
	type FleetEntry,
} from './config-hosts.js';
import type {HostEntry} from './docker/endpoint.js';
import type {KeyOverrides} from './keymap/remap.js';
import {isThemeName, themeNames, type ThemeName} from './cli-flags.js';

/** Settings from dockmate's config file; every one optional. */
export type FileConfig = {
	/** Refuse every action that changes the engine, as `--read-only` does. */
	readonly readOnly?: boolean;
	/** Lines of history the logs view starts with, as `--tail` sets it. */
	readonly logTail?: number;
	/** Engines the host switcher (`c`) offers besides the docker contexts. */
	readonly hosts?: readonly HostEntry[];
	/** The user's keys, by command name (`{"item.remove": "x"}`); checked against the keymap at start. */
	readonly keys?: KeyOverrides;
	/** `false`: the terminal keeps the mouse, as `--no-mouse`. */
	readonly mouse?: boolean;
	/** The background the colours are chosen for, as `--theme`. */
	readonly theme?: ThemeName;
	/** Fleets of engines shown at once, by name; the one dockmate opens without flags under `""`. */
	readonly fleets?: ReadonlyMap<string, readonly FleetEntry[]>;
};

/** The config file is unreadable or says something dockmate does not understand. */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

/**
 * dockmate's folder in an XDG base directory: `$variable/dockmate`, else `fallback/dockmate`. An
 * empty variable counts as unset, as the XDG spec says.
 */
export function xdgFolder(
	env: Readonly<Record<string, string | undefined>>,
	variable: 'XDG_CONFIG_HOME' | 'XDG_STATE_HOME',
	fallback: string,
): string {
	const base = env[variable];
	return path.join(
		base === undefined || base === '' ? fallback : base,
		'dockmate',
	);
}

/** Where the config file lives: `$XDG_CONFIG_HOME/dockmate/config.json`, else `~/.config/dockmate/config.json`. */
export function configPath(
	env: Readonly<Record<string, string | undefined>>,
	homeDir: string,
): string {
	return path.join(
		xdgFolder(env, 'XDG_CONFIG_HOME', path.join(homeDir, '.config')),
		'config.json',
	);
}

function exists(file: string): boolean {
	try {
		statSync(file);
		return true;
	} catch {
		return false;
	}
}

/** A number of log lines to start with: `--tail` and `"logTail"` take the same. */
export function isLogTail(value: unknown): value is number {
	return Number.isSafeInteger(value) && (value as number) >= 0;
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

	const {readOnly, logTail, mouse, theme} = parsed as Record<string, unknown>;
	if (readOnly !== undefined && typeof readOnly !== 'boolean') {
		throw new ConfigError(`${file}: "readOnly" must be true or false`);
	}

	if (mouse !== undefined && typeof mouse !== 'boolean') {
		throw new ConfigError(`${file}: "mouse" must be true or false`);
	}

	if (theme !== undefined && !isThemeName(theme)) {
		throw new ConfigError(
			`${file}: "theme" must be ${themeNames.map(name => `"${name}"`).join(' or ')}`,
		);
	}

	if (logTail !== undefined && !isLogTail(logTail)) {
		throw new ConfigError(
			`${file}: "logTail" must be a whole number of lines, 0 or more`,
		);
	}

	const hostList = (parsed as Record<string, unknown>)['hosts'];
	const hosts = hostList === undefined ? undefined : parseHostEntries(hostList);
	if (typeof hosts === 'string') {
		throw new ConfigError(`${file}: ${hosts}`);
	}

	const keys = (parsed as Record<string, unknown>)['keys'];
	if (
		keys !== undefined &&
		(typeof keys !== 'object' || keys === null || Array.isArray(keys))
	) {
		throw new ConfigError(
			`${file}: "keys" must map command names to keys, e.g. {"item.remove": "x"}`,
		);
	}

	const fleetValue = (parsed as Record<string, unknown>)['fleet'];
	const fleets =
		fleetValue === undefined ? undefined : parseFleets(fleetValue, hosts ?? []);
	if (typeof fleets === 'string') {
		throw new ConfigError(`${file}: ${fleets}`);
	}

	return {
		...(keys === undefined ? {} : {keys: keys as KeyOverrides}),
		...(readOnly === undefined ? {} : {readOnly}),
		...(logTail === undefined ? {} : {logTail}),
		...(hosts === undefined ? {} : {hosts}),
		...(mouse === undefined ? {} : {mouse}),
		...(theme === undefined ? {} : {theme}),
		...(fleets === undefined ? {} : {fleets}),
	};
}
