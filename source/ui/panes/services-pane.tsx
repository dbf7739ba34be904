import type {AppState} from '../../state/app-state.js';
import {serviceColumns} from '../format/swarm-rows.js';
import {collectionPane} from './collection-pane.js';
import {ServiceRow} from './service-row.js';
import {TasksPanel} from './tasks-panel.js';

/** The Swarm's services, and the tasks of the selected one below them. */
export const ServicesPane = collectionPane({
	pane: 'services',
	title: '9 Services',
	columns: serviceColumns,
	Row: ServiceRow,
	selectTotal: (state: AppState) => state.swarm.services.byId.size,
	selectLoaded: (state: AppState) => state.swarm.services.loaded,
	loadingText: 'loading services…',
	emptyText: 'no services',
	// Two fifths of the pane for the tasks, at least 6 rows.
	panel: {
		Panel: TasksPanel,
		minHeight: 14,
		rows: height => Math.max(6, Math.floor((height * 2) / 5)),
	},
});
