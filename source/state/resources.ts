// The containers' resource figures: where they come from, their latest samples and history, and
// what the OOM killer did.

import {
	historyLength,
	sliceChanged,
	type AppState,
	type EngineSource,
	type ResourceSnapshot,
	type Update,
} from './app-state.js';
import {sameJson} from './collections.js';
import {emptyHistory, historyAppended, type History} from './history.js';
import type {ResourceUsage} from './resource-usage.js';
import {withMember} from './set-membership.js';

/** Where resource figures come from now, and the host's size; clears figures of another source. */
export function resourceSourceChanged(
	source: string | undefined,
	host: {readonly cpus: number; readonly memory: number} | undefined,
): Update {
	return sliceChanged('resources', resources => ({
		...resources,
		byId: new Map(),
		source,
		outOfFiles: undefined,
		hostCpus: host?.cpus,
		hostMemory: host?.memory,
	}));
}

/**
 * In a fleet, where one engine's figures come from now and its host's size; clears the figures of
 * that engine's containers (the ids `isOwn` names), which came from its last source.
 */
export function engineSourceChanged(
	engine: string,
	source: EngineSource,
	isOwn: (id: string) => boolean,
): Update {
	return sliceChanged('resources', resources => ({
		...resources,
		byId: new Map(othersOf(resources.byId, isOwn)),
		engines: new Map(resources.engines).set(engine, source),
	}));
}

/** The figures of containers that are not `isOwn`'s: another engine's, in a fleet. */
function othersOf(
	byId: ReadonlyMap<string, ResourceSnapshot>,
	isOwn: (id: string) => boolean,
): [string, ResourceSnapshot][] {
	return [...byId].filter(([id]) => !isOwn(id));
}

function appendHistory(
	history: History | undefined,
	value: number | undefined,
): History {
	return value === undefined
		? (history ?? emptyHistory)
		: historyAppended(history ?? emptyHistory, value, historyLength);
}

/**
 * New figures for some containers, in one commit. With `isComplete` the measurement covered every
 * running container (of one engine in a fleet: those `isOwn` names), so containers not in it have
 * stopped measuring and lose their figures; those in `unchanged` were not read this time and keep
 * theirs.
 */
export function resourcesMeasured(
	usages: ReadonlyMap<string, ResourceUsage>,
	isComplete: boolean,
	options: {
		readonly unchanged?: ReadonlySet<string>;
		readonly isOwn?: (id: string) => boolean;
	} = {},
): Update {
	return sliceChanged('resources', resources => {
		const previous = resources.byId;
		const byId = new Map<string, ResourceSnapshot>(
			isComplete
				? options.isOwn === undefined
					? []
					: othersOf(previous, options.isOwn)
				: previous,
		);
		for (const id of options.unchanged ?? []) {
			const kept = previous.get(id);
			if (kept !== undefined) {
				byId.set(id, kept);
			}
		}

		for (const [id, usage] of usages) {
			const old = previous.get(id);
			byId.set(id, {
				usage,
				cpuHistory: appendHistory(old?.cpuHistory, usage.cpuPercent),
				memoryHistory: appendHistory(old?.memoryHistory, usage.memoryUsage),
			});
		}

		return {...resources, byId};
	});
}

/** Whether the last measurement stopped short for want of file descriptors, and the open-files limit. */
export function outOfFilesChanged(
	outOfFiles: AppState['resources']['outOfFiles'],
): Update {
	return sliceChanged('resources', resources =>
		sameJson(resources.outOfFiles, outOfFiles)
			? resources
			: {...resources, outOfFiles},
	);
}

/** The engine reported that the OOM killer struck in a container. */
export function oomReported(id: string): Update {
	return sliceChanged('resources', resources => {
		const oomEvents = new Map(resources.oomEvents);
		oomEvents.set(id, (oomEvents.get(id) ?? 0) + 1);
		return {...resources, oomEvents};
	});
}

/** Inspect told whether the OOM killer ended an exited container. */
export function oomKilledFound(id: string, isOomKilled: boolean): Update {
	return sliceChanged('resources', resources => {
		const oomKilled = withMember(resources.oomKilled, id, isOomKilled);
		return oomKilled === resources.oomKilled
			? resources
			: {...resources, oomKilled};
	});
}

/** Figures of containers no longer measured (stream closed), dropped. */
export function resourcesDropped(ids: readonly string[]): Update {
	return sliceChanged('resources', resources => {
		if (!ids.some(id => resources.byId.has(id))) {
			return resources;
		}

		const byId = new Map(resources.byId);
		for (const id of ids) {
			byId.delete(id);
		}

		return {...resources, byId};
	});
}
