import {Box, Text} from 'ink';
import {perPane, type AppState, type Pane} from '../state/app-state.js';
import {ConfirmDialog} from './dialogs/confirm-dialog.js';
import {ExecPrompt} from './dialogs/exec-prompt.js';
import {HelpOverlay} from './dialogs/help-overlay.js';
import {LogView} from './dialogs/log-view.js';
import {PruneDialog} from './dialogs/prune-dialog.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {useAppState} from './hooks/use-app-state.js';
import {useKeymap} from './hooks/use-keymap.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {ContainersPane} from './panes/containers-pane.js';
import {ImagesPane} from './panes/images-pane.js';
import {ResourcesPane} from './panes/resources-pane.js';
import {paneChromeRows} from './panes/list-pane.js';

/** Below this the panes cannot show a useful row, so we say so instead of garbling. */
export const minimumSize = {columns: 60, rows: 14} as const;

const headerRows = 2;
const footerRows = 1;
const selectFocus = (state: AppState) => state.ui.focus;
const selectDialog = (state: AppState) => state.ui.dialog;
const selectCommandLog = (state: AppState) => state.commandLog;
const selectExecName = (state: AppState) =>
	state.ui.dialog?.kind === 'exec'
		? state.containers.byId.get(state.ui.dialog.containerId)?.name
		: undefined;

/**
 * Splits the rows between the panes: Containers and Images share the screen, the focused one
 * taking the larger part; every other pane takes it whole.
 */
export function paneHeights(
	available: number,
	focus: Pane,
): Readonly<Record<Pane, number>> {
	const larger = Math.ceil(available * 0.6);
	const smaller = available - larger;
	const heights = perPane(0);
	if (focus === 'containers' || focus === 'images') {
		heights.containers = focus === 'containers' ? larger : smaller;
		heights.images = focus === 'images' ? larger : smaller;
	} else {
		heights[focus] = available;
	}

	return heights;
}

function Body({
	focus,
	width,
	height,
}: {
	readonly focus: Pane;
	readonly width: number;
	readonly height: number;
}) {
	const heights = paneHeights(height, focus);
	const dialog = useAppState(selectDialog);
	const commandLog = useAppState(selectCommandLog);
	const execName = useAppState(selectExecName);
	switch (dialog?.kind) {
		case 'help': {
			return <HelpOverlay pane={focus} height={height} width={width} />;
		}

		case 'confirm': {
			return <ConfirmDialog dialog={dialog} width={width} height={height} />;
		}

		case 'prune': {
			return <PruneDialog dialog={dialog} width={width} height={height} />;
		}

		case 'log': {
			return (
				<LogView
					entries={commandLog}
					scroll={dialog.scroll}
					width={width}
					height={height}
				/>
			);
		}

		case 'exec': {
			return (
				<ExecPrompt
					name={execName ?? dialog.containerId}
					draft={dialog.draft}
					width={width}
				/>
			);
		}

		case 'filter':
		case undefined: {
			break;
		}
	}

	switch (focus) {
		case 'containers':
		case 'images': {
			return (
				<>
					<ContainersPane width={width} height={heights.containers} />
					<ImagesPane width={width} height={heights.images} />
				</>
			);
		}

		case 'resources': {
			return <ResourcesPane width={width} height={heights.resources} />;
		}
	}
}

/** The whole screen: header, the panes (or the help), and the key hints. */
export function MainScreen() {
	const {columns, rows} = useTerminalSize();
	const focus = useAppState(selectFocus);
	// Ink redraws the whole screen for every frame as tall as the terminal, so stay one row short.
	const height = rows - 1;
	const available = height - headerRows - footerRows;
	useKeymap(Math.max(1, paneHeights(available, focus)[focus] - paneChromeRows));
	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		return (
			<Box
				height={height}
				width={columns}
				alignItems="center"
				justifyContent="center"
			>
				<Text wrap="truncate-end">
					terminal too small ({columns}x{rows}); dockmate needs at least{' '}
					{minimumSize.columns}x{minimumSize.rows} · q quits
				</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" height={height} width={columns}>
			<Header width={columns} />
			<Body focus={focus} width={columns} height={available} />
			<Footer />
		</Box>
	);
}
