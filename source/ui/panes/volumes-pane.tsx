import type {AppState} from '../../state/app-state.js';
import {volumeColumns} from '../format/resource-rows.js';
import {collectionPane, countsOf} from './collection-pane.js';
import {VolumeRow} from './volume-row.js';
import {withEngineColumn} from '../format/rows.js';

/** Every volume, with the containers that mount it and its size where `system df` measured it. */
export const VolumesPane = collectionPane({
	pane: 'volumes',
	title: '5 Volumes',
	columns: volumeColumns,
	fleetColumns: withEngineColumn(volumeColumns, 1),
	Row: VolumeRow,
	...countsOf(state => state.volumes),
	selectMode: (state: AppState) =>
		state.system.isMeasuring
			? 'measuring sizes…'
			: state.system.disk === undefined
				? ''
				: 'sizes from system df',
	loadingText: 'loading volumes…',
	emptyText: 'no volumes (n creates one)',
});
