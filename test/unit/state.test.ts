import assert from 'node:assert/strict';
import {listViewAtTop} from '../../source/state/list-view.js';
import {describe, it} from 'node:test';
import type {
	ContainerState,
	ContainerSummary,
	ImageSummary,
} from '../../source/docker/docker-client.js';
import {
	initialState,
	type AppState,
	type Update,
} from '../../source/state/app-state.js';
import {matchesFilter} from '../../source/state/text-filter.js';
import {
	availablePanes,
	selectedId,
	visibleIds,
} from '../../source/state/selectors.js';
import {
	connectionChanged,
	containersListed,
	engineIdentified,
	imagesListed,
	lineChanged,
	textTyped,
	showAllToggled,
} from '../../source/state/updates.js';
import {markToggled, marksOrFilterCleared} from '../../source/state/marks.js';
import {fakeContainer, fakeImage} from '../fakes/fake-docker-client.js';
import {activeScopes} from '../../source/state/scopes.js';
import {counts, imageUsage} from '../../source/state/container-rows.js';
import {oomReported} from '../../source/state/resources.js';
import {
	paneCycled,
	paneFocused,
	keepSelection,
	selectionMoved,
} from '../../source/state/selection.js';
import {dialogClosed, dialogOpened} from '../../source/state/dialog-slot.js';
import {
	filterCleared,
	filterKept,
	filterEdited,
	filterOpened,
} from '../../source/state/filter-prompt.js';

const t0 = Date.parse('2026-11-28T12:00:00Z');

/** What `services.dispatch` does: the transition, then the selection kept on its item. */
function apply(state: AppState, ...updates: Update[]): AppState {
	return updates.reduce(
		(current, update) => keepSelection(current, update(current)),
		state,
	);
}

/** A container whose id does not contain its name, so filters on names and ids can be told apart. */
function box(
	name: string,
	state: ContainerState = 'running',
	extra: Partial<ContainerSummary> = {},
): ContainerSummary {
	let hash = 0;
	for (const character of name) {
		hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
	}

	return fakeContainer({
		name,
		state,
		id: hash.toString(16).padStart(8, '0').repeat(8),
		...extra,
	});
}

function loaded(
	containers: readonly ContainerSummary[],
	images: readonly ImageSummary[] = [],
): AppState {
	return apply(
		initialState({endpoint: 'fake://engine', readOnly: false, now: t0}),
		containersListed(containers, t0),
		imagesListed(images, t0),
	);
}

function names(state: AppState): string[] {
	return visibleIds(state, 'containers').map(
		id => state.containers.byId.get(id)?.name ?? `? ${id}`,
	);
}

function selectedName(state: AppState): string | undefined {
	const id = state.ui.selection.containers;
	return id === undefined ? undefined : state.containers.byId.get(id)?.name;
}

function select(state: AppState, name: string): AppState {
	const container = [...state.containers.byId.values()].find(
		candidate => candidate.name === name,
	);
	assert.ok(container, `${name} is listed`);
	return {
		...state,
		ui: {
			...state.ui,
			selection: {...state.ui.selection, containers: container.id},
		},
	};
}

function withFilter(state: AppState, filter: string): AppState {
	return {
		...state,
		ui: {...state.ui, filters: {...state.ui.filters, [state.ui.focus]: filter}},
	};
}

describe('containersListed / imagesListed', () => {
	const web = box('web');
	const db = box('db');

	it('marks the collection loaded, keyed by id, with the list time', () => {
		const state = loaded([web, db]);
		assert.equal(state.containers.loaded, true);
		assert.equal(state.containers.listedAt, t0);
		assert.deepEqual(
			[...state.containers.byId.keys()].sort(),
			[db.id, web.id].sort(),
		);
		assert.equal(state.containers.byId.get(web.id), web);
	});

	it('marks an empty first list loaded', () => {
		const state = loaded([]);
		assert.equal(state.containers.loaded, true);
		assert.equal(state.images.loaded, true);
	});

	it('keeps the same state and map when nothing changed, even from fresh objects', () => {
		const before = loaded([web, db]);
		const after = containersListed(
			[structuredClone(db), structuredClone(web)],
			t0 + 5000,
		)(before);
		assert.equal(after, before);
		assert.equal(after.containers.byId, before.containers.byId);
		assert.equal(
			after.containers.listedAt,
			t0,
			'status texts stay as of the list they came from',
		);
	});

	const changes: readonly {
		readonly name: string;
		readonly list: readonly ContainerSummary[];
	}[] = [
		{
			name: 'a status text changed',
			list: [{...web, status: 'Up 4 minutes'}, db],
		},
		{name: 'a state changed', list: [{...web, state: 'exited'}, db]},
		{name: 'a label changed', list: [{...web, labels: {a: 'b'}}, db]},
		{name: 'a container was removed', list: [web]},
		{name: 'a container was added', list: [web, db, box('cache')]},
		{name: 'one was swapped for another', list: [web, box('cache')]},
	];
	for (const {name, list} of changes) {
		it(`replaces the map when ${name}`, () => {
			const before = loaded([web, db]);
			const after = containersListed(list, t0 + 5000)(before);
			assert.notEqual(after.containers.byId, before.containers.byId);
			assert.equal(after.containers.listedAt, t0 + 5000);
			assert.deepEqual(
				[...after.containers.byId.values()].sort((a, b) =>
					a.id.localeCompare(b.id),
				),
				[...list].sort((a, b) => a.id.localeCompare(b.id)),
			);
		});
	}

	it('does the same for images', () => {
		const image = fakeImage({id: 'sha256:a', tags: ['a:1']});
		const before = loaded([], [image]);
		assert.equal(imagesListed([{...image}], t0 + 1)(before), before);
		const after = imagesListed([{...image, tags: ['a:2']}], t0 + 1)(before);
		assert.notEqual(after.images.byId, before.images.byId);
		assert.equal(after.containers, before.containers);
	});

	it('forgets the oom counts of containers that are no longer listed, however many come and go', () => {
		let state = loaded([web]);
		state = oomReported(web.id)(state);
		for (let round = 0; round < 1000; round++) {
			const churned = box(`churn-${round}`);
			state = apply(
				state,
				containersListed([web, churned], t0 + round),
				oomReported(churned.id),
				containersListed([web], t0 + round + 0.5),
			);
		}

		assert.deepEqual([...state.resources.oomEvents], [[web.id, 1]]);
		// A listing that removes nothing keeps the same state.
		assert.equal(containersListed([web], t0 + 2000)(state), state);
	});

	it('connectionChanged and engineIdentified keep the state when nothing changed', () => {
		const state = loaded([]);
		assert.equal(connectionChanged({status: 'connecting'})(state), state);
		const up = connectionChanged({status: 'up'})(state);
		assert.deepEqual(up.connection, {status: 'up'});
		assert.equal(connectionChanged({status: 'up'})(up), up);
		const engine = {
			product: 'Docker',
			version: '1',
			apiVersion: '1.41',
			os: 'linux',
			arch: 'amd64',
		};
		const identified = engineIdentified(engine)(state);
		assert.equal(engineIdentified({...engine})(identified), identified);
	});
});

describe('visibleIds', () => {
	it('lists running, paused and restarting first, then the rest, each by name with numbers in order', () => {
		const state = loaded([
			box('web-10'),
			box('zeta', 'exited'),
			box('web-2', 'paused'),
			box('Alpha', 'created'),
			box('web-1', 'restarting'),
			box('dead-one', 'dead'),
			box('api'),
			box('job-3', 'exited'),
			box('job-20', 'exited'),
			box('gone', 'removing'),
		]);
		assert.deepEqual(names(state), [
			'api',
			'web-1',
			'web-2',
			'web-10',
			'Alpha',
			'dead-one',
			'gone',
			'job-3',
			'job-20',
			'zeta',
		]);
	});

	it('is the same array while its inputs are the same', () => {
		const state = loaded([box('a'), box('b')]);
		const first = visibleIds(state, 'containers');
		visibleIds(state, 'images');
		assert.equal(visibleIds(state, 'containers'), first);
		assert.equal(visibleIds({...state, clock: t0 + 1}, 'containers'), first);
	});

	describe('container filter', () => {
		const state = loaded([
			box('web-frontend', 'running', {
				image: 'nginx:1.27',
				id: 'abc123'.padEnd(64, '0'),
			}),
			box('db', 'running', {
				image: 'postgres:16',
				id: 'def456'.padEnd(64, '1'),
			}),
			box('cache', 'running', {image: 'redis:7', id: 'fedcba'.padEnd(64, '2')}),
		]);
		const cases: readonly (readonly [string, readonly string[]])[] = [
			['', ['cache', 'db', 'web-frontend']],
			['web', ['web-frontend']],
			['WEB', ['web-frontend']],
			['front', ['web-frontend']],
			['  db  ', ['db']],
			['postgres', ['db']],
			['NGINX:1', ['web-frontend']],
			['abc1', ['web-frontend']],
			['DEF4', ['db']],
			['e', ['cache', 'db', 'web-frontend']],
			['nothing-matches', []],
		];
		for (const [filter, expected] of cases) {
			it(JSON.stringify(filter), () => {
				assert.deepEqual(names(withFilter(state, filter)), expected);
			});
		}
	});

	describe('image filter', () => {
		const images = [
			fakeImage({id: 'sha256:aaa111', tags: ['nginx:1.27', 'nginx:latest']}),
			fakeImage({id: 'sha256:bbb222', tags: ['postgres:16']}),
			fakeImage({id: 'sha256:ccc333', tags: [], createdAt: t0}),
			fakeImage({id: 'sha256:ddd444', tags: [], createdAt: t0 - 1000}),
			fakeImage({id: 'sha256:eee555', tags: ['Alpine:3']}),
		];
		const state = paneFocused('images')(loaded([], images));
		const cases: readonly (readonly [string, readonly string[]])[] = [
			// A row per tag, by tag; then dangling images, newest first.
			[
				'',
				[
					'sha256:eee555 Alpine:3',
					'sha256:aaa111 nginx:1.27',
					'sha256:aaa111 nginx:latest',
					'sha256:bbb222 postgres:16',
					'sha256:ccc333',
					'sha256:ddd444',
				],
			],
			// Each tag is matched on its own: the image's other tags are not listed.
			['latest', ['sha256:aaa111 nginx:latest']],
			['POSTGRES', ['sha256:bbb222 postgres:16']],
			// The id matches every row of its image.
			['aaa1', ['sha256:aaa111 nginx:1.27', 'sha256:aaa111 nginx:latest']],
			['ccc', ['sha256:ccc333']],
			['<none>', ['sha256:ccc333', 'sha256:ddd444']],
			['alpine', ['sha256:eee555 Alpine:3']],
			// The id is matched without its algorithm prefix.
			['sha256', []],
		];
		for (const [filter, expected] of cases) {
			it(JSON.stringify(filter), () => {
				assert.deepEqual(
					visibleIds(withFilter(state, filter), 'images'),
					expected,
				);
			});
		}

		it('does not affect the other pane', () => {
			const filtered = withFilter(state, 'nothing');
			assert.deepEqual(visibleIds(filtered, 'images'), []);
			assert.equal(filtered.ui.filters.containers, '');
		});
	});

	it('showAll off lists running, paused, restarting and removing only', () => {
		const all = loaded(
			(
				[
					'running',
					'paused',
					'restarting',
					'removing',
					'exited',
					'created',
					'dead',
				] as const
			).map(state => box(state, state)),
		);
		const runningOnly = showAllToggled(all);
		assert.equal(runningOnly.ui.showAll, false);
		assert.deepEqual(names(runningOnly), [
			'paused',
			'restarting',
			'running',
			'removing',
		]);
		assert.deepEqual(names(showAllToggled(runningOnly)), names(all));
		assert.equal(names(all).length, 7);
	});

	it('matchesFilter', () => {
		assert.equal(matchesFilter('', []), true);
		assert.equal(matchesFilter('   ', ['x']), true);
		assert.equal(matchesFilter('X', ['abc', 'wxy']), true);
		assert.equal(matchesFilter('z', ['abc', 'wxy']), false);
		assert.equal(matchesFilter('a', []), false);
	});
});

describe('selectionMoved', () => {
	const list = Array.from({length: 25}, (_, index) => box(`c-${index + 1}`));
	const start = loaded(list);

	it('starts on the first row', () => {
		assert.equal(selectedName(start), 'c-1');
	});

	const cases: readonly {
		readonly from: string;
		readonly moves: readonly (number | 'top' | 'bottom')[];
		readonly to: string;
	}[] = [
		{from: 'c-1', moves: [1], to: 'c-2'},
		{from: 'c-1', moves: [1, 1, 1], to: 'c-4'},
		{from: 'c-5', moves: [-1], to: 'c-4'},
		{from: 'c-1', moves: [-1], to: 'c-1'},
		{from: 'c-25', moves: [1], to: 'c-25'},
		{from: 'c-3', moves: [10], to: 'c-13'},
		{from: 'c-20', moves: [10], to: 'c-25'},
		{from: 'c-13', moves: [-10], to: 'c-3'},
		{from: 'c-5', moves: [-10], to: 'c-1'},
		{from: 'c-12', moves: ['top'], to: 'c-1'},
		{from: 'c-12', moves: ['bottom'], to: 'c-25'},
		{from: 'c-12', moves: ['bottom', -1], to: 'c-24'},
		{from: 'c-12', moves: [Number.MAX_SAFE_INTEGER], to: 'c-25'},
	];
	for (const {from, moves, to} of cases) {
		it(`${from} ${moves.join(' ')} → ${to}`, () => {
			const state = apply(select(start, from), ...moves.map(selectionMoved));
			assert.equal(selectedName(state), to);
		});
	}

	it('returns the same state when the cursor cannot move', () => {
		assert.equal(selectionMoved(-1)(start), start);
		assert.equal(selectionMoved('top')(start), start);
		const last = select(start, 'c-25');
		assert.equal(selectionMoved(1)(last), last);
	});

	it('does nothing on an empty list', () => {
		const empty = loaded([]);
		assert.equal(selectionMoved(1)(empty), empty);
		assert.equal(selectionMoved('bottom')(empty), empty);
	});

	it('moves within the visible rows only', () => {
		const state = apply(
			loaded([box('a'), box('b', 'exited'), box('c')]),
			showAllToggled,
			selectionMoved(1),
		);
		assert.equal(selectedName(state), 'c');
	});

	it('moves the focused pane only', () => {
		const images = [
			fakeImage({id: 'sha256:1', tags: ['a:1']}),
			fakeImage({id: 'sha256:2', tags: ['b:1']}),
		];
		const state = apply(
			loaded([box('x'), box('y')], images),
			paneFocused('images'),
			selectionMoved(1),
		);
		assert.equal(state.ui.selection.images, 'sha256:2 b:1');
		assert.equal(selectedName(state), 'x');
	});
});

describe('keepSelection', () => {
	const abcd = loaded([box('a'), box('b'), box('c'), box('d')]);

	it('keeps the same id when the list is re-sorted', () => {
		const state = apply(
			select(abcd, 'b'),
			containersListed(
				[box('a'), box('b', 'exited'), box('c'), box('d')],
				t0 + 1,
			),
		);
		assert.deepEqual(names(state), ['a', 'c', 'd', 'b']);
		assert.equal(selectedName(state), 'b');
	});

	const removals: readonly {
		readonly selected: string;
		readonly left: readonly string[];
		readonly expected: string | undefined;
		readonly why: string;
	}[] = [
		{selected: 'b', left: ['a', 'c', 'd'], expected: 'c', why: 'the next row'},
		{
			selected: 'b',
			left: ['a', 'd'],
			expected: 'd',
			why: 'the next surviving row',
		},
		{
			selected: 'd',
			left: ['a', 'b', 'c'],
			expected: 'c',
			why: 'the previous row at the end',
		},
		{
			selected: 'c',
			left: ['a'],
			expected: 'a',
			why: 'the previous surviving row',
		},
		{selected: 'a', left: ['d'], expected: 'd', why: 'the only row left'},
		{
			selected: 'b',
			left: [],
			expected: undefined,
			why: 'nothing when the list is empty',
		},
	];
	for (const {selected, left, expected, why} of removals) {
		it(`removing ${selected} with ${left.join(',') || 'none'} left selects ${why}`, () => {
			const state = apply(
				select(abcd, selected),
				containersListed(
					left.map(name => box(name)),
					t0 + 1,
				),
			);
			assert.equal(selectedName(state), expected);
		});
	}

	it('follows the old order, not the new one, to find the neighbour', () => {
		// b is removed while c exits and sorts to the end: the next row in the old order is still c.
		const state = apply(
			select(abcd, 'b'),
			containersListed([box('a'), box('c', 'exited'), box('d')], t0 + 1),
		);
		assert.deepEqual(names(state), ['a', 'd', 'c']);
		assert.equal(selectedName(state), 'c');
	});

	it('selects the first row when there was no selection', () => {
		const empty = initialState({endpoint: 'x', readOnly: false, now: t0});
		const state = apply(empty, containersListed([box('b'), box('a')], t0));
		assert.equal(selectedName(state), 'a');
	});

	it('returns the next state itself when the selection still stands', () => {
		const next = showAllToggled(abcd);
		assert.equal(keepSelection(abcd, next), next);
	});

	it('re-points the selection when a filter narrows it away', () => {
		const list = loaded([box('api'), box('db'), box('web-1'), box('web-2')]);
		const open = apply(select(list, 'db'), filterOpened);
		const typed = apply(open, filterEdited({insert: 'web'}));
		assert.deepEqual(names(typed), ['web-1', 'web-2']);
		assert.equal(selectedName(typed), 'web-1');

		const back = apply(
			select(list, 'web-2'),
			filterOpened,
			filterEdited({insert: 'api'}),
		);
		assert.equal(selectedName(back), 'api');
	});

	it('keeps the selection through a filter that still lists it, and after clearing', () => {
		const list = loaded([box('api'), box('db'), box('web-1'), box('web-2')]);
		const narrowed = apply(
			select(list, 'web-2'),
			filterOpened,
			filterEdited({insert: 'web'}),
		);
		assert.equal(selectedName(narrowed), 'web-2');
		const cleared = apply(narrowed, filterCleared);
		assert.equal(selectedName(cleared), 'web-2');
	});

	it('re-points the selection when showAll hides it', () => {
		const state = apply(
			select(
				loaded([box('a'), box('b'), box('x', 'exited'), box('y', 'exited')]),
				'x',
			),
			showAllToggled,
		);
		assert.equal(selectedName(state), 'b');
	});

	it('keeps both panes on their items', () => {
		const images = [
			fakeImage({id: 'sha256:1', tags: ['a:1']}),
			fakeImage({id: 'sha256:2', tags: ['b:1']}),
			fakeImage({id: 'sha256:3', tags: ['c:1']}),
		];
		let state = apply(
			loaded([box('x')], images),
			paneFocused('images'),
			selectionMoved(1),
		);
		assert.equal(state.ui.selection.images, 'sha256:2 b:1');
		state = apply(state, imagesListed([images[0]!, images[2]!], t0 + 1));
		assert.equal(state.ui.selection.images, 'sha256:3 c:1');
		assert.equal(selectedName(state), 'x');
	});
});

describe('selectedId', () => {
	it('is undefined while the selected row is filtered out', () => {
		const state = select(loaded([box('alpha'), box('bravo')]), 'bravo');
		assert.equal(
			selectedId(state, 'containers'),
			state.ui.selection.containers,
		);
		assert.notEqual(selectedId(state, 'containers'), undefined);
		assert.equal(
			selectedId(withFilter(state, 'alpha'), 'containers'),
			undefined,
		);
	});
});

describe('panes and dialogs', () => {
	const state = loaded([box('a')]);

	it('paneCycled wraps both ways, over the panes this engine has', () => {
		const order = availablePanes(state);
		assert.equal(state.ui.focus, 'containers');
		const next = paneCycled(1)(state);
		assert.equal(next.ui.focus, 'images');
		assert.equal(paneCycled(1)(next).ui.focus, 'resources');
		assert.equal(paneCycled(-1)(state).ui.focus, order.at(-1));
		assert.equal(paneCycled(-1)(next).ui.focus, 'containers');
		const round = order.reduce(cycled => paneCycled(1)(cycled), state);
		assert.equal(round.ui.focus, 'containers');
	});

	it('paneFocused keeps the state when the pane already has focus', () => {
		assert.equal(paneFocused('containers')(state), state);
	});

	it('filterOpened starts from the focused pane’s filter, selected', () => {
		const filtered = withFilter(state, 'web');
		assert.deepEqual(filterOpened(filtered).ui.dialog, {
			kind: 'filter',
			draft: {text: 'web', cursor: 3},
			isSelected: true,
		});
		assert.deepEqual(filterOpened(paneFocused('images')(filtered)).ui.dialog, {
			kind: 'filter',
			draft: {text: '', cursor: 0},
			isSelected: false,
		});
	});

	it('typing replaces a selected filter; after Right/End it adds to it', () => {
		const open = filterOpened(withFilter(state, 'web'));
		const replaced = apply(open, textTyped('d'));
		assert.deepEqual(replaced.ui.dialog, {
			kind: 'filter',
			draft: {text: 'd', cursor: 1},
		});
		assert.equal(replaced.ui.filters.containers, 'd');
		assert.equal(
			apply(open, lineChanged({delete: 'back'})).ui.filters.containers,
			'',
			'Backspace deletes the selection',
		);
		const kept = apply(open, lineChanged({move: 'end'}), textTyped('-1'));
		assert.deepEqual(kept.ui.dialog, {
			kind: 'filter',
			draft: {text: 'web-1', cursor: 5},
		});
	});

	it('Esc in a list clears the marks first, then the kept filter', () => {
		const filtered = withFilter(state, 'a');
		const marked = apply(filtered, markToggled);
		assert.equal(marked.marks.size, 1);
		const unmarked = apply(marked, marksOrFilterCleared);
		assert.equal(unmarked.marks.size, 0);
		assert.equal(unmarked.ui.filters.containers, 'a');
		const cleared = apply(unmarked, marksOrFilterCleared);
		assert.equal(cleared.ui.filters.containers, '');
		assert.equal(apply(cleared, marksOrFilterCleared), cleared);
	});

	it('filterEdited updates the draft and the filter at once, and only while the prompt is open', () => {
		const open = filterOpened(state);
		const typed = filterEdited({insert: 'ab'})(open);
		assert.deepEqual(typed.ui.dialog, {
			kind: 'filter',
			draft: {text: 'ab', cursor: 2},
		});
		assert.equal(typed.ui.filters.containers, 'ab');
		assert.equal(typed.ui.filters.images, '');
		assert.equal(filterEdited({insert: 'ab'})(state), state);
		const help = dialogOpened({kind: 'help', list: listViewAtTop})(state);
		assert.equal(filterEdited({insert: 'ab'})(help), help);
	});

	it('filterKept closes the prompt and keeps the filter', () => {
		const kept = filterKept(filterEdited({insert: 'ab'})(filterOpened(state)));
		assert.equal(kept.ui.dialog, undefined);
		assert.equal(kept.ui.filters.containers, 'ab');
	});

	it('filterCleared closes the prompt and clears the focused pane’s filter only', () => {
		const both = {
			...state,
			ui: {
				...state.ui,
				filters: {
					...state.ui.filters,
					containers: 'ab',
					images: 'cd',
					resources: 'ef',
				},
			},
		};
		const cleared = filterCleared(filterOpened(both));
		assert.equal(cleared.ui.dialog, undefined);
		assert.deepEqual(cleared.ui.filters, {
			...state.ui.filters,
			containers: '',
			images: 'cd',
			resources: 'ef',
		});
	});

	it('dialogClosed keeps the state when no dialog is open', () => {
		assert.equal(dialogClosed(state), state);
		assert.equal(
			dialogClosed(dialogOpened({kind: 'help', list: listViewAtTop})(state)).ui
				.dialog,
			undefined,
		);
	});

	const scopes: readonly {
		readonly name: string;
		readonly state: AppState;
		readonly scopes: readonly string[];
	}[] = [
		{
			name: 'containers pane',
			state,
			scopes: ['containers', 'sortable', 'markable', 'list', 'global'],
		},
		{
			name: 'resources pane',
			state: paneFocused('resources')(state),
			scopes: ['resources', 'sortable', 'list', 'global'],
		},
		{
			name: 'images pane',
			state: paneFocused('images')(state),
			scopes: ['images', 'markable', 'list', 'global'],
		},
		{
			name: 'help dialog',
			state: dialogOpened({kind: 'help', list: listViewAtTop})(state),
			scopes: ['help', 'dialogList'],
		},
		{name: 'filter prompt', state: filterOpened(state), scopes: ['filter']},
		{
			name: 'filter prompt on the images pane',
			state: filterOpened(paneFocused('images')(state)),
			scopes: ['filter'],
		},
	];
	for (const {name, state: current, scopes: expected} of scopes) {
		it(`activeScopes: ${name}`, () => {
			assert.deepEqual(activeScopes(current), expected);
		});
	}
});

describe('imageUsage and counts', () => {
	const containers = loaded(
		[
			box('a', 'running', {imageId: 'sha256:nginx'}),
			box('b', 'exited', {imageId: 'sha256:nginx'}),
			box('c', 'running', {imageId: 'sha256:pg'}),
			box('d', 'paused', {imageId: 'sha256:pg'}),
			box('e', 'created', {imageId: 'sha256:nginx'}),
		],
		[
			fakeImage({id: 'sha256:nginx'}),
			fakeImage({id: 'sha256:pg'}),
			fakeImage({id: 'sha256:x'}),
		],
	);

	it('imageUsage counts containers of every state per image', () => {
		const usage = imageUsage(containers.containers.byId);
		assert.deepEqual([...usage.entries()].sort(), [
			['sha256:nginx', 3],
			['sha256:pg', 2],
		]);
		assert.equal(usage.get('sha256:x'), undefined);
	});

	it('imageUsage returns the same map for the same containers', () => {
		const first = imageUsage(containers.containers.byId);
		assert.equal(imageUsage(containers.containers.byId), first);
		const relisted = containersListed(
			[...containers.containers.byId.values()].map(c => ({...c})),
			t0 + 1,
		)(containers);
		assert.equal(imageUsage(relisted.containers.byId), first);
		const changed = containersListed(
			[box('z', 'running', {imageId: 'sha256:x'})],
			t0 + 1,
		)(containers);
		const second = imageUsage(changed.containers.byId);
		assert.notEqual(second, first);
		assert.deepEqual([...second.entries()], [['sha256:x', 1]]);
	});

	it('counts running containers, all containers and images', () => {
		assert.deepEqual(
			counts(containers.containers.byId, containers.images.byId),
			{
				running: 2,
				containers: 5,
				images: 3,
			},
		);
	});

	it('counts returns the same object for the same maps', () => {
		const first = counts(containers.containers.byId, containers.images.byId);
		assert.equal(
			counts(containers.containers.byId, containers.images.byId),
			first,
		);
		const other = counts(new Map(), containers.images.byId);
		assert.notEqual(other, first);
		assert.deepEqual(other, {running: 0, containers: 0, images: 3});
	});
});
