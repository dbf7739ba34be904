import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {createTextSave} from '../../source/runtime/text-save.js';
import {
	initialState,
	type AppState,
	type Update,
} from '../../source/state/app-state.js';

function saver(directory: string) {
	let state: AppState = initialState({endpoint: 'x', readOnly: false, now: 0});
	const save = createTextSave({
		dispatch(update: Update) {
			state = update(state);
		},
		now: () => Date.parse('2026-11-28T12:00:00Z'),
		directory,
	});
	return {save, status: () => state.status};
}

describe('saving a viewer’s text (s)', () => {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'dockmate-save-'));
	after(() => {
		rmSync(folder, {recursive: true, force: true});
	});

	it('writes <title>-<time>.log for a log, .txt for other text, and says where', async () => {
		const {save, status} = saver(folder);
		await save({title: '2 containers', text: 'a\nb\n', lines: 2, isLog: true});
		await save({
			title: 'web: /etc/app.conf',
			text: 'x\n',
			lines: 1,
			isLog: false,
		});
		const files = readdirSync(folder).sort();
		assert.equal(files.length, 2);
		assert.match(files[0] ?? '', /^2-containers-\d{8}-\d{6}\.log$/);
		assert.match(files[1] ?? '', /^web-etc-app.conf-\d{8}-\d{6}\.txt$/);
		assert.equal(
			readFileSync(path.join(folder, files[0] ?? ''), 'utf8'),
			'a\nb\n',
		);
		assert.deepEqual(status(), {
			text: `saved 1 line to ${path.join(folder, files[1] ?? '')}`,
			isError: false,
		});
	});

	it('falls back to the temporary folder when the folder cannot be written', async () => {
		const {save, status} = saver(path.join(folder, 'missing', 'deeper'));
		await save({title: 'web', text: 'one\n', lines: 1, isLog: true});
		const text = status()?.text ?? '';
		const saved = /^saved 1 line to (.+)$/.exec(text)?.[1] ?? '';
		assert.ok(saved.startsWith(os.tmpdir()), text);
		assert.equal(readFileSync(saved, 'utf8'), 'one\n');
		rmSync(saved);
	});
});
