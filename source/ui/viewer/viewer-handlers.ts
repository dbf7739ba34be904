import type {Command} from '../../keymap/commands.js';
import type {Services} from '../../runtime/services.js';
import type {ListStep} from '../../state/list-view.js';
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
	type ViewerStep,
	type ViewerText,
} from '../../state/text-viewer.js';
import {dispatching, type Handler} from '../handler-context.js';
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

/** A scroll command in the open viewer: a line, a page of its view, or an end. */
export function scrollViewer(services: Services, step: ListStep): void {
	moved(services, (viewer, text) => viewerScrolled(viewer, text, step));
}

/**
 * The text viewer's own keys, the same in every dialog that shows text: logs, details, files. Its
 * scrolling is the `scroll.*` commands'.
 */
export const viewerHandlers = {
	...dispatching({
		'viewer.search': () => viewerChanged(viewerSearchOpened),
		'viewer.searchCancel': () => viewerChanged(viewerSearchCancelled),
		'viewer.filter': () => viewerChanged(viewerFilterToggled),
		'viewer.wrap': () => viewerChanged(viewerWrapToggled),
	}),
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
	'viewer.save'({services}) {
		const state = services.store.getState();
		const dialog = openViewerDialog(state);
		if (dialog !== undefined) {
			void services.saveText(savedTextOf(state, dialog));
		}
	},
} satisfies Partial<Record<Command, Handler>>;
