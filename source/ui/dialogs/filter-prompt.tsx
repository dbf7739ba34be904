import {Box} from 'ink';
import type {AppState} from '../../state/app-state.js';
import {textField, type TextField} from '../../state/text-field.js';
import {TypedLine} from '../components/typed-line.js';
import {useAppState} from '../hooks/use-app-state.js';

const noDraft = textField();
const selectDraft = (state: AppState): TextField =>
	state.ui.dialog?.kind === 'filter' ? state.ui.dialog.draft : noDraft;
const selectIsSelected = (state: AppState): boolean =>
	state.ui.dialog?.kind === 'filter' && state.ui.dialog.isSelected === true;

/**
 * The `/` prompt. It only draws: the keymap edits the draft in the store (typing narrows the list
 * at once, Enter keeps the filter, Esc clears it), so no keystroke depends on when this mounts.
 */
export function FilterPrompt() {
	const draft = useAppState(selectDraft);
	const isSelected = useAppState(selectIsSelected);
	return (
		<Box height={1}>
			<TypedLine
				prompt="/"
				draft={draft}
				isSelected={isSelected}
				hint={
					isSelected ? 'typing replaces it, → edits it' : 'name, image or id'
				}
			/>
		</Box>
	);
}
