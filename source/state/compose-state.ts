import {textViewer, type TextViewer, type ViewerLine} from './text-viewer.js';
import type {AppState} from './app-state.js';
import type {ComposeProject} from './compose-projects.js';
import {listViewAtTop, type ListView} from './list-view.js';
import {updateDialog} from './dialog-update.js';
import type {Update} from './updates.js';

/** What dockmate keeps of compose projects beyond what containers' labels say. */
export type ComposeState = {
	/**
	 * Projects taken down with `D` this session, as they were: no container is left to find
	 * them by, and `U` must still bring them back.
	 */
	readonly downed: ReadonlyMap<string, ComposeProject>;
};

export const initialCompose: ComposeState = {downed: new Map()};

/** A project went down: it stays listed, with nothing running, for `U`. */
export function projectDowned(project: ComposeProject): Update {
	return state => {
		const downed = new Map(state.compose.downed);
		downed.set(project.id, {
			...project,
			running: 0,
			total: 0,
			containerIds: [],
		});
		return {...state, compose: {...state.compose, downed}};
	};
}

/** `D` on a project: compose down, waiting for `y`; `v` adds its volumes. */
export type ComposeDownDialog = {
	readonly kind: 'compose-down';
	readonly projectId: string;
	/** `down --volumes`: named and anonymous volumes of the project go too. */
	readonly volumes: boolean;
	/** The containers it lists, as scrolled. */
	readonly list: ListView;
};

/** The output of a compose run, streamed in while it runs. */
export type ComposeOutputDialog = {
	readonly kind: 'compose-output';
	/** The run that fills it: output of an older run, still in flight, is not taken. */
	readonly run: number;
	readonly title: string;
	/** The command, as a user would type it. */
	readonly commandLine: string;
	/** The newest lines, oldest first; bounded by the runner's ring buffer. */
	readonly lines: readonly ViewerLine[];
	/** Lines the ring buffer let go. */
	readonly dropped: number;
	/** Where the view is, the search: it follows the newest lines until scrolled back. */
	readonly viewer: TextViewer;
	/** Undefined while it runs; then how it ended. */
	readonly outcome: {readonly ok: boolean; readonly text: string} | undefined;
};

export function composeDownOpened(projectId: string): Update {
	return state => ({
		...state,
		ui: {
			...state.ui,
			dialog: {
				kind: 'compose-down',
				projectId,
				volumes: false,
				list: listViewAtTop,
			},
		},
	});
}

export const composeVolumesToggled: Update = updateDialog(
	'compose-down',
	dialog => ({...dialog, volumes: !dialog.volumes}),
);

export function composeOutputOpened(options: {
	readonly run: number;
	readonly title: string;
	readonly commandLine: string;
}): Update {
	return state => ({
		...state,
		ui: {
			...state.ui,
			dialog: {
				kind: 'compose-output',
				...options,
				lines: [],
				dropped: 0,
				viewer: textViewer({isLog: true, follow: true, wrap: false}),
				outcome: undefined,
			},
		},
	});
}

/** Whether the output dialog of `run` is the one open. */
export function isComposeRunShown(state: AppState, run: number): boolean {
	const {dialog} = state.ui;
	return dialog?.kind === 'compose-output' && dialog.run === run;
}

export function composeOutputReceived(
	run: number,
	lines: readonly ViewerLine[],
	dropped: number,
): Update {
	return updateDialog('compose-output', dialog =>
		dialog.run === run ? {...dialog, lines, dropped} : dialog,
	);
}

export function composeOutputEnded(
	run: number,
	outcome: {readonly ok: boolean; readonly text: string},
): Update {
	return updateDialog('compose-output', dialog =>
		dialog.run === run ? {...dialog, outcome} : dialog,
	);
}
