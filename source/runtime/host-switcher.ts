import {errorMessage} from '../docker/errors.js';
import type {Endpoint} from '../docker/endpoint.js';
import type {AppState, Update} from '../state/app-state.js';
import {
	choiceUnderCursor,
	hostConnectionStarted,
	hostSwitchFailed,
	hostsOpened,
	type HostList,
} from '../state/hosts-dialog.js';
import type {Store} from '../state/store.js';
import {dialogClosed} from '../state/dialog-slot.js';

/**
 * Moving to another engine, which outlives any one store: the session that owns the services
 * provides it (see engine-session.ts).
 */
export type EngineSwitching = {
	/** The engines to choose from, marked against the current one. */
	readonly list: () => HostList;
	/**
	 * Connects to the chosen engine (or the fleet) and, once it answers, replaces the services (and
	 * with them the store that asked) by new ones on it. Rejects, changing nothing, if it does not
	 * answer.
	 */
	readonly switchTo: (
		choice: {
			readonly id: string;
			readonly endpoint: Endpoint;
			readonly readOnly?: boolean;
		},
		signal: AbortSignal,
	) => Promise<void>;
};

/** What the host switcher's keys do. */
export type HostSwitcher = {
	/** The engines to choose from, as the list shows them. */
	readonly list: () => HostList;
	/** Opens the list (`c`), on the engine `id` if given. */
	readonly open: (id?: string) => void;
	/** Switches to the engine under the cursor (Enter). */
	readonly choose: () => void;
	/** Closes the list, abandoning a connection under way (Esc). */
	readonly cancel: () => void;
};

/** Where switching is not wired (tests of a single engine): the list says so. */
const noSwitching: EngineSwitching = {
	list: () => ({
		choices: [],
		currentId: '',
		problem: 'switching engines is not available here',
	}),
	switchTo: async () =>
		Promise.reject(new Error('switching engines is not available here')),
};

/** The host switcher of one store. */
export function createHostSwitcher(options: {
	readonly switching: EngineSwitching | undefined;
	readonly store: Store<AppState>;
	readonly dispatch: (update: Update) => void;
}): HostSwitcher {
	const {store, dispatch} = options;
	const switching = options.switching ?? noSwitching;
	let connection: AbortController | undefined;

	return {
		list: () => switching.list(),
		open(id) {
			dispatch(hostsOpened(switching.list(), id));
		},
		choose() {
			const {dialog} = store.getState().ui;
			if (dialog?.kind !== 'hosts' || dialog.connecting !== undefined) {
				return;
			}

			const choice = choiceUnderCursor(dialog);
			if (choice === undefined) {
				return;
			}

			if (choice.id === dialog.currentId) {
				dispatch(dialogClosed);
				return;
			}

			if (choice.endpoint === undefined) {
				dispatch(
					hostSwitchFailed(choice.error ?? `${choice.name} cannot be used`),
				);
				return;
			}

			const controller = new AbortController();
			connection = controller;
			dispatch(hostConnectionStarted(choice.id));
			switching
				.switchTo(
					{
						id: choice.id,
						endpoint: choice.endpoint,
						...(choice.readOnly === true ? {readOnly: true} : {}),
					},
					controller.signal,
				)
				.then(
					() => {
						connection = undefined;
					},
					(error: unknown) => {
						connection = undefined;
						// Esc abandoned it: the dialog is gone and nothing failed.
						if (!controller.signal.aborted) {
							dispatch(hostSwitchFailed(errorMessage(error)));
						}
					},
				);
		},
		cancel() {
			connection?.abort();
			connection = undefined;
			dispatch(dialogClosed);
		},
	};
}
