import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	cursorStepped,
	listViewAtBottom,
	listViewAtTop,
	viewDrawn,
	viewScrolled,
	viewTop,
} from '../../source/state/list-view.js';

/** 21 items, 12 in sight, the first in view. */
const drawn = viewDrawn(listViewAtTop, 12, 21);

describe('the dialog list view', () => {
	it('scrolls by a line, a page and to either end, never past the last page', () => {
		assert.equal(viewScrolled(drawn, 1).top, 1);
		assert.equal(viewScrolled(drawn, -1), drawn, 'already at the top');
		assert.equal(viewScrolled(drawn, 'pageDown').top, 9, 'the last page');
		assert.equal(viewScrolled(drawn, 'bottom').top, 9);
		assert.equal(viewScrolled(viewScrolled(drawn, 'bottom'), 1).top, 9);
		assert.equal(viewScrolled(viewScrolled(drawn, 'bottom'), 'pageUp').top, 0);
		assert.equal(viewScrolled(viewScrolled(drawn, 'bottom'), 'top').top, 0);
	});

	it('does not scroll a list that fits', () => {
		const fits = viewDrawn(listViewAtTop, 12, 5);
		assert.equal(viewScrolled(fits, 'bottom'), fits);
		assert.equal(viewScrolled(fits, 'pageDown'), fits);
	});

	it('keeps an end asked for before the first draw, and opens on the last page from the bottom', () => {
		const early = viewScrolled(listViewAtTop, 'bottom');
		assert.equal(viewDrawn(early, 12, 21).top, 9);
		assert.equal(viewDrawn(listViewAtBottom, 12, 21).top, 9);
		assert.equal(viewDrawn(listViewAtBottom, 12, 3).top, 0);
	});

	it('keeps the top within the list when the list or the terminal shrinks', () => {
		const atEnd = viewScrolled(drawn, 'bottom');
		assert.equal(viewDrawn(atEnd, 12, 15).top, 3);
		assert.equal(viewDrawn(atEnd, 20, 21).top, 1);
		assert.equal(viewTop(9, 30, 21), 0);
	});

	it('moves a cursor and the view just enough to keep it in sight', () => {
		const down = cursorStepped(11, drawn, 1, 21);
		assert.deepEqual([down.cursor, down.view.top], [12, 1]);
		const up = cursorStepped(12, down.view, -1, 21);
		assert.deepEqual([up.cursor, up.view.top], [11, 1], 'the view stays');
		const last = cursorStepped(0, drawn, 'bottom', 21);
		assert.deepEqual([last.cursor, last.view.top], [20, 9]);
		const first = cursorStepped(20, last.view, 'top', 21);
		assert.deepEqual([first.cursor, first.view.top], [0, 0]);
		const page = cursorStepped(0, drawn, 'pageDown', 21);
		assert.deepEqual([page.cursor, page.view.top], [12, 1]);
		assert.equal(cursorStepped(3, drawn, 'bottom', 0).cursor, 0, 'no items');
	});
});
