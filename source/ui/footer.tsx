import {useMemo} from 'react';
import {bindings} from '../keymap/bindings.js';
import {commandInfo} from '../keymap/commands.js';
import {describeChord} from '../keymap/describe.js';
import {activeBindings} from '../keymap/resolve.js';
import type {AppState} from '../state/app-state.js';
import {activeScopes} from '../state/selectors.js';
import {KeyHints, type KeyHint} from './components/key-hints.js';
import {useAppState} from './hooks/use-app-state.js';

const selectScopes = (state: AppState) => activeScopes(state);

/** Hints for the scopes in force, generated from the keymap: each hinted command with its first key. */
export function Footer() {
	const scopes = useAppState(selectScopes);
	const hints = useMemo(
		(): KeyHint[] =>
			activeBindings(scopes, bindings).flatMap(binding => {
				const {hint} = commandInfo[binding.command];
				const [key] = binding.keys;
				return hint === undefined || key === undefined
					? []
					: [{keys: describeChord(key), label: hint}];
			}),
		[scopes],
	);
	return <KeyHints hints={hints} />;
}
