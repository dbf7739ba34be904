import {Box, Text} from 'ink';
import {useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {projectsOf} from '../../state/compose-projects.js';
import type {ComposeDownDialog as Dialog} from '../../state/compose-state.js';
import {plural} from '../../format/units.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';

type Props = {
	readonly dialog: Dialog;
	readonly width: number;
	readonly height: number;
};

const noNames: readonly string[] = [];
const selectContainers = (state: AppState) => state.containers.byId;

/** Names what `compose down` stops and removes; `v` adds the volumes, only `y` goes ahead. */
export function ComposeDownDialog({dialog, width, height}: Props) {
	const project = useAppState(
		useCallback(
			(state: AppState) => projectsOf(state).get(dialog.projectId),
			[dialog.projectId],
		),
	);
	const byId = useAppState(selectContainers);
	const containers =
		project?.containerIds.map(id => byId.get(id)?.name ?? id) ?? noNames;
	const listRows = Math.max(1, height - 9);
	const shown = containers.slice(0, listRows);
	return (
		<DialogFrame
			title={`compose down ${dialog.projectId}?`}
			width={width}
			height={height}
		>
			<Text wrap="truncate-end" color={theme.text.dim}>
				{containers.length === 0
					? 'it has no containers; compose removes what else it made for it'
					: `stops and removes its ${plural(containers.length, 'container')} and the networks compose made for it:`}
			</Text>
			<Box flexDirection="column">
				{shown.map(name => (
					<Text key={name} wrap="truncate-end">
						{'  • '}
						{name}
					</Text>
				))}
				{containers.length > shown.length ? (
					<Text color={theme.text.dim}>
						{`  … and ${containers.length - shown.length} more`}
					</Text>
				) : null}
			</Box>
			<Box flexGrow={1} />
			<Text wrap="truncate-end">
				<Text color={theme.key}>v</Text> also remove its volumes (named and
				anonymous, with their data):{' '}
				<Text bold {...(dialog.volumes ? {color: theme.status.error} : {})}>
					{dialog.volumes ? 'YES' : 'no'}
				</Text>
			</Text>
			<Text wrap="truncate-end">
				<Text color={theme.key}>y</Text> yes, down
				{dialog.volumes ? ' with volumes' : ''}
				{'   '}
				<Text color={theme.key}>n</Text>/<Text color={theme.key}>Esc</Text>{' '}
				cancel
			</Text>
		</DialogFrame>
	);
}
