import {Box, Text} from 'ink';
import type {AppState} from '../state/app-state.js';
import {useAppState, useClock} from './hooks/use-app-state.js';
import {theme} from './theme.js';
import {counts} from '../state/container-rows.js';

const selectEngine = (state: AppState) => state.engine;
const selectEndpoint = (state: AppState) => state.endpoint;
const selectConnection = (state: AppState) => state.connection;
const selectIsDown = (state: AppState) => state.connection.status === 'down';
const selectCounts = (state: AppState) =>
	counts(state.containers.byId, state.images.byId);
const selectReadOnly = (state: AppState) => state.readOnly;
const selectSource = (state: AppState) => state.resources.source;
const selectOutOfFiles = (state: AppState) => state.resources.outOfFiles;

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
	return (
		<Box flexDirection="column" width={width}>
			{isDown ? connection : identity}
			{isDown ? identity : connection}
		</Box>
	);
}
