#!/usr/bin/env node
/**
 * Fails when the value imports of source/ form a cycle.
 *
 * Only imports that exist at run time count: `import type …` vanishes at
 * compile time, so a cycle made only of it cannot leave a module
 * half-initialised. Under verbatimModuleSyntax `import {type X}` stays as
 * `import {}`, which still loads the module, so it counts. Each
 * strongly connected group of files is one finding.
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
		const [, , typeOnly, , from, bare] = match;
		const specifier = from ?? bare;
		if (specifier === undefined || !specifier.startsWith('.')) continue;
		if (typeOnly !== undefined) continue;
		found.push(specifier);
	}

	return found;
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
 * One paragraph per cycle group: its files and one path that closes it.
 * @param {Map<string, string[]>} graph
 * @param {string[][]} groups
 * @returns {string[]}
 */
export function describeCycles(graph, groups) {
	return groups.map(
		group =>
			`a value import cycle over ${group.length} files:\n  ${group.join('\n  ')}\n  for example ${exampleCycle(graph, group).join(' → ')}`,
	);
}

function main() {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const graph = importGraph(path.join(here, '..', 'source'));
	const failures = describeCycles(graph, findCycles(graph));
	if (failures.length > 0) {
		console.error(
			`check-cycles: source/ must have no value import cycles (import type is free); move what both sides need into a module that imports neither:\n${failures.join('\n')}`,
		);
		process.exitCode = 1;
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
