import type {AppState, Update} from './app-state.js';
import type {LogEntry} from './log-lines.js';
import {textViewer, type TextViewer} from './text-viewer.js';

/** A container whose output a logs dialog shows. */
export type LogSource = {readonly id: string; readonly name: string};

/** The logs of one container, or of several merged in time order (`l`). */
export type LogsDialog = {
	readonly kind: 'logs';
	/** The feed that fills it: lines of an older session, still in flight, are not taken. */
	readonly session: number;
	readonly title: string;
	readonly sources: readonly LogSource[];
	/** Time-ordered, newest last: the feed's ring buffer as of its last flush. */
	readonly lines: readonly LogEntry[];
	/** Lines the ring buffer let go to stay bounded. */
	readonly dropped: number;
	/** Sources whose stream has ended, with the error if it failed. */
	readonly ended: ReadonlyMap<number, string | undefined>;
	readonly timestamps: boolean;
	/** Where the view is, the search, the filter: it follows until paused (`f`, or scrolled up). */
	readonly viewer: TextViewer;
};

/** Whether the logs dialog of `session` is the one open. */
export function isLogSessionOpen(state: AppState, session: number): boolean {
	const {dialog} = state.ui;
	return dialog?.kind === 'logs' && dialog.session === session;
}

function withLogs(change: (dialog: LogsDialog) => LogsDialog): Update {
	return state => {
		const {dialog} = state.ui;
		if (dialog?.kind !== 'logs') {
			return state;
		}

		const next = change(dialog);
		return next === dialog ? state : withDialog(state, next);
	};
}

function withDialog(state: AppState, dialog: LogsDialog): AppState {
	return {...state, ui: {...state.ui, dialog}};
}

/** Opens an empty logs dialog, following; its feed fills it. */
export function logsOpened(options: {
	readonly session: number;
	readonly title: string;
	readonly sources: readonly LogSource[];
}): Update {
	return state =>
		withDialog(state, {
			kind: 'logs',
			...options,
			lines: [],
			dropped: 0,
			ended: new Map(),
			timestamps: false,
			viewer: textViewer({isLog: true, follow: true, wrap: false}),
		});
}

/** The feed's buffer after a flush. */
export function logsReceived(
	session: number,
	lines: readonly LogEntry[],
	dropped: number,
): Update {
	return withLogs(dialog =>
		dialog.session === session ? {...dialog, lines, dropped} : dialog,
	);
}

/** A source's stream ended: the container stopped, or the stream failed with `error`. */
export function logsEnded(
	session: number,
	source: number,
	error: string | undefined,
): Update {
	return withLogs(dialog =>
		dialog.session === session
			? {...dialog, ended: new Map(dialog.ended).set(source, error)}
			: dialog,
	);
}

export const logsTimestampsToggled: Update = withLogs(dialog => ({
	...dialog,
	timestamps: !dialog.timestamps,
}));
