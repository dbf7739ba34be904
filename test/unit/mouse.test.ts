import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseMouseEvent} from '../../source/keymap/mouse-event.js';
import {initialState, type AppState} from '../../source/state/app-state.js';
import {dialogOpened} from '../../source/state/dialog-slot.js';
import {isDoubleClick} from '../../source/ui/mouse-handling.js';
import {mouseTarget} from '../../source/ui/mouse-target.js';

describe('SGR mouse reports', () => {
	it('reads presses, releases, the wheel and motion, with 0-based cells', () => {
		assert.deepEqual(parseMouseEvent('\u001B[<0;10;5M'), {
			action: 'press',
			button: 0,
			column: 9,
			row: 4,
		});
		assert.deepEqual(parseMouseEvent('\u001B[<0;10;5m'), {
			action: 'release',
			button: 0,
			column: 9,
			row: 4,
		});
		assert.equal(parseMouseEvent('\u001B[<64;1;1M')?.action, 'wheelUp');
		assert.equal(parseMouseEvent('\u001B[<65;1;1M')?.action, 'wheelDown');
		assert.equal(parseMouseEvent('\u001B[<32;3;3M')?.action, 'move');
		// Shift (4) and ctrl (16) do not change what the button is.
		assert.equal(parseMouseEvent('\u001B[<20;3;3M')?.action, 'press');
		// Sideways wheel: nothing scrolls sideways.
		assert.equal(parseMouseEvent('\u001B[<66;3;3M')?.action, 'move');
	});

	it('takes nothing else for a mouse report', () => {
		for (const input of ['M', '\u001B[B', '\u001B[<0;10M', '\u001B[<a;1;1M']) {
			assert.equal(parseMouseEvent(input), undefined, JSON.stringify(input));
		}
	});
});

/** A state whose Containers pane drew `containers` and Images pane `images`. */
function drawn(
	containers: readonly string[],
	images: readonly string[] = [],
): AppState {
	const state = initialState({endpoint: 'x', readOnly: false, now: 0});
	return {
		...state,
		ui: {...state.ui, shown: {...state.ui.shown, containers, images}},
	};
}

const size = {columns: 120, rows: 40};

describe('what a click lands on', () => {
	// 40 rows: 39 drawn, 2 of header, 1 of footer; Containers (focused) 22 rows, Images 14.
	it('maps the rows of the Containers and Images panes to their items', () => {
		const state = drawn(['c1', 'c2'], ['i1']);
		assert.deepEqual(mouseTarget(state, size, {column: 5, row: 2}), {
			kind: 'title',
			pane: 'containers',
		});
		// The column headers.
		assert.equal(mouseTarget(state, size, {column: 5, row: 3}), undefined);
		assert.deepEqual(mouseTarget(state, size, {column: 5, row: 4}), {
			kind: 'row',
			pane: 'containers',
			id: 'c1',
		});
		assert.deepEqual(mouseTarget(state, size, {column: 5, row: 5}), {
			kind: 'row',
			pane: 'containers',
			id: 'c2',
		});
		// Below the last row drawn.
		assert.equal(mouseTarget(state, size, {column: 5, row: 6}), undefined);
		assert.deepEqual(mouseTarget(state, size, {column: 5, row: 24}), {
			kind: 'title',
			pane: 'images',
		});
		assert.deepEqual(mouseTarget(state, size, {column: 5, row: 26}), {
			kind: 'row',
			pane: 'images',
			id: 'i1',
		});
		// The header and the footer.
		assert.equal(mouseTarget(state, size, {column: 5, row: 0}), undefined);
		assert.equal(mouseTarget(state, size, {column: 5, row: 38}), undefined);
	});

	it('follows the split when Images has focus', () => {
		const state = drawn(['c1'], ['i1']);
		const focused = {...state, ui: {...state.ui, focus: 'images' as const}};
		// Containers now takes 14 rows, Images 22.
		assert.deepEqual(mouseTarget(focused, size, {column: 5, row: 16}), {
			kind: 'title',
			pane: 'images',
		});
		assert.deepEqual(mouseTarget(focused, size, {column: 5, row: 4}), {
			kind: 'row',
			pane: 'containers',
			id: 'c1',
		});
	});

	it('lands on nothing while a dialog covers the panes, or the terminal is too small', () => {
		const state = drawn(['c1']);
		const withHelp = dialogOpened({
			kind: 'help',
			list: {top: 0, rows: 0, total: 0},
		})(state);
		assert.equal(mouseTarget(withHelp, size, {column: 5, row: 4}), undefined);
		assert.equal(
			mouseTarget(state, {columns: 40, rows: 10}, {column: 5, row: 4}),
			undefined,
		);
	});
});

describe('double-clicks', () => {
	const row = {kind: 'row', pane: 'containers', id: 'c1'} as const;
	it('are two presses on the same row within 400 ms', () => {
		assert.equal(isDoubleClick({time: 1000, target: row}, row, 1300), true);
		assert.equal(isDoubleClick({time: 1000, target: row}, row, 1500), false);
		assert.equal(
			isDoubleClick({time: 1000, target: {...row, id: 'c2'}}, row, 1100),
			false,
		);
		assert.equal(isDoubleClick(undefined, row, 1100), false);
	});
});
