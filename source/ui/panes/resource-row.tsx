import {Text} from 'ink';
import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {formatLine, type SizedColumn} from '../format/columns.js';
import {resourceCells, type ResourceColumn} from '../format/resources.js';
import {useAppState} from '../hooks/use-app-state.js';
import {rowColors} from '../theme.js';

type Props = {
	readonly id: string;
	readonly columns: readonly SizedColumn<ResourceColumn>[];
	readonly isSelected: boolean;
	readonly isFocused: boolean;
};

const selectHostMemory = (state: AppState) => state.resources.hostMemory;

/** One container's figures; re-renders when its own snapshot changes, not when others' do. */
export const ResourceRow = memo(function ResourceRow({
	id,
	columns,
	isSelected,
	isFocused,
}: Props) {
	const name = useAppState(
		useCallback((state: AppState) => state.containers.byId.get(id)?.name, [id]),
	);
	const snapshot = useAppState(
		useCallback((state: AppState) => state.resources.byId.get(id), [id]),
	);
	const hostMemory = useAppState(selectHostMemory);
	if (name === undefined) {
		return null;
	}

	const graphWidth =
		columns.find(column => column.key === 'cpuGraph')?.size ?? 0;
	const cells = resourceCells(name, snapshot, hostMemory, graphWidth);
	return (
		<Text wrap="truncate-end" {...rowColors(isSelected, isFocused)}>
			{formatLine(columns, column => cells[column.key])}
		</Text>
	);
});
