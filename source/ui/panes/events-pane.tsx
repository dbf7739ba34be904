import type {AppState} from '../../state/app-state.js';
import {eventHistoryMs} from '../../state/events.js';
import {eventColumns} from '../format/event-rows.js';
import {collectionPane} from './collection-pane.js';
import {withEngineColumn} from '../format/rows.js';
import {EventRow} from './event-row.js';

/** The engine's events as a timeline, newest at the top. */
export const EventsPane = collectionPane({
	pane: 'events',
	title: '7 Events',
	columns: eventColumns,
	fleetColumns: withEngineColumn(eventColumns, 1),
	Row: EventRow,
	selectTotal: (state: AppState) => state.events.items.length,
	selectLoaded: (state: AppState) =>
		state.connection.status === 'up' || state.events.items.length > 0,
	selectMode: (state: AppState) =>
		[
			state.events.type === 'all' ? '' : `type: ${state.events.type}`,
			state.events.container === undefined
				? ''
				: `container: ${state.events.container.name}`,
		]
			.filter(Boolean)
			.join(' · '),
	loadingText: 'connecting…',
	emptyText: mode =>
		mode === ''
			? `no events in the last ${eventHistoryMs / 60_000} minutes`
			: `no events here (${mode})`,
});
