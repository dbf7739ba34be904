import {createContext, useContext} from 'react';
import {bindings, type Binding} from '../keymap/bindings.js';
import {remapped, type KeyOverrides, type Keymap} from '../keymap/remap.js';
import {panes} from '../state/app-state.js';
import {scopesOfPane} from '../state/scopes.js';

/**
 * The default keymap with the user's `"keys"` laid over it. The panes' scope lists say which
 * scopes are in force together, so a key is refused where it would shadow another command.
 */
export function keymapInForce(overrides: KeyOverrides = {}): Keymap {
	return remapped(bindings, overrides, panes.map(scopesOfPane));
}

/** The keymap table the app dispatches, hints and helps with: the defaults unless configured. */
export const KeymapContext = createContext<readonly Binding[]>(bindings);

/** The keymap table in force. */
export function useKeymapTable(): readonly Binding[] {
	return useContext(KeymapContext);
}

/** The one message that lists what of `"keys"` was not followed; undefined when all was. */
export function keymapProblemsText(
	problems: readonly string[],
): string | undefined {
	return problems.length === 0
		? undefined
		: `config "keys": ${problems.join('; ')} (defaults kept for these)`;
}
