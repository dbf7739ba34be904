import type {AppState} from '../../state/app-state.js';
import {projectsOf} from '../../state/compose-projects.js';
import {projectColumns} from '../format/project-rows.js';
import {collectionPane} from './collection-pane.js';
import {withEngineColumn} from '../format/rows.js';
import {ProjectRow} from './project-row.js';

/** Compose projects, found from their containers' labels. */
export const ProjectsPane = collectionPane({
	pane: 'projects',
	title: '4 Projects',
	columns: projectColumns,
	fleetColumns: withEngineColumn(projectColumns, 1),
	Row: ProjectRow,
	selectTotal: (state: AppState) => projectsOf(state).size,
	selectLoaded: (state: AppState) => state.containers.loaded,
	loadingText: 'loading containers…',
	emptyText:
		'no compose projects: no container carries the com.docker.compose.project label',
});
