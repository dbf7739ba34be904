import {Text} from 'ink';
import {plural} from '../../format/units.js';
import type {AppState} from '../../state/app-state.js';
import type {LogEntry} from '../../state/log-lines.js';
import type {LogsDialog} from '../../state/logs-dialog.js';
import {logsContent} from '../format/log-rows.js';
import {taskNames} from '../format/swarm-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';
import {TextView} from '../viewer/text-view.js';
import {viewerSize} from '../viewer/viewer-content.js';

/** A service's tasks by id, for the name column of its log. */
export const selectTaskNames = (state: AppState) =>
	taskNames(state.swarm.tasks, state.swarm.services.byId);

type Props = {
	readonly dialog: LogsDialog;
	readonly width: number;
	readonly height: number;
};

/** Once every stream has ended nothing more can come. */
function isOver(dialog: LogsDialog): boolean {
	return dialog.ended.size >= dialog.sources.length;
}

/** What the view shows: whether it follows, how many lines, what ended. */
function statusParts(dialog: LogsDialog, shown: readonly LogEntry[]): string[] {
	const parts = [
		// "following" once every stream has ended would be a promise not kept.
		isOver(dialog)
			? 'stopped'
			: dialog.viewer.follow
				? 'following'
				: 'paused (f or G follows)',
		dialog.viewer.filter
			? `${shown.length} of ${plural(dialog.lines.length, 'line')}`
			: plural(dialog.lines.length, 'line'),
	];
	if (dialog.dropped > 0) {
		parts.push(`${dialog.dropped} older dropped`);
	}

	for (const [source, error] of dialog.ended) {
		const name =
			dialog.sources.length > 1
				? `${dialog.sources[source]?.name ?? '?'} `
				: '';
		parts.push(
			error === undefined
				? `${name}stream ended`
				: `${name}stream failed: ${error}`,
		);
	}

	return parts;
}

/**
 * Container logs, full screen, in the text viewer: the newest lines at the bottom while
 * following, a paused view stays put while lines come.
 */
export function ContainerLogs({dialog, width, height}: Props) {
	const tasks = useAppState(selectTaskNames);
	const content = logsContent(dialog, tasks, {
		...viewerSize(width, height),
		wrap: dialog.viewer.wrap,
	});
	return (
		<TextView
			title={`Logs · ${dialog.title}`}
			width={width}
			height={height}
			viewer={dialog.viewer}
			content={content}
			status={shown => statusParts(dialog, shown)}
			placeholder={
				<Text color={theme.text.dim}>
					{isOver(dialog) ? 'no output' : 'waiting for output…'}
				</Text>
			}
		/>
	);
}
