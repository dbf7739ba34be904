import {Box, Text} from 'ink';
import type {AppState} from '../state/app-state.js';
import {useAppState, useClock} from './hooks/use-app-state.js';
import {theme} from './theme.js';
import {counts} from '../state/container-rows.js';
import {countsByEngine, figuresByEngine} from '../state/fleet.js';
import {
	chipGap,
	chipLayout,
	chipParts,
	moreText,
	partsWidth,
	type ChipForm,
	type ChipPart,
} from './format/fleet-chips.js';
import type {FleetEngine} from '../docker/docker-client.js';

const selectEngine = (state: AppState) => state.engine;
const selectEndpoint = (state: AppState) => state.endpoint;
const selectConnection = (state: AppState) => state.connection;
const selectIsDown = (state: AppState) => state.connection.status === 'down';
const selectCounts = (state: AppState) =>
	counts(state.containers.byId, state.images.byId);
const selectReadOnly = (state: AppState) => state.readOnly;
const selectSource = (state: AppState) => state.resources.source;
const selectOutOfFiles = (state: AppState) => state.resources.outOfFiles;

const selectFleet = (state: AppState) => state.fleet;
const selectEngineCounts = (state: AppState) =>
	countsByEngine(state.containers.byId);
const selectEngineFigures = (state: AppState) =>
	figuresByEngine(state.containers.byId, state.resources);

/** The colour of each part of a chip that has one; the engine's name is bold instead. */
const tones: Readonly<
	Record<Exclude<ChipPart['tone'], 'name' | undefined>, string>
> = {
	up: theme.connection.up,
	connecting: theme.connection.connecting,
	down: theme.connection.down,
	key: theme.key,
};

/**
 * One chip per engine of a fleet: its name, connection, kind, containers, CPU and memory, in the
 * widest form that shows every engine (see fleet-chips.ts).
 */
function FleetChips({
	engines,
	width,
}: {
	readonly engines: readonly FleetEngine[];
	readonly width: number;
}) {
	const now = useClock();
	const engineCounts = useAppState(selectEngineCounts);
	const engineFigures = useAppState(selectEngineFigures);
	const partsOf = (index: number, form: ChipForm): ChipPart[] => {
		const engine = engines[index];
		return engine === undefined
			? []
			: chipParts(
					engine,
					form,
					engineCounts.get(engine.name),
					engineFigures.get(engine.name),
					now,
				);
	};

	const layout = chipLayout(
		engines.length,
		(index, form) => partsWidth(partsOf(index, form)),
		width,
		index => engines[index]?.state.status !== 'connected',
	);
	return (
		<Text wrap="truncate-end">
			{layout.shown.map((index, place) => (
				<Text key={engines[index]?.name ?? index}>
					{place === 0 ? '' : chipGap}
					{partsOf(index, layout.form).map((part, partIndex) => (
						<Text
							// The parts of a chip never move: their place is who they are.
							key={partIndex}
							bold={part.tone === 'name'}
							{...(part.tone === undefined || part.tone === 'name'
								? {}
								: {color: tones[part.tone]})}
						>
							{part.text}
						</Text>
					))}
				</Text>
			))}
			{layout.hidden > 0 ? (
				<Text color={theme.text.dim}>{moreText(layout.hidden)}</Text>
			) : (
				''
			)}
		</Text>
	);
}

function ConnectionBadge() {
	const connection = useAppState(selectConnection);
	const now = useClock();
	switch (connection.status) {
		case 'up': {
			return <Text color={theme.connection.up}>● connected</Text>;
		}

		case 'connecting': {
			return <Text color={theme.connection.connecting}>◌ connecting…</Text>;
		}

		case 'down': {
			const seconds = Math.max(0, Math.ceil((connection.retryAt - now) / 1000));
			// The countdown before the engine's words: a long error must not cut it off.
			return (
				<Text color={theme.connection.down}>
					✕ disconnected · retrying{seconds > 0 ? ` in ${seconds}s` : '…'} ·{' '}
					{connection.error}
				</Text>
			);
		}
	}
}

/**
 * Which engine, how much is on it, and whether we are still talking to it. While the engine is
 * away the connection line comes first: everything below it is what was last heard, not news.
 */
export function Header({width}: {readonly width: number}) {
	const engine = useAppState(selectEngine);
	const endpoint = useAppState(selectEndpoint);
	const {running, containers, images} = useAppState(selectCounts);
	const isReadOnly = useAppState(selectReadOnly);
	const source = useAppState(selectSource);
	const isDown = useAppState(selectIsDown);
	const outOfFiles = useAppState(selectOutOfFiles);
	const fleet = useAppState(selectFleet);
	const identity = (
		<Text wrap="truncate-end">
			<Text bold color={theme.text.title}>
				dockmate
			</Text>
			{'  '}
			{engine ? `${engine.product} ${engine.version}` : 'engine ?'}
			<Text color={theme.text.dim}> @ {endpoint}</Text>
			{isReadOnly ? <Text color={theme.key}> [read-only]</Text> : ''}
		</Text>
	);
	const connection = (
		<Text wrap="truncate-end">
			<ConnectionBadge />
			{outOfFiles === undefined ? (
				''
			) : (
				<Text color={theme.status.error}>
					{'  '}figures limited: open-files limit{' '}
					{outOfFiles.limit ?? 'reached'}
				</Text>
			)}
			<Text color={theme.text.dim}>
				{'  '}containers {running} running / {containers} · images {images}
				{source === undefined ? '' : ` · stats: ${source}`}
			</Text>
		</Text>
	);
	if (fleet !== undefined) {
		// A fleet's connection is each engine's: one chip each, under the totals.
		return (
			<Box flexDirection="column" width={width}>
				<Text wrap="truncate-end">
					<Text bold color={theme.text.title}>
						dockmate
					</Text>
					{'  '}fleet of {fleet.length}
					{isReadOnly ? <Text color={theme.key}> [read-only]</Text> : ''}
					<Text color={theme.text.dim}>
						{'  '}containers {running} running / {containers} · images {images}
						{source === undefined ? '' : ` · stats: ${source}`}
					</Text>
				</Text>
				<FleetChips engines={fleet} width={width} />
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={width}>
			{isDown ? connection : identity}
			{isDown ? identity : connection}
		</Box>
	);
}
