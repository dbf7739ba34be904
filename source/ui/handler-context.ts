import type {Services} from '../runtime/services.js';
import type {Update} from '../state/app-state.js';

/** What a handler may use: the services, and the height of a page in the focused list. */
export type HandlerContext = {
	readonly services: Services;
	readonly pageSize: number;
	/** The key that invoked the command, as a chord (`q`, `ctrl+c`). */
	readonly chord: string;
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
