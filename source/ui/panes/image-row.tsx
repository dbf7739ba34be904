import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {imageRows} from '../../state/image-rows.js';
import {imageCells, type ImageColumn} from '../format/rows.js';
import {useAppState, useClock} from '../hooks/use-app-state.js';
import {useRowDecoration} from '../hooks/use-row-state.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';
import {imageUsage} from '../../state/container-rows.js';

/** One tag of an image (or a dangling image), with how many containers use the image. */
export const ImageRow = memo(function ImageRow({
	id,
	...row
}: RowProps<ImageColumn>) {
	const image = useAppState(
		useCallback(
			(state: AppState) => imageRows(state.images.byId).get(id),
			[id],
		),
	);
	const imageId = image?.image.id;
	const usedBy = useAppState(
		useCallback(
			(state: AppState) =>
				imageId === undefined
					? 0
					: (imageUsage(state.containers.byId).get(imageId) ?? 0),
			[imageId],
		),
	);
	const now = useClock();
	const decoration = useRowDecoration(id);
	if (image === undefined) {
		return null;
	}

	return (
		<RowLine
			{...row}
			cells={imageCells(
				image,
				usedBy,
				now,
				decoration,
				row.columns.find(column => column.key === 'tag')?.size,
			)}
			// Dangling, or on an engine out of reach.
			color={
				image.tag === undefined || image.image.stale === true
					? theme.text.dim
					: undefined
			}
		/>
	);
});
