import type {Update} from './app-state.js';
// Rows an action is still working on, shown with its label until the engine answers.

export function pendingSet(ids: readonly string[], label: string): Update {
	return state => {
		const pending = new Map(state.pending);
		for (const id of ids) {
			pending.set(id, label);
		}

		return {...state, pending};
	};
}

export function pendingCleared(ids: readonly string[]): Update {
	return state => {
		const pending = new Map(state.pending);
		for (const id of ids) {
			pending.delete(id);
		}

		return {...state, pending};
	};
}
