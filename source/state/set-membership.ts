// Sets in the state are replaced, never changed in place: a new set is how a change shows.

/**
 * `set` with `item` in it or not, as `isMember` says (by default: toggled); the same set when
 * that is so already.
 */
export function withMember<T>(
	set: ReadonlySet<T>,
	item: T,
	isMember = !set.has(item),
): ReadonlySet<T> {
	if (set.has(item) === isMember) {
		return set;
	}

	const next = new Set(set);
	if (isMember) {
		next.add(item);
	} else {
		next.delete(item);
	}

	return next;
}
