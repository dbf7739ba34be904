import {Text} from 'ink';
import type {DetailsDialog as Dialog} from '../../state/details.js';
import {detailsContent} from '../format/details-view.js';
import {useClock} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';
import {positionNote, TextView} from '../viewer/text-view.js';
import {viewerSize} from '../viewer/viewer-content.js';

type Props = {
	readonly dialog: Dialog;
	readonly width: number;
	readonly height: number;
};

function capitalised(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The details of one object in the text viewer: a readable summary or the whole inspect JSON,
 * wrapped or cut at the edge.
 */
export function DetailsDialog({dialog, width, height}: Props) {
	const now = useClock();
	const content = detailsContent(dialog, now, {
		...viewerSize(width, height),
		wrap: dialog.viewer.wrap,
	});
	const {target} = dialog;
	return (
		<TextView
			title={`${capitalised(target.kind)} ${target.name} · ${dialog.view === 'summary' ? 'summary (Tab: JSON)' : 'inspect JSON (Tab: summary)'}`}
			width={width}
			height={height}
			viewer={dialog.viewer}
			content={content}
			status={positionNote}
			placeholder={
				dialog.content.status === 'loading' ? (
					<Text color={theme.text.dim}>loading…</Text>
				) : dialog.content.status === 'failed' ? (
					<Text color={theme.status.error} wrap="wrap">
						{dialog.content.error}
					</Text>
				) : null
			}
		/>
	);
}
