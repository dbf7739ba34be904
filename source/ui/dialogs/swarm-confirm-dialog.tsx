import {Text} from 'ink';
import type {SwarmConfirmDialog as Dialog} from '../../state/swarm-state.js';
import {ListingDialog} from './listing-dialog.js';
import type {DialogProps} from '../components/dialog-frame.js';
import {ChoiceRow} from '../components/choice-row.js';
import {swarmChoices} from '../dialog-choices.js';

type Props = DialogProps<Dialog>;

function question(dialog: Dialog): string {
	const {action, name} = dialog;
	if (action.kind === 'remove-service') {
		return `Remove service ${name}?`;
	}

	return action.to === 'drain'
		? `Drain node ${name}?`
		: `Make node ${name} ${action.to}?`;
}

/** A Swarm change, with what it does to running work; only `y` goes ahead. */
export function SwarmConfirmDialog({dialog, width, height}: Props) {
	const title = question(dialog);
	return (
		<ListingDialog
			title={title}
			width={width}
			height={height}
			view={dialog.list}
			total={dialog.details.length}
			renderItem={index => (
				<Text wrap="truncate-end">
					{'  • '}
					{dialog.details[index]}
				</Text>
			)}
			above={[<Text key="gap"> </Text>]}
			below={[<ChoiceRow key="yes" line={swarmChoices(dialog)} />]}
		/>
	);
}
