import {Box, Text} from 'ink';
import type {AppState, Pane} from '../state/app-state.js';
import {
	bodyHeight,
	minimumSize,
	paneHeights,
	screenHeight,
} from './screen-layout.js';
import {ConfirmDialog} from './dialogs/confirm-dialog.js';
import {ExecPrompt} from './dialogs/exec-prompt.js';
import {HelpOverlay} from './dialogs/help-overlay.js';
import {AuditView} from './dialogs/audit-view.js';
import {ContainerLogs} from './dialogs/container-logs.js';
import {TextDialogView} from './viewer/text-dialog-view.js';
import {PruneDialog} from './dialogs/prune-dialog.js';
import {ImageDialog} from './dialogs/image-dialog.js';
import {HostsDialog} from './dialogs/hosts-dialog.js';
import {EngineChoiceDialog} from './dialogs/engine-choice-dialog.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {useAppState} from './hooks/use-app-state.js';
import {useKeymap} from './hooks/use-keymap.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {ContainersPane} from './panes/containers-pane.js';
import {ImagesPane} from './panes/images-pane.js';
import {ResourcesPane} from './panes/resources-pane.js';
import {EventsPane} from './panes/events-pane.js';
import {DetailsDialog} from './dialogs/details-dialog.js';
import {paneChromeRows} from './panes/list-pane.js';
import {ProjectsPane} from './panes/projects-pane.js';
import {ServicesPane} from './panes/services-pane.js';
import {NodesPane} from './panes/nodes-pane.js';
import {ComposeDownDialog} from './dialogs/compose-down-dialog.js';
import {ComposeOutput} from './dialogs/compose-output.js';
import {ScalePrompt} from './dialogs/scale-prompt.js';
import {SwarmConfirmDialog} from './dialogs/swarm-confirm-dialog.js';
import {CreateDialog} from './dialogs/create-dialog.js';
import {FilesDialog} from './dialogs/files-dialog.js';
import {ProcessesDialog} from './dialogs/processes-dialog.js';
import {PaletteDialog} from './dialogs/palette-dialog.js';
import {NetworksPane} from './panes/networks-pane.js';
import {SystemPane} from './panes/system-pane.js';
import {VolumesPane} from './panes/volumes-pane.js';

const selectFocus = (state: AppState) => state.ui.focus;
const selectDialog = (state: AppState) => state.ui.dialog;
const selectAudit = (state: AppState) => state.audit;
const selectExecName = (state: AppState) =>
	state.ui.dialog?.kind === 'exec'
		? state.containers.byId.get(state.ui.dialog.containerId)?.name
		: undefined;

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
	const audit = useAppState(selectAudit);
	const execName = useAppState(selectExecName);
	switch (dialog?.kind) {
		case 'help': {
			return (
				<HelpOverlay
					pane={focus}
					view={dialog.list}
					height={height}
					width={width}
				/>
			);
		}

		case 'confirm': {
			return <ConfirmDialog dialog={dialog} width={width} height={height} />;
		}

		case 'prune': {
			return <PruneDialog dialog={dialog} width={width} height={height} />;
		}

		case 'hosts': {
			return <HostsDialog dialog={dialog} width={width} height={height} />;
		}

		case 'engine-choice': {
			return (
				<EngineChoiceDialog dialog={dialog} width={width} height={height} />
			);
		}

		case 'details': {
			return <DetailsDialog dialog={dialog} width={width} height={height} />;
		}

		case 'audit': {
			return (
				<AuditView
					entries={audit}
					view={dialog.list}
					width={width}
					height={height}
				/>
			);
		}

		case 'logs': {
			return <ContainerLogs dialog={dialog} width={width} height={height} />;
		}

		case 'text': {
			return <TextDialogView dialog={dialog} width={width} height={height} />;
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

		case 'compose-down': {
			return (
				<ComposeDownDialog dialog={dialog} width={width} height={height} />
			);
		}

		case 'compose-output': {
			return <ComposeOutput dialog={dialog} width={width} height={height} />;
		}

		case 'scale': {
			return <ScalePrompt dialog={dialog} width={width} />;
		}

		case 'swarm-confirm': {
			return (
				<SwarmConfirmDialog dialog={dialog} width={width} height={height} />
			);
		}

		case 'pull':
		case 'run':
		case 'build': {
			return <ImageDialog dialog={dialog} width={width} height={height} />;
		}

		case 'create': {
			return <CreateDialog dialog={dialog} width={width} height={height} />;
		}

		case 'files': {
			return <FilesDialog dialog={dialog} width={width} height={height} />;
		}

		case 'processes': {
			return <ProcessesDialog dialog={dialog} width={width} height={height} />;
		}

		case 'palette': {
			return <PaletteDialog dialog={dialog} width={width} height={height} />;
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

		case 'events': {
			return <EventsPane width={width} height={heights.events} />;
		}

		case 'projects': {
			return <ProjectsPane width={width} height={heights.projects} />;
		}

		case 'volumes': {
			return <VolumesPane width={width} height={heights.volumes} />;
		}

		case 'networks': {
			return <NetworksPane width={width} height={heights.networks} />;
		}

		case 'system': {
			return <SystemPane width={width} height={heights.system} />;
		}

		case 'services': {
			return <ServicesPane width={width} height={heights.services} />;
		}

		case 'nodes': {
			return <NodesPane width={width} height={heights.nodes} />;
		}
	}
}

/** The whole screen: header, the panes (or the help), and the key hints. */
export function MainScreen() {
	const {columns, rows} = useTerminalSize();
	const focus = useAppState(selectFocus);
	const height = screenHeight(rows);
	const available = bodyHeight(rows);
	useKeymap(
		Math.max(1, paneHeights(available, focus)[focus] - paneChromeRows),
		{columns, rows},
	);
	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		return (
			<Box
				height={height}
				width={columns}
				alignItems="center"
				justifyContent="center"
			>
				{/* Wrapped, not cut: the size needed is the part that must show on the smallest terminal. */}
				<Text wrap="wrap">
					terminal too small ({columns}x{rows}); needs {minimumSize.columns}x
					{minimumSize.rows} · q quits
				</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" height={height} width={columns}>
			<Header width={columns} />
			<Body focus={focus} width={columns} height={available} />
			<Footer width={columns} />
		</Box>
	);
}
