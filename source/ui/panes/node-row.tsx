import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {nodeCells, type NodeColumn} from '../format/swarm-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {usePending} from '../hooks/use-row-state.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

/** One node line: a node that is not ready shows red, one that takes no work dim. */
export const NodeRow = memo(function NodeRow({
	id,
	...row
}: RowProps<NodeColumn>) {
	const node = useAppState(
		useCallback((state: AppState) => state.swarm.nodes.byId.get(id), [id]),
	);
	const pending = usePending(id);
	if (node === undefined) {
		return null;
	}

	return (
		<RowLine
			{...row}
			cells={nodeCells(node, pending)}
			color={
				node.status === 'ready'
					? node.availability === 'active'
						? undefined
						: theme.text.dim
					: theme.status.error
			}
		/>
	);
});
