import {useEffect} from 'react';
import {dialogListDrawn} from '../../state/dialog-list.js';
import {useServices} from './use-services.js';

/**
 * Tells the store that the open dialog's list is drawn with `rows` of its `total` items in
 * sight: paging and the last page go by what is on screen.
 */
export function useListDrawn(rows: number, total: number): void {
	const {dispatch} = useServices();
	useEffect(() => {
		dispatch(dialogListDrawn(rows, total));
	}, [dispatch, rows, total]);
}
