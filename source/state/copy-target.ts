// What `y` and `Y` copy from the focused pane: its selected object's id and the name users know it by.

import type {AppState, Pane} from './app-state.js';
import {projectsOf} from './compose-projects.js';
import {eventsByKey} from './events.js';
import {imageRows} from './image-rows.js';

/** The selected object's id and name, as the engine's CLI would take them. */
export type CopyTarget = {readonly id: string; readonly name: string};

function idAndName(
	item: {readonly id: string; readonly name: string} | undefined,
): CopyTarget | undefined {
	return item === undefined ? undefined : {id: item.id, name: item.name};
}

/**
 * The selected row of `pane` as something to copy; undefined when nothing is selected or the pane's
 * rows are not objects (the System pane's disk totals).
 */
export function copyTarget(
	state: AppState,
	pane: Pane,
): CopyTarget | undefined {
	const selected = state.ui.selection[pane];
	if (selected === undefined) {
		return undefined;
	}

	switch (pane) {
		case 'containers':
		case 'resources': {
			return idAndName(state.containers.byId.get(selected));
		}

		case 'images': {
			const row = imageRows(state.images.byId).get(selected);
			// A dangling image is known by its id alone.
			return row === undefined
				? undefined
				: {id: row.image.id, name: row.tag ?? row.image.id};
		}

		case 'projects': {
			// Compose knows a project by its name alone.
			const project = projectsOf(state).get(selected);
			return project === undefined
				? undefined
				: {id: project.name, name: project.name};
		}

		case 'volumes': {
			const volume = state.volumes.byId.get(selected);
			return volume === undefined
				? undefined
				: {id: volume.name, name: volume.name};
		}

		case 'networks': {
			return idAndName(state.networks.byId.get(selected));
		}

		case 'services': {
			return idAndName(state.swarm.services.byId.get(selected));
		}

		case 'nodes': {
			const node = state.swarm.nodes.byId.get(selected);
			return node === undefined
				? undefined
				: {id: node.id, name: node.hostname};
		}

		case 'events': {
			// The object the event is about.
			return idAndName(eventsByKey(state.events.items).get(selected));
		}

		case 'system': {
			return undefined;
		}
	}
}
