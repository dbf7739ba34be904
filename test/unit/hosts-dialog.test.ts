import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {HostChoice} from '../../source/docker/host-choices.js';
import {initialState, type AppState} from '../../source/state/app-state.js';
import {
	hostConnectionStarted,
	hostSwitchFailed,
	hostsOpened,
	type HostsDialog,
} from '../../source/state/hosts-dialog.js';
import {dialogListMoved} from '../../source/state/dialog-list.js';

function choice(name: string): HostChoice {
	return {
		id: `context:${name}`,
		kind: 'context',
		name,
		description: '',
		endpoint: {
			kind: 'unix',
			socketPath: `/run/${name}.sock`,
			url: `unix:///run/${name}.sock`,
			source: {kind: 'context', contextName: name, from: 'flag'},
		},
		error: undefined,
	};
}

const start = initialState({endpoint: 'x', readOnly: false, now: 0});
const list = {
	choices: ['default', 'lab', 'prod'].map(choice),
	currentId: 'context:lab',
	problem: undefined,
};

function dialogOf(state: AppState): HostsDialog {
	const {dialog} = state.ui;
	assert.equal(dialog?.kind, 'hosts');
	return dialog;
}

describe('host switcher state', () => {
	it('opens with the cursor on the current engine, or the first when it is not listed', () => {
		assert.equal(dialogOf(hostsOpened(list)(start)).cursor, 1);
		assert.equal(
			dialogOf(hostsOpened({...list, currentId: 'flag'})(start)).cursor,
			0,
		);
	});

	it('moves the cursor within the list, and not while connecting', () => {
		const open = hostsOpened(list)(start);
		assert.equal(dialogOf(dialogListMoved(5)(open)).cursor, 2);
		assert.equal(dialogOf(dialogListMoved(-5)(open)).cursor, 0);
		assert.equal(dialogOf(dialogListMoved('bottom')(open)).cursor, 2);
		assert.equal(dialogOf(dialogListMoved('top')(open)).cursor, 0);
		const connecting = hostConnectionStarted('context:prod')(open);
		assert.equal(dialogListMoved(1)(connecting), connecting);
	});

	it('a failed switch keeps the list, says why there and in the status line', () => {
		const failed = hostSwitchFailed('connection refused')(
			hostConnectionStarted('context:prod')(hostsOpened(list)(start)),
		);
		assert.equal(dialogOf(failed).connecting, undefined);
		assert.equal(dialogOf(failed).error, 'connection refused');
		assert.deepEqual(failed.status, {
			text: 'connection refused',
			isError: true,
		});
		assert.equal(
			dialogOf(hostConnectionStarted('context:prod')(failed)).error,
			undefined,
			'a new attempt clears the old error',
		);
	});

	it('leaves other dialogs alone', () => {
		assert.equal(dialogListMoved(1)(start), start);
		assert.equal(hostConnectionStarted('x')(start), start);
	});
});
