// Types for scripts/check-cycles.js, which stays plain JavaScript so that it runs with no build step.

/** The relative module specifiers that `text` imports or re-exports as values. */
export function valueImports(text: string): string[];
/** The relative module specifiers that `text` imports or re-exports, `import type` included. */
export function allImports(text: string): string[];
/** The tiers of source/state: the core, and the root that assembles the features. */
export const stateTiers: {
	readonly core: readonly string[];
	readonly root: readonly string[];
};
/** The tier of a source/state file (path relative to source/state). */
export function tierOf(
	file: string,
	tiers: typeof stateTiers,
): 'core' | 'feature' | 'root';
/** One line for each import that goes against the tiers. */
export function tierViolations(
	graph: ReadonlyMap<string, readonly string[]>,
	tiers: typeof stateTiers,
): string[];
/** The groups of nodes that reach each other and form a cycle, each sorted. */
export function findCycles(
	graph: ReadonlyMap<string, readonly string[]>,
): string[][];
/** One shortest import path that leaves `group[0]` and comes back. */
export function exampleCycle(
	graph: ReadonlyMap<string, readonly string[]>,
	group: readonly string[],
): string[];
/** The import graph of every .ts/.tsx file under `root`: value imports, or with `withTypes` all. */
export function importGraph(
	root: string,
	withTypes?: boolean,
): Map<string, string[]>;
/** One paragraph per cycle group: its files and one path that closes it. */
export function describeCycles(
	graph: ReadonlyMap<string, readonly string[]>,
	groups: readonly string[][],
	what?: string,
): string[];
