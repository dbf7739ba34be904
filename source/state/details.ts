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
import {textViewer, viewerAtTop, type TextViewer} from './text-viewer.js';
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
	/** Where the view is and the search: it opens at the top, wrapped. */
	readonly viewer: TextViewer;
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
				viewer: textViewer({isLog: false, follow: false, wrap: true}),
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

/** Summary to JSON and back; each starts at its top, the search kept. */
export const detailsViewToggled: Update = withDetails(dialog => ({
	...dialog,
	view: dialog.view === 'summary' ? 'json' : 'summary',
	viewer: viewerAtTop(dialog.viewer),
}));
