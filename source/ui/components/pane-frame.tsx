import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {cellWidth, prefixWithin} from '../format/cells.js';
import {theme} from '../theme.js';

type Props = {
	readonly title: string;
	/** Shown after the title, e.g. counts and the filter. */
	readonly detail?: string;
	/** Shown between the title and the detail, in the colour of trouble (`stale`). */
	readonly warning?: string;
	readonly isFocused: boolean;
	readonly width: number;
	readonly height: number;
	readonly children: ReactNode;
};

function clip(text: string, size: number): string {
	return prefixWithin(text, Math.max(0, size)).text;
}

/**
 * A rounded frame with the title set into its top edge (`╭─ Containers 3/5 ───╮`). Ink's borders
 * cannot carry text, so the top edge is drawn here and the box below it has no top border.
 */
export function PaneFrame({
	title,
	detail = '',
	warning = '',
	isFocused,
	width,
	height,
	children,
}: Props) {
	const color = isFocused ? theme.border.focused : theme.border.idle;
	const name = clip(title, width - 6);
	const alert = clip(
		warning === '' ? '' : ` ${warning}`,
		width - 6 - cellWidth(name),
	);
	const extra = clip(
		detail === '' ? '' : ` ${detail}`,
		width - 6 - cellWidth(name) - cellWidth(alert),
	);
	const fill = Math.max(
		0,
		width - 5 - cellWidth(name) - cellWidth(alert) - cellWidth(extra),
	);
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text wrap="truncate-end">
				<Text color={color}>╭─ </Text>
				<Text bold {...(isFocused ? {color: theme.text.title} : {})}>
					{name}
				</Text>
				<Text color={theme.connection.down}>{alert}</Text>
				<Text color={theme.text.dim}>{extra}</Text>
				<Text color={color}>{` ${'─'.repeat(fill)}╮`}</Text>
			</Text>
			<Box
				flexDirection="column"
				flexGrow={1}
				borderStyle="round"
				borderTop={false}
				borderColor={color}
				paddingX={1}
				overflow="hidden"
			>
				{children}
			</Box>
		</Box>
	);
}
