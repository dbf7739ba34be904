import {Box, Text} from 'ink';
import type {ComposeOutputDialog} from '../../state/compose-state.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {theme} from '../theme.js';

type Props = {
	readonly dialog: ComposeOutputDialog;
	readonly width: number;
	readonly height: number;
};

/** Rows of the output dialog that are not output: the frame, title, command and foot. */
export const composeOutputChromeRows = 5;

/** What compose printed, newest at the bottom while it runs; Esc stops it. */
export function ComposeOutput({dialog, width, height}: Props) {
	const rows = Math.max(1, height - composeOutputChromeRows);
	const last = dialog.scroll ?? dialog.lines.length - 1;
	const end = Math.max(last + 1, Math.min(rows, dialog.lines.length));
	const first = Math.max(0, end - rows);
	const shown = dialog.lines.slice(first, end);
	const {outcome} = dialog;
	return (
		<DialogFrame title={dialog.title} width={width} height={height}>
			<Text color={theme.text.dim} wrap="truncate-end">
				$ {dialog.commandLine}
			</Text>
			<Box flexDirection="column" height={rows}>
				{shown.map((line, index) => (
					// A line's number since the run began is its identity.
					<Text key={dialog.dropped + first + index} wrap="truncate-end">
						{line}
					</Text>
				))}
			</Box>
			<Text wrap="truncate-end">
				{outcome === undefined ? (
					<Text color={theme.pending}>running… </Text>
				) : (
					<Text color={outcome.ok ? theme.status.ok : theme.status.error}>
						{outcome.text}{' '}
					</Text>
				)}
				<Text color={theme.text.dim}>
					{dialog.dropped > 0 ? `(${dialog.dropped} older lines dropped) ` : ''}
					{dialog.scroll === undefined ? '' : 'scrolled back (G follows) '}· j/k
					scroll · Esc{' '}
					{outcome === undefined ? 'stops compose and closes' : 'closes'}
				</Text>
			</Text>
		</DialogFrame>
	);
}
