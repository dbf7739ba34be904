import {Box, Text} from 'ink';
import {memo, useEffect, useRef, type ReactNode} from 'react';
import {windowStart} from '../../state/list-view.js';
import {formatLine, type SizedColumn} from '../format/columns.js';
import {theme} from '../theme.js';

type Props = {
	readonly columns: readonly SizedColumn[];
	/** Every id in display order; only the window around the selection is rendered. */
	readonly ids: readonly string[];
	readonly selectedId: string | undefined;
	/** Rows of data that fit below the header. */
	readonly height: number;
	/** Renders one row; `selected` rows get the selection colours. */
	readonly renderRow: (id: string, selected: boolean) => ReactNode;
	readonly emptyText: string;
	/** Told which ids are on screen whenever that changes, e.g. to measure only those. */
	readonly onShown?: (ids: readonly string[]) => void;
};

/** A header line and a windowed list of rows: never more `<Box>`es than fit on screen. */
export function Table({
	columns,
	ids,
	selectedId,
	height,
	renderRow,
	emptyText,
	onShown,
}: Props) {
	const start = useRef(0);
	const selectedIndex =
		selectedId === undefined ? 0 : Math.max(0, ids.indexOf(selectedId));
	const rows = Math.max(0, height);
	// The window offset is view state: it depends on the pane height and the last offset only.
	// eslint-disable-next-line react-hooks/refs
	start.current = windowStart(start.current, selectedIndex, rows, ids.length);
	// eslint-disable-next-line react-hooks/refs
	const visible = ids.slice(start.current, start.current + rows);
	const shownKey = visible.join(',');
	useEffect(() => {
		onShown?.(shownKey === '' ? [] : shownKey.split(','));
	}, [onShown, shownKey]);
	// A pane that goes away shows nothing any more.
	useEffect(() => () => onShown?.([]), [onShown]);
	return (
		<Box flexDirection="column">
			<HeaderRow columns={columns} />
			{ids.length === 0 ? (
				<Text color={theme.text.dim}>{emptyText}</Text>
			) : (
				visible.map(id => (
					<Box key={id}>{renderRow(id, id === selectedId)}</Box>
				))
			)}
		</Box>
	);
}

const HeaderRow = memo(function HeaderRow({
	columns,
}: {
	readonly columns: readonly SizedColumn[];
}) {
	return (
		<Text bold color={theme.text.dim} wrap="truncate-end">
			{formatLine(columns, column => column.header)}
		</Text>
	);
});
