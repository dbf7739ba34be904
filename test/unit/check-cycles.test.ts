import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	cycleFailures,
	exampleCycle,
	findCycles,
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

	it('counts value imports and re-exports, not type-only ones or packages', () => {
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
			'./e.js',
			'./f.js',
			'../h.js',
			'./side-effect.js',
			'./i.js',
			'./j.js',
			'./l.js',
		]);
	});

	it('passes a listed cycle, fails a new one and an allowance that is no longer needed', () => {
		const imports = graph({'a.ts': ['b.ts'], 'b.ts': ['a.ts'], 'c.ts': []});
		const groups = findCycles(imports);
		assert.deepEqual(cycleFailures(groups, [['a.ts', 'b.ts']], imports), []);
		assert.match(
			cycleFailures(groups, [], imports).join('\n'),
			/cycle over 2 files:\n {2}a\.ts\n {2}b\.ts/,
		);
		assert.match(
			cycleFailures(groups, [['a.ts', 'b.ts', 'c.ts']], imports).join('\n'),
			/no longer in a cycle.*: c\.ts$/,
		);
	});
});
