import type {TextDialog} from '../../state/text-dialog.js';
import {positionNote, TextView} from './text-view.js';
import {plainContent, viewerSize} from './viewer-content.js';

type Props = {
	readonly dialog: TextDialog;
	readonly width: number;
	readonly height: number;
};

/** Any text opened in the viewer (`textViewerOpened`): where it is from, and where the view is. */
export function TextDialogView({dialog, width, height}: Props) {
	return (
		<TextView
			title={dialog.title}
			width={width}
			height={height}
			viewer={dialog.viewer}
			content={plainContent(dialog.lines, {
				...viewerSize(width, height),
				wrap: dialog.viewer.wrap,
			})}
			status={(shown, window) => [
				dialog.source,
				...positionNote(shown, window),
			]}
		/>
	);
}
