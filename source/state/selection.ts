// The focused pane and each pane's selected row, kept on a listed row as the lists change.

import {
	panes,
	withUi,
	type AppState,
	type Pane,
	type Update,
} from './app-state.js';
import type {Movement} from './list-view.js';
import {availablePanes, visibleIds} from './selectors.js';

/** Focuses a pane, if this engine has it; the pane it leaves is where `-` goes back to. */
export function paneFocused(pane: Pane): Update {
	return state =>
		state.ui.focus === pane || !availablePanes(state).includes(pane)
			? state
			: withUi(state, {focus: pane, previousFocus: state.ui.focus});
}

/** `-`: back to the pane focused before, as `cd -` does (again: forth). */
export const focusedBack: Update = state =>
	state.ui.previousFocus === undefined
		? state
		: paneFocused(state.ui.previousFocus)(state);

export function paneCycled(step: 1 | -1): Update {
	return state => {
		const available = availablePanes(state);
		const index = available.indexOf(state.ui.focus);
		const next =
			available[(index + step + available.length) % available.length] ??
			'containers';
		return paneFocused(next)(state);
	};
}

/** Moves the cursor of the focused pane. */
export function selectionMoved(movement: Movement): Update {
	return state => {
		const pane = state.ui.focus;
		const ids = visibleIds(state, pane);
		if (ids.length === 0) {
			return state;
		}

		const current = state.ui.selection[pane];
		const index = current === undefined ? 0 : Math.max(0, ids.indexOf(current));
		const target =
			movement === 'top'
				? 0
				: movement === 'bottom'
					? ids.length - 1
					: Math.min(ids.length - 1, Math.max(0, index + movement));
		const id = ids[target];
		return id === current
			? state
			: withUi(state, {selection: {...state.ui.selection, [pane]: id}});
	};
}

/**
 * The row next to `order[index]` that `isKept` keeps: the next one first, else the one before
 * (nearest first); undefined when none is kept.
 */
function neighbourAt(
	order: readonly string[],
	index: number,
	isKept: (id: string) => boolean,
): string | undefined {
	return (
		order.slice(index + 1).find(id => isKept(id)) ??
		order
			.slice(0, index)
			.reverse()
			.find(id => isKept(id))
	);
}

/**
 * Re-points each pane's selection after a transition: the same id while it is still listed, else
 * its nearest surviving neighbour in the old order (the next one first), else the first row.
 */
export function keepSelection(previous: AppState, next: AppState): AppState {
	let selection = next.ui.selection;
	for (const pane of panes) {
		const ids = visibleIds(next, pane);
		const current = selection[pane];
		if (current !== undefined && ids.includes(current)) {
			continue;
		}

		const listed = new Set(ids);
		const before = visibleIds(previous, pane);
		const index = current === undefined ? -1 : before.indexOf(current);
		const neighbour =
			index === -1
				? undefined
				: neighbourAt(before, index, id => listed.has(id));
		const replacement = neighbour ?? ids[0];
		if (replacement !== current) {
			selection = {...selection, [pane]: replacement};
		}
	}

	return selection === next.ui.selection
		? next
		: {...next, ui: {...next.ui, selection}};
}

/**
 * Rows the user chose to remove: a pane whose selected row is among them selects its neighbour in
 * the order shown now. Waiting until the rows are gone would be too late: a container being
 * removed first dies, which moves it (to the stopped ones, or down a CPU sort), and the neighbour
 * it then has is not the one the user saw.
 */
export function selectionMovedOff(ids: readonly string[]): Update {
	return state => {
		const leaving = new Set(ids);
		let selection = state.ui.selection;
		for (const pane of panes) {
			const current = selection[pane];
			if (current === undefined || !leaving.has(current)) {
				continue;
			}

			const order = visibleIds(state, pane);
			const neighbour = neighbourAt(
				order,
				order.indexOf(current),
				id => !leaving.has(id),
			);
			if (neighbour !== undefined) {
				selection = {...selection, [pane]: neighbour};
			}
		}

		return selection === state.ui.selection
			? state
			: withUi(state, {selection});
	};
}

/** Selects the row `id` of `pane` (a click on it), if the pane lists it. */
export function rowSelected(pane: Pane, id: string): Update {
	return state =>
		state.ui.selection[pane] === id || !visibleIds(state, pane).includes(id)
			? state
			: withUi(state, {selection: {...state.ui.selection, [pane]: id}});
}
