import type {Dialog} from './app-state.js';
import type {Update} from './updates.js';

type DialogOf<K extends Dialog['kind']> = Extract<Dialog, {readonly kind: K}>;

/**
 * A change to the open dialog of `kind`, about `containerId` when one is given; any other state
 * (another dialog open, or one about another container, answered late) is left as it is.
 */
export function withContainerDialog<K extends Dialog['kind']>(
	kind: K,
	change: (dialog: DialogOf<K>) => DialogOf<K>,
	containerId?: string,
): Update {
	return state => {
		const {dialog} = state.ui;
		if (
			dialog?.kind !== kind ||
			(containerId !== undefined &&
				(!('containerId' in dialog) || dialog.containerId !== containerId))
		) {
			return state;
		}

		const next = change(dialog as DialogOf<K>);
		return next === dialog
			? state
			: {...state, ui: {...state.ui, dialog: next}};
	};
}
