import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialState, type AppState} from '../../source/state/app-state.js';
import {dialogListMoved} from '../../source/state/dialog-list.js';
import {
	pruneKey,
	pruneOpened,
	prunePreviewed,
	pruneRows,
	pruneStaged,
	pruneToggled,
	type PruneDialog,
	type PruneItem,
} from '../../source/state/prune-dialog.js';

const mb = 1_000_000;

function item(
	engine: string | undefined,
	name: string,
	size: number | undefined,
): PruneItem {
	return {
		category: name.startsWith('net') ? 'networks' : 'containers',
		// The same id on two engines: each engine's own.
		id: `id-${name}`,
		name,
		detail: '',
		size,
		tags: [],
		...(engine === undefined ? {} : {engine}),
	};
}

/** The prune dialog's preview of `items`, with `engines` in a fleet. */
function previewOf(
	items: readonly PruneItem[],
	engines: PruneDialog['engines'] = [],
): AppState {
	let state = initialState({endpoint: 'x', readOnly: false, now: 0});
	for (const update of [
		pruneOpened,
		pruneStaged('loading'),
		prunePreviewed(items, engines),
	]) {
		state = update(state);
	}

	return state;
}

function dialogOf(state: AppState): PruneDialog {
	const {dialog} = state.ui;
	assert.ok(dialog?.kind === 'prune');
	return dialog;
}

/** Each row as a short line: `# engine marked/total bytes` or `- engine name`. */
function rowsText(state: AppState): string[] {
	return pruneRows(dialogOf(state)).map(row =>
		row.kind === 'engine'
			? `# ${row.engine.name} ${row.marked}/${row.items.length} ${row.reclaims}${row.engine.note === undefined ? '' : ` (${row.engine.note})`}`
			: `- ${row.item.engine === undefined ? '' : `${row.item.engine} `}${row.item.name}`,
	);
}

describe('the prune preview, grouped by engine', () => {
	const fleetItems = [
		item('lab', 'job', 5 * mb),
		item('lab', 'net-a', undefined),
		item('db', 'job', 7 * mb),
	];
	const engines = [
		{name: 'lab', note: undefined},
		{name: 'prod', note: 'read-only, not pruned'},
		{name: 'db', note: undefined},
	];

	it('heads each engine’s items with its count and the space they free, in the fleet’s order', () => {
		assert.deepEqual(rowsText(previewOf(fleetItems, engines)), [
			`# lab 2/2 ${5 * mb}`,
			'- lab job',
			'- lab net-a',
			'# prod 0/0 0 (read-only, not pruned)',
			`# db 1/1 ${7 * mb}`,
			'- db job',
		]);
	});

	it('on one engine lists the items alone', () => {
		assert.deepEqual(rowsText(previewOf([item(undefined, 'job', 5 * mb)])), [
			'- job',
		]);
	});

	it('keeps the same id on two engines apart: unmarking one leaves the other', () => {
		let state = previewOf(fleetItems, engines);
		// Onto lab's job, then Space.
		state = dialogListMoved(1)(state);
		state = pruneToggled(state);
		assert.deepEqual([...dialogOf(state).skipped], ['lab/containers:id-job']);
		assert.notEqual(
			pruneKey(item('lab', 'job', 0)),
			pruneKey(item('db', 'job', 0)),
		);
		assert.deepEqual(rowsText(state).slice(0, 1), ['# lab 1/2 0']);
		assert.equal(rowsText(state).at(-2), `# db 1/1 ${7 * mb}`);
	});

	it('Space on an engine’s heading unmarks all its items, and marks them again', () => {
		let state = previewOf(fleetItems, engines);
		state = pruneToggled(state);
		assert.deepEqual(rowsText(state)[0], '# lab 0/2 0');
		assert.equal(dialogOf(state).skipped.size, 2);
		state = pruneToggled(state);
		assert.deepEqual(rowsText(state)[0], `# lab 2/2 ${5 * mb}`);
		assert.equal(dialogOf(state).skipped.size, 0);
	});

	it('the cursor goes over the headings too, down to the last row', () => {
		let state = previewOf(fleetItems, engines);
		for (let step = 0; step < 10; step++) {
			state = dialogListMoved(1)(state);
		}

		assert.equal(dialogOf(state).cursor, 5);
	});
});
