import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {initialState, type AppState} from '../../source/state/app-state.js';
import {buildOutputLength} from '../../source/state/build-form.js';
import {
	buildOpened,
	buildOutputAdded,
	buildStarted,
} from '../../source/state/image-dialogs.js';
import {textLines} from '../../source/state/text-dialog.js';
import {
	openViewerDialog,
	viewerChanged,
	viewerScrolled,
	viewerWindow,
	type ViewerLine,
} from '../../source/state/text-viewer.js';
import type {Update} from '../../source/state/app-state.js';

const state = initialState({endpoint: 'x', readOnly: false, now: 0});
const layout = {rows: 10, rowsOf: () => 1};

function linesOf(from: AppState): readonly ViewerLine[] {
	const dialog = openViewerDialog(from);
	assert.equal(dialog?.kind, 'build');
	return dialog.output;
}

/** The texts in view of the open build's output. */
function inView(from: AppState): string[] {
	const dialog = openViewerDialog(from);
	assert.equal(dialog?.kind, 'build');
	const {top, bottom} = viewerWindow(dialog.viewer, dialog.output, layout);
	return dialog.output.slice(top, bottom + 1).map(line => line.text);
}

function output(from: number, count: number): Update {
	return buildOutputAdded(
		Array.from({length: count}, (_, index) => `step ${from + index}`),
		undefined,
	);
}

describe('the text viewer over live output', () => {
	it('a build’s output scrolled back stays on its lines as more comes and the oldest go', () => {
		let built = [buildOpened('/src'), buildStarted, output(0, 30)].reduce(
			(current, update) => update(current),
			state,
		);
		built = viewerChanged(viewer =>
			viewerScrolled(viewer, {lines: linesOf(built), layout}, -5),
		)(built);
		const before = inView(built);
		assert.equal(before.at(-1), 'step 24');
		built = output(30, 100)(built);
		assert.deepEqual(inView(built), before);
		// Its lines left the buffer: the view stands on the oldest kept.
		built = output(130, buildOutputLength)(built);
		assert.equal(inView(built)[0], 'step 130');
	});

	it('cuts a text into numbered lines; a last newline adds none', () => {
		assert.deepEqual(textLines('a\nb\n'), [
			{seq: 0, time: 0, text: 'a'},
			{seq: 1, time: 1, text: 'b'},
		]);
		assert.deepEqual(
			textLines('a\n\n').map(line => line.text),
			['a', ''],
		);
	});
});
