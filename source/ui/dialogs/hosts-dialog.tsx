import {Text} from 'ink';
import type {HostChoice} from '../../docker/host-choices.js';
import type {HostsDialog as Dialog} from '../../state/hosts-dialog.js';
import {fit} from '../format/cells.js';
import {rowColors, theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';
import type {DialogProps} from '../components/dialog-frame.js';

type Props = DialogProps<Dialog>;

const kindLabels: Readonly<Record<HostChoice['kind'], string>> = {
	context: 'context',
	host: 'host',
	flag: 'flag',
	fleet: 'fleet',
};

/** The lines under the list: the connection under way, the last failure, a config problem. */
function footnotes(
	dialog: Dialog,
): {readonly text: string; readonly color: string}[] {
	const connecting = dialog.choices.find(
		choice => choice.id === dialog.connecting,
	);
	return [
		...(connecting === undefined
			? []
			: [
					{
						text: `connecting to ${connecting.name}… (Esc abandons)`,
						color: theme.pending,
					},
				]),
		...(dialog.error === undefined
			? []
			: [{text: dialog.error, color: theme.status.error}]),
		...(dialog.problem === undefined
			? []
			: [{text: dialog.problem, color: theme.status.error}]),
	];
}

/** The host switcher: the engines dockmate can move to, the current one marked with ●. */
export function HostsDialog({dialog, width, height}: Props) {
	const inner = Math.max(10, width - 4);
	const nameWidth = Math.min(
		24,
		Math.max(4, ...dialog.choices.map(choice => choice.name.length)),
	);
	return (
		<ListingDialog
			title="Engines · Enter switches · Esc closes"
			width={width}
			height={height}
			view={dialog.list}
			total={dialog.choices.length}
			cursor={dialog.cursor}
			renderItem={index => {
				const choice = dialog.choices[index];
				if (choice === undefined) {
					return null;
				}

				const isCurrent = choice.id === dialog.currentId;
				// A fleet is its engines, which its description names; its address is only its first's.
				const where =
					choice.kind === 'fleet'
						? ''
						: (choice.endpoint?.url ?? choice.error ?? '');
				const about = [where, choice.description].filter(Boolean).join(' · ');
				const line = `${isCurrent ? '●' : ' '} ${fit(choice.name, nameWidth)}  ${fit(kindLabels[choice.kind], 7)}  ${about}`;
				return (
					<Text
						wrap="truncate-end"
						{...(choice.endpoint === undefined
							? {color: theme.status.error}
							: isCurrent
								? {color: theme.connection.up}
								: {})}
						{...rowColors(index === dialog.cursor, true)}
					>
						{fit(line, inner)}
					</Text>
				);
			}}
			above={
				dialog.choices.length === 0
					? [
							<Text key="none" color={theme.text.dim}>
								no docker contexts or hosts found
							</Text>,
						]
					: []
			}
			below={footnotes(dialog).map(note => (
				<Text key={note.text} wrap="truncate-end" color={note.color}>
					{note.text}
				</Text>
			))}
		/>
	);
}
