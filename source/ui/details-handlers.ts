import type {Command} from '../keymap/commands.js';
import {statusShown} from '../state/status.js';
import {detailsTargetOf, detailsViewToggled} from '../state/details.js';
import type {HandlerContext} from './handler-context.js';

/** The details dialog's own commands, and `i`/Enter on a list; the viewer moves and searches it. */
export const detailsHandlers = {
	'item.details'({services}) {
		const target = detailsTargetOf(services.store.getState());
		if (target === undefined) {
			services.dispatch(statusShown('no details for this row', true));
			return;
		}

		services.details.open(target);
	},
	'details.view'({services}) {
		services.dispatch(detailsViewToggled);
	},
} satisfies Partial<Record<Command, (context: HandlerContext) => void>>;
