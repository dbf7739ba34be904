import type {AppState} from '../../state/app-state.js';
import {networkColumns} from '../format/resource-rows.js';
import {collectionPane} from './collection-pane.js';
import {NetworkRow} from './network-row.js';

/** Every network, with its subnets and the containers attached to it. */
export const NetworksPane = collectionPane({
	pane: 'networks',
	title: '6 Networks',
	columns: networkColumns,
	Row: NetworkRow,
	selectTotal: (state: AppState) => state.networks.byId.size,
	selectLoaded: (state: AppState) => state.networks.loaded,
	loadingText: 'loading networks…',
	emptyText: 'no networks (n creates one)',
});
