// The one model of a line being typed (the filter, a form's field, a search…): its text and where
// the cursor is, edited as a readline prompt edits. Every prompt stores a TextField and edits it
// with `lineEdited`, so each gets the same keys.
//
// Not `ink-text-input` (6.0.0, the one Ink 6 takes), though it is controlled: it knows Left, Right
// and Backspace only (Delete deletes back too; no Home/End, Ctrl-A/E, Alt-B/F, Ctrl-W/U/K), takes a
// bracketed paste's marks as typed text, and reads keys with a `useInput` of its own, which loses
// the keys read together with the one that opened the field (they reach it before it is mounted).
// Here the keymap's one dispatcher edits the field in the store, and `ui/components/typed-line.tsx`
// only draws it.

/**
 * A line being typed and its cursor, counted in characters (code points, so that an emoji is one),
 * from 0 (before the first) to the length (after the last).
 */
export type TextField = {readonly text: string; readonly cursor: number};

/** A field holding `text`, the cursor after it: where typing goes on. */
export function textField(text = ''): TextField {
	return {text, cursor: Array.from(text).length};
}

/** Where a key moves the cursor: by a character, to an end, or by a word (Alt-B, Alt-F). */
export type LineMove =
	'left' | 'right' | 'home' | 'end' | 'wordLeft' | 'wordRight';

/**
 * What a key deletes: the character before or at the cursor (Backspace, Delete), the word before
 * it (Ctrl-W), everything before it (Ctrl-U) or after it (Ctrl-K).
 */
export type LineDeletion =
	'back' | 'forward' | 'wordBack' | 'toStart' | 'toEnd';

/** One change to a line: text typed or pasted at the cursor, a move, a deletion. */
export type LineEdit =
	| {readonly insert: string; readonly isPasted?: boolean}
	| {readonly move: LineMove}
	| {readonly delete: LineDeletion};

/** True for an edit that only moves the cursor. */
export function isMove(edit: LineEdit): edit is {readonly move: LineMove} {
	return 'move' in edit;
}

const isWordCharacter = (char: string | undefined): boolean =>
	char !== undefined && /[\p{L}\p{N}_]/u.test(char);

const isBlank = (char: string | undefined): boolean =>
	char !== undefined && /\s/u.test(char);

/**
 * Where the word before `at` starts: past the characters that are not `inWord`, then past those
 * that are, as readline's backward-word (words of letters and digits) and its Ctrl-W (words
 * between blanks) do.
 */
function wordStart(
	chars: readonly string[],
	at: number,
	inWord: (char: string | undefined) => boolean,
): number {
	let index = at;
	while (index > 0 && !inWord(chars[index - 1])) {
		index--;
	}

	while (index > 0 && inWord(chars[index - 1])) {
		index--;
	}

	return index;
}

/** Where the word at or after `at` ends (readline's forward-word). */
function wordEnd(chars: readonly string[], at: number): number {
	let index = at;
	while (index < chars.length && !isWordCharacter(chars[index])) {
		index++;
	}

	while (index < chars.length && isWordCharacter(chars[index])) {
		index++;
	}

	return index;
}

function moved(chars: readonly string[], at: number, move: LineMove): number {
	switch (move) {
		case 'left': {
			return Math.max(0, at - 1);
		}

		case 'right': {
			return Math.min(chars.length, at + 1);
		}

		case 'home': {
			return 0;
		}

		case 'end': {
			return chars.length;
		}

		case 'wordLeft': {
			return wordStart(chars, at, isWordCharacter);
		}

		case 'wordRight': {
			return wordEnd(chars, at);
		}
	}
}

/** The range [from, to) a deletion removes. */
function deleted(
	chars: readonly string[],
	at: number,
	deletion: LineDeletion,
): readonly [number, number] {
	switch (deletion) {
		case 'back': {
			return [Math.max(0, at - 1), at];
		}

		case 'forward': {
			return [at, Math.min(chars.length, at + 1)];
		}

		case 'wordBack': {
			return [wordStart(chars, at, char => !isBlank(char)), at];
		}

		case 'toStart': {
			return [0, at];
		}

		case 'toEnd': {
			return [at, chars.length];
		}
	}
}

/** The line after one edit. A cursor out of range (a stale one) counts as at the nearest end. */
export function lineEdited(field: TextField, edit: LineEdit): TextField {
	const chars = Array.from(field.text);
	const at = Math.min(Math.max(0, field.cursor), chars.length);
	if ('insert' in edit) {
		const inserted = Array.from(edit.insert);
		chars.splice(at, 0, ...inserted);
		return {text: chars.join(''), cursor: at + inserted.length};
	}

	if ('move' in edit) {
		const cursor = moved(chars, at, edit.move);
		return cursor === field.cursor ? field : {text: field.text, cursor};
	}

	const [from, to] = deleted(chars, at, edit.delete);
	if (from === to) {
		return field;
	}

	chars.splice(from, to - from);
	return {text: chars.join(''), cursor: from};
}

/**
 * A line kept as text only, its cursor always at the end (the prune dialog's label): typing and
 * deleting work there, moves do nothing.
 */
export function textEdited(text: string, edit: LineEdit): string {
	return lineEdited(textField(text), edit).text;
}

/**
 * A line that is selected as it opens (the kept filter, the last search): typed text, a deletion
 * or a paste replaces it, as in a selected text box; a move unselects it, to edit it.
 */
export function selectedLineEdited(
	field: TextField,
	edit: LineEdit,
): TextField {
	return lineEdited(isMove(edit) ? field : textField(), edit);
}

/**
 * Pasted text as it goes into a line: a line break or tab becomes a space (a field holds one line,
 * and Enter in it would submit), other control characters and escape sequences go.
 */
export function pastedLine(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex -- escape sequences are what goes
			.replaceAll(/\u001B(?:\[[\d;?]*[ -/]*[@-~]|O.|.)?/gu, '')
			.replaceAll(/[\t\n\r]/gu, ' ')
			.replaceAll(/\p{Cc}/gu, '')
	);
}

/** The line cut at the cursor, for drawing it there: before, under and after the cursor. */
export function splitAtCursor(field: TextField): {
	readonly before: string;
	readonly under: string;
	readonly after: string;
} {
	const chars = Array.from(field.text);
	const at = Math.min(Math.max(0, field.cursor), chars.length);
	return {
		before: chars.slice(0, at).join(''),
		under: chars[at] ?? '',
		after: chars.slice(at + 1).join(''),
	};
}
