// Marked rows, and what an action on the focused pane applies to.

import {panes, type AppState, type Update} from './app-state.js';
import {paneItems, visibleIds} from './selectors.js';
import {withMember} from './set-membership.js';

/** Marks or unmarks the selected row of the focused pane, then moves down, as in a file manager. */
export const markToggled: Update = state => {
	const id = state.ui.selection[state.ui.focus];
	if (id === undefined) {
		return state;
	}

	const marks = withMember(state.marks, id);
	const ids = visibleIds(state, state.ui.focus);
	const next = ids[Math.min(ids.length - 1, ids.indexOf(id) + 1)];
	return {
		...state,
		marks,
		ui: {
			...state.ui,
			selection: {...state.ui.selection, [state.ui.focus]: next},
		},
	};
};

export const allMarked: Update = state => ({
	...state,
	marks: new Set([...state.marks, ...visibleIds(state, state.ui.focus)]),
});

/** Esc clears the marks of the focused pane; those of the other pane stay. */
export const marksCleared: Update = state => {
	const pane = paneItems(state, state.ui.focus);
	const marks = new Set([...state.marks].filter(id => !pane.has(id)));
	return marks.size === state.marks.size ? state : {...state, marks};
};

/**
 * Esc in a list: it clears the pane's marks first, as those are what an action would touch; with
 * none, it clears the filter kept with Enter.
 */
export const marksOrFilterCleared: Update = state => {
	const cleared = marksCleared(state);
	if (cleared !== state) {
		return cleared;
	}

	const {focus, filters} = state.ui;
	return filters[focus] === ''
		? state
		: {...state, ui: {...state.ui, filters: {...filters, [focus]: ''}}};
};

/** Marks of rows no longer listed go with them. */
export function marksPruned(state: AppState): AppState {
	const kept = [...state.marks].filter(id =>
		panes.some(pane => paneItems(state, pane).has(id)),
	);
	return kept.length === state.marks.size
		? state
		: {...state, marks: new Set(kept)};
}

/** What an action on the focused pane applies to: its marked rows, else its selected row. */
export function actionIds(state: AppState): readonly string[] {
	const ids = visibleIds(state, state.ui.focus);
	const marked = ids.filter(id => state.marks.has(id));
	if (marked.length > 0) {
		return marked;
	}

	const selected = state.ui.selection[state.ui.focus];
	return selected !== undefined && ids.includes(selected) ? [selected] : [];
}
