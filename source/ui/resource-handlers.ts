import type {Command} from '../keymap/commands.js';
import type {Services} from '../runtime/services.js';
import {currentDialog} from '../state/dialog-slot.js';
import {statusShown} from '../state/status.js';
import {pruneOpenedFor} from '../state/prune-dialog.js';
import {checkCreateForm, createChecked} from '../state/create-form.js';
import {openOnOneEngine} from './engine-choice-handlers.js';
import {pruneCategoryOf} from '../state/disk-usage.js';
import {categoryOfRow, diskOrderToggled} from '../state/system-view.js';
import {dispatching, type Handler} from './handler-context.js';
import {paneFocused} from '../state/selection.js';

/** Enter on the last field (or Ctrl+G) of the create form: checks it, then creates. */
export function submitCreate(services: Services): void {
	const state = services.store.getState();
	const dialog = currentDialog(state, 'create');
	if (dialog === undefined || dialog.isCreating) {
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
	...dispatching({
		'focus.volumes': () => paneFocused('volumes'),
		'focus.networks': () => paneFocused('networks'),
		'focus.system': () => paneFocused('system'),
		'system.order': () => diskOrderToggled,
	}),
	'volume.create'({services}) {
		openOnOneEngine(services, 'volume');
	},
	'network.create'({services}) {
		openOnOneEngine(services, 'network');
	},
	'system.refresh'({services}) {
		void services.system.refresh();
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
} satisfies Partial<Record<Command, Handler>>;
