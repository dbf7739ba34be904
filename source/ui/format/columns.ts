import {fit} from './cells.js';

/** One column of a list pane: a fixed width, or a share of what is left. */
export type ColumnSpec<K extends string = string> = {
	readonly key: K;
	readonly header: string;
	/** Fixed width in cells. */
	readonly width?: number;
	/** Share of the remaining width, for columns with no fixed width. */
	readonly flex?: number;
	/** Below this many cells the column is dropped instead of being squeezed. */
	readonly minWidth?: number;
	readonly align?: 'left' | 'right';
	/** Lower numbers are dropped first when the terminal is narrow; undefined never drops. */
	readonly priority?: number;
};

/** A column with the width it gets at the current terminal width. */
export type SizedColumn<K extends string = string> = ColumnSpec<K> & {
	readonly size: number;
};

/** Cells between two columns: two, so that adjacent right- and left-aligned headers stay apart. */
export const columnGap = 2;

function layout<K extends string>(
	columns: readonly ColumnSpec<K>[],
	total: number,
): SizedColumn<K>[] {
	const gaps = Math.max(0, columns.length - 1) * columnGap;
	const fixed = columns.reduce(
		(sum, column) => sum + (column.width ?? 0),
		gaps,
	);
	const flexTotal = columns.reduce(
		(sum, column) =>
			sum + (column.width === undefined ? (column.flex ?? 1) : 0),
		0,
	);
	let spare = Math.max(0, total - fixed);
	let flexLeft = flexTotal;
	return columns.map(column => {
		if (column.width !== undefined) {
			return {...column, size: column.width};
		}

		const share = column.flex ?? 1;
		const size = flexLeft === 0 ? 0 : Math.floor((spare * share) / flexLeft);
		spare -= size;
		flexLeft -= share;
		return {...column, size};
	});
}

/**
 * Sizes columns for a width without looking at any row, so widths never change with the data:
 * fixed columns keep their width, flexible ones share the rest, and while a column would fall
 * below its minimum the lowest-priority droppable column is removed.
 */
export function sizeColumns<K extends string>(
	columns: readonly ColumnSpec<K>[],
	total: number,
): SizedColumn<K>[] {
	let kept = [...columns];
	for (;;) {
		const sized = layout(kept, total);
		const tooNarrow = sized.some(
			column => column.size < (column.minWidth ?? 1),
		);
		const droppable = kept
			.filter(column => column.priority !== undefined)
			.sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))[0];
		if (!tooNarrow || droppable === undefined) {
			return sized;
		}

		kept = kept.filter(column => column !== droppable);
	}
}

/** One table line: each column's text fitted to its size, joined by the column gap. */
export function formatLine<K extends string>(
	columns: readonly SizedColumn<K>[],
	text: (column: SizedColumn<K>) => string,
): string {
	return columns
		.map(column => fit(text(column), column.size, column.align))
		.join(' '.repeat(columnGap));
}
