import {cells, cellWidth, fit} from './cells.js';
import {clockTime, matchRanges, type LogEntry} from '../../state/log-lines.js';

/** How a piece of a log row is drawn; the component maps these to theme colours. */
export type SegmentStyle =
	| 'plain'
	| 'time'
	| 'stderr'
	| 'match'
	| 'currentMatch'
	/** A merged log's name column, coloured by the container's index. */
	| {readonly source: number};

export type Segment = {readonly text: string; readonly style: SegmentStyle};

/** The widest a merged log's name column gets; longer names are cut. */
export const maxNameWidth = 20;

/** The width of a merged log's name column: its longest name, up to {@link maxNameWidth}; 0 for one container. */
export function nameColumnWidth(names: readonly string[]): number {
	return names.length > 1
		? Math.min(maxNameWidth, Math.max(...names.map(name => cellWidth(name))))
		: 0;
}

/** A line's text cut into plain parts and highlighted matches of `query`. */
export function highlighted(
	text: string,
	query: string,
	isCurrent: boolean,
): Segment[] {
	const segments: Segment[] = [];
	let at = 0;
	for (const [start, end] of matchRanges(text, query)) {
		if (start > at) {
			segments.push({text: text.slice(at, start), style: 'plain'});
		}

		segments.push({
			text: text.slice(start, end),
			style: isCurrent ? 'currentMatch' : 'match',
		});
		at = end;
	}

	if (at < text.length || segments.length === 0) {
		segments.push({text: text.slice(at), style: 'plain'});
	}

	return segments;
}

/**
 * One log line as drawn: the name column of a merged log, the time when shown, a marker that is
 * red for stderr and blank for stdout, then the text with the search's matches highlighted.
 */
export function lineSegments(
	entry: LogEntry,
	options: {
		readonly name: string;
		readonly nameWidth: number;
		readonly timestamps: boolean;
		readonly query: string;
		readonly isCurrentMatch: boolean;
	},
): Segment[] {
	const {name, nameWidth, timestamps, query, isCurrentMatch} = options;
	return [
		...(nameWidth > 0
			? [{text: `${fit(name, nameWidth)} `, style: {source: entry.source}}]
			: []),
		...(timestamps
			? [{text: `${clockTime(entry.time)} `, style: 'time' as const}]
			: []),
		entry.stream === 'stderr'
			? {text: '▌', style: 'stderr'}
			: {text: ' ', style: 'plain'},
		...highlighted(entry.text, query, isCurrentMatch),
	];
}

/**
 * Cuts a row of segments into rows of at most `width` columns, clusters kept whole: the
 * view counts rows exactly, so a wrapped line never pushes the newest one off the screen.
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
