// The root of the transitions: the engine's listings and connection, the panes' view, and typed
// text routed to the open dialog by its kind.

import type {
	ContainerSummary,
	EngineInfo,
	ImageSummary,
} from '../docker/docker-client.js';
import {
	withUi,
	type AppState,
	type Connection,
	type Dialog,
	type Pane,
	type SortKey,
	type Update,
} from './app-state.js';
import {viewerChanged, viewerDraftEdited} from './text-viewer.js';
import {scaleDraftChanged} from './swarm-state.js';
import {filesDraftChanged} from './files-view.js';
import {createDraftChanged} from './create-form.js';
import {
	buildDraftChanged,
	pullDraftChanged,
	runDraftChanged,
} from './image-dialogs.js';
import {collectionListed, sameJson} from './collections.js';
import {filterTyped} from './filter-prompt.js';
import {paletteDraftChanged} from './palette.js';
import {updateDialog} from './dialog-slot.js';

const listContainers = collectionListed(
	(state: AppState) => state.containers,
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
	(state: AppState) => state.images,
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

export function clockTicked(now: number): Update {
	return state => ({...state, clock: now});
}

/**
 * Sorts the focused pane's list by `key`; the same key again reverses the order. Figures sort
 * largest first (age: oldest first), names A to Z.
 */
export function sortChosen(key: SortKey): Update {
	return state => {
		const pane = state.ui.focus;
		const sort = state.ui.sorts[pane];
		return withUi(state, {
			sorts: {
				...state.ui.sorts,
				[pane]:
					sort.key === key
						? {key, descending: !sort.descending}
						: {key, descending: key !== 'name'},
			},
		});
	};
}

export const showAllToggled: Update = state =>
	withUi(state, {showAll: !state.ui.showAll});

/** How typed text changes one kind of dialog's draft; `change` maps the old draft to the new. */
type DraftEditor = (change: (draft: string) => string) => Update;

/** The search prompt of a dialog that shows text. */
const viewerDraftChanged: DraftEditor = change =>
	viewerChanged(viewer => viewerDraftEdited(viewer, change));

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
		exec: change =>
			updateDialog('exec', dialog => ({
				...dialog,
				draft: change(dialog.draft),
			})),
		prune: change =>
			updateDialog('prune', dialog =>
				dialog.isEditingLabel
					? {...dialog, label: change(dialog.label)}
					: dialog,
			),
		// A viewer's search prompt is edited as every viewer's, in draftChanged.
		logs: undefined,
		details: undefined,
		text: undefined,
		scale: scaleDraftChanged,
		create: createDraftChanged,
		pull: pullDraftChanged,
		run: runDraftChanged,
		build: buildDraftChanged,
		help: undefined,
		confirm: undefined,
		hosts: undefined,
		audit: undefined,
		'compose-down': undefined,
		'compose-output': undefined,
		'swarm-confirm': undefined,
		files: filesDraftChanged,
		processes: undefined,
		palette: paletteDraftChanged,
	};

/** The open text prompt with a new draft: the filter narrows the list as it changes. */
function draftChanged(
	state: AppState,
	change: (draft: string) => string,
): AppState {
	const {dialog} = state.ui;
	const edit =
		dialog === undefined
			? undefined
			: 'viewer' in dialog && dialog.viewer.draft !== undefined
				? viewerDraftChanged
				: draftEditors[dialog.kind];
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
