// The rows of the container panes (Containers and Resources), in their order, and the figures
// drawn from every container.

import type {ContainerSummary, ImageSummary} from '../docker/docker-client.js';
import type {AppState, ResourceSnapshot, Sort} from './app-state.js';
import {stateRank} from './liveness.js';
import {memoizeLast} from './memo.js';
import {matchesFilter} from './text-filter.js';

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

type Resources = ReadonlyMap<string, ResourceSnapshot>;

function metric(
	resources: Resources,
	id: string,
	key: Sort['key'],
): number | undefined {
	const usage = resources.get(id)?.usage;
	return key === 'cpu'
		? usage?.cpuPercent
		: key === 'memory'
			? usage?.memoryUsage
			: undefined;
}

/**
 * Live containers first, then by the sort key, then by name: ties never swap places between
 * refreshes, and a container without a figure yet goes after those with one.
 */
function containerOrder(
	sort: Sort,
	resources: Resources,
): (a: ContainerSummary, b: ContainerSummary) => number {
	const direction = sort.descending ? -1 : 1;
	return (a, b) => {
		// By engine, each engine's rows together, in the usual order among them.
		const byEngine =
			sort.key === 'engine'
				? collator.compare(a.engine ?? '', b.engine ?? '') * direction
				: 0;
		if (byEngine !== 0) {
			return byEngine;
		}

		const byState = stateRank[a.state] - stateRank[b.state];
		if (byState !== 0) {
			return byState;
		}

		if (sort.key === 'cpu' || sort.key === 'memory') {
			const valueA = metric(resources, a.id, sort.key);
			const valueB = metric(resources, b.id, sort.key);
			if (valueA === undefined || valueB === undefined) {
				const missing =
					(valueA === undefined ? 1 : 0) - (valueB === undefined ? 1 : 0);
				if (missing !== 0) {
					return missing;
				}
			} else if (valueA !== valueB) {
				return (valueA - valueB) * direction;
			}
		}

		const byName = collator.compare(a.name, b.name);
		return (
			(sort.key === 'name' ? byName * direction : byName) ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
		);
	};
}

/** What "running only" keeps: everything not stopped, a container being removed included. */
function isNotStopped(container: ContainerSummary): boolean {
	return (
		container.state !== 'exited' &&
		container.state !== 'created' &&
		container.state !== 'dead'
	);
}

function listContainers(
	byId: ReadonlyMap<string, ContainerSummary>,
	liveOnly: boolean,
	filter: string,
	sort: Sort,
	resources: Resources,
): readonly string[] {
	return [...byId.values()]
		.filter(
			container =>
				(!liveOnly || isNotStopped(container)) &&
				matchesFilter(filter, [
					container.name,
					container.image,
					container.id,
					container.engine ?? '',
				]),
		)
		.sort(containerOrder(sort, resources))
		.map(container => container.id);
}

// One cache per pane: both list containers, with different arguments.
const visibleContainers = memoizeLast(listContainers);
const measuredContainers = memoizeLast(listContainers);

/** Resource figures only decide the order when sorting by them; otherwise they must not re-sort. */
function sortInputs(state: AppState, sort: Sort): Resources {
	return sort.key === 'cpu' || sort.key === 'memory'
		? state.resources.byId
		: noResources;
}

const noResources: Resources = new Map();

/** The Containers pane's rows: every container, or the live ones, after its filter, in order. */
export function shownContainers(state: AppState): readonly string[] {
	return visibleContainers(
		state.containers.byId,
		!state.ui.showAll,
		state.ui.filters.containers,
		state.ui.sorts.containers,
		sortInputs(state, state.ui.sorts.containers),
	);
}

/** The Resources pane's rows: the containers not stopped, after its filter, in order. */
export function shownMeasuredContainers(state: AppState): readonly string[] {
	return measuredContainers(
		state.containers.byId,
		true,
		state.ui.filters.resources,
		state.ui.sorts.resources,
		sortInputs(state, state.ui.sorts.resources),
	);
}

/** How many containers (running or not) use each image id. */
export const imageUsage = memoizeLast(
	(
		byId: ReadonlyMap<string, ContainerSummary>,
	): ReadonlyMap<string, number> => {
		const usage = new Map<string, number>();
		for (const container of byId.values()) {
			usage.set(container.imageId, (usage.get(container.imageId) ?? 0) + 1);
		}

		return usage;
	},
);

/** Whether any container exposes a port: a PORTS column of blanks would only take room. */
export const anyPorts = memoizeLast(
	(byId: ReadonlyMap<string, ContainerSummary>): boolean => {
		for (const container of byId.values()) {
			if (container.ports.length > 0) {
				return true;
			}
		}

		return false;
	},
);

/**
 * How many containers the Resources pane lists before its filter: the same ones its rows are
 * drawn from (every container not stopped, a restarting one included), not how many have figures
 * yet, which changes as measuring starts and stops and would make the title flicker.
 */
export const liveContainerCount = memoizeLast(
	(byId: ReadonlyMap<string, ContainerSummary>): number =>
		[...byId.values()].filter(container => isNotStopped(container)).length,
);

/** Running / total containers and the image count, for the header. */
export const counts = memoizeLast(
	(
		containers: ReadonlyMap<string, ContainerSummary>,
		images: ReadonlyMap<string, ImageSummary>,
	) => {
		let running = 0;
		for (const container of containers.values()) {
			if (container.state === 'running') {
				running++;
			}
		}

		return {running, containers: containers.size, images: images.size};
	},
);

/** Summed CPU and memory of every measured container, for the Resources pane's title. */
export const resourceTotals = memoizeLast(
	(byId: Resources): {cpuPercent: number; memory: number} => {
		let cpuPercent = 0;
		let memory = 0;
		for (const {usage} of byId.values()) {
			cpuPercent += usage.cpuPercent ?? 0;
			memory += usage.memoryUsage ?? 0;
		}

		return {cpuPercent, memory};
	},
);
