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
/** The cycle groups that no allowance holds whole, and allowed files no longer in a cycle. */
export function cycleFailures(
	groups: readonly string[][],
	allowed: readonly string[][],
	graph: ReadonlyMap<string, readonly string[]>,
): string[];
