import type {ImageSummary} from '../docker/docker-client.js';
import {shortId} from '../format/units.js';
import {memoizeLast} from './memo.js';

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
