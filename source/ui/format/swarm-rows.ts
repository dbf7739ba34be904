import type {SwarmNode, SwarmService, SwarmTask} from '../../docker/swarm.js';
import {formatAge, shortId} from '../../format/units.js';
import {memoizeLast} from '../../state/memo.js';
import type {ColumnSpec} from './columns.js';
import {formatPorts} from './ports.js';
import type {TaskList} from '../../state/slices.js';

export type ServiceColumn =
	'name' | 'mode' | 'replicas' | 'image' | 'ports' | 'updated';

export const serviceColumns: readonly ColumnSpec<ServiceColumn>[] = [
	{key: 'name', header: 'NAME', flex: 3, minWidth: 10},
	{key: 'mode', header: 'MODE', width: 10, priority: 2},
	{key: 'replicas', header: 'REPLICAS', width: 10, align: 'right'},
	{key: 'image', header: 'IMAGE', flex: 4, minWidth: 10, priority: 3},
	{key: 'ports', header: 'PORTS', flex: 3, minWidth: 10, priority: 1},
	{key: 'updated', header: 'UPDATED', width: 7, align: 'right', priority: 4},
];

export type TaskColumn =
	'name' | 'id' | 'node' | 'desired' | 'current' | 'error';

export const taskColumns: readonly ColumnSpec<TaskColumn>[] = [
	{key: 'name', header: 'TASK', flex: 2, minWidth: 8},
	{key: 'id', header: 'ID', width: 12, priority: 1},
	{key: 'node', header: 'NODE', flex: 2, minWidth: 6, priority: 2},
	{key: 'desired', header: 'DESIRED', width: 9},
	{key: 'current', header: 'CURRENT', flex: 3, minWidth: 12},
	{key: 'error', header: 'ERROR', flex: 3, minWidth: 8, priority: 3},
];

export type NodeColumn =
	'hostname' | 'role' | 'availability' | 'status' | 'engine' | 'manager';

export const nodeColumns: readonly ColumnSpec<NodeColumn>[] = [
	{key: 'hostname', header: 'HOSTNAME', flex: 3, minWidth: 10},
	{key: 'role', header: 'ROLE', width: 8},
	{key: 'availability', header: 'AVAILABILITY', width: 12},
	{key: 'status', header: 'STATUS', width: 12},
	{key: 'engine', header: 'ENGINE', flex: 2, minWidth: 8, priority: 2},
	{key: 'manager', header: 'MANAGER STATUS', width: 14, priority: 1},
];

/** `busybox:1.36@sha256:…` → `busybox:1.36`: the digest a service pins says little on a row. */
export function imageName(image: string): string {
	return image.replace(/@sha256:[\da-f]+$/, '');
}

/** Replicated services as `running/desired`; jobs and global services as the engine counts them. */
export function replicas(service: SwarmService): string {
	return `${service.running}/${service.desired}`;
}

const modeNames: Readonly<Record<SwarmService['mode'], string>> = {
	replicated: 'replicated',
	global: 'global',
	'replicated-job': 'repl. job',
	'global-job': 'global job',
};

export function serviceCells(
	service: SwarmService,
	now: number,
	pending: string | undefined,
): Record<ServiceColumn, string> {
	return {
		name: service.name,
		mode: modeNames[service.mode],
		replicas: pending ?? replicas(service),
		image: imageName(service.image),
		ports: formatPorts(
			service.ports.map(port =>
				// The routing mesh listens on every address, as `docker service ls` shows with `*`.
				port.publicPort === undefined ? port : {...port, ip: '*'},
			),
		),
		updated:
			service.updateState === '' || service.updateState === 'completed'
				? formatAge(service.updatedAt, now)
				: service.updateState,
	};
}

/** `web.1` for a replicated service's slot, `agent.<node id>` for a global one's, as `docker service ps`. */
export function taskName(task: SwarmTask, serviceName: string): string {
	return `${serviceName}.${task.slot ?? shortId(task.nodeId)}`;
}

/** The listed tasks of a service by id, each named as `docker service logs` names it (`web.1`). */
export const taskNames = memoizeLast(
	(
		list: TaskList,
		services: ReadonlyMap<string, SwarmService>,
	): ReadonlyMap<string, string> => {
		const service =
			list.serviceId === undefined ? undefined : services.get(list.serviceId);
		return new Map(
			service === undefined
				? []
				: list.tasks.map(task => [task.id, taskName(task, service.name)]),
		);
	},
);

/** `Running 3m ago`: the state and how long it has been in it. */
function currentState(task: SwarmTask, now: number): string {
	const state = task.state.charAt(0).toUpperCase() + task.state.slice(1);
	return task.updatedAt > 0
		? `${state} ${formatAge(task.updatedAt, now)} ago`
		: state;
}

/** The cells of a task row; `isReplaced` when a newer task of its slot took over. */
export function taskCells(
	task: SwarmTask,
	serviceName: string,
	nodeName: string | undefined,
	now: number,
	isReplaced: boolean,
): Record<TaskColumn, string> {
	return {
		// `docker service ps` marks past tasks of a slot with `\_`.
		name: `${isReplaced ? ' \\_ ' : ''}${taskName(task, serviceName)}`,
		id: shortId(task.id),
		node: nodeName ?? shortId(task.nodeId),
		desired: task.desiredState,
		current: currentState(task, now),
		error: task.error,
	};
}

export function nodeCells(
	node: SwarmNode,
	pending: string | undefined,
): Record<NodeColumn, string> {
	return {
		hostname: node.hostname,
		role: node.role,
		availability: pending ?? node.availability,
		status: node.status,
		engine: node.engineVersion,
		manager: node.managerStatus,
	};
}
