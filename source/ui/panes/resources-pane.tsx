import type {AppState} from '../../state/app-state.js';
import {formatPercent, resourceColumns} from '../format/resources.js';
import {formatMemory} from '../../format/units.js';
import {collectionPane} from './collection-pane.js';
import {withEngineColumn} from '../format/rows.js';
import {HistoryPanel} from './history-panel.js';
import {ResourceRow} from './resource-row.js';
import {EngineTotalsLines, selectTotalsLines} from './engine-totals-lines.js';
import {
	liveContainerCount,
	resourceTotals,
} from '../../state/container-rows.js';

/** What every running container costs right now, with host totals and the selected one's last minute. */
export const ResourcesPane = collectionPane({
	pane: 'resources',
	title: '3 Resources',
	columns: resourceColumns,
	fleetColumns: withEngineColumn(resourceColumns, 1),
	Row: ResourceRow,
	selectTotal: (state: AppState) => liveContainerCount(state.containers.byId),
	selectLoaded: (state: AppState) => state.containers.loaded,
	selectMode(state: AppState) {
		const totals = resourceTotals(state.resources.byId);
		const {source, hostCpus, hostMemory} = state.resources;
		return [
			`CPU ${formatPercent(totals.cpuPercent)}${hostCpus === undefined ? '' : ` of ${hostCpus * 100}%`}`,
			`MEM ${formatMemory(totals.memory)}${hostMemory === undefined ? '' : ` of ${formatMemory(hostMemory)}`}`,
			// A fleet's engines each say theirs, in the lines under the list.
			...(state.fleet === undefined ? [source ?? 'measuring…'] : []),
		].join(' · ');
	},
	loadingText: 'loading containers…',
	emptyText: 'no running containers',
	summary: {Summary: EngineTotalsLines, selectLines: selectTotalsLines},
	// A third of a tall pane for the selected container's charts, at least 8 rows.
	panel: {
		Panel: HistoryPanel,
		minHeight: 18,
		rows: height => Math.max(8, Math.floor(height / 3)),
	},
});
