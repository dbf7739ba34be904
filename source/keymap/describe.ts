import {commandInfo} from './commands.js';
import type {Binding} from './bindings.js';

const keyLabels: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	enter: 'Enter',
	esc: 'Esc',
	tab: 'Tab',
	'shift+tab': 'Shift-Tab',
	space: 'Space',
	home: 'Home',
	end: 'End',
};

/** A chord as the help shows it: `ctrl+c` → `Ctrl-C`, `pagedown` → `PgDn`, `j` → `j`. */
export function describeChord(chord: string): string {
	const named = keyLabels[chord];
	if (named !== undefined) {
		return named;
	}

	const ctrl = /^ctrl\+(.+)$/.exec(chord);
	return ctrl?.[1] === undefined ? chord : `Ctrl-${ctrl[1].toUpperCase()}`;
}

/** All keys of a binding, e.g. `j/↓`. */
export function describeKeys(binding: Binding): string {
	return binding.keys.map(describeChord).join('/');
}

/** What the help and the footer say of a binding: the scope's own words, else its command's. */
export function bindingWords(binding: Binding): {
	readonly description: string;
	readonly hint: string | undefined;
} {
	const info = commandInfo[binding.command];
	return {
		description: binding.description ?? info.description,
		hint: binding.hint ?? info.hint,
	};
}
