import type {DockerEvent} from '../docker/docker-client.js';
import {shortId} from '../format/units.js';
import {sliceChanged, type AppState, type Update} from './app-state.js';
import {memoizeLast} from './memo.js';
import type {EventContainer, EventLog} from './slices.js';

/** How many events the timeline keeps: the newest, whatever the rate. */
export const eventCapacity = 1000;

/** How far back the timeline starts when dockmate connects: a restart just before it started shows. */
export const eventHistoryMs = 10 * 60 * 1000;

/** The types the type filter steps through first; others follow as they turn up. */
const commonTypes = ['container', 'image', 'volume', 'network'] as const;

/** What tells one event from another: the engine may send the same one by history and by stream. */
export function eventKey(event: DockerEvent): string {
	return `${event.timeNano}/${event.type}/${event.action}/${event.id}`;
}

function newestFirst(a: DockerEvent, b: DockerEvent): number {
	return b.timeNano - a.timeNano;
}

/**
 * The log with `events` added: newest first, each event once, at most {@link eventCapacity}
 * (the oldest go). The same log when nothing is new.
 */
export function addEvents(
	log: EventLog,
	events: readonly DockerEvent[],
): EventLog {
	const known = new Set(log.items.map(event => eventKey(event)));
	const fresh = events.filter(event => {
		const key = eventKey(event);
		if (known.has(key)) {
			return false;
		}

		known.add(key);
		return true;
	});
	if (fresh.length === 0) {
		return log;
	}

	// Engines send events oldest first: reversed, a later one of the same time sorts (stably) first.
	const items = [...fresh.reverse(), ...log.items]
		.sort(newestFirst)
		.slice(0, eventCapacity);
	return {...log, items};
}

/** The exit code an event reports: Docker's `exitCode`, or Podman's on its `die`. */
export function exitCodeOf(event: DockerEvent): number | undefined {
	// Podman puts `containerExitCode` (0 until one is known) on every container event.
	const code =
		event.attributes['exitCode'] ??
		(event.action === 'die'
			? event.attributes['containerExitCode']
			: undefined);
	const parsed = code === undefined ? Number.NaN : Number(code);
	return Number.isInteger(parsed) ? parsed : undefined;
}

/** A container that died with a non-zero code, or one the OOM killer struck: what "why did it restart?" looks for. */
export function isAlarming(event: DockerEvent): boolean {
	return (
		event.action === 'oom' ||
		(event.action === 'die' && (exitCodeOf(event) ?? 0) !== 0)
	);
}

/**
 * The attributes worth a glance, as `key=value` words: exit code, signal, the container a volume
 * or network event concerns. The rest (labels included) are in the event's details.
 */
export function eventAttributes(event: DockerEvent): string {
	const {attributes} = event;
	const words: string[] = [];
	const exitCode = exitCodeOf(event);
	if (exitCode !== undefined && event.action.endsWith('die')) {
		words.push(`exitCode=${exitCode}`);
	}

	for (const key of ['signal', 'error', 'destination']) {
		const value = attributes[key];
		if (value !== undefined && value !== '') {
			words.push(`${key}=${value}`);
		}
	}

	const container = attributes['container'];
	if (container !== undefined && event.type !== 'container') {
		words.push(`container=${shortId(container)}`);
	}

	if (event.type === 'container' && event.action === 'create') {
		const image = attributes['image'];
		if (image !== undefined) {
			words.push(`image=${image}`);
		}
	}

	return words.join(' ');
}

/** Whether an event concerns the container `id`: its own, or a volume mount or network connect of it. */
export function concernsContainer(event: DockerEvent, id: string): boolean {
	return event.type === 'container'
		? event.id === id
		: event.attributes['container'] === id;
}

/** The type filter after `current`: all, the common types, then any other type seen, then all again. */
export function nextEventType(
	current: string,
	items: readonly DockerEvent[],
): string {
	const seen = new Set(items.map(event => event.type));
	const others = [...seen]
		.filter(type => !(commonTypes as readonly string[]).includes(type))
		.sort();
	const cycle = ['all', ...commonTypes, ...others];
	const index = cycle.indexOf(current);
	return cycle[(index + 1) % cycle.length] ?? 'all';
}

/** The events shown, newest first: by type, container and the pane's text filter. */
export const visibleEvents = memoizeLast(
	(
		items: readonly DockerEvent[],
		type: string,
		container: EventContainer | undefined,
		filter: string,
	): readonly string[] => {
		const needle = filter.trim().toLowerCase();
		return items
			.filter(
				event =>
					(type === 'all' || event.type === type) &&
					(container === undefined || concernsContainer(event, container.id)) &&
					(needle === '' ||
						[
							event.type,
							event.action,
							event.name,
							event.id,
							eventAttributes(event),
						]
							.join(' ')
							.toLowerCase()
							.includes(needle)),
			)
			.map(event => eventKey(event));
	},
);

/** The keys of the events the Events pane lists, newest first. */
export function shownEvents(state: AppState): readonly string[] {
	const {items, type, container} = state.events;
	return visibleEvents(items, type, container, state.ui.filters.events);
}

/** The events by key, for rows that look theirs up. */
export const eventsByKey = memoizeLast(
	(items: readonly DockerEvent[]): ReadonlyMap<string, DockerEvent> =>
		new Map(items.map(event => [eventKey(event), event])),
);

/**
 * Events arrived. When the newest row was selected, the selection moves to the new newest, so
 * a pane left at the top follows the stream; otherwise it stays on its event.
 */
export function eventsReceived(events: readonly DockerEvent[]): Update {
	return state => {
		const next = sliceChanged('events', log => addEvents(log, events))(state);
		if (next === state) {
			return state;
		}

		const selected = state.ui.selection.events;
		const wasAtTop =
			selected === undefined || selected === shownEvents(state)[0];
		const top = shownEvents(next)[0];
		return wasAtTop && top !== undefined
			? {
					...next,
					ui: {
						...next.ui,
						selection: {...next.ui.selection, events: top},
					},
				}
			: next;
	};
}

/** Steps the type filter: all, container, image, volume, network, then other types seen. */
export const eventTypeCycled: Update = sliceChanged('events', log => ({
	...log,
	type: nextEventType(log.type, log.items),
}));

/** Narrows the timeline to one container's events (undefined: every container's). */
export function eventContainerChosen(
	container: EventContainer | undefined,
): Update {
	return sliceChanged('events', log => ({...log, container}));
}

/**
 * "Why did it restart?": the timeline of one container, every type of its events, newest
 * selected, with the pane in focus.
 */
export function containerEventsShown(container: EventContainer): Update {
	return state => {
		const next: AppState = {
			...state,
			events: {...state.events, type: 'all', container},
			ui: {...state.ui, focus: 'events'},
		};
		return {
			...next,
			ui: {
				...next.ui,
				selection: {...next.ui.selection, events: shownEvents(next)[0]},
			},
		};
	};
}
