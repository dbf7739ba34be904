import {matchRanges} from '../../state/text-search.js';
import {cells} from '../format/cells.js';

/** How a piece of a viewer's row is drawn; the viewer maps these to theme colours. */
export type Tone =
	| 'plain'
	| 'heading'
	| 'label'
	| 'dim'
	| 'ok'
	| 'warning'
	| 'error'
	| 'stderr'
	| 'match'
	| 'currentMatch'
	/** A merged log's name column, coloured by the container's (or task's) index. */
	| {readonly source: number};

/** A run of text in one tone. */
export type Segment = {readonly text: string; readonly tone: Tone};

/** One row of text on screen, in runs of their own tone. */
export type SegmentRow = readonly Segment[];

/** A line's segments with the matches of `query` drawn as matches, whatever their tone. */
export function markMatches<S extends Segment>(
	line: readonly S[],
	query: string,
	isCurrent: boolean,
): readonly (S | Segment)[] {
	const ranges = matchRanges(line.map(segment => segment.text).join(''), query);
	if (ranges.length === 0) {
		return line;
	}

	const marked: (S | Segment)[] = [];
	let offset = 0;
	for (const segment of line) {
		const end = offset + segment.text.length;
		let at = offset;
		for (const [start, stop] of ranges) {
			const from = Math.max(start, at);
			const to = Math.min(stop, end);
			if (from >= to) {
				continue;
			}

			if (from > at) {
				marked.push({
					...segment,
					text: segment.text.slice(at - offset, from - offset),
				});
			}

			marked.push({
				text: segment.text.slice(from - offset, to - offset),
				tone: isCurrent ? 'currentMatch' : 'match',
			});
			at = to;
		}

		if (at < end) {
			marked.push({...segment, text: segment.text.slice(at - offset)});
		}

		offset = end;
	}

	return marked;
}

/**
 * Cuts a row of segments into rows of at most `width` columns, clusters kept whole: the
 * viewer counts rows exactly, so a wrapped line never pushes the one it is after out of view.
 */
export function wrapSegments<S extends {readonly text: string}>(
	segments: readonly S[],
	width: number,
): S[][] {
	const rows: S[][] = [[]];
	let column = 0;
	for (const segment of segments) {
		let piece = '';
		for (const cell of cells(segment.text)) {
			if (column + cell.width > width && column > 0) {
				if (piece !== '') {
					rows.at(-1)?.push({...segment, text: piece});
				}

				rows.push([]);
				piece = '';
				column = 0;
			}

			piece += cell.text;
			column += cell.width;
		}

		if (piece !== '') {
			rows.at(-1)?.push({...segment, text: piece});
		}
	}

	return rows;
}
