import type {Binding} from '../keymap/bindings.js';
import type {Services} from '../runtime/services.js';
import {isContainerPane, type Update} from '../state/app-state.js';
import {containerTargets} from '../state/confirm-dialog.js';
import type {Target} from '../state/confirmation.js';
import {statusShown} from '../state/status.js';

/** What a handler may use: the services, and the height of a page in the focused list. */
export type HandlerContext = {
	readonly services: Services;
	readonly pageSize: number;
	/** The key that invoked the command, as a chord (`q`, `ctrl+c`). */
	readonly chord: string;
	/** The keymap table in force, for what lists commands with their keys (the palette). */
	readonly keymap: readonly Binding[];
};

/** What a command does when its key is pressed. */
export type Handler = (context: HandlerContext) => void;

/** The transition a command that only changes the state applies (some depend on the page size). */
export type Transition = (context: HandlerContext) => Update;

/**
 * The handlers of commands that only change the state: each dispatches its transition. Commands
 * with logic of their own (a check, a choice, an engine call) are named handlers instead.
 */
export function dispatching<C extends string>(
	transitions: Readonly<Record<C, Transition>>,
): Record<C, Handler> {
	return Object.fromEntries(
		Object.entries<Transition>(transitions).map(([command, transition]) => [
			command,
			(context: HandlerContext) => {
				context.services.dispatch(transition(context));
			},
		]),
	) as Record<C, Handler>;
}

/** The one selected container, or a status line saying why there is none. */
export function selectedContainer({
	services,
}: HandlerContext): Target | undefined {
	const state = services.store.getState();
	const id = isContainerPane(state.ui.focus)
		? state.ui.selection[state.ui.focus]
		: undefined;
	const [target] = id === undefined ? [] : containerTargets(state, [id]);
	if (target === undefined) {
		services.dispatch(statusShown('select a container first', true));
	}

	return target;
}
