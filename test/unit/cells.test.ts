import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {sanitize} from '../../source/docker/sanitize.js';
import {cellWidth, fit, prefixWithin} from '../../source/ui/format/cells.js';

/**
 * Engine text as it reaches the screen, and the columns tmux 3.3a, xterm and VTE (which draw a
 * ZWJ sequence or a skin tone as its parts) and kitty or WezTerm (which join them) all give it.
 */
const drawn: readonly (readonly [string, string, number])[] = [
	['ASCII', 'web-1', 5],
	['wide CJK', '日本語', 6],
	['Hangul syllables', '컨테이너', 8],
	['combining acute', 'e\u0301', 1],
	['several combining marks', 'a\u0301\u0323\u0308', 1],
	['Thai vowel mark', '\u0E01\u0E34', 1],
	['whale emoji', '🐳', 2],
	['flag (regional indicator pair)', '🇩🇪', 2],
	['ZWJ family', '👩‍👩‍👧', 6],
	['ZWJ rainbow flag', '🏳️‍🌈', 3],
	['heart with emoji presentation selector', '❤️', 1],
	['smiley with text presentation selector', '😀\uFE0E', 2],
	['keycap', '1️⃣', 1],
	['skin tone', '👍🏽', 2],
	['subdivision flag (tags)', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', 2],
	['CJK ideographic variation selector', '葛\uDB40\uDD00', 2],
	['soft hyphen', 'co\u00ADop', 4],
	['zero-width space', 'a\u200Bb', 2],
	['line and paragraph separators', 'a\u2028b\u2029c', 3],
];

describe('cellWidth of sanitised engine text', () => {
	for (const [name, text, columns] of drawn) {
		it(`${name}: ${columns} columns`, () => {
			assert.equal(cellWidth(sanitize(text)), columns);
		});
	}

	it('keeps the parts of a sequence that terminals draw alike', () => {
		assert.equal(sanitize('👩‍👩‍👧'), '👩👩👧');
		assert.equal(sanitize('👍🏽'), '👍');
		assert.equal(sanitize('🏳️‍🌈'), '🏳🌈');
		assert.equal(sanitize('🇩🇪 e\u0301 日本'), '🇩🇪 e\u0301 日本');
	});
});

describe('fit', () => {
	it('pads and cuts by columns, never inside a cluster', () => {
		assert.equal(fit('日本語', 5), '日本…');
		assert.equal(fit('日本語', 4), '日… ');
		assert.equal(fit('🇩🇪🇩🇪x', 4), '🇩🇪… ');
		assert.equal(fit('e\u0301e\u0301e\u0301', 2), 'e\u0301…');
		assert.equal(fit('👩👩', 6, 'right'), '  👩👩');
		for (const size of [1, 2, 3, 4, 5, 7]) {
			assert.equal(cellWidth(fit('a日🇩🇪e\u0301👩b', size)), size, String(size));
		}
	});

	it('prefixWithin stops before a cluster that would cross the edge', () => {
		assert.deepEqual(prefixWithin('a🇩🇪b', 2), {text: 'a', width: 1});
		assert.deepEqual(prefixWithin('a🇩🇪b', 3), {text: 'a🇩🇪', width: 3});
	});
});
