import type {
	ContainerSummary,
	EngineInfo,
	ImageSummary,
} from '../docker/docker-client.js';
import type {
	AppState,
	Connection,
	Dialog,
	Pane,
	ResourceSnapshot,
	SortKey,
} from './app-state.js';
import {historyLength, panes} from './app-state.js';
import type {ResourceUsage} from './resource-usage.js';
import {availablePanes, visibleIds} from './selectors.js';
import {logsDraftChanged} from './logs-dialog.js';
import {filesDraftChanged} from './files-view.js';
import {detailsDraftChanged} from './details.js';
import {scaleDraftChanged} from './swarm-state.js';
import {createDraftChanged} from './create-form.js';
import {imageDialogTyped} from './image-dialogs.js';
import {collectionListed, sameJson} from './collections.js';

/** A pure state transition. */
export type Update = (state: AppState) => AppState;

/** Where a cursor move goes: a relative step, or an end of the list. */
export type Movement = number | 'top' | 'bottom';

const listContainers = collectionListed(
	state => state.containers,
	(state, containers) => ({...state, containers}),
	(container: ContainerSummary) => container.id,
);

/**
 * A new listing of the containers. The `oom` counts of containers no longer listed go with them:
 * a fleet that replaces crashing containers all day would otherwise keep one for every container
 * it ever ran.
 */
export function containersListed(
	list: readonly ContainerSummary[],
	listedAt: number,
): Update {
	return state => {
		const next = listContainers(list, listedAt)(state);
		const {oomEvents} = next.resources;
		const {byId} = next.containers;
		const kept = [...oomEvents].filter(([id]) => byId.has(id));
		return kept.length === oomEvents.size
			? next
			: {...next, resources: {...next.resources, oomEvents: new Map(kept)}};
	};
}

export const imagesListed = collectionListed(
	state => state.images,
	(state, images) => ({...state, images}),
	(image: ImageSummary) => image.id,
);

export function connectionChanged(connection: Connection): Update {
	return state =>
		sameJson(state.connection, connection) ? state : {...state, connection};
}

export function engineIdentified(engine: EngineInfo): Update {
	return state => (sameJson(state.engine, engine) ? state : {...state, engine});
}

function withUi(state: AppState, ui: Partial<AppState['ui']>): AppState {
	return {...state, ui: {...state.ui, ...ui}};
}

/** Where resource figures come from now, and the host's size; clears figures of another source. */
export function resourceSourceChanged(
	source: string | undefined,
	host: {readonly cpus: number; readonly memory: number} | undefined,
): Update {
	return state => ({
		...state,
		resources: {
			...state.resources,
			byId: new Map(),
			source,
			outOfFiles: undefined,
			hostCpus: host?.cpus,
			hostMemory: host?.memory,
		},
	});
}

function appendHistory(
	history: readonly number[] | undefined,
	value: number | undefined,
): readonly number[] {
	if (value === undefined) {
		return history ?? [];
	}

	const next = [...(history ?? []), value];
	return next.length > historyLength ? next.slice(-historyLength) : next;
}

/**
 * New figures for some containers, in one commit. With `isComplete` the measurement covered every
 * running container, so containers not in it have stopped measuring and lose their figures.
 */
export function resourcesMeasured(
	usages: ReadonlyMap<string, ResourceUsage>,
	isComplete: boolean,
): Update {
	return state => {
		const previous = state.resources.byId;
		const byId = new Map<string, ResourceSnapshot>(isComplete ? [] : previous);
		for (const [id, usage] of usages) {
			const old = previous.get(id);
			byId.set(id, {
				usage,
				cpuHistory: appendHistory(old?.cpuHistory, usage.cpuPercent),
				memoryHistory: appendHistory(old?.memoryHistory, usage.memoryUsage),
			});
		}

		return {...state, resources: {...state.resources, byId}};
	};
}

/** Whether the last measurement stopped short for want of file descriptors, and the open-files limit. */
export function outOfFilesChanged(
	outOfFiles: AppState['resources']['outOfFiles'],
): Update {
	return state =>
		sameJson(state.resources.outOfFiles, outOfFiles)
			? state
			: {...state, resources: {...state.resources, outOfFiles}};
}

/** The engine reported that the OOM killer struck in a container. */
export function oomReported(id: string): Update {
	return state => {
		const oomEvents = new Map(state.resources.oomEvents);
		oomEvents.set(id, (oomEvents.get(id) ?? 0) + 1);
		return {...state, resources: {...state.resources, oomEvents}};
	};
}

/** Inspect told whether the OOM killer ended an exited container. */
export function oomKilledFound(id: string, isOomKilled: boolean): Update {
	return state => {
		const {oomKilled} = state.resources;
		if (oomKilled.has(id) === isOomKilled) {
			return state;
		}

		const next = new Set(oomKilled);
		if (isOomKilled) {
			next.add(id);
		} else {
			next.delete(id);
		}

		return {...state, resources: {...state.resources, oomKilled: next}};
	};
}

/** A pane now shows these rows. */
export function rowsShown(pane: Pane, ids: readonly string[]): Update {
	return state => {
		const current = state.ui.shown[pane];
		return current.length === ids.length &&
			current.every((id, index) => id === ids[index])
			? state
			: withUi(state, {shown: {...state.ui.shown, [pane]: ids}});
	};
}

/** Figures of containers no longer measured (stream closed), dropped. */
export function resourcesDropped(ids: readonly string[]): Update {
	return state => {
		if (!ids.some(id => state.resources.byId.has(id))) {
			return state;
		}

		const byId = new Map(state.resources.byId);
		for (const id of ids) {
			byId.delete(id);
		}

		return {...state, resources: {...state.resources, byId}};
	};
}

export function clockTicked(now: number): Update {
	return state => ({...state, clock: now});
}

/** Focuses a pane, if this engine has it. */
export function paneFocused(pane: Pane): Update {
	return state =>
		state.ui.focus === pane || !availablePanes(state).includes(pane)
			? state
			: withUi(state, {focus: pane});
}

export function paneCycled(step: 1 | -1): Update {
	return state => {
		const available = availablePanes(state);
		const index = available.indexOf(state.ui.focus);
		const next =
			available[(index + step + available.length) % available.length] ??
			'containers';
		return paneFocused(next)(state);
	};
}

/** Moves the cursor of the focused pane. */
export function selectionMoved(movement: Movement): Update {
	return state => {
		const pane = state.ui.focus;
		const ids = visibleIds(state, pane);
		if (ids.length === 0) {
			return state;
		}

		const current = state.ui.selection[pane];
		const index = current === undefined ? 0 : Math.max(0, ids.indexOf(current));
		const target =
			movement === 'top'
				? 0
				: movement === 'bottom'
					? ids.length - 1
					: Math.min(ids.length - 1, Math.max(0, index + movement));
		const id = ids[target];
		return id === current
			? state
			: withUi(state, {selection: {...state.ui.selection, [pane]: id}});
	};
}

/** Sorts by `key`; the same key again reverses the order. Figures sort largest first, names A to Z. */
export function sortChosen(key: SortKey): Update {
	return state =>
		withUi(state, {
			sort:
				state.ui.sort.key === key
					? {key, descending: !state.ui.sort.descending}
					: {key, descending: key !== 'name'},
		});
}

export const showAllToggled: Update = state =>
	withUi(state, {showAll: !state.ui.showAll});

export function dialogOpened(dialog: Dialog): Update {
	return state => withUi(state, {dialog});
}

export const dialogClosed: Update = state =>
	state.ui.dialog === undefined
		? state
		: withUi(state, {
				dialog:
					state.ui.dialog.kind === 'logs' ? state.ui.dialog.back : undefined,
			});

/** Opens the filter prompt on the focused pane, starting from its current filter. */
export const filterOpened: Update = state => {
	const draft = state.ui.filters[state.ui.focus];
	return withUi(state, {
		dialog: {kind: 'filter', draft, isSelected: draft !== ''},
	});
};

/** Right or End in the prompt: the kept filter is no longer selected, so typing adds to it. */
export const filterSelectionKept: Update = state =>
	state.ui.dialog?.kind === 'filter' && state.ui.dialog.isSelected === true
		? withUi(state, {dialog: {kind: 'filter', draft: state.ui.dialog.draft}})
		: state;

/** Typing in the filter prompt narrows the list at once. */
export function filterTyped(draft: string): Update {
	return state =>
		state.ui.dialog?.kind === 'filter'
			? withUi(state, {
					dialog: {kind: 'filter', draft},
					filters: {...state.ui.filters, [state.ui.focus]: draft},
				})
			: state;
}

/** How typed text changes one kind of dialog's draft; `change` maps the old draft to the new. */
type DraftEditor = (change: (draft: string) => string) => Update;

/** The image dialogs' fields, where their stage takes text. */
const imageDraftChanged: DraftEditor = change => state =>
	imageDialogTyped(state, change) ?? state;

/**
 * What typed text edits in each kind of dialog; undefined where it edits nothing. A new kind of
 * dialog has to say here whether it takes text.
 */
const draftEditors: Readonly<Record<Dialog['kind'], DraftEditor | undefined>> =
	{
		filter: change => state => {
			const {dialog} = state.ui;
			// A selected draft is replaced by what is typed, as a selected text field's is.
			return dialog?.kind === 'filter'
				? filterTyped(change(dialog.isSelected === true ? '' : dialog.draft))(
						state,
					)
				: state;
		},
		exec: change => state => {
			const {dialog} = state.ui;
			return dialog?.kind === 'exec'
				? withUi(state, {dialog: {...dialog, draft: change(dialog.draft)}})
				: state;
		},
		prune: change => state => {
			const {dialog} = state.ui;
			return dialog?.kind === 'prune' && dialog.isEditingLabel
				? withUi(state, {dialog: {...dialog, label: change(dialog.label)}})
				: state;
		},
		logs: logsDraftChanged,
		details: detailsDraftChanged,
		scale: scaleDraftChanged,
		create: createDraftChanged,
		pull: imageDraftChanged,
		run: imageDraftChanged,
		build: imageDraftChanged,
		help: undefined,
		confirm: undefined,
		hosts: undefined,
		audit: undefined,
		'compose-down': undefined,
		'compose-output': undefined,
		'swarm-confirm': undefined,
		files: filesDraftChanged,
		processes: undefined,
	};

/** The open text prompt with a new draft: the filter narrows the list as it changes. */
function draftChanged(
	state: AppState,
	change: (draft: string) => string,
): AppState {
	const {dialog} = state.ui;
	const edit = dialog === undefined ? undefined : draftEditors[dialog.kind];
	return edit === undefined ? state : edit(change)(state);
}

/** Text typed into the open prompt; keys arrive here one at a time or as a pasted chunk. */
export function textTyped(text: string): Update {
	return state => draftChanged(state, draft => draft + text);
}

/** Backspace in the open prompt. */
export const textDeletedBack: Update = state =>
	draftChanged(state, draft => Array.from(draft).slice(0, -1).join(''));

/** Ctrl-U in the open prompt. */
export const textCleared: Update = state => draftChanged(state, () => '');

export const filterKept: Update = dialogClosed;

export const filterCleared: Update = state =>
	withUi(state, {
		dialog: undefined,
		filters: {...state.ui.filters, [state.ui.focus]: ''},
	});

/**
 * The row next to `order[index]` that `isKept` keeps: the next one first, else the one before
 * (nearest first); undefined when none is kept.
 */
function neighbourAt(
	order: readonly string[],
	index: number,
	isKept: (id: string) => boolean,
): string | undefined {
	return (
		order.slice(index + 1).find(id => isKept(id)) ??
		order
			.slice(0, index)
			.reverse()
			.find(id => isKept(id))
	);
}

/**
 * Re-points each pane's selection after a transition: the same id while it is still listed, else
 * its nearest surviving neighbour in the old order (the next one first), else the first row.
 */
export function keepSelection(previous: AppState, next: AppState): AppState {
	let selection = next.ui.selection;
	for (const pane of panes) {
		const ids = visibleIds(next, pane);
		const current = selection[pane];
		if (current !== undefined && ids.includes(current)) {
			continue;
		}

		const listed = new Set(ids);
		const before = visibleIds(previous, pane);
		const index = current === undefined ? -1 : before.indexOf(current);
		const neighbour =
			index === -1
				? undefined
				: neighbourAt(before, index, id => listed.has(id));
		const replacement = neighbour ?? ids[0];
		if (replacement !== current) {
			selection = {...selection, [pane]: replacement};
		}
	}

	return selection === next.ui.selection
		? next
		: {...next, ui: {...next.ui, selection}};
}

/**
 * Rows the user chose to remove: a pane whose selected row is among them selects its neighbour in
 * the order shown now. Waiting until the rows are gone would be too late: a container being
 * removed first dies, which moves it (to the stopped ones, or down a CPU sort), and the neighbour
 * it then has is not the one the user saw.
 */
export function selectionMovedOff(ids: readonly string[]): Update {
	return state => {
		const leaving = new Set(ids);
		let selection = state.ui.selection;
		for (const pane of panes) {
			const current = selection[pane];
			if (current === undefined || !leaving.has(current)) {
				continue;
			}

			const order = visibleIds(state, pane);
			const neighbour = neighbourAt(
				order,
				order.indexOf(current),
				id => !leaving.has(id),
			);
			if (neighbour !== undefined) {
				selection = {...selection, [pane]: neighbour};
			}
		}

		return selection === state.ui.selection
			? state
			: withUi(state, {selection});
	};
}
