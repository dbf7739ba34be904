import {Box} from 'ink';
import type {ReactNode} from 'react';
import {viewTop, type ListView} from '../../state/list-view.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {useListDrawn} from '../hooks/use-list-drawn.js';

type Props = {
	/** The title; the range in view is added to it. */
	readonly title: string;
	readonly width: number;
	readonly height: number;
	/** How the list is scrolled (the dialog's `list`). */
	readonly view: ListView;
	readonly total: number;
	/** Draws item `index` as one row; only the items in view are drawn. */
	readonly renderItem: (index: number) => ReactNode;
	/** The item under the cursor, in a list that has one: it is kept in view. */
	readonly cursor?: number;
	/** Rows above the list, one row each. */
	readonly above?: readonly ReactNode[];
	/** Rows at the foot of the dialog, one row each. */
	readonly below?: readonly ReactNode[];
};

/** What a dialog lists and what stands around the list, apart from its frame. */
export type ListContent = Omit<Props, 'title' | 'width' | 'height' | 'view'>;

/** Rows of a dialog that are its frame: two borders and the title. */
const frameRows = 3;
const noRows: readonly ReactNode[] = [];

/** `1–12 of 21`: where the view is in the list; nothing for an empty list. */
export function rangeText(top: number, rows: number, total: number): string {
	const last = Math.min(total, top + rows);
	return total === 0
		? ''
		: last === top + 1
			? `${last} of ${total}`
			: `${top + 1}–${last} of ${total}`;
}

/**
 * A dialog that lists things, however many: as many as fit, scrolled with the dialog list keys
 * (j/k, PgUp/PgDn, g/G), its title saying how many there are and which are in view. It tells the
 * store how many rows it has, so that paging and the last page go by what is on screen.
 */
export function ListingDialog({
	title,
	width,
	height,
	view,
	total,
	renderItem,
	cursor,
	above = noRows,
	below = noRows,
}: Props) {
	const rows = Math.max(1, height - frameRows - above.length - below.length);
	useListDrawn(rows, total);
	const top = viewTop(view.top, rows, total, cursor);
	const range = rangeText(top, rows, total);
	const count = Math.max(0, Math.min(rows, total - top));
	return (
		<DialogFrame
			title={range === '' ? title : `${title} · ${range}`}
			width={width}
			height={height}
		>
			{above.map((row, index) => (
				// The rows above and below are fixed: their position is their identity.
				<Box key={`above-${index}`}>{row}</Box>
			))}
			{Array.from({length: count}, (_, offset) => (
				<Box key={top + offset}>{renderItem(top + offset)}</Box>
			))}
			<Box flexGrow={1} />
			{below.map((row, index) => (
				<Box key={`below-${index}`}>{row}</Box>
			))}
		</DialogFrame>
	);
}
