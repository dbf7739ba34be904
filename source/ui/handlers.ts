import type {Command} from '../keymap/commands.js';
import type {Services} from '../runtime/services.js';
import {
	closeDialog,
	cyclePane,
	filterCleared,
	filterKept,
	filterTyped,
	textDeletedBack,
	focusPane,
	moveSelection,
	openDialog,
	openFilter,
	sortBy,
	toggleShowAll,
} from '../state/updates.js';

/** What a handler may use: the services, and the height of a page in the focused list. */
export type HandlerContext = {
	readonly services: Services;
	readonly pageSize: number;
};

type Handler = (context: HandlerContext) => void;

/** One handler per command; `satisfies` makes a command without a handler a compile error. */
export const handlers = {
	'app.quit'({services}) {
		services.quit();
	},
	'app.help'({services}) {
		services.dispatch(openDialog({kind: 'help'}));
	},
	'help.close'({services}) {
		services.dispatch(closeDialog);
	},
	'focus.next'({services}) {
		services.dispatch(cyclePane(1));
	},
	'focus.previous'({services}) {
		services.dispatch(cyclePane(-1));
	},
	'focus.containers'({services}) {
		services.dispatch(focusPane('containers'));
	},
	'focus.images'({services}) {
		services.dispatch(focusPane('images'));
	},
	'focus.resources'({services}) {
		services.dispatch(focusPane('resources'));
	},
	'sort.cpu'({services}) {
		services.dispatch(sortBy('cpu'));
	},
	'sort.memory'({services}) {
		services.dispatch(sortBy('memory'));
	},
	'sort.name'({services}) {
		services.dispatch(sortBy('name'));
	},
	'list.down'({services}) {
		services.dispatch(moveSelection(1));
	},
	'list.up'({services}) {
		services.dispatch(moveSelection(-1));
	},
	'list.pageDown'({services, pageSize}) {
		services.dispatch(moveSelection(pageSize));
	},
	'list.pageUp'({services, pageSize}) {
		services.dispatch(moveSelection(-pageSize));
	},
	'list.top'({services}) {
		services.dispatch(moveSelection('top'));
	},
	'list.bottom'({services}) {
		services.dispatch(moveSelection('bottom'));
	},
	'list.filter'({services}) {
		services.dispatch(openFilter);
	},
	'containers.toggleAll'({services}) {
		services.dispatch(toggleShowAll);
	},
	'filter.keep'({services}) {
		services.dispatch(filterKept);
	},
	'filter.deleteBack'({services}) {
		services.dispatch(textDeletedBack);
	},
	'filter.clearText'({services}) {
		services.dispatch(filterTyped(''));
	},
	'filter.clear'({services}) {
		services.dispatch(filterCleared);
	},
} satisfies Record<Command, Handler>;
