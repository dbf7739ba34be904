#!/usr/bin/env node
/**
 * Fails when the value imports of source/ form a cycle, or when source/state
 * goes against its tiers.
 *
 * In source/, only imports that exist at run time count: `import type …`
 * vanishes at compile time, so a cycle made only of it cannot leave a module
 * half-initialised. Under verbatimModuleSyntax `import {type X}` stays as
 * `import {}`, which still loads the module, so it counts. Each
 * strongly connected group of files is one finding.
 *
 * source/state is held to more: no cycle even of types, and its tiers
 * ({@link stateTiers}) import one way, so that a feature can be read, changed
 * or removed without the rest.
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
	return relativeImports(text, false);
}

/**
 * The relative module specifiers that `text` imports or re-exports, `import type` included.
 * @param {string} text TypeScript source.
 * @returns {string[]}
 */
export function allImports(text) {
	return relativeImports(text, true);
}

function relativeImports(text, withTypes) {
	const found = [];
	for (const match of text.matchAll(statement)) {
		const [, , typeOnly, , from, bare] = match;
		const specifier = from ?? bare;
		if (specifier === undefined || !specifier.startsWith('.')) continue;
		if (typeOnly !== undefined && !withTypes) continue;
		found.push(specifier);
	}

	return found;
}

/**
 * The tiers of source/state. The core (the state's shape and the plumbing every feature builds
 * on) imports only the core. A feature (any file not named here: a pane's or a dialog's state
 * and transitions) imports the core and other features. The root assembles the features (the
 * per-pane and per-dialog tables) and is imported by no feature and no core module.
 */
export const stateTiers = {
	core: [
		'app-state.ts',
		'collections.ts',
		'audit-log.ts',
		'dialog-slot.ts',
		'filter-prompt.ts',
		'exec-prompt.ts',
		'history.ts',
		'list-view.ts',
		'liveness.ts',
		'memo.ts',
		'pending.ts',
		'resource-usage.ts',
		'set-membership.ts',
		'slices.ts',
		'status.ts',
		'store.ts',
		'text-field.ts',
		'text-filter.ts',
	],
	root: [
		'dialog-registry.ts',
		'marks.ts',
		// The command palette finds objects of every pane and jumps between panes.
		'palette.ts',
		'scopes.ts',
		'selection.ts',
		'selectors.ts',
		'updates.ts',
	],
};

/**
 * The tier of a source/state file.
 * @param {string} file Path relative to source/state.
 * @param {typeof stateTiers} tiers
 * @returns {'core' | 'feature' | 'root'}
 */
export function tierOf(file, tiers) {
	return tiers.core.includes(file)
		? 'core'
		: tiers.root.includes(file)
			? 'root'
			: 'feature';
}

/**
 * One line for each import (of values or types) that goes against the tiers.
 * @param {Map<string, string[]>} graph source/state's import graph, paths relative to it.
 * @param {typeof stateTiers} tiers
 * @returns {string[]}
 */
export function tierViolations(graph, tiers) {
	const found = [];
	for (const [file, targets] of graph) {
		const from = tierOf(file, tiers);
		for (const target of targets) {
			const to = tierOf(target, tiers);
			if (from === 'core' && to !== 'core') {
				found.push(
					`${file} (core) imports ${target} (${to}): the core imports only the core; move what it needs into the core, or name the file a feature`,
				);
			} else if (from === 'feature' && to === 'root') {
				found.push(
					`${file} (feature) imports ${target} (root): a feature imports the core and other features, never the modules that assemble them`,
				);
			}
		}
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
 * The import graph of every .ts/.tsx file under `root`, keyed by path relative
 * to `root`: value imports, or with `withTypes` type-only imports too. Files
 * outside `root` are left out.
 * @param {string} root
 * @param {boolean} [withTypes]
 */
export function importGraph(root, withTypes = false) {
	const files = readdirSync(root, {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
		.map(file => file.split(path.sep).join('/'))
		.sort();
	const graph = new Map();
	for (const file of files) {
		const text = readFileSync(path.join(root, file), 'utf8');
		const targets = relativeImports(text, withTypes)
			.map(specifier => resolve(root, file, specifier))
			.filter(target => target !== undefined && !target.startsWith('../'));
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
 * @param {string} [what] What kind of cycle the graph's edges make.
 * @returns {string[]}
 */
export function describeCycles(graph, groups, what = 'a value import cycle') {
	return groups.map(
		group =>
			`${what} over ${group.length} files:\n  ${group.join('\n  ')}\n  for example ${exampleCycle(graph, group).join(' → ')}`,
	);
}

function main() {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const source = path.join(here, '..', 'source');
	const graph = importGraph(source);
	const failures = describeCycles(graph, findCycles(graph));
	if (failures.length > 0) {
		console.error(
			`check-cycles: source/ must have no value import cycles (import type is free); move what both sides need into a module that imports neither:\n${failures.join('\n')}`,
		);
		process.exitCode = 1;
	}

	const state = importGraph(path.join(source, 'state'), true);
	const stateFailures = [
		...describeCycles(state, findCycles(state), 'an import cycle'),
		...tierViolations(state, stateTiers),
	];
	if (stateFailures.length > 0) {
		console.error(
			`check-cycles: source/state must have no import cycles, import type included, and its core (scripts/check-cycles.js stateTiers) imports no feature, and no feature the root:\n${stateFailures.join('\n')}`,
		);
		process.exitCode = 1;
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
