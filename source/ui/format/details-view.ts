import type {DetailsDialog} from '../../state/details.js';
import {memoizeLast} from '../../state/memo.js';
import type {ViewerLine} from '../../state/text-viewer.js';
import {
	markMatches,
	wrapSegments,
	type Segment,
	type SegmentRow,
} from '../viewer/segments.js';
import type {ViewerContent, ViewerDraw} from '../viewer/viewer-content.js';
import {
	detailsLines,
	hangingIndent,
	lineText,
	type DetailLine,
} from './details-lines.js';

/**
 * `line` as rows of at most `columns`, the rows after the first indented by `hang` (a labelled
 * value continues under itself), unless that would leave the value less than half the width.
 */
export function wrapLine(
	line: readonly Segment[],
	columns: number,
	hang: number,
): SegmentRow[] {
	const [first = [], ...rest] = wrapSegments(line, columns);
	if (rest.length === 0 || hang === 0 || hang > columns / 2) {
		return [first, ...rest];
	}

	const indent: Segment = {text: ' '.repeat(hang), tone: 'plain'};
	return [
		first,
		...wrapSegments(rest.flat(), columns - hang).map(row => [indent, ...row]),
	];
}

/** A details line in the viewer: its number, its text to search, its segments to draw. */
export type DetailsViewerLine = ViewerLine & {readonly segments: DetailLine};

const viewerLines = memoizeLast(
	(lines: readonly DetailLine[]): readonly DetailsViewerLine[] =>
		lines.map((segments, index) => ({
			seq: index,
			time: index,
			text: lineText(segments),
			segments,
		})),
);

/** A details dialog's lines as the viewer draws them: labelled values wrap under themselves. */
export function detailsContent(
	dialog: DetailsDialog,
	now: number,
	draw: ViewerDraw,
): ViewerContent<DetailsViewerLine> {
	return {
		lines: viewerLines(detailsLines(dialog.content, dialog.view, now)),
		rowsOf(line, query, isCurrent) {
			const marked = markMatches(line.segments, query, isCurrent);
			return draw.wrap
				? wrapLine(marked, draw.columns, hangingIndent(line.segments))
				: [marked];
		},
	};
}
