import {nodeColumns} from '../format/swarm-rows.js';
import {collectionPane, countsOf} from './collection-pane.js';
import {NodeRow} from './node-row.js';

/** The Swarm's nodes: who manages, who takes work. */
export const NodesPane = collectionPane({
	pane: 'nodes',
	title: '0 Nodes',
	columns: nodeColumns,
	Row: NodeRow,
	...countsOf(state => state.swarm.nodes),
	loadingText: 'loading nodes…',
	emptyText: 'no nodes',
});
