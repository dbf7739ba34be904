// How a new listing from the engine replaces a collection in the state, shared by every pane's feed.

/** A list loaded from the engine, keyed by id. `loaded` is false until the first answer. */
export type Collection<T> = {
	readonly byId: ReadonlyMap<string, T>;
	readonly loaded: boolean;
	/** When the engine produced this list: its status texts are as of this time. */
	readonly listedAt: number;
};

/**
 * Diffs the listing against the collection by key: an item equal to the one it had keeps the old
 * object, so its row stays memoized and a re-list of a large fleet holds one object per item,
 * not two. The previous map stays when nothing changed, so selectors stay memoized too. `keyOf`
 * names an item's key where it is not its `id` (a volume is known by its name).
 */
function replaceKeyedCollection<T>(
	previous: Collection<T>,
	items: readonly T[],
	listedAt: number,
	isSame: (a: T, b: T) => boolean,
	keyOf: (item: T) => string,
): Collection<T> {
	const byId = new Map<string, T>();
	let isUnchanged = previous.loaded && previous.byId.size === items.length;
	for (const item of items) {
		const key = keyOf(item);
		const old = previous.byId.get(key);
		if (old !== undefined && (old === item || isSame(old, item))) {
			byId.set(key, old);
		} else {
			byId.set(key, item);
			isUnchanged = false;
		}
	}

	return isUnchanged ? previous : {byId, loaded: true, listedAt};
}

export function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The update a new listing of one collection makes: the state stays the same object when the
 * listing changed nothing.
 */
export function collectionListed<S, T>(
	collectionOf: (state: S) => Collection<T>,
	withCollection: (state: S, collection: Collection<T>) => S,
	keyOf: (item: T) => string,
): (list: readonly T[], listedAt: number) => (state: S) => S {
	return (list, listedAt) => state => {
		const previous = collectionOf(state);
		const next = replaceKeyedCollection(
			previous,
			list,
			listedAt,
			sameJson,
			keyOf,
		);
		return next === previous ? state : withCollection(state, next);
	};
}
