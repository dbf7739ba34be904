// A fleet: several engines shown at once, each row tagged with its engine.
import type {ContainerSummary, FleetEngine} from '../docker/docker-client.js';
import {sliceChanged, type Update} from './app-state.js';
import {memoizeLast} from './memo.js';

/** The fleet's engines as they are now: their connections, for the header's chips. */
export function fleetChanged(engines: readonly FleetEngine[]): Update {
	return sliceChanged('fleet', () => engines);
}

/** Running and total containers of one engine. */
export type EngineCounts = {readonly running: number; readonly total: number};

/** Running and total containers by engine name, for the chips. */
export const countsByEngine = memoizeLast(
	(
		containers: ReadonlyMap<string, ContainerSummary>,
	): ReadonlyMap<string, EngineCounts> => {
		const counts = new Map<string, EngineCounts>();
		for (const container of containers.values()) {
			const engine = container.engine ?? '';
			const {running, total} = counts.get(engine) ?? {running: 0, total: 0};
			counts.set(engine, {
				running: running + (container.state === 'running' ? 1 : 0),
				total: total + 1,
			});
		}

		return counts;
	},
);
