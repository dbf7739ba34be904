import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {filterTyped} from '../../state/updates.js';
import type {AppState} from '../../state/app-state.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useServices} from '../hooks/use-services.js';
import {theme} from '../theme.js';

const selectDraft = (state: AppState): string =>
	state.ui.dialog?.kind === 'filter' ? state.ui.dialog.draft : '';

/** The `/` prompt: typing narrows the list at once; Enter keeps the filter, Esc clears it (keymap). */
export function FilterPrompt() {
	const {dispatch} = useServices();
	const draft = useAppState(selectDraft);
	return (
		<Box height={1}>
			<Text color={theme.key}>/</Text>
			<TextInput
				value={draft}
				placeholder="name, image or id"
				onChange={value => {
					dispatch(filterTyped(value));
				}}
			/>
		</Box>
	);
}
