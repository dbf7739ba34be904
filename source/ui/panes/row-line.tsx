import {Text} from 'ink';
import {Fragment} from 'react';
import {fit} from '../format/cells.js';
import {columnGap, formatLine, type SizedColumn} from '../format/columns.js';
import {rowColors} from '../theme.js';

type Props<K extends string> = {
	readonly columns: readonly SizedColumn<K>[];
	readonly cells: Readonly<Record<K, string>>;
	readonly isSelected: boolean;
	readonly isFocused: boolean;
	/** The row's own colour; the selection's colours win over it. */
	readonly color?: string | undefined;
	readonly bold?: boolean;
	/**
	 * Colours of the first columns (glyphs, drawn bold), kept on the selected row too: they are what
	 * the eye looks for.
	 */
	readonly leadColors?: readonly string[];
};

const gap = ' '.repeat(columnGap);

/** One list row of cells. */
export function RowLine<K extends string>({
	columns,
	cells,
	isSelected,
	isFocused,
	color,
	bold,
	leadColors = [],
}: Props<K>) {
	return (
		<Text
			wrap="truncate-end"
			{...(bold === undefined ? {} : {bold})}
			{...(color === undefined ? {} : {color})}
			{...rowColors(isSelected, isFocused)}
		>
			{leadColors.map((leadColor, index) => {
				const column = columns[index];
				return (
					<Fragment key={index}>
						<Text bold color={leadColor}>
							{column ? fit(cells[column.key], column.size) : ''}
						</Text>
						{gap}
					</Fragment>
				);
			})}
			{formatLine(
				columns.slice(leadColors.length),
				column => cells[column.key],
			)}
		</Text>
	);
}
