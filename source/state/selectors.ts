import type {
	ContainerState,
	ContainerSummary,
	ImageSummary,
} from '../docker/docker-client.js';
import type {AppState, Pane} from './app-state.js';
import type {Scope} from '../keymap/bindings.js';
import {memoizeLast} from './memo.js';

const stateRank: Readonly<Record<ContainerState, number>> = {
	running: 0,
	restarting: 0,
	paused: 0,
	removing: 1,
	created: 1,
	exited: 1,
	dead: 1,
};

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** Live containers first, then by name: a stable order that only changes when a container does. */
function compareContainers(a: ContainerSummary, b: ContainerSummary): number {
	return (
		stateRank[a.state] - stateRank[b.state] ||
		collator.compare(a.name, b.name) ||
		a.id.localeCompare(b.id)
	);
}

/** Tagged images by name, dangling ones last and newest first. */
function compareImages(a: ImageSummary, b: ImageSummary): number {
	const tagA = a.tags[0];
	const tagB = b.tags[0];
	if (tagA === undefined || tagB === undefined) {
		return (
			(tagA === undefined ? 1 : 0) - (tagB === undefined ? 1 : 0) ||
			b.createdAt - a.createdAt ||
			a.id.localeCompare(b.id)
		);
	}

	return collator.compare(tagA, tagB) || a.id.localeCompare(b.id);
}

/** Case-insensitive substring match of `filter` against any of `fields`. */
export function matchesFilter(
	filter: string,
	fields: readonly string[],
): boolean {
	const needle = filter.trim().toLowerCase();
	return (
		needle === '' || fields.some(field => field.toLowerCase().includes(needle))
	);
}

const visibleContainers = memoizeLast(
	(
		byId: ReadonlyMap<string, ContainerSummary>,
		showAll: boolean,
		filter: string,
	): readonly string[] =>
		[...byId.values()]
			.filter(
				container =>
					(showAll ||
						(container.state !== 'exited' &&
							container.state !== 'created' &&
							container.state !== 'dead')) &&
					matchesFilter(filter, [
						container.name,
						container.image,
						container.id,
					]),
			)
			.sort(compareContainers)
			.map(container => container.id),
);

const visibleImages = memoizeLast(
	(
		byId: ReadonlyMap<string, ImageSummary>,
		filter: string,
	): readonly string[] =>
		[...byId.values()]
			.filter(image =>
				matchesFilter(filter, [
					...image.tags,
					image.id.replace(/^sha256:/, ''),
				]),
			)
			.sort(compareImages)
			.map(image => image.id),
);

/** The ids a pane lists, in display order, after its filter. */
export function visibleIds(state: AppState, pane: Pane): readonly string[] {
	return pane === 'containers'
		? visibleContainers(
				state.containers.byId,
				state.ui.showAll,
				state.ui.filters.containers,
			)
		: visibleImages(state.images.byId, state.ui.filters.images);
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
	if (dialog !== undefined) {
		return dialogScopes[dialog.kind];
	}

	return paneScopes[focus];
}

const dialogScopes: Readonly<
	Record<NonNullable<AppState['ui']['dialog']>['kind'], readonly Scope[]>
> = {
	help: ['help'],
	filter: ['filter'],
};

const paneScopes: Readonly<Record<Pane, readonly Scope[]>> = {
	containers: ['containers', 'list', 'global'],
	images: ['images', 'list', 'global'],
};
