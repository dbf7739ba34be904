import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {toDockerError} from '../../source/docker/errors.js';
import {sanitize} from '../../source/docker/sanitize.js';

const esc = '\u001B';
const bel = '\u0007';
const st = `${esc}\\`;

/** Anything a terminal would act on rather than print. */
const terminalControl =
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

type Case = {
	readonly name: string;
	readonly input: string;
	readonly output: string;
};

const escapeCases: readonly Case[] = [
	{
		name: 'CSI SGR colour',
		input: `a${esc}[31mred${esc}[0m b`,
		output: 'ared b',
	},
	{name: 'CSI 256 colour', input: `${esc}[38;5;196mX${esc}[39m`, output: 'X'},
	{name: 'CSI truecolour', input: `${esc}[38;2;255;0;0mX${esc}[m`, output: 'X'},
	{
		name: 'CSI colon sub-parameters',
		input: `${esc}[38:2::255:0:0mX`,
		output: 'X',
	},
	{
		name: 'CSI clear screen and home',
		input: `${esc}[2J${esc}[Hhi`,
		output: 'hi',
	},
	{name: 'CSI cursor position', input: `${esc}[10;20Hhi`, output: 'hi'},
	{
		name: 'CSI cursor up/down/forward/back',
		input: `a${esc}[1Ab${esc}[2Bc${esc}[3Cd${esc}[4D`,
		output: 'abcd',
	},
	{
		name: 'CSI private mode (hide cursor)',
		input: `${esc}[?25lx${esc}[?25h`,
		output: 'x',
	},
	{name: 'CSI alternate screen', input: `${esc}[?1049hx`, output: 'x'},
	{name: 'CSI erase line', input: `keep${esc}[2K${esc}[1G`, output: 'keep'},
	{name: 'CSI with intermediate byte', input: `${esc}[0 qx`, output: 'x'},
	{
		name: 'OSC 8 hyperlink, BEL terminated',
		input: `${esc}]8;;https://evil.example/${bel}click${esc}]8;;${bel}`,
		output: 'click',
	},
	{
		name: 'OSC 8 hyperlink, ST terminated',
		input: `${esc}]8;id=1;https://evil.example/${st}click${esc}]8;;${st}`,
		output: 'click',
	},
	{
		name: 'OSC 0 title, BEL terminated',
		input: `${esc}]0;pwned${bel}name`,
		output: 'name',
	},
	{
		name: 'OSC 2 title, ST terminated',
		input: `${esc}]2;pwned${st}name`,
		output: 'name',
	},
	{
		name: 'OSC 52 clipboard write',
		input: `x${esc}]52;c;cm0gLXJmIC8K${bel}y`,
		output: 'xy',
	},
	{
		name: 'OSC terminated by C1 ST',
		input: `${esc}]0;t\u009Cname`,
		output: 'name',
	},
	{
		name: 'DCS (sixel)',
		input: `${esc}Pq#0;2;0;0;0#0~~${st}after`,
		output: 'after',
	},
	{name: 'DCS request status', input: `a${esc}P$qm${st}b`, output: 'ab'},
	{
		name: 'APC (kitty graphics)',
		input: `${esc}_Gf=100;AAAA${st}x`,
		output: 'x',
	},
	{name: 'PM', input: `${esc}^private${st}x`, output: 'x'},
	{name: 'SOS', input: `${esc}Xstring${st}x`, output: 'x'},
	{name: 'C1 CSI', input: '\u009B31mred\u009B0m', output: 'red'},
	{name: 'C1 CSI cursor movement', input: 'a\u009B5;5Hb', output: 'ab'},
	{name: 'C1 OSC', input: '\u009D0;title\u0007name', output: 'name'},
	{name: 'C1 OSC with C1 ST', input: '\u009D0;title\u009Cname', output: 'name'},
	{name: 'C1 DCS', input: '\u0090q#0\u009Cafter', output: 'after'},
	{name: 'C1 APC', input: '\u009Fdata\u001B\\after', output: 'after'},
	{
		name: 'two-byte escape: save/restore cursor',
		input: `${esc}7x${esc}8`,
		output: 'x',
	},
	{name: 'two-byte escape: full reset', input: `x${esc}c`, output: 'x'},
	{name: 'charset designation', input: `${esc}(0x${esc}(B`, output: 'x'},
	{name: 'lone ESC at the end', input: `abc${esc}`, output: 'abc'},
	{name: 'lone ESC before a space', input: `abc${esc} `, output: 'abc'},
	{
		name: 'unterminated OSC at end of string',
		input: `name${esc}]0;evil title`,
		output: 'name',
	},
	{
		name: 'unterminated OSC 8 at end of string',
		input: `x${esc}]8;;http://a`,
		output: 'x',
	},
	{
		name: 'unterminated C1 OSC at end of string',
		input: 'x\u009D0;title',
		output: 'x',
	},
	{
		name: 'unterminated DCS at end of string',
		input: `x${esc}Pq#0`,
		output: 'x',
	},
];

const controlCases: readonly Case[] = [
	{name: 'BEL', input: `a${bel}b`, output: 'ab'},
	{name: 'backspace', input: 'abc\b\bxy', output: 'abcxy'},
	{
		name: 'CR',
		input: 'progress 10%\rprogress 99%',
		output: 'progress 10%progress 99%',
	},
	{name: 'LF', input: 'line1\nline2', output: 'line1line2'},
	{name: 'CR LF', input: 'line1\r\nline2\r\n', output: 'line1line2'},
	{name: 'NUL', input: 'a\u0000b', output: 'ab'},
	{name: 'vertical tab and form feed', input: 'a\u000Bb\u000Cc', output: 'abc'},
	{name: 'DEL', input: 'a\u007Fb', output: 'ab'},
	{name: 'C1 NEL', input: 'a\u0085b', output: 'ab'},
	{name: 'C1 ST on its own', input: 'a\u009Cb', output: 'ab'},
	{name: 'tab becomes a space', input: 'a\tb', output: 'a b'},
	{name: 'each tab becomes one space', input: '\tx\t\ty', output: ' x  y'},
	{
		name: 'bidi override U+202E',
		input: 'invoice\u202Efdp.exe',
		output: 'invoicefdp.exe',
	},
	{
		name: 'bidi embeddings U+202A..U+202D',
		input: '\u202Aa\u202Bb\u202Cc\u202Dd',
		output: 'abcd',
	},
	{
		name: 'bidi isolates U+2066..U+2069',
		input: '\u2066a\u2067b\u2068c\u2069',
		output: 'abc',
	},
	{name: 'direction marks', input: 'a\u200Eb\u200Fc', output: 'abc'},
	{name: 'line separator U+2028', input: 'one\u2028two', output: 'onetwo'},
	{name: 'paragraph separator U+2029', input: 'one\u2029two', output: 'onetwo'},
	{name: 'soft hyphen', input: 'co\u00ADop', output: 'coop'},
	{name: 'zero-width space and BOM', input: 'a\u200Bb\uFEFFc', output: 'abc'},
];

/** Sequences that some terminals join into one emoji and others draw as their parts. */
const splitCases: readonly Case[] = [
	{
		name: 'ZWJ family',
		input: 'family 👨‍👩‍👧',
		output: 'family 👨👩👧',
	},
	{name: 'keycap', input: 'keycap 1️⃣', output: 'keycap 1'},
	{name: 'emoji presentation selector', input: '❤️', output: '❤'},
	{name: 'skin tone after its emoji', input: '👍🏽', output: '👍'},
	{name: 'a skin tone on its own stays', input: '🏽', output: '🏽'},
];

const ordinaryText: readonly string[] = [
	'web-1',
	'nginx:1.27-alpine',
	'sh -c \'echo "hello $HOME" > /tmp/x; exit 0\'',
	'naïve café crème brûlée',
	'Ünïcödé Åßçéñţš',
	'e\u0301 (combining acute)',
	'日本語のコンテナ',
	'容器-測試 컨테이너',
	'🐳 whale 🚀',
	'flag 🇩🇪',
	'Привет мир',
	'مرحبا بالعالم',
	'[31m looks like CSI but has no ESC ]0;',
	' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~',
	'',
];

describe('sanitize', () => {
	describe('removes escape sequences', () => {
		for (const {name, input, output} of escapeCases) {
			it(name, () => {
				assert.equal(sanitize(input), output);
			});
		}
	});

	describe('removes control characters', () => {
		for (const {name, input, output} of controlCases) {
			it(name, () => {
				assert.equal(sanitize(input), output);
			});
		}
	});

	describe('takes apart emoji sequences terminals draw at different widths', () => {
		for (const {name, input, output} of splitCases) {
			it(name, () => {
				assert.equal(sanitize(input), output);
			});
		}
	});

	describe('leaves ordinary text untouched', () => {
		for (const text of ordinaryText) {
			it(JSON.stringify(text), () => {
				assert.equal(sanitize(text), text);
			});
		}
	});

	it('leaves nothing a terminal would act on, whatever the input', () => {
		for (const {input} of [...escapeCases, ...controlCases]) {
			assert.doesNotMatch(
				sanitize(input),
				terminalControl,
				JSON.stringify(input),
			);
		}
	});

	it('removes every C0 and C1 control character and DEL, except tab which becomes a space', () => {
		for (let code = 0; code <= 0x9f; code++) {
			if (code >= 0x20 && code < 0x7f) {
				continue;
			}

			const character = String.fromCodePoint(code);
			// Introducers (ESC, C1 DCS/OSC/…) may eat what follows; the letters before them stay.
			const result = sanitize(`ab${character}`);
			assert.equal(
				result,
				code === 0x09 ? 'ab ' : 'ab',
				`U+${code.toString(16).padStart(4, '0')}`,
			);
		}
	});

	it('shows as U+FFFD each character that terminals draw at widths of their own', () => {
		const unsettled = [
			'\u0378', // unassigned
			'\uFDD0', // a noncharacter
			'\u{1E030}', // Unicode 15: 0 columns on a terminal that does not know it, 1 in string-width
			'\u1161', // a conjoining Hangul vowel: 0 columns in wcwidth, 1 in string-width
			'\u3248', // a circled number on a black square: 2 in glibc, 1 in string-width
			'\u2630', // a trigram, wide since Unicode 16
			'\u{1171E}', // a spacing mark since Unicode 14: 0 columns in glibc, 1 in string-width
		];
		for (const character of unsettled) {
			assert.equal(
				sanitize(`a${character}b`),
				'a\uFFFDb',
				`U+${character.codePointAt(0)!.toString(16)}`,
			);
		}
	});

	it('leaves the characters every terminal measures alike', () => {
		const settled =
			'plain ASCII, é Ж ü, 中文 日本語 한국어, 👍 🚀, private \uE000, ✓ ✕ ● ▲ │ ╭';
		assert.equal(sanitize(settled), settled);
	});

	it('is idempotent', () => {
		for (const {input} of [...escapeCases, ...controlCases]) {
			const once = sanitize(input);
			assert.equal(sanitize(once), once, JSON.stringify(input));
		}
	});

	it('is applied to the engine’s error messages too', () => {
		const refused = toDockerError(
			{statusCode: 409, json: {message: `name ${esc}[2Jin use\u2028 by 👍🏽`}},
			'unix:///x.sock',
		);
		assert.equal(refused.message, 'name in use by 👍');
	});
});
