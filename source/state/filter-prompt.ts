// The filter prompt (`/`): typing narrows the focused pane at once; Enter keeps the filter, Esc
// clears it.

import {withUi, type Update} from './app-state.js';
import {dialogClosed} from './dialog-slot.js';

/** Opens the filter prompt on the focused pane, starting from its current filter. */
export const filterOpened: Update = state => {
	const draft = state.ui.filters[state.ui.focus];
	return withUi(state, {
		dialog: {kind: 'filter', draft, isSelected: draft !== ''},
	});
};

/** Right or End in the prompt: the kept filter is no longer selected, so typing adds to it. */
export const filterSelectionKept: Update = state =>
	state.ui.dialog?.kind === 'filter' && state.ui.dialog.isSelected === true
		? withUi(state, {dialog: {kind: 'filter', draft: state.ui.dialog.draft}})
		: state;

/** Typing in the filter prompt narrows the list at once. */
export function filterTyped(draft: string): Update {
	return state =>
		state.ui.dialog?.kind === 'filter'
			? withUi(state, {
					dialog: {kind: 'filter', draft},
					filters: {...state.ui.filters, [state.ui.focus]: draft},
				})
			: state;
}

export const filterKept: Update = dialogClosed;

export const filterCleared: Update = state =>
	withUi(state, {
		dialog: undefined,
		filters: {...state.ui.filters, [state.ui.focus]: ''},
	});
