import {cellWidth} from './format/cells.js';
import type {Command} from '../keymap/commands.js';
import {plural} from '../format/units.js';
import type {AppState, Dialog, DialogOf, Update} from '../state/app-state.js';
import {processSignals, signalPicked} from '../state/processes-view.js';
import {pruneKey} from '../state/prune-dialog.js';
import {confirmedTargets} from '../state/removal-refusal.js';
import {enginePicked} from '../state/engine-choice.js';
import {bodyHeight, headerRows, minimumSize} from './screen-layout.js';

/** One choice on a dialog's last line, as `y yes, remove` shows it. */
export type Choice = {
	/** The keys shown for it, `/` between keys that do the same; none for plain text. */
	readonly keys: string;
	readonly label: string;
	/** What a click on it does: the command its key runs; none for text that is no choice. */
	readonly command?: Command;
	/** Dispatched before the command: which of several choices of one key was clicked. */
	readonly picked?: Update;
	/** Drawn highlighted: the choice the key would take. */
	readonly isCurrent?: boolean;
};

/** The last line of a dialog: its choices, with what stands between them. */
export type ChoiceLine = {
	readonly choices: readonly Choice[];
	readonly separator: string;
};

const spaced = '   ';

/** The text a choice takes on screen. */
export function choiceText(choice: Choice): string {
	return choice.keys === '' ? choice.label : `${choice.keys} ${choice.label}`;
}

const cancel: Choice = {
	keys: 'n/Esc',
	label: 'cancel',
	command: 'dialog.cancel',
};

/** `y yes, remove   n/Esc cancel`, or what stops the removal. */
export function confirmChoices(dialog: DialogOf<'confirm'>): ChoiceLine {
	const count = dialog.targets.length;
	const {going} = confirmedTargets(dialog);
	const verb = dialog.action === 'kill' ? 'kill' : 'remove';
	const yes: Choice =
		going.length === 0
			? {
					keys: '',
					label: `nothing here can be ${verb === 'kill' ? 'killed' : 'removed'}`,
				}
			: {
					keys: 'y',
					label: `yes, ${verb}${going.length < count ? ` ${going.length} of ${count}` : ''}`,
					command: 'confirm.yes',
				};
	return {choices: [yes, cancel], separator: spaced};
}

/** `y yes, drain   n/Esc cancel`: the Swarm change named. */
export function swarmChoices(dialog: DialogOf<'swarm-confirm'>): ChoiceLine {
	const {action} = dialog;
	const verb =
		action.kind === 'remove-service'
			? 'remove'
			: action.to === 'drain'
				? 'drain'
				: action.to;
	return {
		choices: [
			{keys: 'y', label: `yes, ${verb}`, command: 'swarm.confirm'},
			cancel,
		],
		separator: spaced,
	};
}

/** `y yes, down   n/Esc cancel`, saying when the volumes go too. */
export function composeDownChoices(
	dialog: DialogOf<'compose-down'>,
): ChoiceLine {
	return {
		choices: [
			{
				keys: 'y',
				label: `yes, down${dialog.volumes ? ' with volumes' : ''}`,
				command: 'compose.confirmDown',
			},
			cancel,
		],
		separator: spaced,
	};
}

/** The prune preview's keys: mark, remove what is marked, cancel; none in the other stages. */
export function pruneChoices(
	dialog: DialogOf<'prune'>,
): ChoiceLine | undefined {
	if (dialog.stage !== 'preview' || dialog.items.length === 0) {
		return undefined;
	}

	const chosen = dialog.items.filter(
		item => !dialog.skipped.has(pruneKey(item)),
	);
	return {
		choices: [
			{keys: 'Space', label: 'unmark/mark', command: 'prune.toggle'},
			{
				keys: 'y',
				label: `remove the ${plural(chosen.length, 'marked item')}`,
				command: 'prune.remove',
			},
			{keys: 'Esc', label: 'cancel', command: 'dialog.cancel'},
		],
		separator: ' · ',
	};
}

/** The signals `K` offers, the chosen one highlighted: a click sends the one clicked. */
export function signalChoices(
	dialog: DialogOf<'processes'>,
): ChoiceLine | undefined {
	const current = dialog.signal;
	return current === undefined
		? undefined
		: {
				choices: processSignals.map((signal, index) => ({
					keys: '',
					label: ` ${signal} `,
					command: 'processes.signalSend',
					picked: signalPicked(index),
					isCurrent: index === current,
				})),
				separator: '',
			};
}

/** The fleet's engines by name, the one under the cursor highlighted: a click goes on with it. */
export function engineChoices(dialog: DialogOf<'engine-choice'>): ChoiceLine {
	return {
		choices: [
			...dialog.names.map((name, index): Choice => ({
				keys: '',
				label: ` ${name} `,
				command: 'engines.choose',
				picked: enginePicked(index),
				isCurrent: index === dialog.cursor,
			})),
			{keys: 'Esc', label: 'cancel', command: 'dialog.cancel'},
		],
		separator: ' ',
	};
}

/**
 * The choices on the last line of the open dialog, the line its component draws from them; none
 * for a dialog without such a line.
 */
export function choiceLineOf(
	dialog: Dialog | undefined,
): ChoiceLine | undefined {
	if (dialog === undefined) {
		return undefined;
	}

	const lines: Partial<{
		[K in Dialog['kind']]: (dialog: DialogOf<K>) => ChoiceLine | undefined;
	}> = {
		confirm: confirmChoices,
		'swarm-confirm': swarmChoices,
		'compose-down': composeDownChoices,
		prune: pruneChoices,
		processes: signalChoices,
		'engine-choice': engineChoices,
	};
	const line = lines[dialog.kind] as
		((dialog: Dialog) => ChoiceLine | undefined) | undefined;
	return line?.(dialog);
}

/** Columns of a dialog left of its text: the border and the padding. */
const dialogInset = 2;
/** Rows of a dialog below its last line: the border. */
const dialogFoot = 1;

/**
 * The choice of the open dialog at `cell` (0-based) of a terminal `size` big, laid out as the
 * dialog draws its last line; undefined over anything else, and over text that is no choice.
 */
export function dialogChoiceAt(
	state: AppState,
	size: {readonly columns: number; readonly rows: number},
	cell: {readonly column: number; readonly row: number},
): Choice | undefined {
	const line = choiceLineOf(state.ui.dialog);
	const lastRow = headerRows + bodyHeight(size.rows) - dialogFoot - 1;
	if (
		line === undefined ||
		size.columns < minimumSize.columns ||
		size.rows < minimumSize.rows ||
		cell.row !== lastRow ||
		// The line is cut at the dialog's inner edge: nothing past it is drawn.
		cell.column >= size.columns - dialogInset
	) {
		return undefined;
	}

	let start = dialogInset;
	for (const choice of line.choices) {
		const end = start + cellWidth(choiceText(choice));
		if (cell.column >= start && cell.column < end) {
			return choice.command === undefined ? undefined : choice;
		}

		start = end + cellWidth(line.separator);
	}

	return undefined;
}
