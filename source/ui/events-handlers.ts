import type {Command} from '../keymap/commands.js';
import {statusShown} from '../state/status.js';
import {isContainerPane, type AppState} from '../state/app-state.js';
import {
	eventContainerChosen,
	eventsByKey,
	containerEventsShown,
	eventTypeCycled,
} from '../state/events.js';
import {shortId} from '../format/units.js';
import {dispatching, type Handler} from './handler-context.js';
import type {EventContainer} from '../state/slices.js';
import {paneFocused} from '../state/selection.js';

/** The container the selected event is about: its own event, or a volume mount or network connect of it. */
function eventContainer(state: AppState): EventContainer | undefined {
	const key = state.ui.selection.events;
	const event =
		key === undefined ? undefined : eventsByKey(state.events.items).get(key);
	if (event === undefined) {
		return undefined;
	}

	if (event.type === 'container') {
		return {id: event.id, name: event.name};
	}

	const id = event.attributes['container'];
	return id === undefined
		? undefined
		: {id, name: state.containers.byId.get(id)?.name ?? shortId(id)};
}

/** The Events pane's commands, and `h` on a container pane. */
export const eventsHandlers = {
	...dispatching({
		'focus.events': () => paneFocused('events'),
		'events.type': () => eventTypeCycled,
	}),
	'container.events'({services}) {
		const state = services.store.getState();
		const id = isContainerPane(state.ui.focus)
			? state.ui.selection[state.ui.focus]
			: undefined;
		const container =
			id === undefined ? undefined : state.containers.byId.get(id);
		if (container === undefined) {
			services.dispatch(statusShown('select a container first', true));
			return;
		}

		services.dispatch(
			containerEventsShown({id: container.id, name: container.name}),
		);
	},
	'events.container'({services}) {
		const state = services.store.getState();
		if (state.events.container !== undefined) {
			services.dispatch(eventContainerChosen(undefined));
			return;
		}

		const container = eventContainer(state);
		services.dispatch(
			container === undefined
				? statusShown('this event is not about a container', true)
				: eventContainerChosen(container),
		);
	},
} satisfies Partial<Record<Command, Handler>>;
