import type {Command} from '../keymap/commands.js';
import type {Services} from '../runtime/services.js';
import {statusShown} from '../state/status.js';
import {pruneOpenedFor} from '../state/prune-dialog.js';
import {
	checkCreateForm,
	createChecked,
	createFormOpened,
} from '../state/create-form.js';
import {pruneCategoryOf} from '../state/disk-usage.js';
import {categoryOfRow, diskOrderToggled} from '../state/system-view.js';
import type {HandlerContext} from './handler-context.js';
import {focusPane} from '../state/selection.js';

/** Enter on the last field (or Ctrl+G) of the create form: checks it, then creates. */
export function submitCreate(services: Services): void {
	const state = services.store.getState();
	const {dialog} = state.ui;
	if (dialog?.kind !== 'create' || dialog.isCreating) {
		return;
	}

	const request = checkCreateForm(state, dialog);
	if (request.ok) {
		void services.actions.create(request);
	} else {
		services.dispatch(createChecked(request.errors));
	}
}

/** Keys of the Volumes, Networks and System panes and of the create form. */
export const resourceHandlers = {
	'focus.volumes'({services}) {
		services.dispatch(focusPane('volumes'));
	},
	'focus.networks'({services}) {
		services.dispatch(focusPane('networks'));
	},
	'focus.system'({services}) {
		services.dispatch(focusPane('system'));
	},
	'volume.create'({services}) {
		services.dispatch(createFormOpened('volume'));
	},
	'network.create'({services}) {
		services.dispatch(createFormOpened('network'));
	},
	'system.refresh'({services}) {
		void services.system.refresh();
	},
	'system.order'({services}) {
		services.dispatch(diskOrderToggled);
	},
	'system.prune'({services}) {
		const state = services.store.getState();
		const id = state.ui.selection.system;
		const category = id === undefined ? undefined : categoryOfRow(id);
		services.dispatch(
			category === undefined
				? statusShown('no disk usage measured yet (r measures it)', true)
				: pruneOpenedFor(pruneCategoryOf[category]),
		);
	},
} satisfies Partial<Record<Command, (context: HandlerContext) => void>>;
