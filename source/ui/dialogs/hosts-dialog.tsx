import {Text} from 'ink';
import type {HostChoice} from '../../docker/host-choices.js';
import type {HostsDialog as Dialog} from '../../state/hosts-dialog.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {fit} from '../format/cells.js';
import {rowColors, theme} from '../theme.js';

type Props = {
	readonly dialog: Dialog;
	readonly width: number;
	readonly height: number;
};

const kindLabels: Readonly<Record<HostChoice['kind'], string>> = {
	context: 'context',
	host: 'host',
	flag: 'flag',
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
	const notes = footnotes(dialog);
	const inner = Math.max(10, width - 4);
	const rows = Math.max(1, height - 3 - notes.length);
	const start = Math.min(
		Math.max(0, dialog.cursor - rows + 1),
		Math.max(0, dialog.choices.length - rows),
	);
	const shown = dialog.choices.slice(start, start + rows);
	const nameWidth = Math.min(
		24,
		Math.max(4, ...dialog.choices.map(choice => choice.name.length)),
	);
	return (
		<DialogFrame
			title="Engines · Enter switches · Esc closes"
			width={width}
			height={height}
		>
			{dialog.choices.length === 0 ? (
				<Text color={theme.text.dim}>no docker contexts or hosts found</Text>
			) : null}
			{shown.map((choice, index) => {
				const isCurrent = choice.id === dialog.currentId;
				const where = choice.endpoint?.url ?? choice.error ?? '';
				const line = `${isCurrent ? '●' : ' '} ${fit(choice.name, nameWidth)}  ${fit(kindLabels[choice.kind], 7)}  ${where}${choice.description === '' ? '' : ` · ${choice.description}`}`;
				return (
					<Text
						key={choice.id}
						wrap="truncate-end"
						{...(choice.endpoint === undefined
							? {color: theme.status.error}
							: isCurrent
								? {color: theme.connection.up}
								: {})}
						{...rowColors(start + index === dialog.cursor, true)}
					>
						{fit(line, inner)}
					</Text>
				);
			})}
			{notes.map(note => (
				<Text key={note.text} wrap="truncate-end" color={note.color}>
					{note.text}
				</Text>
			))}
		</DialogFrame>
	);
}
