import {Text} from 'ink';
import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {fit, type SizedColumn} from '../format/columns.js';
import {containerCells, type ContainerColumn} from '../format/rows.js';
import {currentStatus} from '../format/status.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';

type Props = {
	readonly id: string;
	readonly columns: readonly SizedColumn<ContainerColumn>[];
	readonly isSelected: boolean;
};

const selectClock = (state: AppState): number => state.clock;
const selectListedAt = (state: AppState): number => state.containers.listedAt;

/** One container line; re-renders only when its own container, the clock or its selection changes. */
export const ContainerRow = memo(function ContainerRow({
	id,
	columns,
	isSelected,
}: Props) {
	const container = useAppState(
		useCallback((state: AppState) => state.containers.byId.get(id), [id]),
	);
	const now = useAppState(selectClock);
	const listedAt = useAppState(selectListedAt);
	if (container === undefined) {
		return null;
	}

	const cells = containerCells(
		{...container, status: currentStatus(container.status, listedAt, now)},
		now,
	);
	const [glyph, ...rest] = columns;
	const line = rest
		.map(column => fit(cells[column.key], column.size, column.align))
		.join(' ');
	return (
		<Text
			wrap="truncate-end"
			{...(isSelected
				? {
						backgroundColor: theme.selection.background,
						color: theme.selection.text,
					}
				: {})}
		>
			<Text {...(isSelected ? {} : {color: theme.state[container.state]})}>
				{glyph ? fit(cells[glyph.key], glyph.size) : ''}
			</Text>
			{` ${line}`}
		</Text>
	);
});
