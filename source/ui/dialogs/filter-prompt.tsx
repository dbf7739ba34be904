import {Box} from 'ink';
import type {AppState} from '../../state/app-state.js';
import {TypedLine} from '../components/typed-line.js';
import {useAppState} from '../hooks/use-app-state.js';

const selectDraft = (state: AppState): string =>
	state.ui.dialog?.kind === 'filter' ? state.ui.dialog.draft : '';

/**
 * The `/` prompt. It only draws: the keymap edits the draft in the store (typing narrows the list
 * at once, Enter keeps the filter, Esc clears it), so no keystroke depends on when this mounts.
 */
export function FilterPrompt() {
	const draft = useAppState(selectDraft);
	return (
		<Box height={1}>
			<TypedLine prompt="/" draft={draft} hint="name, image or id" />
		</Box>
	);
}
