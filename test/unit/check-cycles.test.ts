import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {
	allImports,
	describeCycles,
	exampleCycle,
	findCycles,
	importGraph,
	stateTiers,
	tierViolations,
	valueImports,
} from '../../scripts/check-cycles.js';

const graph = (edges: Record<string, string[]>) =>
	new Map(Object.entries(edges));

describe('value import cycles', () => {
	it('finds each group of files that import each other, and nothing else', () => {
		const imports = graph({
			'a.ts': ['b.ts'],
			'b.ts': ['c.ts', 'd.ts'],
			'c.ts': ['a.ts'],
			'd.ts': ['e.ts'],
			'e.ts': [],
			'f.ts': ['f.ts'],
		});
		assert.deepEqual(findCycles(imports), [['a.ts', 'b.ts', 'c.ts'], ['f.ts']]);
		assert.deepEqual(exampleCycle(imports, ['a.ts', 'b.ts', 'c.ts']), [
			'a.ts',
			'b.ts',
			'c.ts',
			'a.ts',
		]);
	});

	it('finds none in a graph that only points one way', () => {
		assert.deepEqual(
			findCycles(
				graph({'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': []}),
			),
			[],
		);
	});

	it('counts imports and re-exports that load a module, not `import type` or packages', () => {
		const text = [
			"import {a} from './a.js';",
			"import type {B} from './b.js';",
			"import {type C, type D} from './c.js';",
			"import {type E, e} from './e.js';",
			"import F, {type G} from './f.js';",
			"import * as h from '../h.js';",
			"import './side-effect.js';",
			"import {\n\ttype I,\n\ti,\n} from './i.js';",
			"export {j} from './j.js';",
			"export type {K} from './k.js';",
			"export * from './l.js';",
			"import {Box} from 'ink';",
		].join('\n');
		assert.deepEqual(valueImports(text), [
			'./a.js',
			'./c.js',
			'./e.js',
			'./f.js',
			'../h.js',
			'./side-effect.js',
			'./i.js',
			'./j.js',
			'./l.js',
		]);
	});

	it('names the files of each cycle and a path that closes it', () => {
		const imports = graph({'a.ts': ['b.ts'], 'b.ts': ['a.ts'], 'c.ts': []});
		assert.deepEqual(describeCycles(imports, findCycles(imports)), [
			'a value import cycle over 2 files:\n  a.ts\n  b.ts\n  for example a.ts → b.ts → a.ts',
		]);
	});
});

describe('the tiers of source/state', () => {
	const tiers = {core: ['shape.ts', 'plumbing.ts'], root: ['reducer.ts']};

	it('counts type-only imports too', () => {
		assert.deepEqual(
			allImports(
				[
					"import type {A} from './a.js';",
					"import {b} from './b.js';",
					"export type {C} from './c.js';",
				].join('\n'),
			),
			['./a.js', './b.js', './c.js'],
		);
	});

	it('names a core module that imports a feature, and a feature that imports the root', () => {
		const imports = graph({
			'shape.ts': ['plumbing.ts', 'prune.ts'],
			'plumbing.ts': ['shape.ts'],
			'prune.ts': ['shape.ts', 'reducer.ts', 'hosts.ts'],
			'hosts.ts': ['plumbing.ts'],
			'reducer.ts': ['prune.ts', 'hosts.ts', 'shape.ts'],
		});
		assert.deepEqual(tierViolations(imports, tiers), [
			'shape.ts (core) imports prune.ts (feature): the core imports only the core; move what it needs into the core, or name the file a feature',
			'prune.ts (feature) imports reducer.ts (root): a feature imports the core and other features, never the modules that assemble them',
		]);
	});

	it('finds no type cycle and no import against the tiers in source/state', () => {
		const state = importGraph(
			fileURLToPath(new URL('../../source/state', import.meta.url)),
			true,
		);
		assert.ok(state.has('app-state.ts'), 'the graph is source/state');
		assert.deepEqual(findCycles(state), []);
		assert.deepEqual(tierViolations(state, stateTiers), []);
	});
});
