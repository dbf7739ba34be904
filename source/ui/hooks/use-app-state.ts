import {useCallback, useSyncExternalStore} from 'react';
import type {AppState} from '../../state/app-state.js';
import {useServices} from './use-services.js';

/**
 * Reads a slice of the store and re-renders only when that slice changes. The selector must return
 * a stored reference, a memoized value or a primitive (see `state/selectors.ts`).
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
	const {store} = useServices();
	const read = useCallback(() => selector(store.getState()), [store, selector]);
	return useSyncExternalStore(store.subscribe, read, read);
}

const selectClock = (state: AppState): number => state.clock;

/** The store's clock, for ages on screen: re-renders on each tick. */
export function useClock(): number {
	return useAppState(selectClock);
}
