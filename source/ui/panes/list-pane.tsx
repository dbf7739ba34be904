import {Box, Text} from 'ink';
import {useCallback, useMemo, type ComponentType} from 'react';
import type {Sort, SortKey, AppState, Pane} from '../../state/app-state.js';
import {markSummary, selectedId, visibleIds} from '../../state/selectors.js';
import {
	sizeColumns,
	type ColumnSpec,
	type SizedColumn,
} from '../format/columns.js';
import {FilterPrompt} from '../dialogs/filter-prompt.js';
import {PaneFrame} from '../components/pane-frame.js';
import {Table} from '../components/table.js';
import {useAppState} from '../hooks/use-app-state.js';
import {useServices} from '../hooks/use-services.js';
import {rowsShown} from '../../state/updates.js';
import {engineViewText} from '../../state/fleet.js';

/** What a pane's row component gets: the id it shows and how it is drawn. */
export type RowProps<K extends string> = {
	readonly id: string;
	readonly columns: readonly SizedColumn<K>[];
	readonly isSelected: boolean;
	readonly isFocused: boolean;
};

type Props<K extends string> = {
	readonly pane: Pane;
	readonly title: string;
	/** Extra words after the title, e.g. "running only". */
	readonly mode?: string;
	readonly columns: readonly ColumnSpec<K>[];
	readonly width: number;
	readonly height: number;
	readonly loadingText: string;
	readonly emptyText: string;
	readonly Row: ComponentType<RowProps<K>>;
	/** Total items before filtering, for the title. A stable selector, like every one below. */
	readonly selectTotal: (state: AppState) => number;
	readonly selectLoaded: (state: AppState) => boolean;
};

/** The engine is away: the rows are what it last said, and may no longer be true. */
const selectIsStale = (state: AppState) =>
	state.connection.status === 'down' && state.containers.loaded;

const sortNames: Readonly<Record<SortKey, string>> = {
	name: 'name',
	cpu: 'CPU',
	memory: 'memory',
	size: 'size',
	age: 'age',
	engine: 'engine',
};

/** The order a list is in, for its title; empty for its default (by name, A to Z). */
function describeSort(sort: Sort): string {
	if (sort.key === 'name' && !sort.descending) {
		return '';
	}

	return `by ${sortNames[sort.key]} ${sort.descending ? '↓' : '↑'}`;
}

/** Rows of chrome inside a pane besides its data rows: two borders and the header line. */
export const paneChromeRows = 3;

/** A bordered, windowed list of one kind of object, with its filter prompt. */
export function ListPane<K extends string>({
	pane,
	title,
	mode,
	columns,
	width,
	height,
	loadingText,
	emptyText,
	Row,
	selectTotal,
	selectLoaded,
}: Props<K>) {
	const {dispatch} = useServices();
	const total = useAppState(selectTotal);
	const isLoaded = useAppState(selectLoaded);
	const onShown = useCallback(
		(shown: readonly string[]) => {
			dispatch(rowsShown(pane, shown));
		},
		[dispatch, pane],
	);
	const ids = useAppState(
		useCallback((state: AppState) => visibleIds(state, pane), [pane]),
	);
	const selected = useAppState(
		useCallback((state: AppState) => selectedId(state, pane), [pane]),
	);
	const isFocused = useAppState(
		useCallback((state: AppState) => state.ui.focus === pane, [pane]),
	);
	const sortText = useAppState(
		useCallback(
			(state: AppState) => describeSort(state.ui.sorts[pane]),
			[pane],
		),
	);
	const filter = useAppState(
		useCallback((state: AppState) => state.ui.filters[pane], [pane]),
	);
	const isStale = useAppState(selectIsStale);
	const engineView = useAppState(engineViewText);
	const marks = useAppState(
		useCallback((state: AppState) => markSummary(state, pane), [pane]),
	);
	const isFiltering = useAppState(
		useCallback(
			(state: AppState) =>
				state.ui.dialog?.kind === 'filter' && state.ui.focus === pane,
			[pane],
		),
	);
	// Two border columns and two of padding.
	const sized = useMemo(
		() => sizeColumns(columns, width - 4),
		[columns, width],
	);
	const position = selected === undefined ? 0 : ids.indexOf(selected) + 1;
	const counts =
		ids.length === total ? `${total}` : `${ids.length} of ${total}`;
	const detail = [
		isLoaded ? `${position}/${counts}` : '',
		marks,
		sortText,
		mode ?? '',
		engineView,
		filter !== '' && !isFiltering ? `filter: ${filter}` : '',
	]
		.filter(Boolean)
		.join(' · ');
	const dataRows = height - paneChromeRows - (isFiltering ? 1 : 0);
	return (
		<PaneFrame
			title={title}
			warning={isStale ? 'stale' : ''}
			detail={detail}
			isFocused={isFocused}
			width={width}
			height={height}
		>
			{isLoaded ? (
				<Table
					columns={sized}
					ids={ids}
					selectedId={selected}
					height={dataRows}
					emptyText={filter === '' ? emptyText : `nothing matches "${filter}"`}
					onShown={onShown}
					renderRow={(id, isSelected) => (
						<Row
							id={id}
							columns={sized}
							isSelected={isSelected}
							isFocused={isFocused}
						/>
					)}
				/>
			) : (
				<Text>{loadingText}</Text>
			)}
			<Box flexGrow={1} />
			{isFiltering ? <FilterPrompt /> : null}
		</PaneFrame>
	);
}
