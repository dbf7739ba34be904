import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	lineEdited,
	pastedLine,
	selectedLineEdited,
	splitAtCursor,
	textEdited,
	textField,
	type LineEdit,
	type TextField,
} from '../../source/state/text-field.js';

/** A line written with `|` where the cursor is, e.g. `ab|c`. */
function line(marked: string): TextField {
	const cursor = Array.from(marked).indexOf('|');
	return {text: marked.replace('|', ''), cursor};
}

function marked(field: TextField): string {
	const chars = Array.from(field.text);
	chars.splice(field.cursor, 0, '|');
	return chars.join('');
}

function edits(start: string, ...steps: LineEdit[]): string {
	return marked(steps.reduce(lineEdited, line(start)));
}

describe('a text field', () => {
	it('starts with the cursor after its text', () => {
		assert.deepEqual(textField('abc'), {text: 'abc', cursor: 3});
		assert.deepEqual(textField(), {text: '', cursor: 0});
	});

	it('inserts typed and pasted text at the cursor', () => {
		assert.equal(edits('ab|cd', {insert: 'X'}), 'abX|cd');
		assert.equal(edits('|', {insert: 'KEY=a b'}), 'KEY=a b|');
		assert.equal(edits('a|', {insert: '🐳x'}), 'a🐳x|');
	});

	it('moves by a character and to either end, never past them', () => {
		assert.equal(edits('ab|c', {move: 'left'}), 'a|bc');
		assert.equal(edits('|abc', {move: 'left'}), '|abc');
		assert.equal(edits('ab|c', {move: 'right'}), 'abc|');
		assert.equal(edits('abc|', {move: 'right'}), 'abc|');
		assert.equal(edits('ab|c', {move: 'home'}), '|abc');
		assert.equal(edits('a|bc', {move: 'end'}), 'abc|');
		assert.equal(edits('🐳🐳|', {move: 'left'}), '🐳|🐳', 'an emoji is one');
	});

	it('moves by words of letters and digits, as Alt-B and Alt-F do', () => {
		assert.equal(
			edits('run my-app:1.2|', {move: 'wordLeft'}),
			'run my-app:1.|2',
		);
		assert.equal(edits('run my-|app', {move: 'wordLeft'}), 'run |my-app');
		assert.equal(edits('run  |my', {move: 'wordLeft'}), '|run  my');
		assert.equal(edits('|run my-app', {move: 'wordRight'}), 'run| my-app');
		assert.equal(edits('run| my-app', {move: 'wordRight'}), 'run my|-app');
		assert.equal(edits('run my-app|', {move: 'wordRight'}), 'run my-app|');
	});

	it('deletes before and at the cursor, as Backspace and Delete do', () => {
		assert.equal(edits('ab|c', {delete: 'back'}), 'a|c');
		assert.equal(edits('|abc', {delete: 'back'}), '|abc');
		assert.equal(edits('ab|c', {delete: 'forward'}), 'ab|');
		assert.equal(edits('abc|', {delete: 'forward'}), 'abc|');
	});

	it('deletes the blank-separated word before the cursor, as Ctrl-W does', () => {
		assert.equal(edits('ls -la /tmp|', {delete: 'wordBack'}), 'ls -la |');
		assert.equal(edits('ls -la  |x', {delete: 'wordBack'}), 'ls |x');
		assert.equal(edits('|ls', {delete: 'wordBack'}), '|ls');
	});

	it('deletes to the start and to the end, as Ctrl-U and Ctrl-K do', () => {
		assert.equal(edits('sh -c| true', {delete: 'toStart'}), '| true');
		assert.equal(edits('sh -c| true', {delete: 'toEnd'}), 'sh -c|');
	});

	it('keeps the same field for an edit that changes nothing', () => {
		const field = line('|abc');
		assert.equal(lineEdited(field, {move: 'left'}), field);
		assert.equal(lineEdited(field, {delete: 'back'}), field);
	});

	it('takes a cursor past the end as at the end', () => {
		assert.deepEqual(lineEdited({text: 'ab', cursor: 9}, {insert: 'c'}), {
			text: 'abc',
			cursor: 3,
		});
	});

	it('replaces a selected line with what is typed, and unselects it on a move', () => {
		const selected = textField('web');
		assert.equal(marked(selectedLineEdited(selected, {insert: 'd'})), 'd|');
		assert.equal(marked(selectedLineEdited(selected, {delete: 'back'})), '|');
		assert.equal(marked(selectedLineEdited(selected, {move: 'home'})), '|web');
	});

	it('edits a line kept as text at its end', () => {
		assert.equal(textEdited('env=prod', {delete: 'wordBack'}), '');
		assert.equal(textEdited('env', {insert: '=1'}), 'env=1');
		assert.equal(textEdited('env', {move: 'home'}), 'env');
	});

	it('splits the line at the cursor for drawing', () => {
		assert.deepEqual(splitAtCursor(line('a|bc')), {
			before: 'a',
			under: 'b',
			after: 'c',
		});
		assert.deepEqual(splitAtCursor(line('abc|')), {
			before: 'abc',
			under: '',
			after: '',
		});
	});

	it('turns a paste into one line of text, escapes and controls gone', () => {
		assert.equal(pastedLine('KEY=a b'), 'KEY=a b');
		assert.equal(pastedLine('a\tb\r\nc'), 'a b  c');
		assert.equal(pastedLine('x\u001B[31my\u001B[0m\u0007'), 'xy');
	});
});
