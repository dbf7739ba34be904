import {networkColumns} from '../format/resource-rows.js';
import {withEngineColumn} from '../format/rows.js';
import {collectionPane, countsOf} from './collection-pane.js';
import {NetworkRow} from './network-row.js';

/** Every network, with its subnets and the containers attached to it. */
export const NetworksPane = collectionPane({
	pane: 'networks',
	title: '6 Networks',
	columns: networkColumns,
	fleetColumns: withEngineColumn(networkColumns, 1),
	Row: NetworkRow,
	...countsOf(state => state.networks),
	loadingText: 'loading networks…',
	emptyText: 'no networks (n creates one)',
});
