import type {Command} from '../../keymap/commands.js';
import type {Services} from '../../runtime/services.js';
import {
	openViewerDialog,
	viewerChanged,
	viewerFilterToggled,
	viewerFollowToggled,
	viewerMatchJumped,
	viewerScrolled,
	viewerSearchCancelled,
	viewerSearched,
	viewerSearchOpened,
	viewerWrapToggled,
	type TextViewer,
	type ViewerLine,
	type ViewerMove,
	type ViewerStep,
	type ViewerText,
} from '../../state/text-viewer.js';
import type {HandlerContext} from '../handler-context.js';
import {viewerText} from './viewer-content.js';
import {savedTextOf, viewerContentOf} from './viewer-contents.js';

/** Moves the open viewer over its text as it was last drawn. */
function moved(
	services: Services,
	move: (
		viewer: TextViewer,
		text: ViewerText<ViewerLine>,
	) => TextViewer | ViewerStep,
): void {
	const state = services.store.getState();
	const dialog = openViewerDialog(state);
	if (dialog !== undefined) {
		const text = viewerText(viewerContentOf(state, dialog), dialog.viewer);
		services.dispatch(viewerChanged(viewer => move(viewer, text)));
	}
}

function scrolled(move: ViewerMove) {
	return ({services}: HandlerContext) => {
		moved(services, (viewer, text) => viewerScrolled(viewer, text, move));
	};
}

/** The text viewer's keys, the same in every dialog that shows text: logs, details, files. */
export const viewerHandlers = {
	'viewer.down': scrolled(1),
	'viewer.up': scrolled(-1),
	'viewer.pageDown': scrolled('pageDown'),
	'viewer.pageUp': scrolled('pageUp'),
	'viewer.top': scrolled('top'),
	'viewer.bottom': scrolled('bottom'),
	'viewer.follow'({services}) {
		moved(services, viewerFollowToggled);
	},
	'viewer.nextMatch'({services}) {
		moved(services, (viewer, text) => viewerMatchJumped(viewer, text, true));
	},
	'viewer.previousMatch'({services}) {
		moved(services, (viewer, text) => viewerMatchJumped(viewer, text, false));
	},
	'viewer.searchRun'({services}) {
		moved(services, viewerSearched);
	},
	'viewer.search'({services}) {
		services.dispatch(viewerChanged(viewerSearchOpened));
	},
	'viewer.searchCancel'({services}) {
		services.dispatch(viewerChanged(viewerSearchCancelled));
	},
	'viewer.filter'({services}) {
		services.dispatch(viewerChanged(viewerFilterToggled));
	},
	'viewer.wrap'({services}) {
		services.dispatch(viewerChanged(viewerWrapToggled));
	},
	'viewer.save'({services}) {
		const state = services.store.getState();
		const dialog = openViewerDialog(state);
		if (dialog !== undefined) {
			void services.saveText(savedTextOf(state, dialog));
		}
	},
} satisfies Partial<Record<Command, (context: HandlerContext) => void>>;
