import {copyTarget, type CopyTarget} from '../state/copy-target.js';
import {statusShown} from '../state/status.js';
import type {Handler, HandlerContext} from './handler-context.js';

/** Copies one part of the focused pane's selected object and says what went to the clipboard. */
function copying(part: keyof CopyTarget): Handler {
	return ({services}: HandlerContext) => {
		const state = services.store.getState();
		const target = copyTarget(state, state.ui.focus);
		if (target === undefined) {
			services.dispatch(statusShown('nothing selected to copy', true));
			return;
		}

		services.copy(target[part]);
		services.dispatch(
			statusShown(
				part === 'id' && target.name !== target.id
					? `copied the id of ${target.name}: ${target.id}`
					: `copied ${target[part]}`,
			),
		);
	};
}

/** `y` and `Y` on a pane: the selected object's id and name, through the terminal's clipboard. */
export const clipboardHandlers = {
	'copy.id': copying('id'),
	'copy.name': copying('name'),
} satisfies Record<string, Handler>;
