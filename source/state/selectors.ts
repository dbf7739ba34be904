import type {ContainerSummary, ImageSummary} from '../docker/docker-client.js';
import {
	panes,
	type AppState,
	type Pane,
	type PruneDialog,
	type ResourceSnapshot,
	type Sort,
} from './app-state.js';
import type {Scope} from '../keymap/bindings.js';
import {memoizeLast} from './memo.js';
import {stateRank} from './liveness.js';
import {matchesFilter} from './text-filter.js';
import {imageDialogScopes} from './image-dialogs.js';
import {imageRows, type ImageRow} from './image-rows.js';
import {eventsByKey, shownEvents} from './events.js';
import {projectsOf, visibleProjects} from './compose-projects.js';
import {visibleNodes, visibleServices} from './swarm-selectors.js';
import {systemRowsOf, visibleSystemRows} from './system-view.js';
import {createFormScopes} from './create-form.js';
import {visibleNetworks, visibleVolumes} from './volumes-networks.js';

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
		const byState = stateRank[a.state] - stateRank[b.state];
		if (byState !== 0) {
			return byState;
		}

		if (sort.key !== 'name') {
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

/** Tag rows by tag, dangling images last and newest first; ties by id, so rows never swap. */
function compareImageRows(a: ImageRow, b: ImageRow): number {
	if (a.tag === undefined || b.tag === undefined) {
		return (
			(a.tag === undefined ? 1 : 0) - (b.tag === undefined ? 1 : 0) ||
			b.image.createdAt - a.image.createdAt ||
			a.id.localeCompare(b.id)
		);
	}

	return collator.compare(a.tag, b.tag) || a.id.localeCompare(b.id);
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
				matchesFilter(filter, [container.name, container.image, container.id]),
		)
		.sort(containerOrder(sort, resources))
		.map(container => container.id);
}

// One cache per pane: both list containers, with different arguments.
const visibleContainers = memoizeLast(listContainers);
const measuredContainers = memoizeLast(listContainers);

/** Resource figures only decide the order when sorting by them; otherwise they must not re-sort. */
function sortInputs(state: AppState): Resources {
	return state.ui.sort.key === 'name' ? noResources : state.resources.byId;
}

const noResources: Resources = new Map();

/** The Images pane's rows, one per tag, each matched against the filter by its own tag. */
const visibleImages = memoizeLast(
	(rows: ReadonlyMap<string, ImageRow>, filter: string): readonly string[] =>
		[...rows.values()]
			.filter(row =>
				matchesFilter(filter, [
					row.tag ?? '<none>:<none>',
					row.image.id.replace(/^sha256:/, ''),
				]),
			)
			.sort(compareImageRows)
			.map(row => row.id),
);

/**
 * The ids a pane lists, in display order, after its filter. Every case must be memoized:
 * `keepSelection` asks each pane after every update.
 */
export function visibleIds(state: AppState, pane: Pane): readonly string[] {
	switch (pane) {
		case 'containers': {
			return visibleContainers(
				state.containers.byId,
				!state.ui.showAll,
				state.ui.filters.containers,
				state.ui.sort,
				sortInputs(state),
			);
		}

		case 'resources': {
			return measuredContainers(
				state.containers.byId,
				true,
				state.ui.filters.resources,
				state.ui.sort,
				sortInputs(state),
			);
		}

		case 'images': {
			return visibleImages(
				imageRows(state.images.byId),
				state.ui.filters.images,
			);
		}

		case 'projects': {
			return visibleProjects(projectsOf(state), state.ui.filters.projects);
		}

		case 'volumes': {
			return visibleVolumes(state.volumes.byId, state.ui.filters.volumes);
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

/** The keymap scopes in force, innermost first. A dialog is modal: only its own scope applies. */
export function activeScopes(state: AppState): readonly Scope[] {
	const {dialog, focus} = state.ui;
	if (dialog?.kind === 'prune' && dialog.isEditingLabel) {
		return pruneLabelScopes;
	}

	if (dialog?.kind === 'prune') {
		return pruneScopes[dialog.stage];
	}

	if (dialog?.kind === 'logs' && dialog.draft !== undefined) {
		return logsSearchScopes;
	}

	if (dialog?.kind === 'details' && dialog.draft !== undefined) {
		return detailsSearchScopes;
	}

	if (dialog?.kind === 'processes') {
		return dialog.signal === undefined
			? processesScopes
			: processesSignalScopes;
	}

	if (dialog?.kind === 'files') {
		return dialog.prompt === undefined ? filesScopes : filesPromptScopes;
	}

	const imageDialog = imageDialogScopes(dialog);
	if (imageDialog !== undefined) {
		return imageDialog;
	}

	if (dialog?.kind === 'create') {
		return createFormScopes(dialog);
	}

	if (dialog !== undefined) {
		return dialogScopes[dialog.kind];
	}

	return paneScopes[focus];
}

/** The scopes in force while `pane` has focus and no dialog is open: what its help lists. */
export function scopesOfPane(pane: Pane): readonly Scope[] {
	return paneScopes[pane];
}

const dialogScopes: Readonly<
	Record<NonNullable<AppState['ui']['dialog']>['kind'], readonly Scope[]>
> = {
	help: ['help', 'dialogList'],
	filter: ['filter'],
	exec: ['exec'],
	confirm: ['confirm', 'dialogList'],
	// Chosen by pruneScopes, by stage.
	prune: [],
	hosts: ['hosts', 'dialogList'],
	audit: ['audit', 'dialogList'],
	logs: ['logs'],
	details: ['details'],
	'compose-down': ['composeDown', 'dialogList'],
	'compose-output': ['composeOutput'],
	scale: ['scale'],
	'swarm-confirm': ['swarmConfirm', 'dialogList'],
	// Chosen by `createFormScopes` above: a choice field has keys of its own.
	create: ['form'],
	// Chosen by imageDialogScopes, by stage and focused field.
	pull: [],
	run: [],
	build: [],
	// Chosen above: the prompt at its foot has keys of its own.
	files: [],
	processes: [],
};

const pruneLabelScopes: readonly Scope[] = ['pruneLabel'];
const pruneScopes: Readonly<Record<PruneDialog['stage'], readonly Scope[]>> = {
	choose: ['pruneChoose', 'prune', 'dialogList'],
	loading: ['prune', 'dialogList'],
	preview: ['prunePreview', 'prune', 'dialogList'],
	running: ['prune', 'dialogList'],
	done: ['pruneDone', 'prune', 'dialogList'],
};
const logsSearchScopes: readonly Scope[] = ['logsSearch'];
const detailsSearchScopes: readonly Scope[] = ['detailsSearch'];
const filesScopes: readonly Scope[] = ['files', 'dialogList'];
const filesPromptScopes: readonly Scope[] = ['filesPrompt'];
const processesScopes: readonly Scope[] = ['processes', 'dialogList'];
const processesSignalScopes: readonly Scope[] = ['processesSignal'];

const paneScopes: Readonly<Record<Pane, readonly Scope[]>> = {
	containers: ['containers', 'sortable', 'markable', 'list', 'global'],
	images: ['images', 'markable', 'list', 'global'],
	resources: ['resources', 'sortable', 'list', 'global'],
	projects: ['projects', 'list', 'global'],
	volumes: ['volumes', 'markable', 'list', 'global'],
	networks: ['networks', 'markable', 'list', 'global'],
	system: ['system', 'list', 'global'],
	services: ['services', 'list', 'global'],
	nodes: ['nodes', 'list', 'global'],
	events: ['events', 'list', 'global'],
};

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
