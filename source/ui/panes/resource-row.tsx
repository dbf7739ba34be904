import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {resourceCells, type ResourceColumn} from '../format/resources.js';
import {useAppState} from '../hooks/use-app-state.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

const selectHostMemory = (state: AppState) => state.resources.hostMemory;

/** One container's figures; re-renders when its own snapshot changes, not when others' do. */
export const ResourceRow = memo(function ResourceRow({
	id,
	...row
}: RowProps<ResourceColumn>) {
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
		row.columns.find(column => column.key === 'cpuGraph')?.size ?? 0;
	return (
		<RowLine
			{...row}
			cells={resourceCells(name, snapshot, hostMemory, graphWidth)}
		/>
	);
});
