import {serviceColumns} from '../format/swarm-rows.js';
import {collectionPane, countsOf} from './collection-pane.js';
import {ServiceRow} from './service-row.js';
import {TasksPanel} from './tasks-panel.js';

/** The Swarm's services, and the tasks of the selected one below them. */
export const ServicesPane = collectionPane({
	pane: 'services',
	title: '9 Services',
	columns: serviceColumns,
	Row: ServiceRow,
	...countsOf(state => state.swarm.services),
	loadingText: 'loading services…',
	emptyText: 'no services',
	// Two fifths of the pane for the tasks, at least 6 rows.
	panel: {
		Panel: TasksPanel,
		minHeight: 14,
		rows: height => Math.max(6, Math.floor((height * 2) / 5)),
	},
});
