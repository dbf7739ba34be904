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
	/**
	 * The most a flexible column takes, about what its longest usual content needs; what it leaves
	 * goes to the uncapped columns (a name, not blanks after an image).
	 */
	readonly maxWidth?: number;
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
	const sizes = new Map<ColumnSpec<K>, number>();
	let sharing = columns.filter(column => column.width === undefined);
	let spare = Math.max(0, total - fixed);
	// Shares by flex; a column that would pass its cap takes the cap and leaves the rest to the others.
	for (;;) {
		const flexTotal = sharing.reduce(
			(sum, column) => sum + (column.flex ?? 1),
			0,
		);
		const capped = sharing.filter(
			column =>
				column.maxWidth !== undefined &&
				(spare * (column.flex ?? 1)) / flexTotal > column.maxWidth,
		);
		if (capped.length === 0 || capped.length === sharing.length) {
			let flexLeft = flexTotal;
			for (const column of sharing) {
				const share = column.flex ?? 1;
				const size = Math.floor((spare * share) / flexLeft);
				sizes.set(column, Math.min(size, column.maxWidth ?? size));
				spare -= size;
				flexLeft -= share;
			}

			break;
		}

		for (const column of capped) {
			const cap = column.maxWidth ?? 0;
			sizes.set(column, cap);
			spare -= cap;
		}

		sharing = sharing.filter(column => !capped.includes(column));
	}

	return columns.map(column => ({
		...column,
		size: column.width ?? sizes.get(column) ?? 0,
	}));
}

/**
 * Sizes columns for a width without looking at any row, so widths never change with the data:
 * fixed columns keep their width, flexible ones share the rest up to their caps, and while a column would fall
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
