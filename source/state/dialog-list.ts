import {pruneCategories, pruneRows} from './prune-dialog.js';
import type {Dialog, Update} from './app-state.js';
import {shownEntries} from './files-view.js';
import {
	cursorStepped,
	viewDrawn,
	viewScrolled,
	type ListStep,
	type ListView,
} from './list-view.js';

/** The dialogs that list things, each scrolled by the same keys. */
type DialogWithList = Extract<Dialog, {readonly list: ListView}>;

function hasList(dialog: Dialog | undefined): dialog is DialogWithList {
	return dialog !== undefined && 'list' in dialog;
}

/**
 * The cursor of a dialog's list and the items it moves over; undefined where the list only
 * scrolls (a confirmation, the prune's report).
 */
function cursorOf(
	dialog: DialogWithList,
): {readonly cursor: number; readonly total: number} | undefined {
	switch (dialog.kind) {
		case 'prune': {
			return dialog.stage === 'choose'
				? {cursor: dialog.cursor, total: pruneCategories.length}
				: dialog.stage === 'preview'
					? {cursor: dialog.cursor, total: pruneRows(dialog).length}
					: undefined;
		}

		case 'hosts': {
			return {cursor: dialog.cursor, total: dialog.choices.length};
		}

		case 'engine-choice': {
			return {cursor: dialog.cursor, total: dialog.names.length};
		}

		case 'files': {
			return {cursor: dialog.cursor, total: shownEntries(dialog).length};
		}

		case 'processes': {
			return {
				cursor: dialog.cursor,
				total: dialog.sample?.processes.length ?? 0,
			};
		}

		case 'confirm':
		case 'compose-down':
		case 'swarm-confirm':
		case 'audit':
		case 'help':
		case 'pull': {
			return undefined;
		}
	}
}

function moved(dialog: DialogWithList, step: ListStep): DialogWithList {
	// While an engine is being connected to, the choice stays where it is.
	if (dialog.kind === 'hosts' && dialog.connecting !== undefined) {
		return dialog;
	}

	const withCursor = cursorOf(dialog);
	if (withCursor === undefined) {
		const list = viewScrolled(dialog.list, step);
		return list === dialog.list ? dialog : {...dialog, list};
	}

	const {cursor, view} = cursorStepped(
		withCursor.cursor,
		dialog.list,
		step,
		withCursor.total,
	);
	return (dialog.kind === 'prune' ||
		dialog.kind === 'hosts' ||
		dialog.kind === 'engine-choice' ||
		dialog.kind === 'files' ||
		dialog.kind === 'processes') &&
		(cursor !== dialog.cursor || view !== dialog.list)
		? {...dialog, cursor, list: view}
		: dialog;
}

function withList(change: (dialog: DialogWithList) => DialogWithList): Update {
	return state => {
		const {dialog} = state.ui;
		if (!hasList(dialog)) {
			return state;
		}

		const next = change(dialog);
		return next === dialog
			? state
			: {...state, ui: {...state.ui, dialog: next}};
	};
}

/** j/k, PgUp/PgDn, g/G in a dialog that lists things: its cursor moves, or its list scrolls. */
export function dialogListMoved(step: ListStep): Update {
	return withList(dialog => moved(dialog, step));
}

/** The open dialog's list was drawn with `rows` of its `total` items in sight. */
export function dialogListDrawn(rows: number, total: number): Update {
	return withList(dialog => {
		const list = viewDrawn(dialog.list, rows, total, cursorOf(dialog)?.cursor);
		return list === dialog.list ? dialog : {...dialog, list};
	});
}
