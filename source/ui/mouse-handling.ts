import {bindings} from '../keymap/bindings.js';
import type {MouseEvent} from '../keymap/mouse-event.js';
import {resolve} from '../keymap/resolve.js';
import {activeScopes} from '../state/scopes.js';
import {paneFocused, rowSelected} from '../state/selection.js';
import type {HandlerContext} from './handler-context.js';
import {handlers} from './handlers.js';
import {mouseTarget, type MouseTarget} from './mouse-target.js';
import {dialogChoiceAt} from './dialog-choices.js';

/** A press of the left button, remembered to tell a double-click. */
export type Press = {readonly time: number; readonly target: MouseTarget};

/** Two presses on the same row closer than this are a double-click (the usual desktop default). */
export const doubleClickMs = 400;

/** Whether a press on `target` at `time` makes a double-click with the press before. */
export function isDoubleClick(
	previous: Press | undefined,
	target: MouseTarget,
	time: number,
): boolean {
	return (
		previous !== undefined &&
		time - previous.time <= doubleClickMs &&
		previous.target.kind === 'row' &&
		target.kind === 'row' &&
		previous.target.pane === target.pane &&
		previous.target.id === target.id
	);
}

type MouseContext = HandlerContext & {
	readonly size: {readonly columns: number; readonly rows: number};
	readonly time: number;
	/** The press before this event, if any. */
	readonly previous: Press | undefined;
};

/**
 * Does what the mouse asked: the wheel does what the arrow keys do where it is (moves a list,
 * scrolls a text); a click focuses the pane whose title it is on, or selects the row, and a
 * double-click on a row opens its details. Over a dialog, a click on a choice of its last line
 * does what that choice's key does. Returns the press to remember for the next event.
 */
export function mouseHandled(
	event: MouseEvent,
	context: MouseContext,
): Press | undefined {
	const {services, size, time, previous} = context;
	const state = services.store.getState();
	if (event.action === 'wheelUp' || event.action === 'wheelDown') {
		// The wheel means the arrows' commands, wherever the user bound them.
		const command = resolve(
			event.action === 'wheelUp' ? 'up' : 'down',
			activeScopes(state),
			bindings,
		);
		if (command !== undefined) {
			handlers[command](context);
		}

		return previous;
	}

	if (event.action !== 'press' || event.button !== 0) {
		return previous;
	}

	if (state.ui.dialog !== undefined) {
		// Over a dialog a click chooses what its key would: `y yes, remove`, a signal.
		const choice = dialogChoiceAt(state, size, event);
		if (choice?.picked !== undefined) {
			services.dispatch(choice.picked);
		}

		if (choice?.command !== undefined) {
			handlers[choice.command](context);
		}

		return undefined;
	}

	const target = mouseTarget(state, size, event);
	if (target === undefined) {
		return undefined;
	}

	services.dispatch(paneFocused(target.pane));
	if (target.kind === 'row') {
		services.dispatch(rowSelected(target.pane, target.id));
		if (isDoubleClick(previous, target, time)) {
			handlers['item.details'](context);
			return undefined;
		}
	}

	return {time, target};
}
