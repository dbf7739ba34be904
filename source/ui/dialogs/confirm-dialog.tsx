import {Box, Text} from 'ink';
import type {ConfirmDialog as Dialog, Target} from '../../state/app-state.js';
import {
	confirmedTargets,
	standingRefusal,
} from '../../state/removal-refusal.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {theme} from '../theme.js';

type Props = {
	readonly dialog: Dialog;
	readonly width: number;
	readonly height: number;
};

const titles: Readonly<Record<Dialog['action'], string>> = {
	kill: 'Kill',
	'remove-containers': 'Remove',
	'remove-images': 'Remove',
	'remove-volumes': 'Remove',
	'remove-networks': 'Remove',
};

const nouns: Readonly<Record<Dialog['action'], string>> = {
	kill: 'container',
	'remove-containers': 'container',
	'remove-images': 'image',
	'remove-volumes': 'volume',
	'remove-networks': 'network',
};

function describeTarget(dialog: Dialog, target: Target): string {
	if (
		dialog.action === 'remove-volumes' ||
		dialog.action === 'remove-networks'
	) {
		const how = dialog.action === 'remove-volumes' ? 'used by' : 'attached';
		return target.usedBy.length > 0
			? `${target.name}: ${how} ${target.usedBy.join(', ')}`
			: target.name;
	}

	if (dialog.action === 'remove-images') {
		if (target.otherTags.length > 0) {
			return `${target.name}: only this tag goes; the image stays as ${target.otherTags.join(', ')}`;
		}

		return target.usedBy.length > 0
			? `${target.name}: used by ${target.usedBy.join(', ')}`
			: target.name;
	}

	return target.state === undefined
		? target.name
		: `${target.name} (${target.state})`;
}

/** Names exactly what the action will touch; only `y` goes ahead. */
export function ConfirmDialog({dialog, width, height}: Props) {
	const noun = nouns[dialog.action];
	const count = dialog.targets.length;
	const {going} = confirmedTargets(dialog);
	const verb = dialog.action === 'kill' ? 'kill' : 'remove';
	const listRows = Math.max(1, height - 8);
	const shown = dialog.targets.slice(0, listRows);
	// The engine keeps a volume in use whatever the flags: force would only mislead.
	const canForce =
		dialog.action !== 'kill' && dialog.action !== 'remove-volumes';
	return (
		<DialogFrame
			title={`${titles[dialog.action]} ${count} ${noun}${count === 1 ? '' : 's'}?`}
			width={width}
			height={height}
		>
			<Box flexDirection="column" marginTop={1}>
				{shown.map(target => {
					const refusal = standingRefusal(dialog, target);
					return refusal === undefined ? (
						<Text key={target.id} wrap="truncate-end">
							{'  • '}
							{describeTarget(dialog, target)}
						</Text>
					) : (
						<Text key={target.id} wrap="truncate-end" color={theme.text.dim}>
							{'  ✗ '}
							{target.name} {refusal.reason}
						</Text>
					);
				})}
				{count > shown.length ? (
					<Text
						color={theme.text.dim}
					>{`  … and ${count - shown.length} more`}</Text>
				) : null}
			</Box>
			<Box flexGrow={1} />
			{canForce ? (
				<Text wrap="truncate-end">
					<Text color={theme.key}>f</Text> force: {dialog.force ? 'on' : 'off'}
					{dialog.action === 'remove-containers' ? (
						<>
							{'   '}
							<Text color={theme.key}>v</Text> also remove anonymous volumes:{' '}
							{dialog.volumes ? 'yes' : 'no'}
						</>
					) : null}
				</Text>
			) : null}
			<Text wrap="truncate-end">
				{going.length === 0 ? (
					`nothing here can be ${verb === 'kill' ? 'killed' : 'removed'}`
				) : (
					<>
						<Text color={theme.key}>y</Text> yes, {verb}
						{going.length < count ? ` ${going.length} of ${count}` : ''}
					</>
				)}
				{'   '}
				<Text color={theme.key}>n</Text>/<Text color={theme.key}>Esc</Text>{' '}
				cancel
			</Text>
		</DialogFrame>
	);
}
