import type {Binding} from '../../keymap/bindings.js';
import {shownBindings} from '../../keymap/resolve.js';
import {panes, type Pane} from '../../state/app-state.js';
import {memoizeLast} from '../../state/memo.js';
import {scopesOfPane} from '../../state/scopes.js';

// The help lists keys from the keymap table for the scopes the state says are in force; which keys
// to show is a view's question, so it is answered here and not in state/.

/** A key that focuses a pane by number, for the help's one line of them. */
export type PaneKey = {readonly binding: Binding; readonly pane: Pane};

/**
 * The help's rows for a pane: every key in force there, except that the keys which focus a pane
 * by number get one line of their own, and only for the panes this engine has.
 */
export const helpBindings = memoizeLast(
	(
		pane: Pane,
		isReadOnly: boolean,
		available: readonly Pane[],
		table: readonly Binding[],
	): {
		readonly keys: readonly Binding[];
		readonly paneKeys: readonly PaneKey[];
	} => {
		const shown = shownBindings(scopesOfPane(pane), table, isReadOnly);
		return {
			keys: shown.filter(binding => paneOfKey(binding) === undefined),
			paneKeys: shown.flatMap(binding => {
				const target = paneOfKey(binding);
				return target !== undefined && available.includes(target)
					? [{binding, pane: target}]
					: [];
			}),
		};
	},
);

/** The pane a `focus.<pane>` binding with a digit key focuses. */
function paneOfKey(binding: Binding): Pane | undefined {
	return binding.keys.some(key => /^\d$/.test(key))
		? panes.find(pane => binding.command === `focus.${pane}`)
		: undefined;
}
