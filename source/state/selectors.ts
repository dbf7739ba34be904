// The rows of each pane, assembled from the features that list them, and what follows from the
// rows: the available panes, the selection, the marks.

import {panes, type AppState, type Pane} from './app-state.js';
import {shownContainers, shownMeasuredContainers} from './container-rows.js';
import {imageRows, shownImageRows, type ImageRow} from './image-rows.js';
import type {EngineTag} from '../docker/docker-client.js';
import {memoizeLast} from './memo.js';
import {eventsByKey, shownEvents} from './events.js';
import {projectsOf, visibleProjects} from './compose-projects.js';
import {visibleNodes, visibleServices} from './swarm-selectors.js';
import {systemRowsOf, visibleSystemRows} from './system-view.js';
import {visibleNetworks, visibleVolumes} from './volumes-networks.js';

/**
 * The ids a pane lists, in display order, after its filter and the engine shown alone. Every case
 * must be memoized: `keepSelection` asks each pane after every update.
 */
export function visibleIds(state: AppState, pane: Pane): readonly string[] {
	const ids = filteredIds(state, pane);
	const {engine} = state.ui;
	return engine === undefined
		? ids
		: onEngine[pane](ids, paneItems(state, pane), engine);
}

/** The engine a pane's row belongs to, in a fleet; undefined where rows carry none. */
function rowEngine(pane: Pane, item: unknown): string | undefined {
	switch (pane) {
		case 'containers':
		case 'resources':
		case 'volumes':
		case 'networks':
		case 'events':
		case 'projects': {
			return (item as EngineTag | undefined)?.engine;
		}

		case 'images': {
			return (item as ImageRow | undefined)?.image.engine;
		}

		case 'system':
		case 'services':
		case 'nodes': {
			return undefined;
		}
	}
}

/** Each pane's rows on one engine, memoized per pane; rows without an engine stay. */
const onEngine = Object.fromEntries(
	panes.map(pane => [
		pane,
		memoizeLast(
			(
				ids: readonly string[],
				items: ReadonlyMap<string, unknown>,
				engine: string,
			): readonly string[] =>
				ids.filter(id => {
					const owner = rowEngine(pane, items.get(id));
					return owner === undefined || owner === engine;
				}),
		),
	]),
) as Record<
	Pane,
	(
		ids: readonly string[],
		items: ReadonlyMap<string, unknown>,
		engine: string,
	) => readonly string[]
>;

/** The ids a pane lists, in display order, after its filter. */
function filteredIds(state: AppState, pane: Pane): readonly string[] {
	switch (pane) {
		case 'containers': {
			return shownContainers(state);
		}

		case 'resources': {
			return shownMeasuredContainers(state);
		}

		case 'images': {
			return shownImageRows(state);
		}

		case 'projects': {
			return visibleProjects(projectsOf(state), state.ui.filters.projects);
		}

		case 'volumes': {
			return visibleVolumes(
				state.volumes.byId,
				state.ui.filters.volumes,
				state.ui.sorts.volumes,
			);
		}

		case 'networks': {
			return visibleNetworks(state.networks.byId, state.ui.filters.networks);
		}

		case 'system': {
			return visibleSystemRows(state);
		}

		case 'services': {
			return visibleServices(
				state.swarm.services.byId,
				state.ui.filters.services,
			);
		}

		case 'nodes': {
			return visibleNodes(state.swarm.nodes.byId, state.ui.filters.nodes);
		}

		case 'events': {
			return shownEvents(state);
		}
	}
}

/** The objects a pane's rows stand for, by id: what its marks and selection refer to. */
export function paneItems(
	state: AppState,
	pane: Pane,
): ReadonlyMap<string, unknown> {
	switch (pane) {
		case 'containers':
		case 'resources': {
			return state.containers.byId;
		}

		case 'images': {
			return imageRows(state.images.byId);
		}

		case 'projects': {
			return projectsOf(state);
		}

		case 'volumes': {
			return state.volumes.byId;
		}

		case 'networks': {
			return state.networks.byId;
		}

		case 'system': {
			return systemRowsOf(state);
		}

		case 'services': {
			return state.swarm.services.byId;
		}

		case 'nodes': {
			return state.swarm.nodes.byId;
		}

		case 'events': {
			return eventsByKey(state.events.items);
		}
	}
}

const swarmPanes: ReadonlySet<Pane> = new Set(['services', 'nodes']);
const panesWithoutSwarm: readonly Pane[] = panes.filter(
	pane => !swarmPanes.has(pane),
);

/** The panes that can be focused: some exist only on some engines (Swarm's on a manager). */
export const availablePanes = (state: AppState): readonly Pane[] =>
	state.swarm.isManager ? panes : panesWithoutSwarm;

/**
 * How many of `pane`'s rows are marked, for its title, and how many of those its filter (or the
 * running-only view) hides: a bulk action applies to the marked rows in view only, so the user
 * must be able to tell. Empty when nothing is marked.
 */
export function markSummary(state: AppState, pane: Pane): string {
	if (state.marks.size === 0) {
		return '';
	}

	const items = paneItems(state, pane);
	const marked = [...state.marks].filter(id => items.has(id));
	if (marked.length === 0) {
		return '';
	}

	const shown = new Set(visibleIds(state, pane));
	const hidden = marked.filter(id => !shown.has(id)).length;
	const by = state.ui.filters[pane] === '' ? '' : ' by the filter';
	return hidden === 0
		? `${marked.length} marked`
		: `${marked.length} marked, ${hidden} hidden${by}`;
}

/** The selected id of `pane` if it is listed, else undefined. */
export function selectedId(state: AppState, pane: Pane): string | undefined {
	const id = state.ui.selection[pane];
	return id !== undefined && visibleIds(state, pane).includes(id)
		? id
		: undefined;
}
