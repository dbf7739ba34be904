import {useCallback} from 'react';
import type {AppState} from '../../state/app-state.js';
import type {RowDecoration} from '../format/rows.js';
import {useAppState} from './use-app-state.js';

/** The action under way on one object (`stopping…`), if any. */
export function usePending(id: string): string | undefined {
	return useAppState(
		useCallback((state: AppState) => state.pending.get(id), [id]),
	);
}

/** A markable row's mark and pending action. */
export function useRowDecoration(id: string): RowDecoration {
	const isMarked = useAppState(
		useCallback((state: AppState) => state.marks.has(id), [id]),
	);
	const pending = usePending(id);
	return {isMarked, pending};
}
