import type {Command} from '../keymap/commands.js';
import {dialogListMoved} from '../state/dialog-list.js';
import type {ListStep} from '../state/list-view.js';
import {openViewerDialog} from '../state/text-viewer.js';
import {selectionMoved} from '../state/selection.js';
import type {Handler} from './handler-context.js';
import {scrollViewer} from './viewer/viewer-handlers.js';

/** A step in lines, a page being the height of the focused view; or an end. */
function inLines(step: ListStep, pageSize: number): number | 'top' | 'bottom' {
	return step === 'pageDown' ? pageSize : step === 'pageUp' ? -pageSize : step;
}

/**
 * One scroll command for every view, as the scope it is bound in says: the focused pane's cursor
 * without a dialog; a dialog's text, or else its list.
 */
function scroll(step: ListStep): Handler {
	return context => {
		const state = context.services.store.getState();
		if (openViewerDialog(state) !== undefined) {
			scrollViewer(context.services, step);
		} else if (state.ui.dialog === undefined) {
			context.services.dispatch(
				selectionMoved(inLines(step, context.pageSize)),
			);
		} else {
			context.services.dispatch(dialogListMoved(step));
		}
	};
}

/** j/k, PgDn/PgUp (Ctrl-D/U) and g/G, wherever they move. */
export const scrollHandlers = {
	'scroll.down': scroll(1),
	'scroll.up': scroll(-1),
	'scroll.pageDown': scroll('pageDown'),
	'scroll.pageUp': scroll('pageUp'),
	'scroll.top': scroll('top'),
	'scroll.bottom': scroll('bottom'),
} satisfies Partial<Record<Command, Handler>>;
