// The filter prompt (`/`): typing narrows the focused pane at once; Enter keeps the filter, Esc
// clears it.

import {withUi, type Update} from './app-state.js';
import {dialogClosed} from './dialog-slot.js';
import {
	lineEdited,
	selectedLineEdited,
	textField,
	type LineEdit,
} from './text-field.js';

/** Opens the filter prompt on the focused pane, starting from its current filter. */
export const filterOpened: Update = state => {
	const draft = state.ui.filters[state.ui.focus];
	return withUi(state, {
		dialog: {kind: 'filter', draft: textField(draft), isSelected: draft !== ''},
	});
};

/**
 * An edit in the filter prompt, which narrows the list at once. The kept filter is selected as the
 * prompt opens: what is typed replaces it, a move (Right, End…) unselects it to edit it.
 */
export function filterEdited(edit: LineEdit): Update {
	return state => {
		const {dialog} = state.ui;
		if (dialog?.kind !== 'filter') {
			return state;
		}

		const draft =
			dialog.isSelected === true
				? selectedLineEdited(dialog.draft, edit)
				: lineEdited(dialog.draft, edit);
		return withUi(state, {
			dialog: {kind: 'filter', draft},
			filters: {...state.ui.filters, [state.ui.focus]: draft.text},
		});
	};
}

export const filterKept: Update = dialogClosed;

export const filterCleared: Update = state =>
	withUi(state, {
		dialog: undefined,
		filters: {...state.ui.filters, [state.ui.focus]: ''},
	});
