import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {networkUsers, noUsers} from '../../state/volumes-networks.js';
import {networkCells, type NetworkColumn} from '../format/resource-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useRowDecoration} from '../hooks/use-row-state.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

/** One network line; the engine's own networks are dimmed. */
export const NetworkRow = memo(function NetworkRow({
	id,
	...row
}: RowProps<NetworkColumn>) {
	const network = useAppState(
		useCallback((state: AppState) => state.networks.byId.get(id), [id]),
	);
	const users = useAppState(
		useCallback(
			(state: AppState) => {
				const name = state.networks.byId.get(id)?.name;
				return name === undefined ? noUsers : networkUsers(state, name);
			},
			[id],
		),
	);
	const decoration = useRowDecoration(id);
	if (network === undefined) {
		return null;
	}

	return (
		<RowLine
			{...row}
			cells={networkCells(network, users, decoration)}
			color={network.isBuiltIn ? theme.text.dim : undefined}
		/>
	);
});
