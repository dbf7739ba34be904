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
import {lineEdited, textEdited, type LineEdit} from './text-field.js';
import {scaleDraftChanged} from './swarm-state.js';
import {filesDraftChanged} from './files-view.js';
import {createDraftChanged} from './create-form.js';
import {
	buildDraftChanged,
	pullDraftChanged,
	runDraftChanged,
} from './image-dialogs.js';
import {collectionListed, sameJson} from './collections.js';
import {filterEdited} from './filter-prompt.js';
import {paletteEdited} from './palette.js';
import {updateDialog} from './dialog-slot.js';
import {statusShown} from './status.js';

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
 * largest first (age: oldest first), names and engines A to Z.
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
						: {key, descending: key !== 'name' && key !== 'engine'},
			},
		});
	};
}

/** Sorts the focused pane by engine, in a fleet; one engine has nothing to sort by and says so. */
export const engineSortChosen: Update = state =>
	state.fleet === undefined
		? statusShown(
				'one engine: there is no fleet to sort by engine',
				true,
			)(state)
		: sortChosen('engine')(state);

export const showAllToggled: Update = state =>
	withUi(state, {showAll: !state.ui.showAll});

/** The search prompt of a dialog that shows text. */
const viewerLineEdited: LineEditor = edit =>
	viewerChanged(viewer => viewerDraftEdited(viewer, edit));

/** How a line edit (typed text, a cursor move, a deletion) changes one kind of dialog's line. */
type LineEditor = (edit: LineEdit) => Update;

/**
 * What line edits change in each kind of dialog; undefined where there is no line. A new kind of
 * dialog has to say here whether it takes text; one that keeps a `TextField` edits it with
 * `lineEdited`, and so gets every key of the others.
 */
const lineEditors: Readonly<Record<Dialog['kind'], LineEditor | undefined>> = {
	filter: filterEdited,
	exec: edit =>
		updateDialog('exec', dialog => ({
			...dialog,
			draft: lineEdited(dialog.draft, edit),
		})),
	prune: edit =>
		updateDialog('prune', dialog =>
			dialog.isEditingLabel
				? {...dialog, label: textEdited(dialog.label, edit)}
				: dialog,
		),
	// A viewer's search prompt is edited as every viewer's, in lineChanged.
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
	'engine-choice': undefined,
	audit: undefined,
	'compose-down': undefined,
	'compose-output': undefined,
	'swarm-confirm': undefined,
	files: filesDraftChanged,
	processes: undefined,
	palette: paletteEdited,
};

/** The open prompt's line after an edit: the filter narrows the list as it changes. */
export function lineChanged(edit: LineEdit): Update {
	return state => {
		const {dialog} = state.ui;
		const editor =
			dialog === undefined
				? undefined
				: 'viewer' in dialog && dialog.viewer.draft !== undefined
					? viewerLineEdited
					: lineEditors[dialog.kind];
		return editor === undefined ? state : editor(edit)(state);
	};
}

/** Text typed into the open prompt at its cursor; keys arrive here one at a time or in a chunk. */
export function textTyped(text: string): Update {
	return lineChanged({insert: text});
}

/** Text pasted into the open prompt at its cursor (a bracketed paste: all of it text). */
export function textPasted(text: string): Update {
	return lineChanged({insert: text, isPasted: true});
}
