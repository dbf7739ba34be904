import {Text} from 'ink';
import {useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import {projectsOf} from '../../state/compose-projects.js';
import type {ComposeDownDialog as Dialog} from '../../state/compose-state.js';
import {plural} from '../../format/units.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';
import type {DialogProps} from '../components/dialog-frame.js';
import {ChoiceRow} from '../components/choice-row.js';
import {composeDownChoices} from '../dialog-choices.js';

type Props = DialogProps<Dialog>;

const noNames: readonly string[] = [];
const selectContainers = (state: AppState) => state.containers.byId;

/** Names every container `compose down` stops and removes; `v` adds the volumes, only `y` goes ahead. */
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
	return (
		<ListingDialog
			title={`compose down ${dialog.projectId}?`}
			width={width}
			height={height}
			view={dialog.list}
			total={containers.length}
			renderItem={index => (
				<Text wrap="truncate-end">
					{'  • '}
					{containers[index]}
				</Text>
			)}
			above={[
				<Text key="what" wrap="truncate-end" color={theme.text.dim}>
					{containers.length === 0
						? 'it has no containers; compose removes what else it made for it'
						: `stops and removes its ${plural(containers.length, 'container')} and the networks compose made for it:`}
				</Text>,
			]}
			below={[
				<Text key="volumes" wrap="truncate-end">
					<Text color={theme.key}>v</Text> also remove its volumes (named and
					anonymous, with their data):{' '}
					<Text bold {...(dialog.volumes ? {color: theme.status.error} : {})}>
						{dialog.volumes ? 'YES' : 'no'}
					</Text>
				</Text>,
				<ChoiceRow key="yes" line={composeDownChoices(dialog)} />,
			]}
		/>
	);
}
