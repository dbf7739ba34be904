import type {DockerEvent} from '../../docker/docker-client.js';
import {shortId} from '../../format/units.js';
import {eventAttributes} from '../../state/events.js';
import {clockTime} from '../../state/log-lines.js';
import type {ColumnSpec} from './columns.js';

export type EventColumn =
	'time' | 'engine' | 'type' | 'action' | 'object' | 'details';

export const eventColumns: readonly ColumnSpec<EventColumn>[] = [
	{key: 'time', header: 'TIME', width: 8},
	{key: 'type', header: 'TYPE', width: 9},
	{key: 'action', header: 'ACTION', flex: 3, minWidth: 8},
	{key: 'object', header: 'OBJECT', flex: 4, minWidth: 10},
	{key: 'details', header: 'DETAILS', flex: 5, minWidth: 10, priority: 1},
];

/** Engines name some objects by their 64-digit id (or `sha256:` digest): shown short, as the CLI does. */
function objectName(name: string): string {
	return /^(sha256:)?[\da-f]{64}$/.test(name) ? shortId(name) : name;
}

/** One event as the cells of its row. */
export function eventCells(event: DockerEvent): Record<EventColumn, string> {
	return {
		time: clockTime(event.time).slice(0, 8),
		engine: event.engine ?? '',
		type: event.type,
		action: event.action,
		object: objectName(event.name),
		details: eventAttributes(event),
	};
}
