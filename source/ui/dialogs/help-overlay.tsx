import {Box, Text} from 'ink';
import {bindings} from '../../keymap/bindings.js';
import {commands} from '../../keymap/commands.js';
import {describeKeys} from '../../keymap/describe.js';
import {shownBindings} from '../../keymap/resolve.js';
import type {AppState, Pane} from '../../state/app-state.js';
import {useAppState} from '../hooks/use-app-state.js';
import {scopesOfPane} from '../../state/selectors.js';
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
	return (
		<Box
			flexDirection="column"
			height={height}
			width={width}
			borderStyle="round"
			borderColor={theme.border.focused}
			paddingX={1}
			overflow="hidden"
		>
			<Text bold color={theme.text.title}>
				Keys · {paneNames[pane]} pane{' '}
				<Text color={theme.text.dim}>(Esc or ? closes)</Text>
			</Text>
			<Box flexDirection="column" flexWrap="wrap" height={height - 3}>
				{rows.map(binding => (
					<Box key={binding.command} width={Math.min(width - 4, 48)}>
						<Text wrap="truncate-end">
							<Text color={theme.key}>
								{describeKeys(binding).padEnd(keyWidth)}
							</Text>{' '}
							{commands[binding.command].description}
						</Text>
					</Box>
				))}
			</Box>
		</Box>
	);
}
