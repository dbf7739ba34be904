import {Text} from 'ink';
import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {imageUsage} from '../../state/selectors.js';
import {fit, type SizedColumn} from '../format/columns.js';
import {imageCells, type ImageColumn} from '../format/rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';

type Props = {
	readonly id: string;
	readonly columns: readonly SizedColumn<ImageColumn>[];
	readonly isSelected: boolean;
};

const selectClock = (state: AppState): number => state.clock;

/** One image line, with how many containers use the image. */
export const ImageRow = memo(function ImageRow({
	id,
	columns,
	isSelected,
}: Props) {
	const image = useAppState(
		useCallback((state: AppState) => state.images.byId.get(id), [id]),
	);
	const usedBy = useAppState(
		useCallback(
			(state: AppState) => imageUsage(state.containers.byId).get(id) ?? 0,
			[id],
		),
	);
	const now = useAppState(selectClock);
	if (image === undefined) {
		return null;
	}

	const cells = imageCells(image, usedBy, now);
	return (
		<Text
			wrap="truncate-end"
			{...(isSelected
				? {
						backgroundColor: theme.selection.background,
						color: theme.selection.text,
					}
				: {})}
			{...(image.tags.length === 0 && !isSelected
				? {color: theme.text.dim}
				: {})}
		>
			{columns
				.map(column => fit(cells[column.key], column.size, column.align))
				.join(' ')}
		</Text>
	);
});
