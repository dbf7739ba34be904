// Types for scripts/check-cycles.js, which stays plain JavaScript so that it runs with no build step.

/** The relative module specifiers that `text` imports or re-exports as values. */
export function valueImports(text: string): string[];
/** The groups of nodes that reach each other and form a cycle, each sorted. */
export function findCycles(
	graph: ReadonlyMap<string, readonly string[]>,
): string[][];
/** One shortest import path that leaves `group[0]` and comes back. */
export function exampleCycle(
	graph: ReadonlyMap<string, readonly string[]>,
	group: readonly string[],
): string[];
/** The value-import graph of every .ts/.tsx file under `root`. */
export function importGraph(root: string): Map<string, string[]>;
/** One paragraph per cycle group: its files and one path that closes it. */
export function describeCycles(
	graph: ReadonlyMap<string, readonly string[]>,
	groups: readonly string[][],
): string[];
