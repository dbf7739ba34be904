import {Text} from 'ink';
import type {ComposeOutputDialog} from '../../state/compose-state.js';
import {theme} from '../theme.js';
import {TextView} from '../viewer/text-view.js';
import {
	outputNotes,
	plainContent,
	viewerSize,
} from '../viewer/viewer-content.js';

type Props = {
	readonly dialog: ComposeOutputDialog;
	readonly width: number;
	readonly height: number;
};

/** What compose printed, in the text viewer: newest at the bottom while it runs; Esc stops it. */
export function ComposeOutput({dialog, width, height}: Props) {
	const {outcome, viewer} = dialog;
	return (
		<TextView
			title={dialog.title}
			width={width}
			height={height}
			viewer={viewer}
			content={plainContent(dialog.lines, {
				...viewerSize(width, height, 1),
				wrap: viewer.wrap,
			})}
			above={
				<Text color={theme.text.dim} wrap="truncate-end">
					$ {dialog.commandLine}
				</Text>
			}
			lead={
				outcome === undefined ? (
					<Text color={theme.pending}>running…</Text>
				) : (
					<Text color={outcome.ok ? theme.status.ok : theme.status.error}>
						{outcome.text}
					</Text>
				)
			}
			status={() => [
				...outputNotes(dialog.dropped, viewer),
				outcome === undefined ? 'Esc stops compose and closes' : 'Esc closes',
			]}
		/>
	);
}
