import type {
	ContainerDetails,
	ImageDetails,
	ImageLayer,
	Inspected,
} from '../docker/inspect.js';
import {shortId} from '../format/units.js';
import type {AppState, Pane, Update} from './app-state.js';
import {eventsByKey} from './events.js';
import {imageReference, imageRows} from './image-rows.js';
import type {
	NetworkDetails,
	VolumeDetails,
} from '../docker/volumes-networks.js';
import {volumeName} from './volumes-networks.js';
import {categoryOfRow} from './system-view.js';

/**
 * What the engine told about one object, by kind. A new kind of object gets its case here, a
 * loader in `runtime/details-loader.ts`, a renderer in `ui/format/details-lines.ts` and, for the
 * panes that list it, an entry in {@link paneTargets}; the compiler asks for each.
 */
export type DetailsPayload =
	| {
			readonly kind: 'container';
			readonly inspected: Inspected<ContainerDetails>;
	  }
	| {
			readonly kind: 'image';
			readonly inspected: Inspected<ImageDetails>;
			readonly history: readonly ImageLayer[];
	  }
	| {
			readonly kind: 'volume';
			readonly inspected: Inspected<VolumeDetails>;
			/** Containers that mount it, running or not, by name. */
			readonly usedBy: readonly string[];
	  }
	| {
			readonly kind: 'network';
			readonly inspected: Inspected<NetworkDetails>;
			/** Containers attached to it, running or not, by name. */
			readonly attached: readonly string[];
	  };

export type DetailsKind = DetailsPayload['kind'];

/** The object a details dialog is about. */
export type DetailsTarget = {
	readonly kind: DetailsKind;
	/** What the engine looks it up by. */
	readonly id: string;
	/** How the user knows it, for the title. */
	readonly name: string;
};

export type DetailsContent =
	| {readonly status: 'loading'}
	| {readonly status: 'failed'; readonly error: string}
	| {readonly status: 'loaded'; readonly payload: DetailsPayload};

/** The details (`i`, Enter) of one object: a readable summary, or the whole inspect JSON. */
export type DetailsDialog = {
	readonly kind: 'details';
	readonly target: DetailsTarget;
	readonly content: DetailsContent;
	readonly view: 'summary' | 'json';
	/** Index of the first line shown. */
	readonly scroll: number;
	readonly wrap: boolean;
	/** The search in force: its matches are highlighted, `n`/`N` jump between them. */
	readonly query: string;
	/** The search being typed; undefined while the prompt is closed. */
	readonly draft: string | undefined;
	/** The line `n`/`N` (or Enter) last jumped to. */
	readonly match: number | undefined;
	/** Rows and columns of text the view had when last drawn: paging and the last page depend on them. */
	readonly viewport: {readonly rows: number; readonly columns: number};
};

type TargetOf = (state: AppState, id: string) => DetailsTarget | undefined;

const containerTarget: TargetOf = (state, id) => {
	const container = state.containers.byId.get(id);
	return container && {kind: 'container', id, name: container.name};
};

const imageTarget: TargetOf = (state, id) => {
	const image = state.images.byId.get(id);
	return image && {kind: 'image', id, name: image.tags[0] ?? shortId(id)};
};

/** An Images pane row's details are its image's, named by the row's tag. */
const imageRowTarget: TargetOf = (state, rowId) => {
	const row = imageRows(state.images.byId).get(rowId);
	return row && {kind: 'image', id: row.image.id, name: imageReference(row)};
};

const volumeTarget: TargetOf = (state, name) => {
	const volume = state.volumes.byId.get(name);
	return volume && {kind: 'volume', id: name, name: volumeName(volume)};
};

const networkTarget: TargetOf = (state, id) => {
	const network = state.networks.byId.get(id);
	return network && {kind: 'network', id, name: network.name};
};

/** The event types whose objects have details: those named like a {@link DetailsKind}. */
const eventKinds: ReadonlySet<string> = new Set<DetailsKind>([
	'container',
	'image',
	'volume',
	'network',
]);

function isDetailsKind(type: string): type is DetailsKind {
	return eventKinds.has(type);
}

/** An event's details are its object's (a volume's and a network's id is what the engine looks them up by). */
const eventTarget: TargetOf = (state, key) => {
	const event = eventsByKey(state.events.items).get(key);
	return event !== undefined && isDetailsKind(event.type)
		? {kind: event.type, id: event.id, name: event.name}
		: undefined;
};

/** A disk usage row's details are its item's: an image, a container or a volume; build cache has none. */
const systemTarget: TargetOf = (state, rowId) => {
	const category = categoryOfRow(rowId);
	const id = rowId.slice((category?.length ?? 0) + 1);
	return category === 'images'
		? imageTarget(state, id)
		: category === 'containers'
			? containerTarget(state, id)
			: category === 'volumes'
				? volumeTarget(state, id)
				: undefined;
};

/** What `i` on each pane's selected row shows the details of; a pane without an entry has none. */
const paneTargets: Partial<Record<Pane, TargetOf>> = {
	containers: containerTarget,
	resources: containerTarget,
	images: imageRowTarget,
	events: eventTarget,
	volumes: volumeTarget,
	networks: networkTarget,
	system: systemTarget,
};

/** The object whose details `i` would show: the focused pane's selected row's. */
export function detailsTargetOf(state: AppState): DetailsTarget | undefined {
	const pane = state.ui.focus;
	const id = state.ui.selection[pane];
	return id === undefined ? undefined : paneTargets[pane]?.(state, id);
}

function isSameTarget(a: DetailsTarget, b: DetailsTarget): boolean {
	return a.kind === b.kind && a.id === b.id;
}

function withDetails(change: (dialog: DetailsDialog) => DetailsDialog): Update {
	return state => {
		const {dialog} = state.ui;
		return dialog?.kind === 'details'
			? {...state, ui: {...state.ui, dialog: change(dialog)}}
			: state;
	};
}

/** Opens the details of `target`, loading. */
export function detailsOpened(target: DetailsTarget): Update {
	return state => ({
		...state,
		ui: {
			...state.ui,
			dialog: {
				kind: 'details',
				target,
				content: {status: 'loading'},
				view: 'summary',
				scroll: 0,
				wrap: true,
				query: '',
				draft: undefined,
				match: undefined,
				viewport: {rows: 0, columns: 0},
			},
		},
	});
}

/** The engine answered (or failed to) about `target`; an answer about another object is dropped. */
export function detailsLoaded(
	target: DetailsTarget,
	content: DetailsContent,
): Update {
	return withDetails(dialog =>
		isSameTarget(dialog.target, target) ? {...dialog, content} : dialog,
	);
}

/** Summary to JSON and back; each starts at its top. */
export const detailsViewToggled: Update = withDetails(dialog => ({
	...dialog,
	view: dialog.view === 'summary' ? 'json' : 'summary',
	scroll: 0,
	match: undefined,
}));

export const detailsWrapToggled: Update = withDetails(dialog => ({
	...dialog,
	wrap: !dialog.wrap,
}));

/** The first line shown is now `scroll` (the caller keeps it within the lines). */
export function detailsScrolled(scroll: number): Update {
	return withDetails(dialog =>
		dialog.scroll === scroll ? dialog : {...dialog, scroll},
	);
}

/** The view was drawn this size. */
export function detailsViewportChanged(rows: number, columns: number): Update {
	return withDetails(dialog =>
		dialog.viewport.rows === rows && dialog.viewport.columns === columns
			? dialog
			: {...dialog, viewport: {rows, columns}},
	);
}

/** `/`: the prompt opens empty; the search in force stays highlighted until another is entered. */
export const detailsSearchOpened: Update = withDetails(dialog => ({
	...dialog,
	draft: '',
}));

/** Typing in the search prompt. */
export function detailsDraftChanged(change: (draft: string) => string): Update {
	return withDetails(dialog =>
		dialog.draft === undefined
			? dialog
			: {...dialog, draft: change(dialog.draft)},
	);
}

/** Esc in the prompt: the search stays as it was. */
export const detailsSearchCancelled: Update = withDetails(dialog => ({
	...dialog,
	draft: undefined,
}));

/**
 * Enter in the prompt: the draft (empty: the search in force again) becomes the search, and the
 * view moves to `scroll` to show `match`, the first matching line from the top (undefined: none
 * matches, the view stays).
 */
export function detailsSearched(
	match: number | undefined,
	scroll: number,
): Update {
	return withDetails(dialog => ({
		...dialog,
		query: dialog.draft === '' ? dialog.query : (dialog.draft ?? dialog.query),
		draft: undefined,
		match,
		scroll: match === undefined ? dialog.scroll : scroll,
	}));
}

/** `n`/`N` found the match on line `match`; the view moves to `scroll` to show it. */
export function detailsMatchJumped(match: number, scroll: number): Update {
	return withDetails(dialog => ({...dialog, match, scroll}));
}
