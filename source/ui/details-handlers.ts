import type {Command} from '../keymap/commands.js';
import type {Services} from '../runtime/services.js';
import type {ListStep} from '../state/list-view.js';
import {statusShown} from '../state/status.js';
import {
	detailsMatchJumped,
	detailsScrolled,
	detailsSearchCancelled,
	detailsSearched,
	detailsSearchOpened,
	detailsTargetOf,
	detailsViewToggled,
	detailsWrapToggled,
	type DetailsDialog,
} from '../state/details.js';
import {detailsLines, type DetailLine} from './format/details-lines.js';
import {clampScroll, findLine, lastScroll} from './format/details-view.js';
import {dispatching, type Handler} from './handler-context.js';

/** The open details dialog and the lines it shows, or undefined. */
function currentDetails(
	services: Services,
):
	| {readonly dialog: DetailsDialog; readonly lines: readonly DetailLine[]}
	| undefined {
	const state = services.store.getState();
	const {dialog} = state.ui;
	return dialog?.kind === 'details'
		? {dialog, lines: detailsLines(dialog.content, dialog.view, state.clock)}
		: undefined;
}

/** Scrolls the open details to `target(dialog, lines)`, kept between the top and the last page. */
function scroll(
	services: Services,
	target: (dialog: DetailsDialog, lines: readonly DetailLine[]) => number,
): void {
	const open = currentDetails(services);
	if (open !== undefined) {
		const {dialog, lines} = open;
		services.dispatch(
			detailsScrolled(
				clampScroll(target(dialog, lines), lines, dialog.viewport, dialog.wrap),
			),
		);
	}
}

/** A page: the rows of the view less one, kept for context. */
function page(dialog: DetailsDialog): number {
	return Math.max(1, dialog.viewport.rows - 1);
}

/** Scrolls the open details by `step`: a line, a page of its view, or to an end. */
export function scrollDetails(services: Services, step: ListStep): void {
	scroll(services, (dialog, lines) =>
		step === 'top'
			? 0
			: step === 'bottom'
				? lastScroll(lines, dialog.viewport, dialog.wrap)
				: dialog.scroll +
					(step === 'pageDown'
						? page(dialog)
						: step === 'pageUp'
							? -page(dialog)
							: step),
	);
}

/** Jumps to the next (or previous) line matching the search, from `from` (exclusive). */
function jump(services: Services, direction: 1 | -1): void {
	const open = currentDetails(services);
	if (open === undefined) {
		return;
	}

	const {dialog, lines} = open;
	if (dialog.query === '') {
		services.dispatch(statusShown('no search: / starts one', true));
		return;
	}

	const from =
		dialog.match ?? (direction === 1 ? dialog.scroll - 1 : dialog.scroll);
	const match = findLine(lines, dialog.query, from, direction);
	services.dispatch(
		match === undefined
			? statusShown(`no match for "${dialog.query}"`, true)
			: detailsMatchJumped(
					match,
					clampScroll(match, lines, dialog.viewport, dialog.wrap),
				),
	);
}

/** The details dialog's commands, and `i`/Enter on a list. */
export const detailsHandlers = {
	...dispatching({
		'details.view': () => detailsViewToggled,
		'details.wrap': () => detailsWrapToggled,
		'details.search': () => detailsSearchOpened,
		'details.searchCancel': () => detailsSearchCancelled,
	}),
	'item.details'({services}) {
		const target = detailsTargetOf(services.store.getState());
		if (target === undefined) {
			services.dispatch(statusShown('no details for this row', true));
			return;
		}

		services.details.open(target);
	},
	'details.searchRun'({services}) {
		const open = currentDetails(services);
		if (open === undefined) {
			return;
		}

		const {dialog, lines} = open;
		const query =
			dialog.draft === undefined || dialog.draft === ''
				? dialog.query
				: dialog.draft;
		const match = findLine(lines, query, dialog.scroll - 1, 1);
		services.dispatch(
			detailsSearched(
				match,
				match === undefined
					? dialog.scroll
					: clampScroll(match, lines, dialog.viewport, dialog.wrap),
			),
		);
		if (match === undefined && query !== '') {
			services.dispatch(statusShown(`no match for "${query}"`, true));
		}
	},
	'details.nextMatch'({services}) {
		jump(services, 1);
	},
	'details.previousMatch'({services}) {
		jump(services, -1);
	},
} satisfies Partial<Record<Command, Handler>>;
