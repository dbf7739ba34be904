// The command line. Kept free of heavy imports: the bin reads it before the app is loaded.
import {parseArgs} from 'node:util';

/** An engine the command line names: `--host URL` or `--context NAME`. */
export type NamedEngine = {
	readonly kind: 'host' | 'context';
	readonly value: string;
};

/** What the command line asked for. */
export type CliFlags = {
	readonly host?: string;
	readonly context?: string;
	/** Two or more engines named at once (`--host a --host b --context lab`): a fleet, in order. */
	readonly engines?: readonly NamedEngine[];
	/** `--fleet NAME`: a fleet of the config file. */
	readonly fleet?: string;
	/** `--read-only` true, `--no-read-only` false, neither undefined (the config file decides). */
	readonly readOnly?: boolean;
	readonly tail?: number;
	/** `--no-mouse` false (the terminal keeps the mouse for selecting text), else undefined. */
	readonly mouse?: boolean;
	/** The background the colours are chosen for. */
	readonly theme?: ThemeName;
	readonly help: boolean;
	readonly version: boolean;
	/** Print the keymap in force as a markdown table, and exit. */
	readonly printKeys: boolean;
};

/** The backgrounds dockmate has colours for: `--theme` and `"theme"` in the config file. */
export const themeNames = ['dark', 'light'] as const;
export type ThemeName = (typeof themeNames)[number];

export function isThemeName(value: unknown): value is ThemeName {
	return themeNames.includes(value as ThemeName);
}

/** The command line cannot be followed: `message` is one line naming the flag at fault. */
export type CliUsageError = {readonly error: string};

/** Printed under every usage error, as the docker CLI does. */
export const usageHint = "Run 'dockmate --help' for the options.";

const options = {
	host: {type: 'string', short: 'H'},
	context: {type: 'string', short: 'c'},
	fleet: {type: 'string'},
	'read-only': {type: 'boolean'},
	'no-read-only': {type: 'boolean'},
	tail: {type: 'string'},
	'no-mouse': {type: 'boolean'},
	theme: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean', short: 'v'},
	'print-keys': {type: 'boolean'},
} as const;

type OptionName = keyof typeof options;

function isOption(name: string): name is OptionName {
	return Object.hasOwn(options, name);
}

/** `--tail`'s value: a whole number of lines, 0 or more, written in plain digits. */
function parseTail(text: string): number | undefined {
	const value = Number(text);
	return /^\d+$/.test(text) && Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Reads dockmate's arguments strictly: an unknown flag, a stray word, a flag given twice, a missing
 * or malformed value are each an error that names the flag, never something silently ignored.
 */
export function parseCliFlags(
	args: readonly string[],
): CliFlags | CliUsageError {
	// Not strict, so that every fault is ours to word; the tokens say which flag said what.
	const {tokens} = parseArgs({
		args: [...args],
		options,
		strict: false,
		allowPositionals: true,
		tokens: true,
	});
	const given = new Map<OptionName, string | boolean>();
	// Engines may be named many times over: each one more of the fleet.
	const engines: NamedEngine[] = [];
	for (const token of tokens) {
		if (token.kind === 'positional') {
			return {
				error: `unexpected argument "${token.value}": dockmate takes only options`,
			};
		}

		if (token.kind === 'option-terminator') {
			continue;
		}

		const {name, rawName} = token;
		if (!isOption(name)) {
			return {error: `unknown flag ${rawName}`};
		}

		const flag = `--${name}`;
		const isString = options[name].type === 'string';
		if (isString && (token.value === undefined || token.value === '')) {
			return {error: `${flag} needs a value`};
		}

		// `--host --context x` means a forgotten value, not a host named "--context".
		if (isString && !token.inlineValue && token.value?.startsWith('--')) {
			return {error: `${flag} needs a value before ${token.value}`};
		}

		if (!isString && token.value !== undefined) {
			return {error: `${flag} takes no value`};
		}

		if ((name === 'host' || name === 'context') && token.value !== undefined) {
			engines.push({kind: name, value: token.value});
		}

		if (given.has(name) && name !== 'host' && name !== 'context') {
			return {error: `${flag} given twice`};
		}

		given.set(name, token.value ?? true);
	}

	if (given.has('read-only') && given.has('no-read-only')) {
		return {error: '--read-only and --no-read-only contradict each other'};
	}

	if (given.has('fleet') && engines.length > 0) {
		return {
			error: `--fleet and --${engines[0]?.kind} cannot be given together`,
		};
	}

	const string = (name: 'fleet' | 'tail' | 'theme'): string | undefined => {
		const value = given.get(name);
		return typeof value === 'string' ? value : undefined;
	};

	const tailText = string('tail');
	const tail = tailText === undefined ? undefined : parseTail(tailText);
	if (tailText !== undefined && tail === undefined) {
		return {
			error: `--tail takes a whole number of lines, 0 or more (not "${tailText}")`,
		};
	}

	const theme = string('theme');
	if (theme !== undefined && !isThemeName(theme)) {
		return {
			error: `--theme takes ${themeNames.join(' or ')} (not "${theme}")`,
		};
	}

	const [only] = engines;
	const single = engines.length === 1 ? only : undefined;
	const host = single?.kind === 'host' ? single.value : undefined;
	const context = single?.kind === 'context' ? single.value : undefined;
	const fleet = string('fleet');
	const readOnly = given.has('read-only')
		? true
		: given.has('no-read-only')
			? false
			: undefined;
	return {
		...(host === undefined ? {} : {host}),
		...(context === undefined ? {} : {context}),
		...(engines.length > 1 ? {engines} : {}),
		...(fleet === undefined ? {} : {fleet}),
		...(readOnly === undefined ? {} : {readOnly}),
		...(tail === undefined ? {} : {tail}),
		...(given.has('no-mouse') ? {mouse: false} : {}),
		...(theme === undefined ? {} : {theme}),
		help: given.has('help'),
		version: given.has('version'),
		printKeys: given.has('print-keys'),
	};
}

/** Whether {@link parseCliFlags} refused the command line. */
export function isUsageError(
	parsed: CliFlags | CliUsageError,
): parsed is CliUsageError {
	return 'error' in parsed;
}
