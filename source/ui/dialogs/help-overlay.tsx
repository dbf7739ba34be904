import {Box, Text} from 'ink';
import {bindings} from '../../keymap/bindings.js';
import {commands} from '../../keymap/commands.js';
import {describeKeys} from '../../keymap/describe.js';
import {shownBindings} from '../../keymap/resolve.js';
import type {AppState, Pane} from '../../state/app-state.js';
import {useAppState} from '../hooks/use-app-state.js';
import {scopesOfPane} from '../../state/selectors.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {theme} from '../theme.js';

type Props = {
	readonly pane: Pane;
	readonly height: number;
	readonly width: number;
};

const selectReadOnly = (state: AppState) => state.readOnly;

const paneNames: Readonly<Record<Pane, string>> = {
	containers: 'Containers',
	images: 'Images',
	resources: 'Resources',
};

/** Every key of the focused pane and the global ones, straight from the keymap table. */
export function HelpOverlay({pane, height, width}: Props) {
	const isReadOnly = useAppState(selectReadOnly);
	const rows = shownBindings(scopesOfPane(pane), bindings, isReadOnly);
	const keyWidth = Math.max(
		...rows.map(binding => describeKeys(binding).length),
	);
	// As many columns as the keys need at this height, sharing the width.
	const listHeight = Math.max(1, height - 3);
	const columnWidth = Math.floor(
		(width - 4) / Math.max(1, Math.ceil(rows.length / listHeight)),
	);
	return (
		<DialogFrame
			title={`Keys · ${paneNames[pane]} pane (Esc or ? closes)`}
			width={width}
			height={height}
		>
			<Box flexDirection="column" flexWrap="wrap" height={listHeight}>
				{rows.map(binding => (
					<Box key={binding.command} width={columnWidth} paddingRight={1}>
						<Text wrap="truncate-end">
							<Text color={theme.key}>
								{describeKeys(binding).padEnd(keyWidth)}
							</Text>{' '}
							{commands[binding.command].description}
						</Text>
					</Box>
				))}
			</Box>
		</DialogFrame>
	);
}
