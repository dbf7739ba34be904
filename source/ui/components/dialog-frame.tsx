import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {theme} from '../theme.js';

/** What main-screen gives a dialog: its state and the room it is drawn in. */
export type DialogProps<D> = {
	readonly dialog: D;
	readonly width: number;
	readonly height: number;
};

type Props = {
	readonly title: string;
	readonly width: number;
	readonly height: number;
	readonly children: ReactNode;
};

/** The frame every dialog is drawn in: the body area, a focused border and a bold title. */
export function DialogFrame({title, width, height, children}: Props) {
	return (
		<Box
			flexDirection="column"
			height={height}
			width={width}
			borderStyle="round"
			borderColor={theme.border.focused}
			paddingX={1}
			overflow="hidden"
		>
			<Text bold color={theme.text.title} wrap="truncate-end">
				{title}
			</Text>
			{children}
		</Box>
	);
}
