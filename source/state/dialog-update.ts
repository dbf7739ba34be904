import type {AppState, Dialog} from './app-state.js';
import type {Update} from './updates.js';

/** The dialog of kind `K`. */
export type DialogOf<K extends Dialog['kind']> = Extract<
	Dialog,
	{readonly kind: K}
>;

/** The dialog on screen if it is of `kind`, else undefined. */
export function currentDialog<K extends Dialog['kind']>(
	state: AppState,
	kind: K,
): DialogOf<K> | undefined {
	const {dialog} = state.ui;
	return dialog?.kind === kind ? (dialog as DialogOf<K>) : undefined;
}

/**
 * Changes the dialog on screen if it is of `kind` (to another dialog, or none: closed); leaves
 * the state alone otherwise, or when the change gives the same dialog back.
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
		return next === dialog
			? state
			: {...state, ui: {...state.ui, dialog: next}};
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
