import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {resourceCells, type ResourceColumn} from '../format/resources.js';
import {useAppState} from '../hooks/use-app-state.js';
import {containerCondition} from '../../state/container-condition.js';
import {stateGlyphs} from '../format/rows.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';
import {hostMemoryOf} from '../../state/fleet.js';

/** One container's state and figures; re-renders when its own change, not when others' do. */
export const ResourceRow = memo(function ResourceRow({
	id,
	...row
}: RowProps<ResourceColumn>) {
	const container = useAppState(
		useCallback((state: AppState) => state.containers.byId.get(id), [id]),
	);
	const isOomKilled = useAppState(
		useCallback((state: AppState) => state.resources.oomKilled.has(id), [id]),
	);
	const snapshot = useAppState(
		useCallback((state: AppState) => state.resources.byId.get(id), [id]),
	);
	const hostMemory = useAppState(
		useCallback((state: AppState) => hostMemoryOf(state, id), [id]),
	);
	if (container === undefined) {
		return null;
	}

	const condition = containerCondition(container, isOomKilled);
	const graphWidth =
		row.columns.find(column => column.key === 'cpuGraph')?.size ?? 0;
	return (
		<RowLine
			{...row}
			cells={{
				state: stateGlyphs[condition],
				engine: container.engine ?? '',
				...resourceCells(container.name, snapshot, hostMemory, graphWidth),
			}}
			leadColors={[theme.state[condition]]}
		/>
	);
});
