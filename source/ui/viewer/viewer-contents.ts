import type {AppState} from '../../state/app-state.js';
import {logText} from '../../state/log-lines.js';
import {shownLines} from '../../state/text-search.js';
import type {ViewerDialog} from '../../state/text-viewer.js';
import type {SavedText} from '../../runtime/text-save.js';
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

/** What `s` saves of the open viewer: the lines it shows (filtered), as a file's text. */
export function savedTextOf(state: AppState, dialog: ViewerDialog): SavedText {
	const {query, filter, isLog} = dialog.viewer;
	if (dialog.kind === 'logs') {
		// A merged log keeps its name column, and its times when they are shown.
		const lines = shownLines(dialog.lines, query, filter);
		return {
			title: dialog.title,
			lines: lines.length,
			isLog,
			text: logText(lines, {
				names: dialog.sources.map(source => source.name),
				timestamps: dialog.timestamps,
			}),
		};
	}

	const lines = shownLines(viewerContentOf(state, dialog).lines, query, filter);
	return {
		title:
			dialog.kind === 'details'
				? `${dialog.target.name}-${dialog.view}`
				: dialog.kind === 'build'
					? 'build'
					: dialog.title,
		lines: lines.length,
		isLog,
		text: lines.map(line => `${line.text}\n`).join(''),
	};
}
