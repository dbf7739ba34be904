import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {serviceCells, type ServiceColumn} from '../format/swarm-rows.js';
import {useAppState, useClock} from '../hooks/use-app-state.js';
import {usePending} from '../hooks/use-row-state.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

/** One service line; short of replicas, it is drawn in the colour of a restarting container. */
export const ServiceRow = memo(function ServiceRow({
	id,
	...row
}: RowProps<ServiceColumn>) {
	const service = useAppState(
		useCallback((state: AppState) => state.swarm.services.byId.get(id), [id]),
	);
	const now = useClock();
	const pending = usePending(id);
	if (service === undefined) {
		return null;
	}

	const isShort = service.running < service.desired;
	return (
		<RowLine
			{...row}
			cells={serviceCells(service, now, pending)}
			color={isShort ? theme.state.restarting : undefined}
		/>
	);
});
