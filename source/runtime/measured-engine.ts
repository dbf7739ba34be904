// Which engine a resource feed measures: the one engine, or one engine of a fleet, whose
// containers the store knows by ids that carry the engine's number (fleet-ids.ts).
import type {DockerClient, SystemInfo} from '../docker/docker-client.js';
import {fleetId, splitFleetId} from '../docker/fleet-ids.js';
import type {AppState, Update} from '../state/app-state.js';
import {
	engineSourceChanged,
	resourceSourceChanged,
} from '../state/resources.js';

/**
 * The engine a source measures: the one engine, or one engine of a fleet, with a source, a
 * connection and a backoff of its own, so that one engine's trouble leaves the others' figures live.
 */
export type Scope = {
	/** The engine's own client. */
	readonly docker: DockerClient;
	/** Whether the engine answers, so that its source runs. */
	readonly isUp: (state: AppState) => boolean;
	/** Where its figures come from now, and its host's size. */
	readonly sourceChanged: (source: string, info: SystemInfo) => Update;
	/**
	 * In a fleet, how the store's ids (suffixed with the engine's number, fleet-ids.ts) relate to
	 * the engine's own; undefined for the one engine, whose ids are its own.
	 */
	readonly ids?: {
		readonly isOwn: (id: string) => boolean;
		readonly toEngine: (id: string) => string;
		readonly toStore: (id: string) => string;
	};
};

/** The one engine: every container is its own. */
export function soleScope(docker: DockerClient): Scope {
	return {
		docker,
		isUp: state => state.connection.status === 'up',
		sourceChanged: resourceSourceChanged,
	};
}

/** Engine `index` of a fleet: its containers are those whose ids carry its number. */
export function memberScope(docker: DockerClient, index: number): Scope {
	const isOwn = (id: string): boolean => splitFleetId(id)?.engine === index;
	return {
		docker,
		isUp: state => state.fleet?.[index]?.state.status === 'connected',
		sourceChanged(source, {cpus, memory}) {
			return state => {
				const engine = state.fleet?.[index]?.name;
				return engine === undefined
					? state
					: engineSourceChanged(engine, {source, cpus, memory}, isOwn)(state);
			};
		},
		ids: {
			isOwn,
			toEngine: id => splitFleetId(id)?.id ?? id,
			toStore: id => fleetId(id, index),
		},
	};
}

/** Whether the container the store knows as `id` is on the scope's engine. */
export function isOnEngine(scope: Scope, id: string): boolean {
	return scope.ids?.isOwn(id) ?? true;
}

/** The id the scope's engine knows the container by, which the store knows as `id`. */
export function engineIdOf(scope: Scope, id: string): string {
	return scope.ids?.toEngine(id) ?? id;
}
