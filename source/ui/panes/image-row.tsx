import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {imageUsage} from '../../state/selectors.js';
import {imageCells, type ImageColumn} from '../format/rows.js';
import {useAppState, useClock} from '../hooks/use-app-state.js';
import {useRowDecoration} from '../hooks/use-row-state.js';
import {theme} from '../theme.js';
import type {RowProps} from './list-pane.js';
import {RowLine} from './row-line.js';

/** One image line, with how many containers use the image. */
export const ImageRow = memo(function ImageRow({
	id,
	...row
}: RowProps<ImageColumn>) {
	const image = useAppState(
		useCallback((state: AppState) => state.images.byId.get(id), [id]),
	);
	const usedBy = useAppState(
		useCallback(
			(state: AppState) => imageUsage(state.containers.byId).get(id) ?? 0,
			[id],
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
			cells={imageCells(image, usedBy, now, decoration)}
			color={image.tags.length === 0 ? theme.text.dim : undefined}
		/>
	);
});
