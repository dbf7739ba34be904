import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {volumeSizes} from '../../state/system-view.js';
import {volumeUsers} from '../../state/volumes-networks.js';
import {volumeCells, type VolumeColumn} from '../format/resource-rows.js';
import {useAppState, useClock} from '../hooks/use-app-state.js';
import {useRowDecoration} from '../hooks/use-row-state.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

/** One volume line; an unused one is dimmed. */
export const VolumeRow = memo(function VolumeRow({
	id,
	...row
}: RowProps<VolumeColumn>) {
	const volume = useAppState(
		useCallback((state: AppState) => state.volumes.byId.get(id), [id]),
	);
	const users = useAppState(
		useCallback((state: AppState) => volumeUsers(state, id), [id]),
	);
	const size = useAppState(
		useCallback(
			(state: AppState) => volumeSizes(state.system.disk).get(id),
			[id],
		),
	);
	const now = useClock();
	const decoration = useRowDecoration(id);
	if (volume === undefined) {
		return null;
	}

	return (
		<RowLine
			{...row}
			cells={volumeCells(volume, size, users, now, decoration)}
			color={users.all.length === 0 ? theme.text.dim : undefined}
		/>
	);
});
