import {Box} from 'ink';
import type {AppState} from '../../state/app-state.js';
import {resourceTotals} from '../../state/selectors.js';
import {formatPercent, resourceColumns} from '../format/resources.js';
import {formatMemory} from '../../format/units.js';
import {useAppState} from '../hooks/use-app-state.js';
import {HistoryPanel} from './history-panel.js';
import {ListPane} from './list-pane.js';
import {ResourceRow} from './resource-row.js';

const selectTotals = (state: AppState) => resourceTotals(state.resources.byId);
const selectMeasured = (state: AppState) => state.resources.byId.size;
const selectSource = (state: AppState) => state.resources.source;
const selectHostCpus = (state: AppState) => state.resources.hostCpus;
const selectHostMemory = (state: AppState) => state.resources.hostMemory;
const selectLoaded = (state: AppState) => state.containers.loaded;

/** Rows under the list for the selected container's charts: a third of a tall pane, at least 8. */
function historyRows(height: number): number {
	return Math.max(8, Math.floor(height / 3));
}

/** What every running container costs right now, with host totals and the selected one's last minute. */
export function ResourcesPane({
	width,
	height,
}: {
	readonly width: number;
	readonly height: number;
}) {
	const totals = useAppState(selectTotals);
	const measured = useAppState(selectMeasured);
	const source = useAppState(selectSource);
	const hostCpus = useAppState(selectHostCpus);
	const hostMemory = useAppState(selectHostMemory);
	const isLoaded = useAppState(selectLoaded);
	const showsHistory = height >= 18;
	const mode = [
		`CPU ${formatPercent(totals.cpuPercent)}${hostCpus === undefined ? '' : ` of ${hostCpus * 100}%`}`,
		`MEM ${formatMemory(totals.memory)}${hostMemory === undefined ? '' : ` of ${formatMemory(hostMemory)}`}`,
		source ?? 'measuring…',
	].join(' · ');
	return (
		<Box flexDirection="column" height={height}>
			<ListPane
				pane="resources"
				title="3 Resources"
				mode={mode}
				columns={resourceColumns}
				width={width}
				height={showsHistory ? height - historyRows(height) : height}
				total={measured}
				isLoaded={isLoaded}
				loadingText="loading containers…"
				emptyText="no running containers"
				renderRow={row => <ResourceRow {...row} />}
			/>
			{showsHistory ? (
				<HistoryPanel width={width} height={historyRows(height)} />
			) : null}
		</Box>
	);
}
