// The command log: the docker commands dockmate ran, each with its engine and outcome.

import type {CommandLogEntry, Update} from './app-state.js';
import {withShortIds} from '../format/units.js';

/** How many commands the log keeps. */
export const commandLogLength = 500;

/** Records an action against the engine this state is connected to. */
export function commandLogged(entry: Omit<CommandLogEntry, 'engine'>): Update {
	return state => ({
		...state,
		commandLog: [
			...state.commandLog,
			{
				...entry,
				engine: state.endpoint,
				error:
					entry.error === undefined ? undefined : withShortIds(entry.error),
			},
		].slice(-commandLogLength),
	});
}

/**
 * Entries recorded on another engine's state, merged in by time: what was done before a switch
 * of engines stays in the log, tagged with where it ran.
 */
export function commandsCarried(entries: readonly CommandLogEntry[]): Update {
	return state =>
		entries.length === 0
			? state
			: {
					...state,
					commandLog: [...state.commandLog, ...entries]
						.sort((a, b) => a.time - b.time)
						.slice(-commandLogLength),
				};
}
