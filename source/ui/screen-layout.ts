import {perPane, type Pane} from '../state/app-state.js';

/** Below this the panes cannot show a useful row, so we say so instead of garbling. */
export const minimumSize = {columns: 60, rows: 14} as const;

/** Rows above the panes: the engine line and the counts. */
export const headerRows = 2;
/** Rows below the panes: the key hints or the status line. */
export const footerRows = 1;

/** The rows the screen uses: Ink redraws the whole screen for every frame as tall as the terminal, so one short. */
export function screenHeight(terminalRows: number): number {
	return terminalRows - 1;
}

/** The rows between the header and the footer, which the panes (or a dialog) share. */
export function bodyHeight(terminalRows: number): number {
	return screenHeight(terminalRows) - headerRows - footerRows;
}

/**
 * Splits the rows between the panes: Containers and Images share the screen, the focused one
 * taking the larger part; every other pane takes it whole.
 */
export function paneHeights(
	available: number,
	focus: Pane,
): Readonly<Record<Pane, number>> {
	const larger = Math.ceil(available * 0.6);
	const smaller = available - larger;
	const heights = perPane(0);
	if (focus === 'containers' || focus === 'images') {
		heights.containers = focus === 'containers' ? larger : smaller;
		heights.images = focus === 'images' ? larger : smaller;
	} else {
		heights[focus] = available;
	}

	return heights;
}
