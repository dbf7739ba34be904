import {copyTarget, type CopyTarget} from '../state/copy-target.js';
import {statusShown} from '../state/status.js';
import {lineMatches, shownLines} from '../state/text-search.js';
import {openViewerDialog, viewerWindow} from '../state/text-viewer.js';
import type {Handler, HandlerContext} from './handler-context.js';
import {drawnAs, viewerText} from './viewer/viewer-content.js';
import {detailsContent} from './format/details-view.js';
import {lineValue} from './format/details/line-value.js';
import {viewerContentOf} from './viewer/viewer-contents.js';

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

/**
 * `y` in a text viewer (logs, details, any text): the lines in view that match the search, or
 * every line in view when there is none.
 */
const copyInView: Handler = ({services}) => {
	const state = services.store.getState();
	const dialog = openViewerDialog(state);
	if (dialog === undefined) {
		return;
	}

	const {query, filter} = dialog.viewer;
	const {lines, layout} = viewerText(
		viewerContentOf(state, dialog),
		dialog.viewer,
	);
	const shown = shownLines(lines, query, filter);
	const window = viewerWindow(dialog.viewer, shown, layout);
	const inView = shown.slice(window.top, window.bottom + 1);
	const copied =
		query === ''
			? inView
			: inView.filter(line => lineMatches(line.text, query));
	const which = query === '' ? 'in view' : `in view matching "${query}"`;
	if (copied.length === 0) {
		services.dispatch(statusShown(`no lines ${which} to copy`, true));
		return;
	}

	services.copy(copied.map(line => line.text).join('\n'));
	services.dispatch(
		statusShown(
			`copied ${copied.length} ${copied.length === 1 ? 'line' : 'lines'} ${which}`,
		),
	);
};

/**
 * `Y` in details: the value of the line the search is on, the line its current match marks;
 * without a search there is no such line, and the message says how to choose one.
 */
const copyValue: Handler = ({services}) => {
	const state = services.store.getState();
	const dialog = state.ui.dialog;
	if (dialog?.kind !== 'details') {
		return;
	}

	const {match} = dialog.viewer;
	const line =
		match === undefined
			? undefined
			: detailsContent(dialog, state.clock, drawnAs(dialog.viewer)).lines.find(
					candidate => candidate.seq === match,
				);
	if (line === undefined) {
		services.dispatch(
			statusShown(
				'search (/) for the line first: Y copies the value of the line the search is on',
				true,
			),
		);
		return;
	}

	const found = lineValue(line.segments);
	if (found === undefined) {
		services.dispatch(
			statusShown(`no value on the line "${line.text.trim()}"`, true),
		);
		return;
	}

	services.copy(found.value);
	services.dispatch(
		statusShown(`copied the value of ${found.key}: ${found.value}`),
	);
};

/**
 * `y` and `Y` on a pane: the selected object's id and name; `y` in a text viewer: the lines in
 * view that match its search; `Y` in details: a value. Through the terminal's clipboard.
 */
export const clipboardHandlers = {
	'copy.id': copying('id'),
	'copy.name': copying('name'),
	'viewer.copy': copyInView,
	'details.copyValue': copyValue,
} satisfies Record<string, Handler>;
