import type {AppState} from '../../state/app-state.js';
import {nodeColumns} from '../format/swarm-rows.js';
import {collectionPane} from './collection-pane.js';
import {NodeRow} from './node-row.js';

/** The Swarm's nodes: who manages, who takes work. */
export const NodesPane = collectionPane({
	pane: 'nodes',
	title: '0 Nodes',
	columns: nodeColumns,
	Row: NodeRow,
	selectTotal: (state: AppState) => state.swarm.nodes.byId.size,
	selectLoaded: (state: AppState) => state.swarm.nodes.loaded,
	loadingText: 'loading nodes…',
	emptyText: 'no nodes',
});
