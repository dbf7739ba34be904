import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
// The copy Ink measures with; widest-line's (Ink's text sizes) carries the same patch.
import stringWidth from '../../node_modules/ink/node_modules/string-width/index.js';

const copies = [
	'node_modules/ink/node_modules/string-width/index.js',
	'node_modules/widest-line/node_modules/string-width/index.js',
];

/** The class of characters a copy of string-width measures by their length, read from its source. */
function shortCut(file: string): string {
	const found = /if \(\/\^\[([^\]]+)\]\*\$\/\.test\(string\)\) \{/.exec(
		readFileSync(file, 'utf8'),
	);
	assert.ok(found, `no short cut in ${file}`);
	return found[1]!;
}

const characterClass = new RegExp(`^[${shortCut(copies[0]!)}]*$`);

/** Every code point the class names, ranges spelled out. */
function members(): string[] {
	const found: string[] = [];
	for (let code = 0; code <= 0xff_ff; code++) {
		const character = String.fromCodePoint(code);
		if (characterClass.test(character)) {
			found.push(character);
		}
	}

	return found;
}

describe('the narrow characters string-width measures by length (patches/string-width+8.3.0.patch)', () => {
	it('is the patched short cut in both copies Ink measures with, not printable ASCII alone', () => {
		for (const file of copies) {
			assert.equal(shortCut(file), shortCut(copies[0]!), file);
		}

		assert.ok(characterClass.test('│─●…'));
	});

	it('are each one column wide to string-width itself', () => {
		const all = members();
		assert.ok(all.length > 250, `${all.length} characters`);
		// Next to a wide emoji a string leaves the short cut for grapheme segmentation.
		const wide = all.filter(
			character => stringWidth(`${character}🐳`) - 2 !== 1,
		);
		assert.deepEqual(wide, []);
	});

	it('take a row of dockmate but not an emoji, a wide character or a control', () => {
		assert.ok(characterClass.test('●  web-1 │ 3.2% ▇▆▅ · 1.5 CPUs … ↓12KB'));
		for (const other of ['🐳', 'web-你好', 'a\u0007b', 'e\u0301', '\u00AD']) {
			assert.ok(!characterClass.test(other), JSON.stringify(other));
		}
	});
});
