import {Text} from 'ink';
import type {SwarmConfirmDialog as Dialog} from '../../state/swarm-state.js';
import {theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';
import type {DialogProps} from '../components/dialog-frame.js';

type Props = DialogProps<Dialog>;

function question(dialog: Dialog): {title: string; verb: string} {
	const {action, name} = dialog;
	if (action.kind === 'remove-service') {
		return {title: `Remove service ${name}?`, verb: 'remove'};
	}

	return action.to === 'drain'
		? {title: `Drain node ${name}?`, verb: 'drain'}
		: {title: `Make node ${name} ${action.to}?`, verb: action.to};
}

/** A Swarm change, with what it does to running work; only `y` goes ahead. */
export function SwarmConfirmDialog({dialog, width, height}: Props) {
	const {title, verb} = question(dialog);
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
			below={[
				<Text key="yes" wrap="truncate-end">
					<Text color={theme.key}>y</Text> yes, {verb}
					{'   '}
					<Text color={theme.key}>n</Text>/<Text color={theme.key}>Esc</Text>{' '}
					cancel
				</Text>,
			]}
		/>
	);
}
