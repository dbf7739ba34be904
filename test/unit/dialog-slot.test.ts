import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialState, sliceChanged} from '../../source/state/app-state.js';
import {
	currentDialog,
	dialogClosed,
	dialogOpened,
	updateDialog,
} from '../../source/state/dialog-slot.js';
import {listViewAtTop} from '../../source/state/list-view.js';
import {textField} from '../../source/state/text-field.js';
import {withMember} from '../../source/state/set-membership.js';

const empty = initialState({endpoint: 'x', readOnly: false, now: 0});
const withScale = dialogOpened({
	kind: 'scale',
	serviceId: 's1',
	name: 'web',
	draft: textField('3'),
})(empty);

describe('the dialog slot', () => {
	it('changes the open dialog when it is of the kind asked for', () => {
		const next = updateDialog('scale', dialog => ({
			...dialog,
			draft: textField('4'),
		}))(withScale);
		assert.deepEqual(next.ui.dialog, {
			kind: 'scale',
			serviceId: 's1',
			name: 'web',
			draft: textField('4'),
		});
	});

	it('leaves the same state for another kind, no dialog, or no change', () => {
		const help = dialogOpened({kind: 'help', list: listViewAtTop})(empty);
		const change = updateDialog('scale', dialog => ({
			...dialog,
			draft: textField('9'),
		}));
		assert.equal(change(help), help);
		assert.equal(change(empty), empty);
		assert.equal(updateDialog('scale', dialog => dialog)(withScale), withScale);
	});

	it('reads the open dialog only when it is of the kind asked for', () => {
		assert.equal(currentDialog(withScale, 'scale'), withScale.ui.dialog);
		assert.equal(currentDialog(withScale, 'help'), undefined);
		assert.equal(currentDialog(empty, 'scale'), undefined);
	});

	it('closes the dialog when the change gives none back, as dialogClosed does', () => {
		const closed = updateDialog('scale', () => undefined)(withScale);
		assert.equal(closed.ui.dialog, undefined);
		assert.deepEqual(closed, dialogClosed(withScale));
		assert.equal(dialogClosed(empty), empty);
	});
});

describe('set membership', () => {
	it('toggles an item by default, or sets it as asked, keeping the set when nothing changes', () => {
		const set: ReadonlySet<string> = new Set(['a']);
		assert.deepEqual([...withMember(set, 'b')], ['a', 'b']);
		assert.deepEqual([...withMember(set, 'a')], []);
		assert.equal(withMember(set, 'a', true), set);
		assert.equal(withMember(set, 'b', false), set);
		assert.deepEqual([...set], ['a'], 'the set itself is not changed');
	});
});

describe('a part of the state', () => {
	it('is changed alone, and the state stays the same when the part does', () => {
		const next = sliceChanged('events', log => ({...log, type: 'image'}))(
			empty,
		);
		assert.equal(next.events.type, 'image');
		assert.equal(next.ui, empty.ui);
		assert.equal(sliceChanged('events', log => log)(empty), empty);
	});
});
