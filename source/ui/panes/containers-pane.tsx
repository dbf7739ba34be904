import type {AppState} from '../../state/app-state.js';
import {
	containerColumns,
	containerColumnsWithoutPorts,
	withEngineColumn,
} from '../format/rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {ContainerRow} from './container-row.js';
import type {PaneSize} from './collection-pane.js';
import {ListPane} from './list-pane.js';
import {anyPorts} from '../../state/container-rows.js';

const selectTotal = (state: AppState) => state.containers.byId.size;
const selectLoaded = (state: AppState) => state.containers.loaded;
const selectShowAll = (state: AppState) => state.ui.showAll;
const selectAnyPorts = (state: AppState) => anyPorts(state.containers.byId);
const selectIsFleet = (state: AppState) => state.fleet !== undefined;
const fleetColumns = withEngineColumn(containerColumns, 2);
const fleetColumnsWithoutPorts = withEngineColumn(
	containerColumnsWithoutPorts,
	2,
);

/** Every container, running and stopped (or running only, with `a`). */
export function ContainersPane({width, height}: PaneSize) {
	const showAll = useAppState(selectShowAll);
	const hasPorts = useAppState(selectAnyPorts);
	const isFleet = useAppState(selectIsFleet);
	const columns = isFleet
		? hasPorts
			? fleetColumns
			: fleetColumnsWithoutPorts
		: hasPorts
			? containerColumns
			: containerColumnsWithoutPorts;
	return (
		<ListPane
			pane="containers"
			title="1 Containers"
			columns={columns}
			width={width}
			height={height}
			selectTotal={selectTotal}
			selectLoaded={selectLoaded}
			loadingText="loading containers…"
			emptyText={
				showAll ? 'no containers' : 'no running containers (a shows all)'
			}
			{...(showAll ? {} : {mode: 'running only'})}
			Row={ContainerRow}
		/>
	);
}
