import {Box, Text} from 'ink';
import type {AppState} from '../../state/app-state.js';
import {figuresByEngine} from '../../state/fleet.js';
import {
	combinedTotalsLine,
	engineTotalsLines,
	type EngineTotals,
} from '../format/engine-totals.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';

const selectFleet = (state: AppState) => state.fleet;
/** The one engine `F` shows alone, whose line alone is shown then. */
const selectEngineView = (state: AppState) => state.ui.engine;
const selectFigures = (state: AppState) =>
	figuresByEngine(state.containers.byId, state.resources);
const selectSources = (state: AppState) => state.resources.engines;

/** How many lines the totals want: one per engine of a fleet shown, none for one engine. */
export const selectTotalsLines = (state: AppState) =>
	state.ui.engine === undefined ? (state.fleet?.length ?? 0) : 1;

/**
 * Each engine's CPU and memory, how many of its containers are measured and from which source,
 * under the Resources list of a fleet: a line each, or all on one where the list would lose its rows.
 */
export function EngineTotalsLines({
	width,
	isCombined,
}: {
	readonly width: number;
	readonly isCombined: boolean;
}) {
	const fleet = useAppState(selectFleet);
	const figures = useAppState(selectFigures);
	const sources = useAppState(selectSources);
	const engineView = useAppState(selectEngineView);
	const shown = fleet?.filter(
		engine => engineView === undefined || engine.name === engineView,
	);
	if (shown === undefined) {
		return null;
	}

	const engines: EngineTotals[] = shown.map(({name, state}) => ({
		name,
		figures: figures.get(name),
		source: sources.get(name),
		state,
	}));
	const lines = isCombined
		? [combinedTotalsLine(engines)]
		: engineTotalsLines(engines);
	return (
		<Box flexDirection="column" width={width} paddingX={1}>
			{lines.map((line, index) => (
				// An engine that is away shows its last figures, dimmed as its rows are.
				<Text
					key={shown[index]?.name ?? index}
					wrap="truncate-end"
					{...(isCombined || shown[index]?.state.status === 'connected'
						? {}
						: {color: theme.text.dim})}
				>
					{line}
				</Text>
			))}
		</Box>
	);
}
