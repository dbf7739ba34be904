import type {
	TextViewer,
	ViewerLayout,
	ViewerLine,
	ViewerText,
} from '../../state/text-viewer.js';
import {markMatches, wrapSegments, type SegmentRow} from './segments.js';

/**
 * What a dialog shows in the viewer: its lines, and how one is drawn. This is all a new kind of
 * text needs to give (logs add their name column and times, details their labels and indents).
 */
export type ViewerContent<L extends ViewerLine = ViewerLine> = {
	readonly lines: readonly L[];
	/**
	 * The rows `line` takes as drawn at the viewer's size (one when not wrapped), the matches of
	 * `query` marked; `isCurrent`: it is the line the search is on.
	 */
	rowsOf(line: L, query: string, isCurrent: boolean): readonly SegmentRow[];
};

/** How a viewer is drawn: rows and columns of text, wrapped or cut at the edge. */
export type ViewerDraw = {
	readonly rows: number;
	readonly columns: number;
	readonly wrap: boolean;
};

/**
 * The rows and columns of text in a viewer dialog `width` by `height`: less its border, title,
 * status line and the `extra` rows a dialog draws over or under the text (compose's command
 * line, a build's outcome).
 */
export function viewerSize(
	width: number,
	height: number,
	extra = 0,
): {readonly rows: number; readonly columns: number} {
	return {
		rows: Math.max(1, height - 4 - extra),
		columns: Math.max(1, width - 4),
	};
}

/** How `viewer` was last drawn, for its moves. */
export function drawnAs(viewer: TextViewer): ViewerDraw {
	return {...viewer.size, wrap: viewer.wrap};
}

/** The viewer's moves counted in rows as `content` draws its lines. */
export function contentLayout<L extends ViewerLine>(
	content: ViewerContent<L>,
	draw: ViewerDraw,
): ViewerLayout<L> {
	return {
		rows: draw.rows,
		// Unwrapped, every line is one row: nothing to measure.
		rowsOf: draw.wrap
			? line => content.rowsOf(line, '', false).length
			: () => 1,
	};
}

/** The text a move of the viewer works on, as it was last drawn. */
export function viewerText<L extends ViewerLine>(
	content: ViewerContent<L>,
	viewer: TextViewer,
): ViewerText<L> {
	return {
		lines: content.lines,
		layout: contentLayout(content, drawnAs(viewer)),
	};
}

/** Plain lines of text: each drawn as it is, wrapped at `columns` or cut at the edge. */
export function plainContent<L extends ViewerLine>(
	lines: readonly L[],
	draw: ViewerDraw,
): ViewerContent<L> {
	return {
		lines,
		rowsOf(line, query, isCurrent) {
			const marked = markMatches(
				[{text: line.text, tone: 'plain'}],
				query,
				isCurrent,
			);
			return draw.wrap ? wrapSegments(marked, draw.columns) : [marked];
		},
	};
}

/** What the status line of a live output says of it: lines dropped, scrolled back, the keys. */
export function outputNotes(dropped: number, viewer: TextViewer): string[] {
	return [
		dropped > 0 ? `${dropped} older lines dropped` : '',
		viewer.follow ? '' : 'scrolled back (G follows)',
		'j/k scroll',
	];
}
