import {Box, Text} from 'ink';
import type {Pane} from '../../state/app-state.js';
import {windowStart} from '../../state/list-view.js';
import {
	paletteMatches,
	type PaletteDialog as Dialog,
	type PaletteEntry,
} from '../../state/palette.js';
import {DialogFrame, type DialogProps} from '../components/dialog-frame.js';
import {TypedLine} from '../components/typed-line.js';
import {cellWidth, fit} from '../format/cells.js';
import {useAppState} from '../hooks/use-app-state.js';
import {rowColors, theme} from '../theme.js';

type Props = DialogProps<Dialog>;

/** What each pane's objects are called beside their names. */
const objectWords: Readonly<Record<Pane, string>> = {
	containers: 'container',
	images: 'image',
	resources: 'container',
	projects: 'project',
	volumes: 'volume',
	networks: 'network',
	events: 'event',
	system: 'system',
	services: 'service',
	nodes: 'node',
};

/** Rows of the dialog that are not matches: two borders, the title and the typed line. */
const chromeRows = 4;

/** The right-hand side of a match: a command's keys, or what kind of object it is. */
function sideText(entry: PaletteEntry): string {
	switch (entry.kind) {
		case 'command': {
			return entry.keys;
		}

		case 'object': {
			return objectWords[entry.pane];
		}

		case 'engine': {
			return entry.isCurrent ? 'engine · current' : 'engine';
		}
	}
}

/**
 * The command palette (`:`): the typed line, and the matches best first, each command with its
 * keys so the palette teaches them. It only draws: the keymap edits the line and moves the choice.
 */
export function PaletteDialog({dialog, width, height}: Props) {
	const matches = useAppState(paletteMatches);
	const rows = Math.max(1, height - chromeRows);
	const cursor = Math.min(dialog.cursor, Math.max(0, matches.length - 1));
	const top = windowStart(
		Math.max(0, cursor - rows + 1),
		cursor,
		rows,
		matches.length,
	);
	const inner = Math.max(10, width - 4);
	const shown = matches.slice(top, top + rows);
	return (
		<DialogFrame
			title={`Palette · ${matches.length} ${matches.length === 1 ? 'match' : 'matches'} · Enter runs or goes to it · Esc closes`}
			width={width}
			height={height}
		>
			<TypedLine prompt=":" draft={dialog.draft} hint="a command, or a name" />
			{shown.map((entry, offset) => {
				const side = sideText(entry);
				const sideWidth = Math.min(cellWidth(side), Math.floor(inner / 3));
				return (
					<Box key={entry.key}>
						<Text
							wrap="truncate-end"
							{...rowColors(top + offset === cursor, true)}
						>
							{fit(entry.label, inner - sideWidth - 1)}{' '}
							<Text
								color={entry.kind === 'command' ? theme.key : theme.text.dim}
							>
								{fit(side, sideWidth, 'right')}
							</Text>
						</Text>
					</Box>
				);
			})}
			{matches.length === 0 ? (
				<Text color={theme.text.dim}>nothing matches</Text>
			) : null}
		</DialogFrame>
	);
}
