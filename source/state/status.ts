// The status line: one message at a time, the newest wins.

import {withShortIds} from '../format/units.js';
import type {Status, Update} from './app-state.js';

/** Shows `text` on the status line, with any full ids in it shortened. */
export function statusShown(text: string, isError = false): Update {
	return state => ({...state, status: {text: withShortIds(text), isError}});
}

/** Clears the status line. */
export const statusCleared: Update = state =>
	state.status === undefined ? state : {...state, status: undefined};

/** Clears `status` if it is still the one shown: a newer message keeps its own time. */
export function statusExpired(status: Status): Update {
	return state =>
		state.status === status ? {...state, status: undefined} : state;
}
