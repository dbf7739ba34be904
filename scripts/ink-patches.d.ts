import type {OnLoadArgs, OnLoadResult, Plugin} from 'esbuild';

/** Replaces exact snippets of a dependency's source as it is bundled; fails when one is gone. */
export function patched(
	replacements: readonly (readonly [string, string])[],
): (args: OnLoadArgs) => Promise<OnLoadResult>;

/** Bounds Ink's per-text caches and spares it work it repeats every frame. */
export const boundedInkCaches: Plugin;
