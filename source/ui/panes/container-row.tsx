import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {containerCells, type ContainerColumn} from '../format/rows.js';
import {currentStatus} from '../format/status.js';
import {useAppState, useClock} from '../hooks/use-app-state.js';
import {useRowDecoration} from '../hooks/use-row-state.js';
import {containerCondition} from '../../state/container-condition.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

const selectListedAt = (state: AppState): number => state.containers.listedAt;

/** One container line; re-renders only when its own container, the clock or its selection changes. */
export const ContainerRow = memo(function ContainerRow({
	id,
	...row
}: RowProps<ContainerColumn>) {
	const container = useAppState(
		useCallback((state: AppState) => state.containers.byId.get(id), [id]),
	);
	const now = useClock();
	const listedAt = useAppState(selectListedAt);
	const decoration = useRowDecoration(id);
	const usage = useAppState(
		useCallback((state: AppState) => state.resources.byId.get(id)?.usage, [id]),
	);
	const isOomKilled = useAppState(
		useCallback((state: AppState) => state.resources.oomKilled.has(id), [id]),
	);
	if (container === undefined) {
		return null;
	}

	const cells = containerCells(
		{...container, status: currentStatus(container.status, listedAt, now)},
		now,
		usage,
		{...decoration, isOomKilled},
	);
	// The mark and the state glyph lead the row.
	return (
		<RowLine
			{...row}
			cells={cells}
			// An engine out of reach: its last rows, not news.
			color={container.stale ? theme.text.dim : undefined}
			leadColors={[
				theme.mark,
				theme.state[containerCondition(container, isOomKilled)],
			]}
		/>
	);
});
