// A fleet: several engines shown at once, each row tagged with its engine.
import type {ContainerSummary, FleetEngine} from '../docker/docker-client.js';
import {
	sliceChanged,
	withUi,
	type AppState,
	type Resources,
	type Update,
} from './app-state.js';
import {statusShown} from './status.js';
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

/**
 * The panes show the next engine alone: every engine's rows, then each engine's in turn, then
 * every engine's again. A single engine has nothing to cycle through, and says so.
 */
export const engineViewCycled: Update = state => {
	if (state.fleet === undefined) {
		return statusShown(
			'one engine: there is no fleet to look through',
			true,
		)(state);
	}

	const names = state.fleet.map(engine => engine.name);
	const current = state.ui.engine;
	const next =
		current === undefined ? names[0] : names[names.indexOf(current) + 1];
	return withUi(state, {engine: next});
};

/** What a pane's title says of the engine it shows: its name when it shows one alone. */
export function engineViewText(state: AppState): string {
	return state.ui.engine === undefined ? '' : `engine: ${state.ui.engine}`;
}

/** What an engine's running containers cost right now, as far as they are measured. */
export type EngineFigures = {
	readonly cpuPercent: number;
	readonly memory: number;
	/** How many of its containers have figures. */
	readonly measured: number;
};

/**
 * CPU and memory totals by engine name, for the chips and the Resources pane's line per engine;
 * engines with no figure yet are absent.
 */
export const figuresByEngine = memoizeLast(
	(
		containers: ReadonlyMap<string, ContainerSummary>,
		resources: Resources,
	): ReadonlyMap<string, EngineFigures> => {
		const figures = new Map<string, EngineFigures>();
		for (const [id, {usage}] of resources.byId) {
			const engine = containers.get(id)?.engine;
			if (engine === undefined) {
				continue;
			}

			const sum = figures.get(engine) ?? {
				cpuPercent: 0,
				memory: 0,
				measured: 0,
			};
			figures.set(engine, {
				cpuPercent: sum.cpuPercent + (usage.cpuPercent ?? 0),
				memory: sum.memory + (usage.memoryUsage ?? 0),
				measured: sum.measured + 1,
			});
		}

		return figures;
	},
);

/** The memory of the host a container runs on, for its share of it: its own engine's in a fleet. */
export function hostMemoryOf(state: AppState, id: string): number | undefined {
	const engine = state.containers.byId.get(id)?.engine;
	return engine === undefined
		? state.resources.hostMemory
		: state.resources.engines.get(engine)?.memory;
}
