import type {AppState, Pane} from '../state/app-state.js';
import {
	bodyHeight,
	headerRows,
	minimumSize,
	paneHeights,
} from './screen-layout.js';

/** What is drawn at a cell of the screen, for a click: a pane's title, or one of its rows. */
export type MouseTarget =
	| {readonly kind: 'title'; readonly pane: Pane}
	| {readonly kind: 'row'; readonly pane: Pane; readonly id: string};

/** Rows of a pane above its first data row: the title edge and the column headers. */
const rowsAboveData = 2;

/** The panes on screen, top to bottom: Containers and Images share it, any other is alone. */
function panesShown(focus: Pane): readonly Pane[] {
	return focus === 'containers' || focus === 'images'
		? ['containers', 'images']
		: [focus];
}

/**
 * The pane title or row at `cell` (0-based) of a terminal `size` big, laid out as the main screen
 * draws it; undefined over anything else, and while a dialog covers the panes. The rows are the
 * ones the pane last drew (`ui.shown`), so a click lands on what the user saw there.
 */
export function mouseTarget(
	state: AppState,
	size: {readonly columns: number; readonly rows: number},
	cell: {readonly column: number; readonly row: number},
): MouseTarget | undefined {
	if (
		state.ui.dialog !== undefined ||
		size.columns < minimumSize.columns ||
		size.rows < minimumSize.rows ||
		cell.column < 0 ||
		cell.column >= size.columns
	) {
		return undefined;
	}

	const {focus} = state.ui;
	const heights = paneHeights(bodyHeight(size.rows), focus);
	let top = headerRows;
	for (const pane of panesShown(focus)) {
		const height = heights[pane];
		const line = cell.row - top;
		top += height;
		if (line < 0 || line >= height) {
			continue;
		}

		if (line === 0) {
			return {kind: 'title', pane};
		}

		// The System pane's rows sit below the engine's details, at a height of their own.
		const id =
			pane === 'system' || line === height - 1
				? undefined
				: state.ui.shown[pane][line - rowsAboveData];
		return id === undefined ? undefined : {kind: 'row', pane, id};
	}

	return undefined;
}
