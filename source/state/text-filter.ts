// What a pane's `/` filter keeps; every pane's list uses the same rule, so it sits in no pane's
// module.

/** Case-insensitive substring match of `filter` against any of `fields`. */
export function matchesFilter(
	filter: string,
	fields: readonly string[],
): boolean {
	const needle = filter.trim().toLowerCase();
	return (
		needle === '' || fields.some(field => field.toLowerCase().includes(needle))
	);
}
