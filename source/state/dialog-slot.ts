// The dialog slot: one dialog at a time on top of the panes, opened, changed and closed.

import {
	withUi,
	type AppState,
	type Dialog,
	type DialogOf,
	type Update,
} from './app-state.js';

/** Opens `dialog` on top of the panes, in place of any other. */
export function dialogOpened(dialog: Dialog): Update {
	return state => withUi(state, {dialog});
}

/** Closes the open dialog, back to the one it was opened from if it says so (`back`). */
export const dialogClosed: Update = state => {
	const {dialog} = state.ui;
	if (dialog === undefined) {
		return state;
	}

	return withUi(state, {dialog: 'back' in dialog ? dialog.back : undefined});
};

/** The dialog on screen if it is of `kind`, else undefined. */
export function currentDialog<K extends Dialog['kind']>(
	state: AppState,
	kind: K,
): DialogOf<K> | undefined {
	const {dialog} = state.ui;
	return dialog?.kind === kind ? (dialog as DialogOf<K>) : undefined;
}

/**
 * Changes the open dialog if it is of `kind` (to another dialog, or none: closed); leaves the
 * state alone otherwise (it was closed, or another took its place while the engine answered). A
 * change that gives back the same dialog leaves the same state, so nothing redraws.
 */
export function updateDialog<K extends Dialog['kind']>(
	kind: K,
	change: (dialog: DialogOf<K>) => Dialog | undefined,
): Update {
	return state => {
		const dialog = currentDialog(state, kind);
		if (dialog === undefined) {
			return state;
		}

		const next = change(dialog);
		return next === dialog ? state : withUi(state, {dialog: next});
	};
}

/**
 * A change (for {@link updateDialog}) made only to a dialog about `containerId`: an answer for a
 * container since left, coming late, is dropped.
 */
export function aboutContainer<D extends {readonly containerId: string}>(
	containerId: string,
	change: (dialog: D) => D,
): (dialog: D) => D {
	return dialog =>
		dialog.containerId === containerId ? change(dialog) : dialog;
}
