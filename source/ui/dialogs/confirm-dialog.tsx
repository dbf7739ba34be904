import {Text} from 'ink';
import {plural} from '../../format/units.js';
import {standingRefusal} from '../../state/removal-refusal.js';
import {theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';
import type {DialogProps} from '../components/dialog-frame.js';
import type {
	ConfirmDialog as Dialog,
	Target,
} from '../../state/confirmation.js';
import {ChoiceRow} from '../components/choice-row.js';
import {confirmChoices} from '../dialog-choices.js';

type Props = DialogProps<Dialog>;

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
			return `untag ${target.name}; the image stays with its other ${target.otherTags.length === 1 ? 'tag' : 'tags'} (${target.otherTags.join(', ')})`;
		}

		const name =
			(target.tags?.length ?? 0) > 1
				? `${target.name} (every tag: the image goes)`
				: target.name;
		return target.usedBy.length > 0
			? `${name}: used by ${target.usedBy.join(', ')}`
			: name;
	}

	return target.state === undefined
		? target.name
		: `${target.name} (${target.state})`;
}

/** `2 containers`; an image removal counts the tags that go from images that stay apart. */
function countText(dialog: Dialog): string {
	if (dialog.action !== 'remove-images') {
		return plural(dialog.targets.length, nouns[dialog.action]);
	}

	const untags = dialog.targets.filter(target => target.otherTags.length > 0);
	const images = dialog.targets.length - untags.length;
	const tags = untags.reduce(
		(sum, target) => sum + (target.tags?.length ?? 0),
		0,
	);
	return [
		tags > 0 ? plural(tags, 'tag') : '',
		images > 0 || tags === 0 ? plural(images, 'image') : '',
	]
		.filter(Boolean)
		.join(' and ');
}

/** Names exactly what the action will touch, every item of it; only `y` goes ahead, and only where the engine would agree. */
export function ConfirmDialog({dialog, width, height}: Props) {
	const count = dialog.targets.length;
	// Force is offered only where it changes what goes (a running container, an image or a network
	// only stopped containers use): against a volume in use or the engine's own networks it would
	// only mislead. Removing containers always shows the line, for its `v`.
	const canForce =
		dialog.action === 'remove-containers' ||
		[...dialog.refusals.values()].some(refusal => refusal.forcible);
	return (
		<ListingDialog
			title={`${titles[dialog.action]} ${countText(dialog)}?`}
			width={width}
			height={height}
			view={dialog.list}
			total={count}
			renderItem={index => {
				const target = dialog.targets[index];
				if (target === undefined) {
					return null;
				}

				const refusal = standingRefusal(dialog, target);
				return refusal === undefined ? (
					<Text wrap="truncate-end">
						{'  • '}
						{describeTarget(dialog, target)}
					</Text>
				) : (
					<Text wrap="truncate-end" color={theme.text.dim}>
						{'  ✗ '}
						{target.name} {refusal.reason}
					</Text>
				);
			}}
			above={[<Text key="gap"> </Text>]}
			below={[
				...(canForce
					? [
							<Text key="force" wrap="truncate-end">
								<Text color={theme.key}>f</Text> force:{' '}
								{dialog.force ? 'on' : 'off'}
								{dialog.action === 'remove-containers' ? (
									<>
										{'   '}
										<Text color={theme.key}>v</Text> also remove anonymous
										volumes: {dialog.volumes ? 'yes' : 'no'}
									</>
								) : null}
							</Text>,
						]
					: []),
				<ChoiceRow key="yes" line={confirmChoices(dialog)} />,
			]}
		/>
	);
}
