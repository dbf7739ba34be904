import type {ProcessInfo, ProcessSample} from '../docker/processes.js';
import {listViewAtTop, type ListView} from './list-view.js';
import type {Update} from './app-state.js';
import {aboutContainer, dialogOpened, updateDialog} from './dialog-slot.js';

/** The signals `K` offers, the usual first. */
export const processSignals = [
	'TERM',
	'INT',
	'HUP',
	'KILL',
	'USR1',
	'USR2',
	'STOP',
	'CONT',
] as const;

/** A container's processes (`t`), sampled live. */
export type ProcessesDialog = {
	readonly kind: 'processes';
	readonly containerId: string;
	readonly containerName: string;
	/** The last sample; undefined until the first. */
	readonly sample: ProcessSample | undefined;
	/** Why the last sample failed, if it did. */
	readonly error: string | undefined;
	/** Index into the sample's processes. */
	readonly cursor: number;
	readonly list: ListView;
	/** While `K` asks which signal to send: the index of the one chosen in {@link processSignals}. */
	readonly signal: number | undefined;
};

/** The process under the cursor. */
export function processUnderCursor(
	dialog: ProcessesDialog,
): ProcessInfo | undefined {
	return dialog.sample?.processes[dialog.cursor];
}

export function processesOpened(options: {
	readonly containerId: string;
	readonly containerName: string;
}): Update {
	return dialogOpened({
		kind: 'processes',
		...options,
		sample: undefined,
		error: undefined,
		cursor: 0,
		list: listViewAtTop,
		signal: undefined,
	});
}

/** A new sample, by host PID order; the cursor stays on the process it was on while it lives. */
export function processesSampled(
	containerId: string,
	sample: ProcessSample,
): Update {
	return updateDialog(
		'processes',
		aboutContainer(containerId, dialog => {
			const pid = dialog.sample?.processes[dialog.cursor]?.pid;
			const processes = [...sample.processes].sort((a, b) => a.pid - b.pid);
			const index = processes.findIndex(process => process.pid === pid);
			return {
				...dialog,
				sample: {...sample, processes},
				error: undefined,
				cursor:
					index === -1
						? Math.min(dialog.cursor, Math.max(0, processes.length - 1))
						: index,
			};
		}),
	);
}

export function processesFailed(containerId: string, error: string): Update {
	return updateDialog(
		'processes',
		aboutContainer(containerId, dialog => ({...dialog, error})),
	);
}

/** `K`: asks which signal to send, TERM first. */
export const signalChooserOpened: Update = updateDialog(
	'processes',
	dialog => ({
		...dialog,
		signal: 0,
	}),
);

export const signalChooserClosed: Update = updateDialog('processes', dialog =>
	dialog.signal === undefined ? dialog : {...dialog, signal: undefined},
);

/** A click on a signal of the chooser: that one is the signal chosen. */
export function signalPicked(index: number): Update {
	return updateDialog('processes', dialog =>
		dialog.signal === undefined ? dialog : {...dialog, signal: index},
	);
}

/** The next (or previous) signal of the list, round. */
export function signalCycled(step: 1 | -1): Update {
	return updateDialog('processes', dialog =>
		dialog.signal === undefined
			? dialog
			: {
					...dialog,
					signal:
						(dialog.signal + step + processSignals.length) %
						processSignals.length,
				},
	);
}
