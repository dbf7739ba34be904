import type {HostChoice} from '../docker/host-choices.js';
import {statusShown} from './status.js';
import {listViewAtTop, type ListView} from './list-view.js';
import type {Update} from './app-state.js';
import {updateDialog, dialogOpened} from './dialog-slot.js';

/** The engines to switch between, as the runtime listed them. */
export type HostList = {
	readonly choices: readonly HostChoice[];
	/** The choice dockmate is connected to now. */
	readonly currentId: string;
	/** Why the list may be short (the config file is broken), in one line. */
	readonly problem: string | undefined;
};

/** The host switcher (`c`): docker contexts and hosts of the config file. */
export type HostsDialog = HostList & {
	readonly kind: 'hosts';
	readonly cursor: number;
	readonly list: ListView;
	/** The choice being connected to; keys other than Esc wait meanwhile. */
	readonly connecting: string | undefined;
	/** Why the last switch failed; dockmate stayed where it was. */
	readonly error: string | undefined;
};

/** Opens the switcher on the engine `at` (the palette's choice), or else on the current one. */
export function hostsOpened(list: HostList, at = list.currentId): Update {
	const index = list.choices.findIndex(choice => choice.id === at);
	return dialogOpened({
		kind: 'hosts',
		...list,
		cursor: Math.max(
			0,
			index === -1
				? list.choices.findIndex(choice => choice.id === list.currentId)
				: index,
		),
		list: listViewAtTop,
		connecting: undefined,
		error: undefined,
	});
}

/** A connection to the choice `id` is under way. */
export function hostConnectionStarted(id: string): Update {
	return updateDialog('hosts', dialog => ({
		...dialog,
		connecting: id,
		error: undefined,
	}));
}

/** The switch failed: the dialog stays, with the reason, and so does the engine we had. */
export function hostSwitchFailed(error: string): Update {
	return state =>
		statusShown(
			error,
			true,
		)(
			updateDialog('hosts', dialog => ({
				...dialog,
				connecting: undefined,
				error,
			}))(state),
		);
}

/** The choice under the cursor, if the switcher is open. */
export function choiceUnderCursor(dialog: HostsDialog): HostChoice | undefined {
	return dialog.choices[dialog.cursor];
}
