// The dialog slot: one dialog at a time on top of the panes, opened, changed and closed.

import {withUi, type Dialog, type DialogOf, type Update} from './app-state.js';

/** Opens `dialog` on top of the panes, in place of any other. */
export function openDialog(dialog: Dialog): Update {
	return state => withUi(state, {dialog});
}

/** Closes the open dialog. */
export const closeDialog: Update = state =>
	state.ui.dialog === undefined ? state : withUi(state, {dialog: undefined});

/**
 * Changes the open dialog if it is of `kind`; leaves the state alone otherwise (it was closed, or
 * another took its place while the engine answered). A change that gives back the same dialog
 * leaves the same state, so nothing redraws.
 */
export function dialogChanged<K extends Dialog['kind']>(
	kind: K,
	change: (dialog: DialogOf<K>) => DialogOf<K>,
): Update {
	return state => {
		const {dialog} = state.ui;
		if (dialog?.kind !== kind) {
			return state;
		}

		const next = change(dialog as DialogOf<K>);
		return next === dialog ? state : withUi(state, {dialog: next});
	};
}
