import {statusShown} from './status.js';
import type {AppState, Dialog} from './app-state.js';
import {
	anchorAt,
	bottomIndex,
	findMatch,
	shownLines,
	type LogAnchor,
	type LogEntry,
} from './log-lines.js';
import type {Update} from './updates.js';

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
	/** False: paused (`f`, or scrolled up), the view stays on {@link anchor}. */
	readonly follow: boolean;
	/** The line at the bottom of a paused view; undefined while following. */
	readonly anchor: LogAnchor | undefined;
	readonly timestamps: boolean;
	readonly wrap: boolean;
	/** The search in force: its matches are highlighted, `n`/`N` jump between them. */
	readonly query: string;
	/** The search being typed; undefined while the prompt is closed. */
	readonly draft: string | undefined;
	/** Filter mode: only lines matching the search are shown. */
	readonly filter: boolean;
	/** The line (seq) `n`/`N` last jumped to. */
	readonly match: number | undefined;
	/** The dialog it was opened from (a file from the files browser): closing goes back to it. */
	readonly back?: Dialog;
};

/** Whether the logs dialog of `session` is the one open. */
export function isLogSessionOpen(state: AppState, session: number): boolean {
	const {dialog} = state.ui;
	return dialog?.kind === 'logs' && dialog.session === session;
}

function withLogs(
	change: (dialog: LogsDialog, state: AppState) => AppState | LogsDialog,
): Update {
	return state => {
		const {dialog} = state.ui;
		if (dialog?.kind !== 'logs') {
			return state;
		}

		const next = change(dialog, state);
		if (next === dialog) {
			return state;
		}

		return 'kind' in next ? withDialog(state, next) : next;
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
			follow: true,
			anchor: undefined,
			timestamps: false,
			wrap: false,
			query: '',
			draft: undefined,
			filter: false,
			match: undefined,
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

/** Where the view's bottom is now, as an index into the shown lines. */
function currentBottom(dialog: LogsDialog, rows: number): number {
	return bottomIndex(
		shownLines(dialog.lines, dialog.query, dialog.filter),
		dialog.follow ? undefined : dialog.anchor,
		rows,
	);
}

/** Sorts before every line: a view paused before any line came stays on the first page. */
const firstPage: LogAnchor = {seq: -1, time: Number.NEGATIVE_INFINITY};

/** Pauses the view with `index` of the shown lines at its bottom. */
function pausedAt(
	dialog: LogsDialog,
	lines: readonly LogEntry[],
	index: number,
): LogsDialog {
	return {
		...dialog,
		follow: false,
		anchor: anchorAt(lines, index) ?? firstPage,
	};
}

/**
 * Scrolls by `movement` lines (negative: up), or to the top or the bottom. Up and top pause
 * following; bottom resumes it. `rows` is the height of the view.
 */
export function logsScrolled(
	movement: number | 'top' | 'bottom',
	rows: number,
): Update {
	return withLogs(dialog => {
		if (movement === 'bottom') {
			return {...dialog, follow: true, anchor: undefined};
		}

		const lines = shownLines(dialog.lines, dialog.query, dialog.filter);
		const last = lines.length - 1;
		const top = Math.min(last, rows - 1);
		if (movement === 'top') {
			return pausedAt(dialog, lines, top);
		}

		// Down while following is already as far down as it goes.
		if (dialog.follow && movement >= 0) {
			return dialog;
		}

		const bottom = currentBottom(dialog, rows);
		return pausedAt(
			dialog,
			lines,
			Math.max(top, Math.min(last, bottom + movement)),
		);
	});
}

/** `f`: pauses on the lines in view, or follows the newest again. */
export function logsFollowToggled(rows: number): Update {
	return withLogs(dialog =>
		dialog.follow
			? pausedAt(
					dialog,
					shownLines(dialog.lines, dialog.query, dialog.filter),
					currentBottom(dialog, rows),
				)
			: {...dialog, follow: true, anchor: undefined},
	);
}

export const logsTimestampsToggled: Update = withLogs(dialog => ({
	...dialog,
	timestamps: !dialog.timestamps,
}));

export const logsWrapToggled: Update = withLogs(dialog => ({
	...dialog,
	wrap: !dialog.wrap,
}));

/** `/`: the search prompt opens with the search in force, to edit. */
export const logsSearchOpened: Update = withLogs(dialog => ({
	...dialog,
	draft: dialog.query,
}));

/** Esc in the prompt: the search in force stays as it was. */
export const logsSearchCancelled: Update = withLogs(dialog => ({
	...dialog,
	draft: undefined,
}));

/** Typing in the search prompt. */
export function logsDraftChanged(change: (draft: string) => string): Update {
	return withLogs(dialog =>
		dialog.draft === undefined
			? dialog
			: {...dialog, draft: change(dialog.draft)},
	);
}

/** Puts the match at `index` in the middle of a paused view. */
function showMatch(
	dialog: LogsDialog,
	lines: readonly LogEntry[],
	index: number,
	rows: number,
): LogsDialog {
	const bottom = Math.min(lines.length - 1, index + Math.floor(rows / 2));
	return {
		...pausedAt(dialog, lines, bottom),
		match: lines[index]?.seq,
	};
}

/**
 * Enter in the prompt: the typed search is in force, and the view jumps to the newest match at
 * or above its bottom (searching backwards, as a log is read from its end). An empty search ends
 * the search and the filter.
 */
export function logsSearched(rows: number): Update {
	return withLogs((dialog, state) => {
		const query = (dialog.draft ?? dialog.query).trim();
		const searched: LogsDialog = {
			...dialog,
			draft: undefined,
			query,
			match: undefined,
			filter: query === '' ? false : dialog.filter,
		};
		if (query === '') {
			return searched;
		}

		const lines = shownLines(dialog.lines, query, searched.filter);
		const bottom = Math.min(lines.length - 1, currentBottom(dialog, rows));
		const found = findMatch(lines, query, bottom + 1, -1);
		return found === undefined
			? statusShown(
					`no line matches "${query}"`,
					true,
				)(withDialog(state, searched))
			: withDialog(state, showMatch(searched, lines, found.index, rows));
	});
}

/** `n` (direction -1: the next older match) and `N` (1: newer), wrapping around. */
export function logsMatchJumped(direction: 1 | -1, rows: number): Update {
	return withLogs((dialog, state) => {
		if (dialog.query === '') {
			return statusShown('no search yet: / searches', true)(state);
		}

		const lines = shownLines(dialog.lines, dialog.query, dialog.filter);
		const current = lines.findIndex(line => line.seq === dialog.match);
		const from =
			current === -1
				? currentBottom(dialog, rows) + (direction === -1 ? 1 : 0)
				: current;
		const found = findMatch(lines, dialog.query, from, direction);
		if (found === undefined) {
			return statusShown(`no line matches "${dialog.query}"`, true)(state);
		}

		const next = withDialog(state, showMatch(dialog, lines, found.index, rows));
		return found.wrapped
			? statusShown(
					direction === -1
						? 'search wrapped to the newest line'
						: 'search wrapped to the oldest line',
				)(next)
			: next;
	});
}

/** `F`: only matching lines, or all of them again. */
export const logsFilterToggled: Update = withLogs((dialog, state) =>
	dialog.query === '' && !dialog.filter
		? statusShown('filter shows lines matching a search: / first', true)(state)
		: {...dialog, filter: !dialog.filter},
);
