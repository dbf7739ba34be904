import {Text} from 'ink';
import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {imageUsage} from '../../state/selectors.js';
import {formatLine, type SizedColumn} from '../format/columns.js';
import {imageCells, type ImageColumn} from '../format/rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {rowColors, theme} from '../theme.js';

type Props = {
	readonly id: string;
	readonly columns: readonly SizedColumn<ImageColumn>[];
	readonly isSelected: boolean;
	readonly isFocused: boolean;
};

const selectClock = (state: AppState): number => state.clock;

/** One image line, with how many containers use the image. */
export const ImageRow = memo(function ImageRow({
	id,
	columns,
	isSelected,
	isFocused,
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
	const isMarked = useAppState(
		useCallback((state: AppState) => state.marks.has(id), [id]),
	);
	const pending = useAppState(
		useCallback((state: AppState) => state.pending.get(id), [id]),
	);
	if (image === undefined) {
		return null;
	}

	const cells = imageCells(image, usedBy, now, {isMarked, pending});
	return (
		<Text
			wrap="truncate-end"
			{...(image.tags.length === 0 ? {color: theme.text.dim} : {})}
			{...rowColors(isSelected, isFocused)}
		>
			{formatLine(columns, column => cells[column.key])}
		</Text>
	);
});
