import type {Command} from '../keymap/commands.js';
import type {Dialog} from '../state/app-state.js';
import {composeOutputScrolled} from '../state/compose-state.js';
import {dialogListMoved} from '../state/dialog-list.js';
import {buildScrolled} from '../state/image-dialogs.js';
import type {ListStep} from '../state/list-view.js';
import {logsScrolled} from '../state/logs-dialog.js';
import {selectionMoved} from '../state/selection.js';
import {scrollDetails} from './details-handlers.js';
import type {Handler, HandlerContext} from './handler-context.js';

/** A step in lines, a page being the height of the focused view; or an end. */
function inLines(step: ListStep, pageSize: number): number | 'top' | 'bottom' {
	return step === 'pageDown' ? pageSize : step === 'pageUp' ? -pageSize : step;
}

/** How a step moves one kind of dialog that does not scroll as a list. */
type Scroller = (step: ListStep, context: HandlerContext) => void;

const textScrollers: Partial<Record<Dialog['kind'], Scroller>> = {
	logs(step, {services, pageSize}) {
		services.dispatch(logsScrolled(inLines(step, pageSize), pageSize));
	},
	'compose-output'(step, {services, pageSize}) {
		services.dispatch(composeOutputScrolled(inLines(step, pageSize), pageSize));
	},
	build(step, {services, pageSize}) {
		const lines = inLines(step, pageSize);
		services.dispatch(
			buildScrolled(
				lines === 'top' ? 'start' : lines === 'bottom' ? 'end' : lines,
			),
		);
	},
	details(step, {services}) {
		scrollDetails(services, step);
	},
};

/**
 * One scroll command for every view, as the scope it is bound in says: the focused pane's cursor
 * without a dialog; a dialog's text, or else its list.
 */
function scroll(step: ListStep): Handler {
	return context => {
		const {dialog} = context.services.store.getState().ui;
		const text = dialog === undefined ? undefined : textScrollers[dialog.kind];
		if (text !== undefined) {
			text(step, context);
		} else if (dialog === undefined) {
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
