import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {projectsOf} from '../../state/compose-projects.js';
import {
	projectCells,
	projectHealth,
	type ProjectColumn,
} from '../format/project-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {
	containerCondition,
	worstTrouble,
} from '../../state/container-condition.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

/** The state whose colour a project's health takes (the theme is read when drawing: it is chosen at start). */
const healthStates = {
	running: 'running',
	partial: 'restarting',
	stopped: 'exited',
} as const;

/** One compose project line. */
export const ProjectRow = memo(function ProjectRow({
	id,
	...row
}: RowProps<ProjectColumn>) {
	const project = useAppState(
		useCallback((state: AppState) => projectsOf(state).get(id), [id]),
	);
	// An action on the project marks each of its containers; the first such label stands for all.
	const pending = useAppState(
		useCallback(
			(state: AppState) =>
				projectsOf(state)
					.get(id)
					?.containerIds.map(container => state.pending.get(container))
					.find(label => label !== undefined),
			[id],
		),
	);
	const trouble = useAppState(
		useCallback(
			(state: AppState) =>
				worstTrouble(
					projectsOf(state)
						.get(id)
						?.containerIds.flatMap(containerId => {
							const container = state.containers.byId.get(containerId);
							return container === undefined
								? []
								: [
										containerCondition(
											container,
											state.resources.oomKilled.has(containerId),
										),
									];
						}) ?? [],
				),
			[id],
		),
	);
	if (project === undefined) {
		return null;
	}

	return (
		<RowLine
			{...row}
			cells={projectCells(project, pending, trouble)}
			leadColors={[
				trouble === undefined
					? theme.state[healthStates[projectHealth(project)]]
					: theme.state[trouble],
			]}
		/>
	);
});
