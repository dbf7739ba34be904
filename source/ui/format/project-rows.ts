import path from 'node:path';
import type {Condition} from '../../state/container-condition.js';
import type {ColumnSpec} from './columns.js';
import {stateGlyphs} from './rows.js';
import type {ComposeProject} from '../../state/slices.js';

export type ProjectColumn =
	'state' | 'engine' | 'name' | 'services' | 'running' | 'files' | 'dir';

export const projectColumns: readonly ColumnSpec<ProjectColumn>[] = [
	{key: 'state', header: '', width: 1},
	{key: 'name', header: 'PROJECT', flex: 3, minWidth: 10},
	{key: 'services', header: 'SERVICES', flex: 4, minWidth: 10, priority: 3},
	{key: 'running', header: 'RUNNING', width: 7, align: 'right'},
	{key: 'files', header: 'CONFIG FILES', flex: 4, minWidth: 12, priority: 2},
	{key: 'dir', header: 'WORKING DIR', flex: 3, minWidth: 12, priority: 1},
];

/** How much of a project runs: all of it, part, or none. */
export type ProjectHealth = 'running' | 'partial' | 'stopped';

export function projectHealth(project: ComposeProject): ProjectHealth {
	return project.running === 0
		? 'stopped'
		: project.running === project.total
			? 'running'
			: 'partial';
}

const healthGlyphs: Readonly<Record<ProjectHealth, string>> = {
	running: '●',
	partial: '◐',
	stopped: '○',
};

/** The compose files, those in the project's folder by their path from there: the folder has a column. */
function configFiles(project: ComposeProject): string {
	return project.configFiles
		.map(file => {
			const relative = path.relative(project.workingDir, file);
			return path.isAbsolute(file) &&
				project.workingDir !== '' &&
				!relative.startsWith('..')
				? relative
				: file;
		})
		.join(', ');
}

/**
 * The cells of a project row; an action under way on its containers shows in the running column's
 * place, and the worst trouble among its containers (an unhealthy one, one that failed) in the
 * glyph's, which otherwise says how much of it runs.
 */
export function projectCells(
	project: ComposeProject,
	pending: string | undefined,
	trouble?: Condition,
): Record<ProjectColumn, string> {
	return {
		state:
			trouble === undefined
				? healthGlyphs[projectHealth(project)]
				: stateGlyphs[trouble],
		engine: project.engine ?? '',
		name: project.name,
		services: project.services.join(', '),
		running:
			pending ??
			(project.total === 0 ? 'down' : `${project.running}/${project.total}`),
		files: configFiles(project),
		dir: project.workingDir,
	};
}
