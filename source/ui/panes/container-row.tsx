import {Text} from 'ink';
import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {
	columnGap,
	fit,
	formatLine,
	type SizedColumn,
} from '../format/columns.js';
import {containerCells, type ContainerColumn} from '../format/rows.js';
import {currentStatus} from '../format/status.js';
import {useAppState} from '../hooks/use-app-state.js';
import {rowColors, theme} from '../theme.js';

type Props = {
	readonly id: string;
	readonly columns: readonly SizedColumn<ContainerColumn>[];
	readonly isSelected: boolean;
	readonly isFocused: boolean;
};

const selectClock = (state: AppState): number => state.clock;
const selectListedAt = (state: AppState): number => state.containers.listedAt;

/** One container line; re-renders only when its own container, the clock or its selection changes. */
export const ContainerRow = memo(function ContainerRow({
	id,
	columns,
	isSelected,
	isFocused,
}: Props) {
	const container = useAppState(
		useCallback((state: AppState) => state.containers.byId.get(id), [id]),
	);
	const now = useAppState(selectClock);
	const listedAt = useAppState(selectListedAt);
	const isMarked = useAppState(
		useCallback((state: AppState) => state.marks.has(id), [id]),
	);
	const pending = useAppState(
		useCallback((state: AppState) => state.pending.get(id), [id]),
	);
	const usage = useAppState(
		useCallback((state: AppState) => state.resources.byId.get(id)?.usage, [id]),
	);
	if (container === undefined) {
		return null;
	}

	const cells = containerCells(
		{...container, status: currentStatus(container.status, listedAt, now)},
		now,
		usage,
		{isMarked, pending},
	);
	// The state glyph keeps its colour on the selected row too: it is what the eye looks for.
	const [mark, glyph, ...rest] = columns;
	const gap = ' '.repeat(columnGap);
	return (
		<Text wrap="truncate-end" {...rowColors(isSelected, isFocused)}>
			<Text bold color={theme.mark}>
				{mark ? fit(cells[mark.key], mark.size) : ''}
			</Text>
			{gap}
			<Text bold color={theme.state[container.state]}>
				{glyph ? fit(cells[glyph.key], glyph.size) : ''}
			</Text>
			{gap}
			{formatLine(rest, column => cells[column.key])}
		</Text>
	);
});
