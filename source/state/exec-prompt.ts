import type {Update} from './app-state.js';

/** Opens the exec prompt for a container, with `draft` as the command line to edit. */
export function execPromptOpened(containerId: string, draft: string): Update {
	return state => ({
		...state,
		ui: {...state.ui, dialog: {kind: 'exec', containerId, draft}},
	});
}
