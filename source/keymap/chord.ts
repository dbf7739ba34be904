/** The subset of Ink's `Key` that chords are made of; kept here so the keymap stays free of Ink. */
export type KeyFlags = {
	readonly upArrow: boolean;
	readonly downArrow: boolean;
	readonly leftArrow: boolean;
	readonly rightArrow: boolean;
	readonly pageDown: boolean;
	readonly pageUp: boolean;
	readonly home: boolean;
	readonly end: boolean;
	readonly return: boolean;
	readonly escape: boolean;
	readonly ctrl: boolean;
	readonly shift: boolean;
	readonly tab: boolean;
	readonly backspace: boolean;
	readonly delete: boolean;
	readonly meta: boolean;
};

const namedKeys: readonly (readonly [keyof KeyFlags, string])[] = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageDown', 'pagedown'],
	['pageUp', 'pageup'],
	['home', 'home'],
	['end', 'end'],
	['return', 'enter'],
	['escape', 'esc'],
	['tab', 'tab'],
	['backspace', 'backspace'],
	['delete', 'delete'],
];

/** Every named key a chord may use. */
export const keyNames: ReadonlySet<string> = new Set([
	...namedKeys.map(([, name]) => name),
	'space',
]);

/**
 * Turns one parsed keypress into a canonical chord string: `j`, `G`, `?`, `down`, `ctrl+c`,
 * `shift+tab`. Printable characters carry their case, so `shift` only appears with named keys.
 */
export function chord(input: string, key: KeyFlags): string {
	const named = namedKeys.find(([flag]) => key[flag])?.[1];
	const modifiers = [
		key.ctrl ? 'ctrl+' : '',
		key.meta && !key.escape ? 'alt+' : '',
	].join('');
	if (named !== undefined) {
		return `${modifiers}${key.shift ? 'shift+' : ''}${named}`;
	}

	if (input === ' ') {
		return `${modifiers}space`;
	}

	return `${modifiers}${key.ctrl ? input.toLowerCase() : input}`;
}

/** True when `text` is a chord this module can produce: a valid binding key. */
export function isValidChord(text: string): boolean {
	const match = /^(ctrl\+)?(alt\+)?(shift\+)?(.+)$/.exec(text);
	const base = match?.[4];
	if (base === undefined) {
		return false;
	}

	return keyNames.has(base) || (match?.[3] === undefined && /^\S$/u.test(base));
}

/** Every flag off: a plain printable key. */
export const noKeyFlags: KeyFlags = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};

/** One key of a chunk: what Ink would have reported had it arrived alone. */
export type Keypress = {readonly input: string; readonly key: KeyFlags};

const controlKeys: Readonly<Record<string, Partial<KeyFlags>>> = {
	'\r': {return: true},
	'\n': {return: true},
	'\t': {tab: true},
	'\b': {backspace: true},
	// DEL is what the Backspace key sends (Ink calls it delete, as the Delete key's ESC [3~).
	'\u007F': {backspace: true},
};

/**
 * Splits a chunk of keys that arrived in one read ("jj", "abc\r" over a slow link) into the
 * keypresses Ink reports for them one by one: Enter, Tab, Backspace and Ctrl-letters included.
 * Escape sequences never reach here in a chunk: Ink's input parser splits those off.
 */
export function splitChunk(input: string): Keypress[] {
	return Array.from(input, char => {
		const control = controlKeys[char];
		if (control !== undefined) {
			return {input: '', key: {...noKeyFlags, ...control}};
		}

		return char >= '\u0001' && char <= '\u001A'
			? {
					input: String.fromCodePoint((char.codePointAt(0) ?? 0) + 96),
					key: {...noKeyFlags, ctrl: true},
				}
			: {input: char, key: noKeyFlags};
	});
}

const escapeKey: Keypress = {input: '', key: {...noKeyFlags, escape: true}};

/**
 * Splits a raw input event that holds Esc and one more key, read together (typed quickly, or
 * batched by an ssh link), into the two keys: Esc, then that key. The sequences terminals send
 * (ESC [ …, ESC O …, and those after a second ESC) are kept whole: they are one key. Alt+x, which
 * terminals send as ESC x, is Esc then x here: the dispatcher keeps it whole where Alt+x is bound
 * (Alt-B and Alt-F in a text field).
 * @returns undefined when `raw` is not such a pair.
 */
export function splitEscapePair(raw: string): Keypress[] | undefined {
	const rest = raw.slice(1);
	if (!raw.startsWith('\u001B') || rest === '' || /^[[O]/.test(rest)) {
		return undefined;
	}

	if (rest === '\u001B') {
		return [escapeKey, escapeKey];
	}

	return rest.startsWith('\u001B')
		? undefined
		: [escapeKey, ...splitChunk(rest)];
}
