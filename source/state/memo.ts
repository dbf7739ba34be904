/**
 * Remembers the last result of `compute` for the last arguments (compared by identity), so a
 * selector returns the same array while its inputs are the same objects. `useSyncExternalStore`
 * needs that: a fresh array on every read would re-render forever.
 */
export function memoizeLast<Args extends readonly unknown[], R>(
	compute: (...args: Args) => R,
): (...args: Args) => R {
	let lastArgs: Args | undefined;
	let lastResult: R;
	return (...args) => {
		if (
			lastArgs?.length === args.length &&
			args.every((arg, index) => Object.is(arg, lastArgs?.[index]))
		) {
			return lastResult;
		}

		lastResult = compute(...args);
		lastArgs = args;
		return lastResult;
	};
}
