import {Box} from 'ink';
import type {ComponentType} from 'react';
import type {AppState, Pane} from '../../state/app-state.js';
import type {Collection} from '../../state/collections.js';
import type {ColumnSpec} from '../format/columns.js';
import {useAppState} from '../hooks/use-app-state.js';
import {ListPane, paneChromeRows, type RowProps} from './list-pane.js';

/** The room main-screen gives a pane. */
export type PaneSize = {readonly width: number; readonly height: number};

type Spec<K extends string> = {
	readonly pane: Pane;
	readonly title: string;
	readonly columns: readonly ColumnSpec<K>[];
	/** The columns in a fleet, with the ENGINE of each row; `columns` where none are given. */
	readonly fleetColumns?: readonly ColumnSpec<K>[];
	readonly Row: ComponentType<RowProps<K>>;
	readonly selectTotal: (state: AppState) => number;
	readonly selectLoaded: (state: AppState) => boolean;
	/** Extra words after the title; a module-level selector returning a string. */
	readonly selectMode?: (state: AppState) => string;
	readonly loadingText: string;
	/** What an empty list says, given the mode words. */
	readonly emptyText: string | ((mode: string) => string);
	/** A panel under the list about its selected row, shown once the pane is `minHeight` tall. */
	readonly panel?: {
		readonly Panel: ComponentType<PaneSize>;
		readonly minHeight: number;
		readonly rows: (height: number) => number;
	};
	/**
	 * Lines between the list and its panel (a fleet's totals per engine): as many as it wants while
	 * the list keeps {@link minListRows}, else one line that says it all.
	 */
	readonly summary?: {
		readonly Summary: ComponentType<{
			readonly width: number;
			readonly isCombined: boolean;
		}>;
		/** How many lines it wants; 0 for none. A module-level selector. */
		readonly selectLines: (state: AppState) => number;
	};
};

/** The data rows a list keeps before a summary under it folds into one line. */
const minListRows = 3;
const noLines = () => 0;

const noMode = () => '';
const selectIsFleet = (state: AppState) => state.fleet !== undefined;

/** How many rows a pane that shows `pick`'s collection as it is has, and whether it is loaded. */
export function countsOf(
	pick: (state: AppState) => Collection<unknown>,
): Pick<Spec<string>, 'selectTotal' | 'selectLoaded'> {
	return {
		selectTotal: state => pick(state).byId.size,
		selectLoaded: state => pick(state).loaded,
	};
}

/** A pane that lists one collection of the store, and maybe a panel about its selected row below. */
export function collectionPane<K extends string>({
	selectMode = noMode,
	emptyText,
	panel,
	summary,
	fleetColumns,
	...list
}: Spec<K>): ComponentType<PaneSize> {
	return function CollectionPane({width, height}: PaneSize) {
		const mode = useAppState(selectMode);
		const isFleet = useAppState(selectIsFleet);
		const showsPanel = panel !== undefined && height >= panel.minHeight;
		const panelRows = showsPanel ? panel.rows(height) : 0;
		const wantedLines = useAppState(summary?.selectLines ?? noLines);
		const isCombined =
			wantedLines > 1 &&
			height - panelRows - paneChromeRows - wantedLines < minListRows;
		const summaryLines = isCombined ? 1 : wantedLines;
		const listPane = (
			<ListPane
				{...list}
				columns={isFleet ? (fleetColumns ?? list.columns) : list.columns}
				mode={mode}
				emptyText={typeof emptyText === 'string' ? emptyText : emptyText(mode)}
				width={width}
				height={height - panelRows - summaryLines}
			/>
		);
		// A pane with a panel keeps its column box when the panel hides, so the list is not mounted anew.
		return panel === undefined && summary === undefined ? (
			listPane
		) : (
			<Box flexDirection="column" height={height}>
				{listPane}
				{summary !== undefined && summaryLines > 0 ? (
					<summary.Summary width={width} isCombined={isCombined} />
				) : null}
				{showsPanel ? <panel.Panel width={width} height={panelRows} /> : null}
			</Box>
		);
	};
}
