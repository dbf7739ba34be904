import type {Update} from './app-state.js';
import {dialogOpened} from './dialog-slot.js';
import {textField} from './text-field.js';

/** Opens the exec prompt for a container, with `draft` as the command line to edit. */
export function execPromptOpened(containerId: string, draft: string): Update {
	return dialogOpened({kind: 'exec', containerId, draft: textField(draft)});
}
