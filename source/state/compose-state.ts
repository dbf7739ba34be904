import {textViewer, type TextViewer, type ViewerLine} from './text-viewer.js';
import {sliceChanged, type AppState, type Update} from './app-state.js';
import {listViewAtTop, type ListView} from './list-view.js';
import type {ComposeProject} from './slices.js';
import {updateDialog, dialogOpened} from './dialog-slot.js';

/** A project went down: it stays listed, with nothing running, for `U`. */
export function projectDowned(project: ComposeProject): Update {
	return sliceChanged('compose', compose => {
		const downed = new Map(compose.downed);
		downed.set(project.id, {
			...project,
			running: 0,
			total: 0,
			containerIds: [],
		});
		return {...compose, downed};
	});
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
	return dialogOpened({
		kind: 'compose-down',
		projectId,
		volumes: false,
		list: listViewAtTop,
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
	return dialogOpened({
		kind: 'compose-output',
		...options,
		lines: [],
		dropped: 0,
		viewer: textViewer({isLog: true, follow: true, wrap: false}),
		outcome: undefined,
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
