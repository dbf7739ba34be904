// The audit: the docker commands dockmate ran, each with its engine and outcome (`L` shows it).

import type {AuditEntry, Update} from './app-state.js';
import {withShortIds} from '../format/units.js';

/** How many commands the log keeps. */
export const auditLength = 500;

/**
 * Records an action against the engine this state is connected to, or (in a fleet) the one
 * `entry.engine` names.
 */
export function commandAudited(
	entry: Omit<AuditEntry, 'engine'> & {readonly engine?: string | undefined},
): Update {
	return state => ({
		...state,
		audit: [
			...state.audit,
			{
				...entry,
				engine: entry.engine ?? state.endpoint,
				error:
					entry.error === undefined ? undefined : withShortIds(entry.error),
			},
		].slice(-auditLength),
	});
}

/**
 * Entries recorded on another engine's state, merged in by time: what was done before a switch
 * of engines stays in the log, tagged with where it ran.
 */
export function auditCarried(entries: readonly AuditEntry[]): Update {
	return state =>
		entries.length === 0
			? state
			: {
					...state,
					audit: [...state.audit, ...entries]
						.sort((a, b) => a.time - b.time)
						.slice(-auditLength),
				};
}
