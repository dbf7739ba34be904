import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {systemRowsOf} from '../../state/system-view.js';
import {
	categoryCells,
	diskItemCells,
	type SystemColumn,
} from '../format/resource-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

/** One line of disk usage: a category's totals in bold, or one of its items beneath. */
export const SystemRow = memo(function SystemRow({
	id,
	...row
}: RowProps<SystemColumn>) {
	const entry = useAppState(
		useCallback((state: AppState) => systemRowsOf(state).get(id), [id]),
	);
	if (entry === undefined) {
		return null;
	}

	return entry.kind === 'category' ? (
		<RowLine
			{...row}
			bold
			cells={categoryCells(entry.usage)}
			color={theme.text.accent}
		/>
	) : (
		<RowLine
			{...row}
			cells={diskItemCells(entry.item)}
			color={entry.item.isActive ? theme.text.dim : undefined}
		/>
	);
});
