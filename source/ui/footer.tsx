import {Text} from 'ink';
import {useMemo} from 'react';
import type {Binding} from '../keymap/bindings.js';
import {bindingWords, describeChord} from '../keymap/describe.js';
import {shownBindings} from '../keymap/resolve.js';
import type {AppState} from '../state/app-state.js';
import {KeyHints, type KeyHint} from './components/key-hints.js';
import {cellWidth, fit} from './format/cells.js';
import {useAppState} from './hooks/use-app-state.js';
import {theme} from './theme.js';
import {activeScopes} from '../state/scopes.js';
import {useKeymapTable} from './keymap-in-force.js';

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

/** The gap between the message and the hints. */
const gap = '  ';

/**
 * The message, cut to leave room for the first hint (`? help` wherever the panes' keys are in
 * force): a long message must never push the way to the help off the line.
 */
function fitMessage(text: string, width: number, first?: KeyHint): string {
	const hintWidth =
		first === undefined ? 0 : cellWidth(`${first.keys} ${first.label}`);
	// One more column for the `…` that ends the line when further hints are cut.
	const room = Math.max(1, width - hintWidth - gap.length - 1);
	return cellWidth(text) > room ? fit(text, room) : text;
}

/**
 * The last line: the outcome of the last action (errors in red), then the hints for the scopes
 * in force, generated from the keymap: each hinted command with its first key.
 */
export function Footer({width}: {readonly width: number}) {
	const scopes = useAppState(selectScopes);
	const isReadOnly = useAppState(selectReadOnly);
	const status = useAppState(selectStatus);
	const table = useKeymapTable();
	const hints = useMemo(
		(): KeyHint[] =>
			// Help and quit come first, so that they are on screen however narrow the terminal.
			[...shownBindings(scopes, table, isReadOnly)]
				.sort((a, b) => footerRank(a) - footerRank(b))
				.flatMap(binding => {
					const {hint} = bindingWords(binding);
					const [key] = binding.keys;
					return hint === undefined || key === undefined
						? []
						: [{keys: describeChord(key), label: hint}];
				}),
		[scopes, isReadOnly, table],
	);
	if (status !== undefined) {
		return (
			<Text wrap="truncate-end">
				<Text color={status.isError ? theme.status.error : theme.status.ok}>
					{fitMessage(status.text, width, hints[0])}
				</Text>
				{gap}
				<KeyHints hints={hints} />
			</Text>
		);
	}

	return <KeyHints hints={hints} />;
}
