import type {Command} from '../keymap/commands.js';
import {statusShown} from '../state/status.js';
import {detailsTargetOf, detailsViewToggled} from '../state/details.js';
import {dispatching, type Handler} from './handler-context.js';

/** The details dialog's own commands, and `i`/Enter on a list; the viewer moves and searches it. */
export const detailsHandlers = {
	...dispatching({
		'details.view': () => detailsViewToggled,
	}),
	'item.details'({services}) {
		const target = detailsTargetOf(services.store.getState());
		if (target === undefined) {
			services.dispatch(statusShown('no details for this row', true));
			return;
		}

		services.details.open(target);
	},
} satisfies Partial<Record<Command, Handler>>;
