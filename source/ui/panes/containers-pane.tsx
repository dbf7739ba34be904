import type {AppState} from '../../state/app-state.js';
import {
	containerColumns,
	containerColumnsWithoutPorts,
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

/** Every container, running and stopped (or running only, with `a`). */
export function ContainersPane({width, height}: PaneSize) {
	const showAll = useAppState(selectShowAll);
	const hasPorts = useAppState(selectAnyPorts);
	return (
		<ListPane
			pane="containers"
			title="1 Containers"
			columns={hasPorts ? containerColumns : containerColumnsWithoutPorts}
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
