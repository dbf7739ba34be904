import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bindings, resolve, type Scope} from '../../source/keymap/index.js';
import {keysMarkdown} from '../../source/keymap/keys-markdown.js';
import {
	keymapInForce,
	keymapProblemsText,
} from '../../source/ui/keymap-in-force.js';
import {scopesOfPane} from '../../source/state/scopes.js';

const containers: readonly Scope[] = scopesOfPane('containers');
const images: readonly Scope[] = scopesOfPane('images');

describe('remapped keys', () => {
	it('no "keys" is the default table, with nothing to report', () => {
		const {table, problems} = keymapInForce();
		assert.deepEqual(table, bindings);
		assert.deepEqual(problems, []);
	});

	it('a command given a key has that key in place of its own', () => {
		const {table, problems} = keymapInForce({'item.remove': 'x'});
		assert.deepEqual(problems, []);
		assert.equal(resolve('x', containers, table), 'item.remove');
		assert.equal(resolve('d', containers, table), undefined);
		assert.equal(resolve('x', images, table), 'item.remove');
	});

	it('a list of keys binds each; dialogs keep their own way out', () => {
		const {table, problems} = keymapInForce({'app.quit': ['q', 'ctrl+q']});
		assert.deepEqual(problems, []);
		assert.equal(resolve('ctrl+q', containers, table), 'app.quit');
		assert.equal(resolve('ctrl+c', containers, table), undefined);
		// Ctrl-C still quits from a dialog, and q still closes the pull's progress.
		assert.equal(resolve('ctrl+c', ['help'], table), 'app.quit');
		assert.equal(resolve('q', ['pullProgress'], table), 'pull.close');
	});

	it('a scope named first remaps the command in that scope only', () => {
		const {table, problems} = keymapInForce({containers: {'logs.open': 'o'}});
		assert.deepEqual(problems, []);
		assert.equal(resolve('o', containers, table), 'logs.open');
		assert.equal(resolve('l', scopesOfPane('resources'), table), 'logs.open');
	});

	it('a scope where the command is not bound is reported, naming where it is', () => {
		const {table, problems} = keymapInForce({images: {'item.remove': 'x'}});
		assert.deepEqual(table, bindings);
		assert.deepEqual(problems, [
			'images.item.remove: item.remove is not bound in images (it is in markable)',
		]);
	});

	it('reports unknown commands, scopes and keys in one message, and keeps the defaults', () => {
		const {table, problems} = keymapInForce({
			'item.vanish': 'x',
			'app.quit': 'hyper+q',
			images: 'x',
			'app.help': 3,
		});
		assert.deepEqual(table, bindings);
		assert.equal(problems.length, 4);
		const text = keymapProblemsText(problems) ?? '';
		for (const part of [
			'unknown command "item.vanish"',
			'app.quit: unknown key "hyper+q"',
			'"images" is a scope',
			'app.help: keys must be',
			'defaults kept',
		]) {
			assert.ok(text.includes(part), `${part} in ${text}`);
		}
	});

	it('a key another command in force has is a conflict: both keep their defaults', () => {
		// `s` starts and stops containers: giving it to removal would hide one of the two.
		const {table, problems} = keymapInForce({
			'item.remove': 's',
			'app.help': 'h',
		});
		assert.equal(resolve('d', containers, table), 'item.remove');
		assert.equal(resolve('s', containers, table), 'container.startStop');
		assert.equal(resolve('?', containers, table), 'app.help');
		assert.deepEqual(
			new Set(problems.map(problem => problem.split(':')[0])),
			new Set(['item.remove', 'app.help']),
		);
		assert.ok(problems[0]?.includes('container.startStop'), problems[0]);
	});

	it('two keys swapped is no conflict', () => {
		const {table, problems} = keymapInForce({
			'item.remove': 's',
			'container.startStop': 'd',
		});
		assert.deepEqual(problems, []);
		assert.equal(resolve('s', containers, table), 'item.remove');
		assert.equal(resolve('d', containers, table), 'container.startStop');
	});

	it('half a swap is undone, and the other half with it', () => {
		const {table, problems} = keymapInForce({
			'item.remove': 's',
			'container.startStop': 'ctrl+q',
			'app.quit': 'ctrl+q',
		});
		assert.equal(resolve('d', containers, table), 'item.remove');
		assert.equal(resolve('s', containers, table), 'container.startStop');
		assert.equal(resolve('q', containers, table), 'app.quit');
		assert.ok(problems.length >= 2, problems.join('\n'));
	});
});

describe('--print-keys', () => {
	it('prints every binding in force as a markdown row with config names', () => {
		const text = keysMarkdown(keymapInForce({'item.remove': 'x'}).table);
		const lines = text.trimEnd().split('\n');
		assert.equal(lines[0], '| Command | Scope | Keys | What it does |');
		assert.equal(lines.length, bindings.length + 2);
		assert.ok(
			lines.some(line => line.startsWith('| `item.remove` | markable | `x` |')),
		);
		assert.ok(
			lines.some(line =>
				line.startsWith('| `app.quit` | global | `q`, `ctrl+c` |'),
			),
		);
		// The filter key is `/`, and a pipe never ends a cell early.
		assert.ok(!lines.some(line => line.split(/(?<!\\)\|/).length !== 6));
	});
});
