import type {AppState} from '../../state/app-state.js';
import type {ViewerDialog} from '../../state/text-viewer.js';
import {selectTaskNames} from '../dialogs/container-logs.js';
import {detailsContent} from '../format/details-view.js';
import {logsContent} from '../format/log-rows.js';
import {drawnAs, plainContent, type ViewerContent} from './viewer-content.js';

/**
 * What the open viewer dialog shows, as it was last drawn: what its keys move over. A new kind
 * of viewer dialog adds its case (the compiler asks for it).
 */
export function viewerContentOf(
	state: AppState,
	dialog: ViewerDialog,
): ViewerContent {
	const draw = drawnAs(dialog.viewer);
	switch (dialog.kind) {
		case 'logs': {
			return logsContent(dialog, selectTaskNames(state), draw);
		}

		case 'details': {
			return detailsContent(dialog, state.clock, draw);
		}

		case 'text':
		case 'compose-output': {
			return plainContent(dialog.lines, draw);
		}

		case 'build': {
			return plainContent(dialog.output, draw);
		}
	}
}
