import {Box, Text} from 'ink';
import type {AppState} from '../state/app-state.js';
import {useAppState, useClock} from './hooks/use-app-state.js';
import {theme} from './theme.js';
import {counts} from '../state/container-rows.js';
import {countsByEngine, figuresByEngine} from '../state/fleet.js';
import {formatPercent} from './format/resources.js';
import {formatMemory} from '../format/units.js';
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

/** How much of an engine's error its chip shows: enough to say why, leaving room for the others. */
const reasonLength = 40;

/** The last clause of an engine's error (`…: connection refused`), which says why, cut to fit. */
function shortReason(error: string): string {
	const reason = error.split(': ').at(-1) ?? error;
	return reason.length <= reasonLength
		? reason
		: `${reason.slice(0, reasonLength - 1)}…`;
}

/**
 * An engine's kind and version to its minor (`Docker 20.10`, not `Docker 20.10.24+dfsg1`): the
 * chips share one line, and the patch level is in the System pane.
 */
function shortProduct(product: string): string {
	return product.replace(/(\d+\.\d+)\.\S*/, '$1');
}

/** A fleet engine's connection, as the one engine's badge words it. */
function EngineConnection({engine}: {readonly engine: FleetEngine}) {
	const now = useClock();
	const {state} = engine;
	switch (state.status) {
		case 'connected': {
			return <Text color={theme.connection.up}>● connected</Text>;
		}

		case 'connecting': {
			return <Text color={theme.connection.connecting}>… connecting</Text>;
		}

		case 'down': {
			const seconds = Math.max(0, Math.ceil((state.retryAt - now) / 1000));
			return (
				<Text color={theme.connection.down}>
					✕ retrying{seconds > 0 ? ` in ${seconds}s` : '…'}:{' '}
					{shortReason(state.error)}
				</Text>
			);
		}
	}
}

/** One chip per engine of a fleet: its name, connection, kind, containers, CPU and memory. */
function FleetChips({engines}: {readonly engines: readonly FleetEngine[]}) {
	const engineCounts = useAppState(selectEngineCounts);
	const engineFigures = useAppState(selectEngineFigures);
	return (
		<Text wrap="truncate-end">
			{engines.map((engine, index) => {
				const {running, total} = engineCounts.get(engine.name) ?? {
					running: 0,
					total: 0,
				};
				const figures = engineFigures.get(engine.name);
				return (
					<Text key={engine.name}>
						{index === 0 ? '' : '  '}[<Text bold>{engine.name}</Text>{' '}
						{/* The state before the figures: a line cut at the width keeps each state it reaches. */}
						<EngineConnection engine={engine} />
						{engine.product === undefined
							? ''
							: ` ${shortProduct(engine.product)}`}
						{engine.readOnly ? <Text color={theme.key}> read-only</Text> : ''}{' '}
						{running}/{total}
						{figures === undefined
							? ''
							: ` CPU ${formatPercent(figures.cpuPercent)} MEM ${formatMemory(figures.memory)}`}
						]
					</Text>
				);
			})}
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
				<FleetChips engines={fleet} />
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
