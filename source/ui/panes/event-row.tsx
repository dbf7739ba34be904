import {Text} from 'ink';
import {memo, useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {eventsByKey, isAlarming} from '../../state/events.js';
import {formatLine} from '../format/columns.js';
import {eventCells, type EventColumn} from '../format/event-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {rowColors, theme} from '../theme.js';
import type {RowProps} from './list-pane.js';

/** One event; a non-zero exit or an OOM kill in the error colour, selected or not. */
export const EventRow = memo(function EventRow({
	id,
	columns,
	isSelected,
	isFocused,
}: RowProps<EventColumn>) {
	const event = useAppState(
		useCallback(
			(state: AppState) => eventsByKey(state.events.items).get(id),
			[id],
		),
	);
	if (event === undefined) {
		return null;
	}

	const cells = eventCells(event);
	const colors = rowColors(isSelected, isFocused);
	return (
		<Text
			wrap="truncate-end"
			{...colors}
			{...(isAlarming(event) ? {color: theme.status.error, bold: true} : {})}
		>
			{formatLine(columns, column => cells[column.key])}
		</Text>
	);
});
