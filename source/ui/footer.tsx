import {Text} from 'ink';
import {useMemo} from 'react';
import {bindings, type Binding} from '../keymap/bindings.js';
import {commandInfo} from '../keymap/commands.js';
import {describeChord} from '../keymap/describe.js';
import {shownBindings} from '../keymap/resolve.js';
import type {AppState} from '../state/app-state.js';
import {activeScopes} from '../state/selectors.js';
import {KeyHints, type KeyHint} from './components/key-hints.js';
import {useAppState} from './hooks/use-app-state.js';
import {theme} from './theme.js';

const selectScopes = (state: AppState) => activeScopes(state);
const selectReadOnly = (state: AppState) => state.readOnly;
const selectStatus = (state: AppState) => state.status;

/**
 * Help, then quit, then the rest, where the panes' keys are in force. A dialog binds quit to
 * Ctrl-C only, as a way out rather than its point, so there it goes last, after the keys that
 * the dialog's list shares with every other dialog.
 */
function footerRank(binding: Binding): number {
	if (binding.command === 'app.help') {
		return 0;
	}

	if (binding.command !== 'app.quit') {
		return 2;
	}

	return binding.keys.includes('q') ? 1 : 3;
}

/**
 * The last line: the outcome of the last action (errors in red), then the hints for the scopes
 * in force, generated from the keymap: each hinted command with its first key.
 */
export function Footer() {
	const scopes = useAppState(selectScopes);
	const isReadOnly = useAppState(selectReadOnly);
	const status = useAppState(selectStatus);
	const hints = useMemo(
		(): KeyHint[] =>
			// Help and quit come first, so that they are on screen however narrow the terminal.
			[...shownBindings(scopes, bindings, isReadOnly)]
				.sort((a, b) => footerRank(a) - footerRank(b))
				.flatMap(binding => {
					const {hint} = commandInfo[binding.command];
					const [key] = binding.keys;
					return hint === undefined || key === undefined
						? []
						: [{keys: describeChord(key), label: hint}];
				}),
		[scopes, isReadOnly],
	);
	if (status !== undefined) {
		return (
			<Text wrap="truncate-end">
				<Text color={status.isError ? theme.status.error : theme.status.ok}>
					{status.text}
				</Text>
				{'  '}
				<KeyHints hints={hints} />
			</Text>
		);
	}

	return <KeyHints hints={hints} />;
}
