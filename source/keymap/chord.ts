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
