/** A minimal external store: React reads it through `useSyncExternalStore`, feeds write it without React. */
export type Store<S> = {
	readonly getState: () => S;
	/** Applies a pure transition; listeners hear about it once, and only if the state object changed. */
	readonly update: (transition: (state: S) => S) => void;
	readonly subscribe: (listener: () => void) => () => void;
};

/** Creates a store holding `initial`. */
export function createStore<S>(initial: S): Store<S> {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		getState: () => state,
		update(transition) {
			const next = transition(state);
			if (next === state) {
				return;
			}

			state = next;
			for (const listener of listeners) {
				listener();
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
