import assert from 'node:assert/strict';
import {fakeEvent} from '../fakes/fake-events.js';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import type {DockerEvent} from '../../source/docker/docker-client.js';
import {toDockerEvent} from '../../source/docker/to-domain.js';
import {
	initialState,
	type AppState,
	type Update,
} from '../../source/state/app-state.js';
import {
	addEvents,
	eventAttributes,
	eventCapacity,
	eventContainerChosen,
	eventKey,
	containerEventsShown,
	eventsReceived,
	eventTypeCycled,
	exitCodeOf,
	isAlarming,
	nextEventType,
	shownEvents,
} from '../../source/state/events.js';
import {defined} from '../helpers/defined.js';
import {emptyEventLog} from '../../source/state/slices.js';
import {keepSelection} from '../../source/state/selection.js';

function recorded(name: string): DockerEvent[] {
	return readFileSync(
		new URL(`../fixtures/events/${name}`, import.meta.url),
		'utf8',
	)
		.trim()
		.split('\n')
		.map(line => toDockerEvent(JSON.parse(line)))
		.filter(event => event !== undefined);
}

/** The one event of `events` that `matches`: there must be one. */
function only(
	events: readonly DockerEvent[],
	matches: (event: DockerEvent) => boolean,
): DockerEvent {
	return defined(events.find(event => matches(event)));
}

const lifecycle = recorded('docker-20.10-lifecycle.jsonl');
const podman = recorded('podman-4.3.jsonl');

function state(): AppState {
	return initialState({endpoint: 'fake', readOnly: false, now: 0});
}

/** Applies updates the way the app's dispatch does. */
function apply(start: AppState, ...updates: Update[]): AppState {
	return updates.reduce(
		(current, update) => keepSelection(current, update(current)),
		start,
	);
}

describe('events from the engine', () => {
	it('maps a recorded lifecycle: names, the exit code of a die, volumes by name, image tags', () => {
		const die = only(
			lifecycle,
			candidate => candidate.action === 'die' && candidate.name === 'dm-exit3',
		);
		assert.equal(die.type, 'container');
		assert.equal(exitCodeOf(die), 3);
		assert.equal(isAlarming(die), true);
		assert.equal(eventAttributes(die), 'exitCode=3');

		const mount = only(lifecycle, candidate => candidate.action === 'mount');
		assert.equal(mount.type, 'volume');
		assert.equal(mount.name, 'dmvol');
		assert.match(
			eventAttributes(mount),
			/destination=\/data container=db950f4ba8a3$/,
		);

		const tag = only(lifecycle, candidate => candidate.action === 'tag');
		assert.equal(tag.type, 'image');
		assert.equal(tag.name, 'dockmate-e2e/built:1');

		const health = only(lifecycle, candidate =>
			candidate.action.startsWith('health_status'),
		);
		assert.equal(health.action, 'health_status: healthy');
		assert.equal(health.name, 'dm-details');
		assert.equal(isAlarming(health), false);
		// The daemon's answer is oldest first, timeNano to the nanosecond as a double allows.
		const times = lifecycle.map(candidate => candidate.timeNano);
		assert.deepEqual(
			times,
			[...times].sort((a, b) => a - b),
		);
	});

	it('reads Podman events: containerExitCode on every event is no exit code unless it died', () => {
		const create = only(podman, candidate => candidate.action === 'create');
		assert.equal(create.name, 'pm-exit3');
		assert.equal(create.attributes['containerExitCode'], '0');
		assert.equal(exitCodeOf(create), undefined);
		// Podman 4.3 sends its own `died` through the Docker API, with only containerExitCode
		// (written in the shape of the recorded events: no container started on the recording machine).
		const died = defined(
			toDockerEvent({
				status: 'died',
				id: 'b8bf',
				from: 'localhost/dmbox:1',
				Type: 'container',
				Action: 'died',
				Actor: {
					ID: 'b8bf',
					Attributes: {
						containerExitCode: '3',
						image: 'localhost/dmbox:1',
						name: 'pm-exit3',
						podId: '',
					},
				},
				scope: 'local',
				time: 1_795_852_437,
				timeNano: 1_795_852_437_125_709_312,
			}),
		);
		assert.equal(died.action, 'die');
		assert.equal(exitCodeOf(died), 3);
		assert.equal(isAlarming(died), true);
	});

	it('highlights a non-zero exit and an OOM kill, not a clean exit', () => {
		const at = {timeNano: 1};
		assert.equal(isAlarming(fakeEvent({...at, action: 'oom'})), true);
		assert.equal(
			isAlarming(
				fakeEvent({...at, action: 'die', attributes: {exitCode: '137'}}),
			),
			true,
		);
		assert.equal(
			isAlarming(
				fakeEvent({...at, action: 'die', attributes: {exitCode: '0'}}),
			),
			false,
		);
		assert.equal(
			isAlarming(
				fakeEvent({...at, action: 'exec_die', attributes: {exitCode: '1'}}),
			),
			false,
		);
	});

	it('shows a kill signal, and the image a container was created from', () => {
		assert.equal(
			eventAttributes(
				fakeEvent({
					timeNano: 1,
					action: 'kill',
					attributes: {signal: '15', name: 'web'},
				}),
			),
			'signal=15',
		);
		assert.equal(
			eventAttributes(
				fakeEvent({
					timeNano: 1,
					action: 'create',
					attributes: {image: 'nginx:1.27', name: 'web', 'com.example': 'x'},
				}),
			),
			'image=nginx:1.27',
		);
	});
});

describe('the event log', () => {
	it('keeps the newest first and each event once, whether history or the stream told it', () => {
		const first = fakeEvent({timeNano: 1_000});
		const second = fakeEvent({timeNano: 2_000, action: 'die'});
		const third = fakeEvent({timeNano: 3_000, action: 'start'});
		let log = addEvents(emptyEventLog, [first, second]);
		log = addEvents(log, [third, second]);
		assert.deepEqual(
			log.items.map(item => item.timeNano),
			[3_000, 2_000, 1_000],
		);
		assert.equal(addEvents(log, [first, third]), log, 'nothing new, same log');
	});

	it('puts the later of two events of the same time first, as they arrived', () => {
		const log = addEvents(emptyEventLog, [
			fakeEvent({timeNano: 5, action: 'kill'}),
			fakeEvent({timeNano: 5, action: 'die'}),
		]);
		assert.deepEqual(
			log.items.map(item => item.action),
			['die', 'kill'],
		);
	});

	it('tells apart two events of one millisecond', () => {
		const log = addEvents(emptyEventLog, [
			fakeEvent({timeNano: 1_000_000_001, action: 'oom'}),
			fakeEvent({timeNano: 1_000_000_002, action: 'oom'}),
		]);
		assert.equal(log.items.length, 2);
	});

	it(`holds at most ${eventCapacity} events, dropping the oldest`, () => {
		const many = Array.from({length: eventCapacity + 250}, (_, index) =>
			fakeEvent({timeNano: (index + 1) * 1000}),
		);
		let log = emptyEventLog;
		for (let start = 0; start < many.length; start += 100) {
			log = addEvents(log, many.slice(start, start + 100));
		}

		assert.equal(log.items.length, eventCapacity);
		assert.equal(log.items[0]?.timeNano, many.at(-1)?.timeNano);
		assert.equal(log.items.at(-1)?.timeNano, 251_000);
	});

	it('cycles the type filter through all, the common types and those seen', () => {
		const items = [
			fakeEvent({timeNano: 1, type: 'daemon'}),
			fakeEvent({timeNano: 2, type: 'builder'}),
		];
		const seen: string[] = [];
		let type = 'all';
		do {
			type = nextEventType(type, items);
			seen.push(type);
		} while (type !== 'all' && seen.length < 20);
		assert.deepEqual(seen, [
			'container',
			'image',
			'volume',
			'network',
			'builder',
			'daemon',
			'all',
		]);
	});
});

describe('the Events pane', () => {
	const web = {id: 'c-web', name: 'web'};
	const items = [
		fakeEvent({timeNano: 1, id: web.id, name: web.name, action: 'create'}),
		fakeEvent({
			timeNano: 2,
			type: 'volume',
			id: 'data',
			name: 'data',
			action: 'mount',
			attributes: {container: web.id, destination: '/data'},
		}),
		fakeEvent({timeNano: 3, id: 'c-db', name: 'db', action: 'start'}),
		fakeEvent({
			timeNano: 4,
			type: 'network',
			id: 'n1',
			name: 'backend',
			action: 'connect',
			attributes: {container: 'c-db', name: 'backend'},
		}),
		fakeEvent({
			timeNano: 5,
			id: web.id,
			name: web.name,
			action: 'die',
			attributes: {exitCode: '3'},
		}),
		fakeEvent({
			timeNano: 6,
			type: 'image',
			id: 'busybox:1',
			name: 'busybox:1',
			action: 'pull',
		}),
	];
	const filled = apply(state(), eventsReceived(items));

	it('lists newest first and selects the newest', () => {
		const shown = shownEvents(filled);
		assert.equal(shown.length, 6);
		assert.equal(shown[0], eventKey(items[5]!));
		assert.equal(filled.ui.selection.events, shown[0]);
	});

	it('narrows by type, by container (its volume mounts too), and by text', () => {
		const byType = apply(filled, eventTypeCycled);
		assert.equal(byType.events.type, 'container');
		assert.deepEqual(
			shownEvents(byType).map(key => key.split('/')[2]),
			['die', 'start', 'create'],
		);
		const byContainer = apply(filled, eventContainerChosen(web));
		assert.deepEqual(
			shownEvents(byContainer).map(key => key.split('/')[2]),
			['die', 'mount', 'create'],
		);
		const byText = apply(filled, state => ({
			...state,
			ui: {...state.ui, filters: {...state.ui.filters, events: 'exitCode=3'}},
		}));
		assert.deepEqual(shownEvents(byText), [eventKey(items[4]!)]);
	});

	it('"why did it restart?": one container, every type, newest selected, in focus', () => {
		const typed = apply(filled, eventTypeCycled, eventTypeCycled);
		const narrowed = apply(typed, containerEventsShown(web));
		assert.equal(narrowed.ui.focus, 'events');
		assert.equal(narrowed.events.type, 'all');
		assert.equal(narrowed.events.container, web);
		assert.equal(narrowed.ui.selection.events, eventKey(items[4]!));
	});

	it('follows new events while the newest is selected, and stays put otherwise', () => {
		const newer = fakeEvent({timeNano: 7, action: 'restart'});
		const following = apply(filled, eventsReceived([newer]));
		assert.equal(following.ui.selection.events, eventKey(newer));

		const parked = apply(filled, state => ({
			...state,
			ui: {
				...state.ui,
				selection: {...state.ui.selection, events: eventKey(items[2]!)},
			},
		}));
		const stayed = apply(parked, eventsReceived([newer]));
		assert.equal(stayed.ui.selection.events, eventKey(items[2]!));
	});
});
