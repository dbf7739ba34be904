import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialState} from '../../source/state/app-state.js';
import {
	composeOutputOpened,
	composeOutputReceived,
} from '../../source/state/compose-state.js';
import {
	viewerChanged,
	viewerScrolled,
	viewerWindow,
	type ViewerMove,
} from '../../source/state/text-viewer.js';
import {availablePanes, visibleIds} from '../../source/state/selectors.js';
import {
	nodesListed,
	scaleOpened,
	servicesListed,
	swarmDetected,
	tasksListed,
} from '../../source/state/swarm-updates.js';
import {lineChanged, textTyped} from '../../source/state/updates.js';
import {fakeNode, fakeService, fakeTask} from '../fakes/fake-swarm.js';
import {paneCycled, paneFocused} from '../../source/state/selection.js';

const state = initialState({endpoint: 'x', readOnly: false, now: 0});
const manager = swarmDetected(true, 0)(state);
const web = fakeService({name: 'web'});

describe('Swarm state', () => {
	it('offers the Services and Nodes panes on a manager only, in the planned order', () => {
		assert.ok(!availablePanes(state).includes('services'));
		assert.equal(
			paneFocused('services')(state),
			state,
			'refused outside a Swarm',
		);
		assert.deepEqual(availablePanes(manager).slice(-2), ['services', 'nodes']);
		assert.equal(paneCycled(-1)(manager).ui.focus, 'nodes');
		assert.equal(paneFocused('nodes')(manager).ui.focus, 'nodes');
	});

	it('forgets the Swarm and leaves its panes when the engine stops being a manager', () => {
		const listed = nodesListed(
			[fakeNode({hostname: 'vm'})],
			0,
		)(servicesListed([web], 0)(paneFocused('services')(manager)));
		assert.deepEqual(visibleIds(listed, 'services'), [web.id]);
		const left = swarmDetected(false, 5)(listed);
		assert.equal(left.ui.focus, 'containers');
		assert.equal(left.swarm.services.byId.size, 0);
		assert.equal(left.swarm.nodes.loaded, false);
		assert.equal(swarmDetected(false, 9)(left), left, 'no change, same state');
	});

	it('keeps the task list object while nothing in it changed', () => {
		const tasks = [fakeTask(web, 2), fakeTask(web, 1)];
		const listed = tasksListed(web.id, tasks)(manager);
		assert.deepEqual(
			listed.swarm.tasks.tasks.map(task => task.slot),
			[1, 2],
		);
		assert.equal(tasksListed(web.id, [...tasks])(listed), listed);
	});

	it('takes digits only in the scale prompt', () => {
		const prompt = scaleOpened({...web, desired: 3})(manager);
		assert.deepEqual(prompt.ui.dialog, {
			kind: 'scale',
			serviceId: web.id,
			name: 'web',
			draft: {text: '3', cursor: 1},
		});
		const typed = textTyped('x1 2')(lineChanged({delete: 'back'})(prompt));
		assert.equal(
			typed.ui.dialog?.kind === 'scale' ? typed.ui.dialog.draft.text : '',
			'12',
		);
	});
});

describe('compose output', () => {
	const lines = Array.from({length: 50}, (_, index) => ({
		seq: index,
		time: index,
		text: `line ${index}`,
	}));
	const text = {lines, layout: {rows: 10, rowsOf: () => 1}};
	const open = composeOutputReceived(
		1,
		lines,
		0,
	)(composeOutputOpened({run: 1, title: 'up', commandLine: 'x'})(state));
	const moved = (from: typeof open, move: ViewerMove) =>
		viewerChanged(viewer => viewerScrolled(viewer, text, move))(from);
	/** The bottom line in view, or `following`. */
	const bottom = (from: typeof open) => {
		const {dialog} = from.ui;
		assert.equal(dialog?.kind, 'compose-output');
		return dialog.viewer.follow
			? 'following'
			: viewerWindow(dialog.viewer, lines, text.layout).bottom;
	};

	it('follows the newest line until scrolled back, and again from the bottom', () => {
		assert.equal(bottom(open), 'following');
		const back = moved(open, -5);
		assert.equal(bottom(back), 44);
		assert.equal(bottom(moved(back, 'top')), 9);
		assert.equal(bottom(moved(back, -100)), 9);
		assert.equal(bottom(moved(back, 5)), 'following');
		assert.equal(bottom(moved(back, 'bottom')), 'following');
	});

	it('takes no output of an older run', () => {
		assert.equal(
			composeOutputReceived(2, [{seq: 0, time: 0, text: 'late'}], 0)(open),
			open,
		);
	});
});
