import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {ansiToSvg} from '../../scripts/ansi-to-svg.js';

const esc = '\u001B[';

type Element = {
	readonly attributes: Readonly<Record<string, string>>;
	readonly body: string;
};

function attributesOf(text: string): Record<string, string> {
	return Object.fromEntries(
		[...text.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [
			name!,
			value!,
		]),
	);
}

function texts(svg: string): Element[] {
	return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(
		([, attributes, body]) => ({
			attributes: attributesOf(attributes!),
			body: body!,
		}),
	);
}

function rects(svg: string): Record<string, string>[] {
	return [...svg.matchAll(/<rect ([^>]*)\/>/g)].map(([, attributes]) =>
		attributesOf(attributes!),
	);
}

/** The CSS of a text's class, e.g. `fill:#cd3131;font-weight:bold`. */
function ruleOf(svg: string, text: Element): string {
	const name = text.attributes['class'];
	const rule = new RegExp(`\\.${name}\\{([^}]*)\\}`).exec(svg)?.[1];
	assert.ok(rule !== undefined, `no rule for class ${name}`);
	return rule;
}

/** The text element whose content is `body`. */
function textWith(svg: string, body: string): Element {
	const found = texts(svg).find(text => text.body === body);
	assert.ok(found, `no <text> with ${body} in:\n${svg}`);
	return found;
}

function render(capture: string, columns = 40, rows = 3): string {
	return ansiToSvg(capture, {columns, rows});
}

/** The width of a cell, from a run of `n` characters' textLength. */
function cellWidthOf(text: Element): number {
	return Number(text.attributes['textLength']) / text.body.length;
}

/**
 * A small well-formedness check: every tag closes in order, attribute values are quoted, and no
 * `<` or bare `&` is left in text.
 */
function assertWellFormedXml(xml: string): void {
	const stack: string[] = [];
	const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/gy;
	let position = 0;
	let sawRoot = false;
	while (position < xml.length) {
		const next = xml.indexOf('<', position);
		const text = xml.slice(position, next === -1 ? xml.length : next);
		assert.doesNotMatch(
			text,
			/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i,
			`bare & in ${JSON.stringify(text)}`,
		);
		assert.doesNotMatch(text, />/, `stray > in ${JSON.stringify(text)}`);
		if (next === -1) {
			break;
		}

		tag.lastIndex = next;
		const match = tag.exec(xml);
		assert.ok(
			match,
			`malformed tag at ${JSON.stringify(xml.slice(next, next + 60))}`,
		);
		const [whole, closing, name, , selfClosing] = match;
		if (closing) {
			assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
		} else if (!selfClosing) {
			assert.ok(stack.length > 0 || !sawRoot, 'a second root element');
			stack.push(name!);
			sawRoot = true;
		}

		position = next + whole.length;
	}

	assert.deepEqual(stack, [], 'unclosed elements');
	assert.ok(sawRoot);
}

describe('ansiToSvg', () => {
	it('draws plain text in the default colour on the dark window', () => {
		const svg = render('hello world\n');
		assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		assert.match(
			svg,
			/font-family:ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace/,
		);
		const text = textWith(svg, 'hello world');
		assert.match(ruleOf(svg, text), /fill:#cccccc/);
		assert.equal(text.attributes['lengthAdjust'], 'spacingAndGlyphs');
		assert.equal(rects(svg)[0]?.['fill'], '#1e1e1e');
		assert.match(svg, /xml:space="preserve"/);
	});

	it('uses the palette for the 16 colours, as foreground and background', () => {
		const svg = render(
			`${esc}31mred${esc}39m ${esc}91mbright${esc}0m ${esc}42mbg${esc}49m\n`,
		);
		assert.match(ruleOf(svg, textWith(svg, 'red')), /fill:#cd3131/);
		assert.match(ruleOf(svg, textWith(svg, 'bright')), /fill:#f14c4c/);
		const background = rects(svg).find(rect => rect['fill'] === '#0dbc79');
		assert.ok(background, 'no green background');
		const bg = textWith(svg, 'bg');
		assert.equal(background['x'], bg.attributes['x']);
		assert.equal(background['width'], bg.attributes['textLength']);
	});

	it('makes bold text bold until 22 or a reset', () => {
		const svg = render(
			`${esc}1mloud${esc}22m quiet ${esc}1;31mred${esc}0mplain\n`,
		);
		assert.match(ruleOf(svg, textWith(svg, 'loud')), /font-weight:bold/);
		assert.doesNotMatch(ruleOf(svg, textWith(svg, 'quiet')), /bold/);
		assert.equal(
			ruleOf(svg, textWith(svg, 'red')),
			'fill:#cd3131;font-weight:bold',
		);
		assert.equal(ruleOf(svg, textWith(svg, 'plain')), 'fill:#cccccc');
	});

	it('resets everything with 0 and with an empty SGR', () => {
		const svg = render(
			`${esc}1;3;4;7;31;44ma${esc}0mb${esc}32mc${esc}md\n`,
			10,
			1,
		);
		assert.equal(ruleOf(svg, textWith(svg, 'b')), 'fill:#cccccc');
		assert.equal(ruleOf(svg, textWith(svg, 'd')), 'fill:#cccccc');
	});

	it('keeps the style across lines, as tmux writes each change only once', () => {
		const svg = render(`${esc}32mfirst\nsecond${esc}0m\nthird\n`);
		assert.match(ruleOf(svg, textWith(svg, 'second')), /fill:#0dbc79/);
		assert.match(ruleOf(svg, textWith(svg, 'third')), /fill:#cccccc/);
		const [first, second, third] = ['first', 'second', 'third'].map(body =>
			Number(textWith(svg, body).attributes['y']),
		);
		assert.ok(first! < second! && second! < third!);
		assert.equal(second! - first!, third! - second!);
	});

	it('swaps the colours for inverse, the defaults included, until 27', () => {
		const svg = render(
			`${esc}7mdefault${esc}27m ${esc}31;44;7mswapped${esc}27mback\n`,
		);
		assert.match(ruleOf(svg, textWith(svg, 'default')), /fill:#1e1e1e/);
		assert.match(ruleOf(svg, textWith(svg, 'swapped')), /fill:#2472c8/);
		assert.match(ruleOf(svg, textWith(svg, 'back')), /fill:#cd3131/);
		const fills = rects(svg).map(rect => rect['fill']);
		assert.ok(fills.includes('#cccccc'), 'default inverse background');
		assert.ok(fills.includes('#cd3131'), 'red inverse background');
		const back = textWith(svg, 'back');
		assert.ok(
			rects(svg).some(
				rect =>
					rect['fill'] === '#2472c8' && rect['x'] === back.attributes['x'],
			),
			'the blue background stays after 27',
		);
	});

	it('understands 256 colours and truecolour, in semicolon and colon form', () => {
		const svg = render(
			[
				`${esc}38;5;196ma${esc}38;5;244mb${esc}38;5;3mc`,
				`${esc}38;2;1;2;3md${esc}38:2::10:20:30me${esc}38:5:21mf`,
				`${esc}48;5;22mg${esc}48;2;255;128;0mh${esc}0m`,
			].join('') + '\n',
		);
		const fill = (body: string) =>
			/fill:(#[\da-f]{6})/.exec(ruleOf(svg, textWith(svg, body)))?.[1];
		assert.equal(fill('a'), '#ff0000');
		assert.equal(fill('b'), '#808080');
		assert.equal(fill('c'), '#e5e510');
		assert.equal(fill('d'), '#010203');
		assert.equal(fill('e'), '#0a141e');
		assert.equal(fill('fgh'), '#0000ff');
		const fills = rects(svg).map(rect => rect['fill']);
		assert.ok(fills.includes('#005f00'));
		assert.ok(fills.includes('#ff8000'));
	});

	it('shows dim text faded and draws underlines and strike-through', () => {
		const svg = render(
			`${esc}2mdim${esc}22m ${esc}4mlink${esc}24m ${esc}9mgone${esc}0m\n`,
		);
		assert.match(ruleOf(svg, textWith(svg, 'dim')), /opacity:0\.6/);
		// Decorations are drawn apart from the text, which stays one run.
		const text = textWith(svg, 'link gone');
		const cell = cellWidthOf(text);
		const lines = rects(svg).filter(rect => rect['height'] === '1');
		assert.equal(lines.length, 2);
		const [underline, strike] = lines;
		assert.equal(underline!['x'], text.attributes['x']);
		assert.equal(Math.round(Number(underline!['width']) / cell), 4);
		assert.equal(
			Math.round((Number(strike!['x']) - Number(text.attributes['x'])) / cell),
			5,
		);
		assert.ok(Number(underline!['y']) > Number(strike!['y']));
	});

	it('escapes XML special characters in text and title', () => {
		const svg = ansiToSvg(`if (a < b && c > "d") 'e'\n`, {
			columns: 40,
			rows: 1,
			title: '<dockmate> & "friends"',
		});
		assert.ok(
			svg.includes(
				'if (a &lt; b &amp;&amp; c &gt; &quot;d&quot;) &apos;e&apos;',
			),
		);
		assert.ok(svg.includes('&lt;dockmate&gt; &amp; &quot;friends&quot;'));
		assertWellFormedXml(svg);
	});

	it('puts text after a wide character two cells further on', () => {
		const svg = render('a日本x|😀|e\u0301\n');
		const a = textWith(svg, 'a');
		const x = textWith(svg, 'x|');
		const cell = cellWidthOf(a);
		const origin = Number(a.attributes['x']);
		assert.equal(
			Math.round((Number(x.attributes['x']) - origin) / cell),
			5,
			'x follows a and two double-width characters',
		);
		const nihon = textWith(svg, '日');
		assert.equal(nihon.attributes['text-anchor'], 'middle');
		assert.ok(
			Math.abs(Number(nihon.attributes['x']) - (origin + 2 * cell)) < 0.02,
			'日 is centred on its two cells',
		);
		const bar = texts(svg).filter(text => text.body === '|');
		assert.equal(bar.length, 1, 'the second | is its own run');
		assert.equal(
			Math.round((Number(bar[0]!.attributes['x']) - origin) / cell),
			9,
			'the emoji takes cells 7 and 8',
		);
		assert.ok(
			texts(svg).some(text => text.body === 'e\u0301'),
			'a combining accent stays with its letter',
		);
	});

	it('drops escape sequences that are not SGR', () => {
		const svg = render(
			`${esc}?25l${esc}2J${esc}H\u001B]0;window title\u0007ab\u001B(Bc${esc}>4;2md\u001B7e\n`,
		);
		const text = textWith(svg, 'abcde');
		assert.equal(ruleOf(svg, text), 'fill:#cccccc');
		assert.doesNotMatch(svg, /window title/);
		assert.ok(!svg.includes('\u001B'), 'an escape character got through');
	});

	it('cuts text at the last column and lines after the last row', () => {
		const svg = render('0123456789abc\nsecond\nthird\n', 10, 2);
		assert.ok(texts(svg).some(text => text.body === '0123456789'));
		assert.doesNotMatch(svg, /abc/);
		assert.doesNotMatch(svg, /third/);
		const wider = render('', 20, 2);
		const narrow = render('', 10, 2);
		const width = (svg: string) => Number(/width="([\d.]+)"/.exec(svg)?.[1]);
		assert.equal(
			Math.round(width(wider) - width(narrow)),
			Math.round(10 * cellWidthOf(texts(svg)[0]!)),
		);
	});

	it('draws box-drawing characters as joined strokes, not text', () => {
		const svg = render('╭────╮\n│ ok │\n╰────╯\n', 6, 3);
		assert.ok(
			!texts(svg).some(text => /[─│╭╮╰╯]/.test(text.body)),
			'no box character is typeset',
		);
		const paths = [...svg.matchAll(/<path d="([^"]*)"[^>]*stroke=/g)].map(
			([, d]) => d!,
		);
		const horizontal = paths.join('').match(/M[\d.]+ [\d.]+H[\d.]+/g) ?? [];
		assert.equal(horizontal.length, 2, 'each edge is one stroke');
		assert.equal(paths.join('').match(/Q/g)?.length, 4, 'four round corners');
		assert.ok(textWith(svg, 'ok'));
	});

	it('adds a title bar with three dots only when there is a title', () => {
		const titled = ansiToSvg('x\n', {columns: 10, rows: 1, title: 'dockmate'});
		assert.equal(titled.match(/<circle /g)?.length, 3);
		assert.ok(textWith(titled, 'dockmate'));
		const plain = ansiToSvg('x\n', {columns: 10, rows: 1});
		assert.doesNotMatch(plain, /<circle /);
		const height = (svg: string) => Number(/height="([\d.]+)"/.exec(svg)?.[1]);
		assert.ok(height(titled) > height(plain));
	});

	it('produces well-formed XML for a busy screen', () => {
		const capture = [
			`${esc}36m╭─ ${esc}1m1 Containers${esc}0m${esc}90m 3/6${esc}36m ───╮`,
			`│${esc}39m ${esc}37m${esc}44m● shop-web-1 <&> 日本${esc}39m${esc}49m  ${esc}36m│`,
			`╰──────────────────╯${esc}0m`,
		].join('\n');
		assertWellFormedXml(ansiToSvg(capture, {columns: 20, rows: 3, title: 't'}));
	});
});
