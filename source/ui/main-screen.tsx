import {Box, Text} from 'ink';
import type {AppState} from '../state/app-state.js';
import {HelpOverlay} from './dialogs/help-overlay.js';
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
const selectIsHelpOpen = (state: AppState) => state.ui.dialog?.kind === 'help';

/**
 * Splits the rows between the panes: Containers and Images share the screen, the focused one
 * taking the larger part; Resources, the view of what everything costs, takes it whole.
 */
export function paneHeights(
	available: number,
	focus: AppState['ui']['focus'],
): Readonly<Record<AppState['ui']['focus'], number>> {
	const larger = Math.ceil(available * 0.6);
	const smaller = available - larger;
	return focus === 'images'
		? {containers: smaller, images: larger, resources: 0}
		: focus === 'containers'
			? {containers: larger, images: smaller, resources: 0}
			: {containers: 0, images: 0, resources: available};
}

function Body({
	focus,
	isHelpOpen,
	width,
	height,
}: {
	readonly focus: AppState['ui']['focus'];
	readonly isHelpOpen: boolean;
	readonly width: number;
	readonly height: number;
}) {
	const heights = paneHeights(height, focus);
	if (isHelpOpen) {
		return <HelpOverlay pane={focus} height={height} width={width} />;
	}

	if (focus === 'resources') {
		return <ResourcesPane width={width} height={heights.resources} />;
	}

	return (
		<>
			<ContainersPane width={width} height={heights.containers} />
			<ImagesPane width={width} height={heights.images} />
		</>
	);
}

/** The whole screen: header, the panes (or the help), and the key hints. */
export function MainScreen() {
	const {columns, rows} = useTerminalSize();
	const focus = useAppState(selectFocus);
	const isHelpOpen = useAppState(selectIsHelpOpen);
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
			<Body
				focus={focus}
				isHelpOpen={isHelpOpen}
				width={columns}
				height={available}
			/>
			<Footer />
		</Box>
	);
}
