#!/usr/bin/env node
/**
 * Fails when the value imports of source/ form a cycle.
 *
 * Only imports that exist at run time count: `import type …` and specifiers
 * that are all `type X` vanish at compile time (verbatimModuleSyntax), so a
 * cycle made only of them cannot leave a module half-initialised. Each
 * strongly connected group of files is one finding; a group that
 * scripts/import-cycles-allowed.json holds whole is known debt and passes, any
 * other group (or one that grew) fails, and so does an allowed file that no
 * longer sits in a cycle, so the list only shrinks.
 *
 * No dependencies: it runs before anything is built.
 */
import {readFileSync, readdirSync, existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const statement =
	/(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g;

/**
 * The relative module specifiers that `text` imports or re-exports as values.
 * @param {string} text TypeScript source.
 * @returns {string[]}
 */
export function valueImports(text) {
	const found = [];
	for (const match of text.matchAll(statement)) {
		const [, , typeOnly, clause = '', from, bare] = match;
		const specifier = from ?? bare;
		if (specifier === undefined || !specifier.startsWith('.')) continue;
		if (typeOnly !== undefined) continue;
		if (bare === undefined && !hasValueBinding(clause)) continue;
		found.push(specifier);
	}

	return found;
}

/**
 * Whether an import/export clause binds at least one value.
 * @param {string} clause What sits between `import` and `from`.
 */
function hasValueBinding(clause) {
	const braces = /\{([^}]*)\}/.exec(clause);
	const outside = clause
		.replace(/\{[^}]*\}/, '')
		.replaceAll(',', '')
		.trim();
	if (outside !== '') return true; // A default, `* as ns` or `*`.
	if (braces === null) return false;
	return braces[1]
		.split(',')
		.map(name => name.trim())
		.some(name => name !== '' && !name.startsWith('type '));
}

/**
 * The groups of nodes that reach each other (Tarjan), each sorted, only those
 * that form a cycle: more than one node, or one that imports itself.
 * @param {Map<string, string[]>} graph Node to the nodes it imports.
 * @returns {string[][]}
 */
export function findCycles(graph) {
	let counter = 0;
	const index = new Map();
	const low = new Map();
	const onStack = new Set();
	const stack = [];
	const groups = [];
	const visit = node => {
		index.set(node, counter);
		low.set(node, counter);
		counter++;
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node), low.get(next)));
			} else if (onStack.has(next)) {
				low.set(node, Math.min(low.get(node), index.get(next)));
			}
		}

		if (low.get(node) !== index.get(node)) return;
		const group = [];
		let member;
		do {
			member = stack.pop();
			onStack.delete(member);
			group.push(member);
		} while (member !== node);
		if (group.length > 1 || (graph.get(node) ?? []).includes(node)) {
			groups.push(group.sort());
		}
	};

	for (const node of [...graph.keys()].sort()) {
		if (!index.has(node)) visit(node);
	}

	return groups.sort((a, b) => a[0].localeCompare(b[0]));
}

/**
 * One shortest import path that leaves `group[0]` and comes back, to show how
 * the group closes.
 * @param {Map<string, string[]>} graph
 * @param {string[]} group
 */
export function exampleCycle(graph, group) {
	const members = new Set(group);
	const start = group[0];
	const previous = new Map([[start, null]]);
	const queue = [start];
	while (queue.length > 0) {
		const node = queue.shift();
		for (const next of graph.get(node) ?? []) {
			if (!members.has(next)) continue;
			if (next === start) {
				const path = [start];
				for (let at = node; at !== start; at = previous.get(at)) {
					path.splice(1, 0, at);
				}

				return [...path, start];
			}

			if (!previous.has(next)) {
				previous.set(next, node);
				queue.push(next);
			}
		}
	}

	return [start, start];
}

/**
 * The value-import graph of every .ts/.tsx file under `root`, keyed by path
 * relative to `root`.
 * @param {string} root
 */
export function importGraph(root) {
	const files = readdirSync(root, {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
		.map(file => file.split(path.sep).join('/'))
		.sort();
	const graph = new Map();
	for (const file of files) {
		const text = readFileSync(path.join(root, file), 'utf8');
		const targets = valueImports(text)
			.map(specifier => resolve(root, file, specifier))
			.filter(target => target !== undefined);
		graph.set(file, [...new Set(targets)]);
	}

	return graph;
}

function resolve(root, from, specifier) {
	const joined = path.posix.join(path.posix.dirname(from), specifier);
	const stem = joined.replace(/\.js$/, '');
	for (const candidate of [
		`${stem}.ts`,
		`${stem}.tsx`,
		`${stem}/index.ts`,
		`${stem}/index.tsx`,
	]) {
		if (existsSync(path.join(root, candidate))) return candidate;
	}

	return undefined;
}

/**
 * What fails: each group of `groups` that no entry of `allowed` holds whole, and each allowed file
 * that no longer sits in a cycle (so the allowance only shrinks).
 * @param {string[][]} groups
 * @param {string[][]} allowed
 * @param {Map<string, string[]>} graph
 * @returns {string[]}
 */
export function cycleFailures(groups, allowed, graph) {
	const failures = [];
	for (const group of groups) {
		if (allowed.some(entry => group.every(file => entry.includes(file)))) {
			continue;
		}

		failures.push(
			`a value import cycle over ${group.length} files:\n  ${group.join('\n  ')}\n  for example ${exampleCycle(graph, group).join(' → ')}`,
		);
	}

	const cyclic = new Set(groups.flat());
	const stale = allowed.flat().filter(file => !cyclic.has(file));
	if (stale.length > 0) {
		failures.push(
			`allowed but no longer in a cycle, remove from ${allowanceName}: ${stale.join(', ')}`,
		);
	}

	return failures;
}

const allowanceName = 'scripts/import-cycles-allowed.json';

function main() {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const allowancePath = path.join(here, 'import-cycles-allowed.json');
	/** @type {string[][]} */
	const allowed = existsSync(allowancePath)
		? JSON.parse(readFileSync(allowancePath, 'utf8')).cycles
		: [];
	const graph = importGraph(path.join(here, '..', 'source'));
	const groups = findCycles(graph);
	const failures = cycleFailures(groups, allowed, graph);
	if (failures.length > 0) {
		console.error(
			`check-cycles: source/ must have no value import cycles (import type is free):\n${failures.join('\n')}`,
		);
		process.exitCode = 1;
	} else if (groups.length > 0) {
		console.log(
			`check-cycles: ${groups.length} known cycle group(s) left, listed in ${allowanceName}`,
		);
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
