import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialState, type AppState} from '../../source/state/app-state.js';
import {confirmOpened} from '../../source/state/confirm-dialog.js';
import {
	processesOpened,
	signalChooserOpened,
} from '../../source/state/processes-view.js';
import {dialogChoiceAt} from '../../source/ui/dialog-choices.js';

const size = {columns: 120, rows: 40};
// At 40 rows the body ends on row 37 (0-based: 2 header rows, 36 body rows), so a dialog's
// bottom border is row 37 and its last line row 36; its text starts at column 2.
const lastLine = 36;

function withKill(running: boolean): AppState {
	const state = initialState({endpoint: 'x', readOnly: false, now: 0});
	return confirmOpened({
		action: 'kill',
		targets: [
			{
				id: 'c1',
				name: 'web-1',
				isRunning: running,
				usedBy: [],
				runningUsers: [],
				otherTags: [],
				...(running ? {state: 'running'} : {state: 'exited'}),
			},
		],
	})(state);
}

describe('clicks on a dialog', () => {
	// `y yes, kill   n/Esc cancel`: y at 2–12, cancel at 16–27.
	it('find the choice of the confirm line under the cell', () => {
		const state = withKill(true);
		const at = (column: number, row = lastLine) =>
			dialogChoiceAt(state, size, {column, row})?.command;
		assert.equal(at(2), 'confirm.yes');
		assert.equal(at(12), 'confirm.yes');
		assert.equal(at(13), undefined, 'the gap between is no choice');
		assert.equal(at(16), 'dialog.cancel');
		assert.equal(at(27), 'dialog.cancel');
		assert.equal(at(28), undefined);
		assert.equal(at(1), undefined, 'the border is no choice');
		assert.equal(at(4, lastLine - 1), undefined);
		assert.equal(at(4, lastLine + 1), undefined);
	});

	it('offer no yes where nothing can go, and nothing without a dialog', () => {
		const state = withKill(false);
		// `nothing here can be killed   n/Esc cancel`
		assert.equal(
			dialogChoiceAt(state, size, {column: 4, row: lastLine}),
			undefined,
		);
		assert.equal(
			dialogChoiceAt(state, size, {column: 32, row: lastLine})?.command,
			'dialog.cancel',
		);
		const plain = initialState({endpoint: 'x', readOnly: false, now: 0});
		assert.equal(
			dialogChoiceAt(plain, size, {column: 4, row: lastLine}),
			undefined,
		);
	});

	it('pick the signal clicked before sending it', () => {
		const state = signalChooserOpened(
			processesOpened({containerId: 'c1', containerName: 'web-1'})(
				initialState({endpoint: 'x', readOnly: false, now: 0}),
			),
		);
		// ` TERM  KILL  …`: each signal is its name with a space either side.
		const choice = dialogChoiceAt(state, size, {column: 9, row: lastLine});
		assert.ok(choice?.picked !== undefined);
		const picked = choice.picked(state).ui.dialog;
		assert.equal(choice.command, 'processes.signalSend');
		assert.equal(picked?.kind === 'processes' && picked.signal, 1);
	});
});
