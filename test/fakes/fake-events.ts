import type {DockerEvent} from '../../source/docker/docker-client.js';

/**
 * An event with defaults for what a test does not care about: a container `web` starting. Its
 * time comes from `timeNano` when only that is given, and the other way round.
 */
export function fakeEvent(fields: Partial<DockerEvent>): DockerEvent {
	const time = fields.time ?? Math.floor((fields.timeNano ?? 0) / 1e6);
	return {
		type: 'container',
		action: 'start',
		id: 'c1',
		name: 'web',
		attributes: {},
		...fields,
		time,
		timeNano: fields.timeNano ?? time * 1e6,
	};
}
