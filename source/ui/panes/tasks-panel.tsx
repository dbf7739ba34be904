import {Text} from 'ink';
import {useMemo} from 'react';
import type {AppState} from '../../state/app-state.js';
import {plural} from '../../format/units.js';
import {selectedId} from '../../state/selectors.js';
import {replacedTasks} from '../../state/swarm-state.js';
import {PaneFrame} from '../components/pane-frame.js';
import {Table} from '../components/table.js';
import {formatLine, sizeColumns} from '../format/columns.js';
import {taskCells, taskColumns} from '../format/swarm-rows.js';
import {useAppState, useClock} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';

type Props = {readonly width: number; readonly height: number};

const selectService = (state: AppState) => {
	const id = selectedId(state, 'services');
	return id === undefined ? undefined : state.swarm.services.byId.get(id);
};

const selectTasks = (state: AppState) => state.swarm.tasks;
const selectNodes = (state: AppState) => state.swarm.nodes.byId;

/** The tasks of the selected service: where each replica runs, or why it does not. */
export function TasksPanel({width, height}: Props) {
	const service = useAppState(selectService);
	const list = useAppState(selectTasks);
	const nodes = useAppState(selectNodes);
	const now = useClock();
	const columns = useMemo(() => sizeColumns(taskColumns, width - 4), [width]);
	const tasks =
		service !== undefined && list.serviceId === service.id ? list.tasks : [];
	const byId = new Map(tasks.map(task => [task.id, task]));
	const replaced = replacedTasks(tasks);
	return (
		<PaneFrame
			title={service === undefined ? 'Tasks' : `Tasks of ${service.name}`}
			detail={service === undefined ? '' : plural(tasks.length, 'task')}
			isFocused={false}
			width={width}
			height={height}
		>
			{service === undefined ? (
				<Text color={theme.text.dim}>no service selected</Text>
			) : (
				<Table
					columns={columns}
					ids={tasks.map(task => task.id)}
					selectedId={undefined}
					height={height - 3}
					emptyText={
						list.serviceId === service.id ? 'no tasks' : 'loading tasks…'
					}
					renderRow={id => {
						const task = byId.get(id);
						if (task === undefined) {
							return null;
						}

						const cells = taskCells(
							task,
							service.name,
							nodes.get(task.nodeId)?.hostname,
							now,
							replaced.has(task.id),
						);
						return (
							<Text
								wrap="truncate-end"
								{...(task.error === ''
									? task.desiredState === 'running'
										? {}
										: {color: theme.text.dim}
									: {color: theme.status.error})}
							>
								{formatLine(columns, column => cells[column.key])}
							</Text>
						);
					}}
				/>
			)}
		</PaneFrame>
	);
}
