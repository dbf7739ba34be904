import {Box, Text} from 'ink';
import {useCallback} from 'react';
import type {AppState} from '../state/app-state.js';
import {HelpOverlay} from './dialogs/help-overlay.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {useAppState} from './hooks/use-app-state.js';
import {useKeymap} from './hooks/use-keymap.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {ContainersPane} from './panes/containers-pane.js';
import {ImagesPane} from './panes/images-pane.js';
import {paneChromeRows} from './panes/list-pane.js';

/** Below this the panes cannot show a useful row, so we say so instead of garbling. */
export const minimumSize = {columns: 60, rows: 14} as const;

const headerRows = 2;
const footerRows = 1;
const selectFocus = (state: AppState) => state.ui.focus;
const selectIsHelpOpen = (state: AppState) => state.ui.dialog?.kind === 'help';

/** Splits the rows between the two panes, giving the focused one the larger share. */
export function paneHeights(
	available: number,
	focus: AppState['ui']['focus'],
): {containers: number; images: number} {
	const larger = Math.ceil(available * 0.6);
	const smaller = available - larger;
	return focus === 'containers'
		? {containers: larger, images: smaller}
		: {containers: smaller, images: larger};
}

/** The whole screen: header, the panes (or the help), and the key hints. */
export function MainScreen() {
	const {columns, rows} = useTerminalSize();
	const focus = useAppState(selectFocus);
	const isHelpOpen = useAppState(selectIsHelpOpen);
	// Ink redraws the whole screen for every frame as tall as the terminal, so stay one row short.
	const height = rows - 1;
	const available = height - headerRows - footerRows;
	const heights = paneHeights(available, focus);
	useKeymap(Math.max(1, heights[focus] - paneChromeRows));
	const isTooSmall = columns < minimumSize.columns || rows < minimumSize.rows;
	const renderBody = useCallback(() => {
		if (isHelpOpen) {
			return <HelpOverlay pane={focus} height={available} width={columns} />;
		}

		return (
			<>
				<ContainersPane width={columns} height={heights.containers} />
				<ImagesPane width={columns} height={heights.images} />
			</>
		);
	}, [
		isHelpOpen,
		focus,
		available,
		columns,
		heights.containers,
		heights.images,
	]);
	if (isTooSmall) {
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
			{renderBody()}
			<Footer />
		</Box>
	);
}
