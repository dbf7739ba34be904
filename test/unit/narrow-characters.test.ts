import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
// The copy Ink measures with (test: the bundle patches its short cut to take these characters).
import stringWidth from '../../node_modules/ink/node_modules/string-width/index.js';
import narrowCharacters from '../../scripts/narrow-characters.json' with {type: 'json'};

const characterClass = new RegExp(`^[${narrowCharacters.characterClass}]*$`);

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

describe('the narrow characters the bundle measures by length', () => {
	it('are each one column wide to string-width itself', () => {
		const all = members();
		assert.ok(all.length > 250, `${all.length} characters`);
		const wide = all.filter(character => stringWidth(character) !== 1);
		assert.deepEqual(wide, []);
	});

	it('take a row of dockmate but not an emoji, a wide character or a control', () => {
		assert.ok(characterClass.test('●  web-1 │ 3.2% ▇▆▅ · 1.5 CPUs … ↓12KB'));
		for (const other of ['🐳', 'web-你好', 'a\u0007b', 'e\u0301', '\u00AD']) {
			assert.ok(!characterClass.test(other), JSON.stringify(other));
		}
	});
});
