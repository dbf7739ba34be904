import {Box, Text} from 'ink';
import {bindingWords, describeKeys} from '../../keymap/describe.js';
import type {AppState, Pane} from '../../state/app-state.js';
import {availablePanes} from '../../state/selectors.js';
import {helpBindings} from './help-bindings.js';
import {useKeymapTable} from '../keymap-in-force.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useListDrawn} from '../hooks/use-list-drawn.js';
import {viewTop, type ListView} from '../../state/list-view.js';
import {rangeText} from './listing-dialog.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {stateGlyphs, stateLegend} from '../format/rows.js';
import {theme} from '../theme.js';

type Props = {
	readonly pane: Pane;
	readonly view: ListView;
	readonly height: number;
	readonly width: number;
};

const paneNames: Readonly<Record<Pane, string>> = {
	containers: 'Containers',
	images: 'Images',
	resources: 'Resources',
	projects: 'Projects',
	volumes: 'Volumes',
	networks: 'Networks',
	events: 'Events',
	system: 'System',
	services: 'Services',
	nodes: 'Nodes',
};

const selectReadOnly = (state: AppState) => state.readOnly;

/** Panes that draw container state glyphs: their help explains them. */
const panesWithStates: ReadonlySet<Pane> = new Set([
	'containers',
	'images',
	'resources',
	'projects',
]);

const legendEntries = stateLegend.map(
	({condition, label}) => `${stateGlyphs[condition]} ${label}`,
);

/** A column narrower than this would cut most descriptions short. */
const minimumColumnWidth = 44;

/**
 * Every key of the focused pane and the global ones, straight from the keymap table: in as many
 * columns as fit the width, scrolled with j/k when they do not fit the height.
 */
export function HelpOverlay({pane, view, height, width}: Props) {
	const isReadOnly = useAppState(selectReadOnly);
	const available = useAppState(availablePanes);
	const table = useKeymapTable();
	const {keys, paneKeys} = helpBindings(pane, isReadOnly, available, table);
	const keyWidth = Math.max(
		...keys.map(binding => describeKeys(binding).length),
	);
	const inner = width - 4;
	const paneLines = packed(
		paneKeys.map(
			({binding, pane}) => `${describeKeys(binding)} ${paneNames[pane]}`,
		),
		inner - keyWidth - 1,
	);
	const legendLines = panesWithStates.has(pane)
		? packed(legendEntries, inner - keyWidth - 1)
		: [];
	// Two rows of frame, one of title, and the panes' and the legend's lines.
	const listHeight = Math.max(
		1,
		height - 3 - paneLines.length - legendLines.length + 1,
	);
	const columns = Math.max(
		1,
		Math.min(
			Math.floor(inner / minimumColumnWidth),
			Math.ceil(keys.length / Math.max(1, listHeight - 1)),
		),
	);
	const columnWidth = Math.floor(inner / columns);
	const capacity = Math.max(1, listHeight - 1) * columns;
	useListDrawn(capacity, keys.length);
	const fits = keys.length <= capacity;
	const top = viewTop(view.top, capacity, keys.length);
	const shown = fits ? keys : keys.slice(top, top + capacity);
	const more = fits
		? ''
		: ` · ${rangeText(top, capacity, keys.length)}, j/k scrolls`;
	return (
		<DialogFrame
			title={`Keys · ${paneNames[pane]} pane${more} · Esc or ? closes`}
			width={width}
			height={height}
		>
			<Box flexDirection="column" flexWrap="wrap" height={listHeight - 1}>
				{shown.map(binding => (
					<Box key={binding.command} width={columnWidth} paddingRight={1}>
						<Text wrap="truncate-end">
							<Text color={theme.key}>
								{describeKeys(binding).padEnd(keyWidth)}
							</Text>{' '}
							{bindingWords(binding).description}
						</Text>
					</Box>
				))}
			</Box>
			<LabelledLines label="Panes" lines={paneLines} labelWidth={keyWidth} />
			<LabelledLines label="States" lines={legendLines} labelWidth={keyWidth} />
		</DialogFrame>
	);
}

/** Lines under the key list, the first led by `label` in the keys' column. */
function LabelledLines({
	label,
	lines,
	labelWidth,
}: {
	readonly label: string;
	readonly lines: readonly string[];
	readonly labelWidth: number;
}) {
	return lines.map((line, index) => (
		<Text key={line} wrap="truncate-end">
			<Text color={theme.key}>
				{(index === 0 ? label : '').padEnd(labelWidth)}
			</Text>{' '}
			{line}
		</Text>
	));
}

/** Entries joined two spaces apart, as many to a line as fit `width`. */
function packed(entries: readonly string[], width: number): string[] {
	const lines: string[] = [];
	for (const entry of entries) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 2 + entry.length <= width) {
			lines[lines.length - 1] = `${last}  ${entry}`;
		} else {
			lines.push(entry);
		}
	}

	return lines;
}
