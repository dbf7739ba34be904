import type {ImageSummary} from '../docker/docker-client.js';
import {shortId} from '../format/units.js';
import type {AppState, Sort} from './app-state.js';
import {memoizeLast} from './memo.js';
import {matchesFilter} from './text-filter.js';

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/**
 * One line of the Images pane, as `docker image ls` has them: one tag of an image, or a dangling
 * image (no tag). Marks, selection and `d` act on a row, so on exactly the tag it shows.
 */
export type ImageRow = {
	/** The row's id: see {@link imageRowId}. */
	readonly id: string;
	readonly image: ImageSummary;
	/** `repository:tag`; undefined for a dangling image. */
	readonly tag: string | undefined;
};

/** A tag row is known by its image id and tag; a dangling image's row by the image id alone. */
export function imageRowId(imageId: string, tag: string | undefined): string {
	return tag === undefined ? imageId : `${imageId} ${tag}`;
}

/** What a row names its image by: the tag, else the short id. */
export function imageReference(row: ImageRow): string {
	return row.tag ?? shortId(row.image.id);
}

/** Every row of the Images pane by id: a row per tag, one for each image without tags. */
export const imageRows = memoizeLast(
	(byId: ReadonlyMap<string, ImageSummary>): ReadonlyMap<string, ImageRow> => {
		const rows = new Map<string, ImageRow>();
		for (const image of byId.values()) {
			const tags = image.tags.length === 0 ? [undefined] : image.tags;
			for (const tag of tags) {
				const id = imageRowId(image.id, tag);
				rows.set(id, {id, image, tag});
			}
		}

		return rows;
	},
);

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

/**
 * The order of image rows for `sort`: by name (tag), by size or by age, largest (oldest) first
 * when descending; ties in the name order, so rows never swap.
 */
export function imageRowOrder(
	sort: Sort,
): (a: ImageRow, b: ImageRow) => number {
	const direction = sort.descending ? -1 : 1;
	switch (sort.key) {
		case 'size': {
			return (a, b) =>
				(a.image.size - b.image.size) * direction || compareImageRows(a, b);
		}

		case 'age': {
			// Older is a greater age: an earlier creation.
			return (a, b) =>
				(b.image.createdAt - a.image.createdAt) * direction ||
				compareImageRows(a, b);
		}

		case 'engine': {
			return (a, b) =>
				collator.compare(a.image.engine ?? '', b.image.engine ?? '') *
					direction || compareImageRows(a, b);
		}

		case 'name':
		case 'cpu':
		case 'memory': {
			return (a, b) => compareImageRows(a, b) * direction;
		}
	}
}

/** The Images pane's rows, one per tag, each matched against the filter by its own tag. */
const visibleImages = memoizeLast(
	(
		rows: ReadonlyMap<string, ImageRow>,
		filter: string,
		sort: Sort,
	): readonly string[] =>
		[...rows.values()]
			.filter(row =>
				matchesFilter(filter, [
					row.tag ?? '<none>:<none>',
					row.image.id.replace(/^sha256:/, ''),
					row.image.engine ?? '',
				]),
			)
			.sort(imageRowOrder(sort))
			.map(row => row.id),
);

/** The Images pane's rows, after its filter, in its order. */
export function shownImageRows(state: AppState): readonly string[] {
	return visibleImages(
		imageRows(state.images.byId),
		state.ui.filters.images,
		state.ui.sorts.images,
	);
}
