import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {
	ContainerState,
	ContainerSummary,
} from '../../source/docker/docker-client.js';
import {
	initialState,
	type AppState,
	type Pane,
	type SortKey,
	type Update,
} from '../../source/state/app-state.js';
import type {ResourceUsage} from '../../source/state/resource-usage.js';
import {visibleIds} from '../../source/state/selectors.js';
import {paneFocused} from '../../source/state/selection.js';
import {
	containersListed,
	engineSortChosen,
	imagesListed,
	sortChosen,
} from '../../source/state/updates.js';
import {fleetChanged} from '../../source/state/fleet.js';
import {volumesListed} from '../../source/state/volumes-networks.js';
import {
	fakeContainer,
	fakeImage,
	fakeVolume,
} from '../fakes/fake-docker-client.js';
import {unknownUsage} from '../fakes/resource-usage.js';
import {resourceTotals} from '../../source/state/container-rows.js';
import {
	resourcesDropped,
	resourcesMeasured,
} from '../../source/state/resources.js';

const t0 = Date.parse('2026-11-28T12:00:00Z');
const mib = 1024 * 1024;

/** A container whose id does not sort like its name, so ties by name and by id can be told apart. */
function box(
	name: string,
	state: ContainerState = 'running',
): ContainerSummary {
	let hash = 7;
	for (const character of name) {
		hash = (hash * 131 + (character.codePointAt(0) ?? 0)) % 0xff_ff_ff;
	}

	return fakeContainer({
		name,
		state,
		id: (0xff_ff_ff - hash).toString(16).padStart(8, '0').repeat(8),
	});
}

function usage(
	cpuPercent: number | undefined,
	memoryUsage: number | undefined,
): ResourceUsage {
	return {...unknownUsage, time: t0, cpuPercent, memoryUsage};
}

const alpha = box('alpha');
const bravo = box('bravo');
const charlie = box('charlie');
// Measured, but its CPU is not known yet (first sample).
const delta = box('delta');
const echo = box('echo', 'paused');
const foxtrot = box('foxtrot', 'exited');
// Stopped, with figures left over: its state still puts it after every live container.
const golf = box('golf', 'exited');
// Live, never measured.
const hotel = box('hotel');
const all = [golf, foxtrot, echo, delta, charlie, bravo, alpha, hotel];

const figures: readonly [ContainerSummary, ResourceUsage][] = [
	[alpha, usage(50, 100 * mib)],
	[bravo, usage(10, 300 * mib)],
	[charlie, usage(50, 200 * mib)],
	[delta, usage(undefined, 150 * mib)],
	[echo, usage(80, 50 * mib)],
	[golf, usage(999, 1024 * mib)],
];

function measured(
	entries: readonly (readonly [ContainerSummary, ResourceUsage])[],
): Update {
	return resourcesMeasured(
		new Map(entries.map(([container, value]) => [container.id, value])),
		false,
	);
}

function apply(state: AppState, ...updates: Update[]): AppState {
	return updates.reduce((current, update) => update(current), state);
}

function loaded(): AppState {
	return apply(
		initialState({endpoint: 'fake://engine', readOnly: false, now: t0}),
		containersListed(all, t0),
		measured(figures),
	);
}

/**
 * `sortChosen` presses on the focused pane that lead to a sort: the first press of a figure sorts
 * largest first, a second reverses.
 */
function sorted(state: AppState, key: SortKey, descending: boolean): AppState {
	const pane = state.ui.focus;
	let next = sortChosen(key)(state);
	if (next.ui.sorts[pane].descending !== descending) {
		next = sortChosen(key)(next);
	}

	assert.deepEqual(next.ui.sorts[pane], {key, descending});
	return next;
}

function names(state: AppState, pane: Pane = 'containers'): string[] {
	return visibleIds(state, pane).map(
		id => state.containers.byId.get(id)?.name ?? `? ${id}`,
	);
}

describe('sortChosen', () => {
	const cases: readonly [string, readonly SortKey[], SortKey, boolean][] = [
		['starts by name, A to Z', [], 'name', false],
		['CPU sorts largest first', ['cpu'], 'cpu', true],
		['memory sorts largest first', ['memory'], 'memory', true],
		['the same key again reverses', ['cpu', 'cpu'], 'cpu', false],
		['and again restores', ['cpu', 'cpu', 'cpu'], 'cpu', true],
		['another key starts afresh', ['cpu', 'cpu', 'memory'], 'memory', true],
		['name again reverses', ['name'], 'name', true],
		['back to name is A to Z', ['memory', 'name'], 'name', false],
	];
	for (const [name, keys, key, descending] of cases) {
		it(name, () => {
			const state = apply(loaded(), ...keys.map(each => sortChosen(each)));
			assert.deepEqual(state.ui.sorts.containers, {key, descending});
		});
	}
});

describe('visibleIds sorted by figures', () => {
	const cases: readonly [SortKey, boolean, readonly string[]][] = [
		[
			'cpu',
			true,
			[
				'echo',
				// Tied at 50%: by name.
				'alpha',
				'charlie',
				'bravo',
				// No CPU figure: after those with one, by name.
				'delta',
				'hotel',
				'golf',
				'foxtrot',
			],
		],
		[
			'cpu',
			false,
			[
				'bravo',
				'alpha',
				'charlie',
				'echo',
				'delta',
				'hotel',
				'golf',
				'foxtrot',
			],
		],
		[
			'memory',
			true,
			[
				'bravo',
				'charlie',
				'delta',
				'alpha',
				'echo',
				'hotel',
				'golf',
				'foxtrot',
			],
		],
		[
			'memory',
			false,
			[
				'echo',
				'alpha',
				'delta',
				'charlie',
				'bravo',
				'hotel',
				'golf',
				'foxtrot',
			],
		],
		[
			'name',
			false,
			[
				'alpha',
				'bravo',
				'charlie',
				'delta',
				'echo',
				'hotel',
				'foxtrot',
				'golf',
			],
		],
		[
			'name',
			true,
			[
				'hotel',
				'echo',
				'delta',
				'charlie',
				'bravo',
				'alpha',
				'golf',
				'foxtrot',
			],
		],
	];
	for (const [key, descending, expected] of cases) {
		const direction = descending ? 'descending' : 'ascending';
		it(`${key} ${direction}: live containers first, unmeasured after measured`, () => {
			assert.deepEqual(names(sorted(loaded(), key, descending)), expected);
		});

		it(`${key} ${direction}: sorted alike, the Resources pane lists the live ones in the same order`, () => {
			const state = sorted(paneFocused('resources')(loaded()), key, descending);
			assert.deepEqual(
				names(state, 'resources'),
				expected.filter(name => name !== 'foxtrot' && name !== 'golf'),
			);
		});
	}

	it('follows new figures', () => {
		const state = sorted(loaded(), 'cpu', true);
		assert.deepEqual(names(state).slice(0, 4), [
			'echo',
			'alpha',
			'charlie',
			'bravo',
		]);
		const next = measured([
			[bravo, usage(95, 300 * mib)],
			[echo, usage(5, 50 * mib)],
		])(state);
		assert.deepEqual(names(next).slice(0, 4), [
			'bravo',
			'alpha',
			'charlie',
			'echo',
		]);
	});

	it('puts a container whose figures were dropped after those with figures', () => {
		const state = sorted(loaded(), 'cpu', true);
		const next = resourcesDropped([echo.id])(state);
		assert.deepEqual(names(next).slice(0, 6), [
			'alpha',
			'charlie',
			'bravo',
			'delta',
			'echo',
			'hotel',
		]);
	});

	for (const key of ['cpu', 'memory'] as const) {
		for (const descending of [true, false]) {
			it(`keeps ties in name order across repeated measurements (${key}, ${descending ? 'descending' : 'ascending'})`, () => {
				let state = sorted(loaded(), key, descending);
				const first = names(state);
				// The same figures again, arriving in different orders, and all tied at once.
				const rounds: (readonly [ContainerSummary, ResourceUsage])[][] = [
					[...figures].reverse(),
					[...figures],
					[
						[charlie, usage(50, 200 * mib)],
						[alpha, usage(50, 100 * mib)],
					],
				];
				for (const round of rounds) {
					state = measured(round)(state);
					assert.deepEqual(names(state), first);
				}

				const tied = [alpha, bravo, charlie, delta, echo].map(
					container => [container, usage(20, 64 * mib)] as const,
				);
				for (const round of [tied, [...tied].reverse(), tied]) {
					state = measured(round)(state);
					assert.deepEqual(names(state).slice(0, 5), [
						'alpha',
						'bravo',
						'charlie',
						'delta',
						'echo',
					]);
				}
			});
		}
	}

	it('orders containers of the same name by id, in every direction', () => {
		const twin = fakeContainer({name: 'alpha', id: '0'.repeat(64)});
		const other = fakeContainer({name: 'alpha', id: 'f'.repeat(64)});
		for (const [key, descending] of [
			['cpu', true],
			['cpu', false],
			['name', false],
		] as const) {
			const state = sorted(
				apply(
					initialState({endpoint: 'fake://engine', readOnly: false, now: t0}),
					containersListed([other, twin], t0),
					measured([
						[other, usage(1, 1)],
						[twin, usage(1, 1)],
					]),
				),
				key,
				descending,
			);
			assert.deepEqual(visibleIds(state, 'containers'), [twin.id, other.id]);
		}
	});
});

describe('visibleIds sorted by name ignores figures', () => {
	for (const pane of ['containers', 'resources'] as const) {
		it(`returns the same array after a new measurement (${pane})`, () => {
			const state = loaded();
			assert.equal(state.ui.sorts.containers.key, 'name');
			const before = visibleIds(state, pane);
			let next = state;
			for (const update of [
				measured([[bravo, usage(99, 999 * mib)]]),
				measured([[alpha, usage(1, 1)]]),
				resourcesDropped([charlie.id]),
				resourcesMeasured(new Map(), true),
			]) {
				next = update(next);
				assert.notEqual(next.resources.byId, state.resources.byId);
				assert.equal(visibleIds(next, pane), before);
			}
		});
	}

	it('returns a new array for a new measurement when sorting by CPU', () => {
		const state = sorted(loaded(), 'cpu', true);
		const before = visibleIds(state, 'containers');
		const next = measured([[bravo, usage(99, 300 * mib)]])(state);
		const after = visibleIds(next, 'containers');
		assert.notEqual(after, before);
		assert.equal(next.containers.byId.get(after[0] ?? '')?.name, 'bravo');
	});
});

describe('resourceTotals', () => {
	it('sums CPU and memory of every measured container, counting unknown figures as nothing', () => {
		assert.deepEqual(resourceTotals(loaded().resources.byId), {
			cpuPercent: 50 + 10 + 50 + 80 + 999,
			memory: (100 + 300 + 200 + 150 + 50 + 1024) * mib,
		});
	});

	it('is zero with nothing measured', () => {
		assert.deepEqual(resourceTotals(new Map()), {cpuPercent: 0, memory: 0});
	});

	it('returns the same object for the same map', () => {
		const {byId} = loaded().resources;
		assert.equal(resourceTotals(byId), resourceTotals(byId));
	});
});

describe('sorts per pane', () => {
	const t0 = Date.parse('2026-11-01T00:00:00Z');
	const images = [
		fakeImage({id: 'sha256:small', tags: ['small:1'], size: 10, createdAt: t0}),
		fakeImage({
			id: 'sha256:big',
			tags: ['big:1'],
			size: 900,
			createdAt: t0 - 9e6,
		}),
		fakeImage({
			id: 'sha256:mid',
			tags: ['mid:1'],
			size: 300,
			createdAt: t0 - 1e9,
		}),
	];
	const volumes = [
		fakeVolume({name: 'logs', size: 50}),
		fakeVolume({name: 'data', size: 7000}),
		fakeVolume({name: 'cache'}),
		fakeVolume({name: 'tmp', size: 1}),
	];
	const state = imagesListed(
		images,
		t0,
	)(
		volumesListed(
			volumes,
			t0,
		)(initialState({endpoint: 'x', readOnly: false, now: t0})),
	);
	const tags = (next: AppState) =>
		visibleIds(next, 'images').map(id => id.split(' ')[1]);

	it('images sort by size, largest first, then by age, oldest first; each again reverses', () => {
		const onImages = paneFocused('images')(state);
		assert.deepEqual(tags(onImages), ['big:1', 'mid:1', 'small:1']);
		const bySize = sorted(onImages, 'size', true);
		assert.deepEqual(tags(bySize), ['big:1', 'mid:1', 'small:1']);
		assert.deepEqual(tags(sorted(onImages, 'size', false)), [
			'small:1',
			'mid:1',
			'big:1',
		]);
		assert.deepEqual(tags(sorted(onImages, 'age', true)), [
			'mid:1',
			'big:1',
			'small:1',
		]);
		// The containers keep their own order.
		assert.deepEqual(bySize.ui.sorts.containers, {
			key: 'name',
			descending: false,
		});
	});

	it('volumes sort by size, largest first, unmeasured last', () => {
		const bySize = sorted(paneFocused('volumes')(state), 'size', true);
		assert.deepEqual(visibleIds(bySize, 'volumes'), [
			'data',
			'logs',
			'tmp',
			'cache',
		]);
	});
});

describe('sorting by engine, in a fleet', () => {
	const state = volumesListed(
		[
			fakeVolume({name: 'data~1', engine: 'prod'}),
			fakeVolume({name: 'cache~0', engine: 'lab'}),
			fakeVolume({name: 'logs~1', engine: 'prod'}),
		],
		t0,
	)(
		imagesListed(
			[
				fakeImage({id: 'sha256:a~1', tags: ['app:1'], engine: 'prod'}),
				fakeImage({id: 'sha256:b~0', tags: ['base:1'], engine: 'lab'}),
			],
			t0,
		)(
			containersListed(
				[
					{...box('web'), id: `${box('web').id}~1`, engine: 'prod'},
					{...box('api'), id: `${box('api').id}~1`, engine: 'prod'},
					{...box('web'), engine: 'lab'},
				],
				t0,
			)(initialState({endpoint: 'x', readOnly: false, now: t0})),
		),
	);

	it('groups each engine’s rows, A to Z, in the usual order among them; again reverses', () => {
		const inFleet = fleetChanged(
			['lab', 'prod'].map(name => ({
				name,
				readOnly: false,
				product: undefined,
				state: {status: 'connected'},
			})),
		)(state);
		const engines = (next: AppState, pane: Pane): string[] =>
			visibleIds(next, pane).map(id => (id.endsWith('~1') ? 'prod' : 'lab'));
		const byEngine = engineSortChosen(inFleet);
		assert.deepEqual(byEngine.ui.sorts.containers, {
			key: 'engine',
			descending: false,
		});
		assert.deepEqual(names(byEngine), ['web', 'api', 'web']);
		assert.deepEqual(engines(byEngine, 'containers'), ['lab', 'prod', 'prod']);
		assert.deepEqual(engines(engineSortChosen(byEngine), 'containers'), [
			'prod',
			'prod',
			'lab',
		]);
		const images = engineSortChosen(paneFocused('images')(inFleet));
		assert.deepEqual(
			visibleIds(images, 'images').map(id => id.split(' ')[1]),
			['base:1', 'app:1'],
		);
		const volumes = engineSortChosen(paneFocused('volumes')(inFleet));
		assert.deepEqual(visibleIds(volumes, 'volumes'), [
			'cache~0',
			'data~1',
			'logs~1',
		]);
	});

	it('one engine has no fleet to sort by, and says so', () => {
		const next = engineSortChosen(state);
		assert.deepEqual(next.ui.sorts.containers, {
			key: 'name',
			descending: false,
		});
		assert.match(next.status?.text ?? '', /no fleet to sort by engine/);
	});
});
