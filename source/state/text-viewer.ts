import type {AppState, Dialog, Update} from './app-state.js';
import {statusShown} from './status.js';
import {
	lineEdited,
	selectedLineEdited,
	textField,
	type LineEdit,
	type TextField,
} from './text-field.js';
import {findMatch, shownLines} from './text-search.js';

/**
 * One line of a text viewer. `seq` is its identity (a log line's arrival number, a text's line
 * number); lines are in (`time`, `seq`) order, which is how a paused view finds its place again
 * when the line it stood on has left a bounded buffer or is filtered out.
 */
export type ViewerLine = {
	readonly seq: number;
	readonly time: number;
	/** What a search looks in. */
	readonly text: string;
};

/** Where a paused view stands: the line at its top. */
export type ViewerAnchor = {readonly seq: number; readonly time: number};

/**
 * The state of a searchable text viewer (logs, details, command output, a file): where it is,
 * the search, the filter, wrapping. The lines themselves belong to whatever shows them.
 */
export type TextViewer = {
	/** The view's bottom is on the last line, and stays there as lines come. */
	readonly follow: boolean;
	/** The line at the top of a paused view; undefined while following. */
	readonly anchor: ViewerAnchor | undefined;
	readonly wrap: boolean;
	/** The search in force: its matches are highlighted, `n`/`N` jump between them. */
	readonly query: string;
	/** The search being typed; undefined while the prompt is closed. */
	readonly draft: TextField | undefined;
	/** The draft is the search in force, selected: Enter runs it again, typing replaces it. */
	readonly isDraftSelected: boolean;
	/** Filter mode: only lines matching the search are shown. */
	readonly filter: boolean;
	/** The line (seq) the search last jumped to. */
	readonly match: number | undefined;
	/**
	 * A log is read from its end: a search runs upwards from the bottom (`n` is the next older
	 * match), and its ends are its oldest and newest lines.
	 */
	readonly isLog: boolean;
	/** Rows and columns of text as last drawn: paging and wrapping depend on them. */
	readonly size: {readonly rows: number; readonly columns: number};
};

/** A viewer as it opens: following the newest lines (a log, live output) or at the top. */
export function textViewer(options: {
	readonly isLog: boolean;
	readonly follow: boolean;
	readonly wrap: boolean;
}): TextViewer {
	return {
		...options,
		anchor: options.follow ? undefined : firstPage,
		query: '',
		draft: undefined,
		isDraftSelected: false,
		filter: false,
		match: undefined,
		size: {rows: 0, columns: 0},
	};
}

/**
 * How the lines are laid out: the rows of text in view, and how many rows a line takes (one, or
 * more when wrapped). The view measures; the viewer's moves count rows with it, so that wrapped
 * lines never push the line they are after out of view.
 */
export type ViewerLayout<L> = {
	readonly rows: number;
	readonly rowsOf: (line: L) => number;
};

/** The lines a move works on: all of them (the viewer filters), and their layout. */
export type ViewerText<L extends ViewerLine> = {
	readonly lines: readonly L[];
	readonly layout: ViewerLayout<L>;
};

/**
 * The part of the shown lines in view: lines `top` to `bottom`, less the first `skip` rows of the
 * top one (the last page, drawn from the bottom up, can start inside a wrapped line).
 * `bottom` is -1 when there are no lines.
 */
export type ViewerWindow = {
	readonly top: number;
	readonly skip: number;
	readonly bottom: number;
};

/** Sorts before every line: a view paused before any line came stays on the first page. */
const firstPage: ViewerAnchor = {seq: -1, time: Number.NEGATIVE_INFINITY};

/** The index of the first line not before `anchor` (binary search: the lines are in order). */
function firstNotBefore(
	lines: readonly ViewerLine[],
	anchor: ViewerAnchor,
): number {
	let low = 0;
	let high = lines.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const line = lines[middle];
		if (
			line !== undefined &&
			(line.time < anchor.time ||
				(line.time === anchor.time && line.seq < anchor.seq))
		) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

/** The rows the line at `index` takes; none past the ends. */
function rowsAt<L>(
	lines: readonly L[],
	layout: ViewerLayout<L>,
	index: number,
): number {
	const line = lines[index];
	return line === undefined ? 0 : layout.rowsOf(line);
}

function lastPage<L>(
	lines: readonly L[],
	layout: ViewerLayout<L>,
): ViewerWindow {
	const {rows} = layout;
	const bottom = lines.length - 1;
	let used = 0;
	for (let index = bottom; index >= 0; index--) {
		used += rowsAt(lines, layout, index);
		if (used >= rows) {
			return {top: index, skip: used - rows, bottom};
		}
	}

	return {top: 0, skip: 0, bottom};
}

/**
 * What a view of `shown` lines has in view: the last page while following, else the page that
 * starts at the anchored line, or the last page when the lines from there do not fill the view.
 * Only the lines in view are measured, so this costs a screenful whatever the number of lines.
 */
export function viewerWindow<L extends ViewerLine>(
	viewer: TextViewer,
	shown: readonly L[],
	layout: ViewerLayout<L>,
): ViewerWindow {
	const sized = {...layout, rows: Math.max(1, layout.rows)};
	if (viewer.follow || viewer.anchor === undefined) {
		return lastPage(shown, sized);
	}

	const top = firstNotBefore(shown, viewer.anchor);
	let used = 0;
	for (let index = top; index < shown.length; index++) {
		used += rowsAt(shown, sized, index);
		if (used >= sized.rows) {
			return {top, skip: 0, bottom: index};
		}
	}

	return lastPage(shown, sized);
}

/** A move's result: the viewer, and what to tell the user about it. */
export type ViewerStep = {
	readonly viewer: TextViewer;
	readonly note?: {readonly text: string; readonly isError: boolean};
};

function shownOf<L extends ViewerLine>(
	viewer: TextViewer,
	{lines}: ViewerText<L>,
): readonly L[] {
	return shownLines(lines, viewer.query, viewer.filter);
}

/**
 * Pauses with the line at `index` (or the nearest after it that fits) at the top; a line whose
 * page would run past the last page stands where the last page begins.
 */
function pausedAt<L extends ViewerLine>(
	viewer: TextViewer,
	shown: readonly L[],
	layout: ViewerLayout<L>,
	index: number,
): TextViewer {
	const line = shown[Math.max(0, Math.min(shown.length - 1, index))];
	const placed: TextViewer = {
		...viewer,
		follow: false,
		anchor: line === undefined ? firstPage : {seq: line.seq, time: line.time},
	};
	// The last page may begin inside a line: anchor on the next, which draws the same page.
	const {top, skip} = viewerWindow(placed, shown, layout);
	const first = shown[top + (skip > 0 ? 1 : 0)];
	return first === undefined || first === line
		? placed
		: {...placed, anchor: {seq: first.seq, time: first.time}};
}

/** The same viewer on other text (another view of it): at its top, the search kept. */
export function viewerAtTop(viewer: TextViewer): TextViewer {
	return {...viewer, follow: false, anchor: firstPage, match: undefined};
}

/** Where a move goes: lines up (negative) or down, a page, or an end. */
export type ViewerMove = number | 'pageUp' | 'pageDown' | 'top' | 'bottom';

/**
 * Scrolls by `move`. Up, a page up and the top pause following; the bottom, and down onto the
 * last page, resume it; down while following is already as far down as it goes. A page keeps
 * one line of the last in view.
 */
export function viewerScrolled<L extends ViewerLine>(
	viewer: TextViewer,
	text: ViewerText<L>,
	move: ViewerMove,
): TextViewer {
	if (move === 'bottom') {
		return viewer.follow
			? viewer
			: {...viewer, follow: true, anchor: undefined};
	}

	const shown = shownOf(viewer, text);
	const {layout} = text;
	if (move === 'top') {
		return pausedAt(viewer, shown, layout, 0);
	}

	const down = move === 'pageDown' || (typeof move === 'number' && move > 0);
	if (viewer.follow && down) {
		return viewer;
	}

	const window = viewerWindow(viewer, shown, layout);
	// The top line in full: the last page may show only its end.
	const top = window.top + (window.skip > 0 ? 1 : 0);
	const target =
		move === 'pageDown'
			? Math.max(window.bottom, top + 1)
			: move === 'pageUp'
				? pageAbove(shown, layout, top)
				: top + move;
	const moved = pausedAt(viewer, shown, layout, Math.max(0, target));
	// Down onto the last page follows again, as G does: live output goes on coming into view.
	const last = lastPage(shown, layout);
	const now = viewerWindow(moved, shown, layout);
	return down && now.top === last.top && now.skip === last.skip
		? {...viewer, follow: true, anchor: undefined}
		: moved;
}

/** The top of the page above one that starts at `top`: its last line is `top`'s, for context. */
function pageAbove<L>(
	shown: readonly L[],
	layout: ViewerLayout<L>,
	top: number,
): number {
	let used = 0;
	for (let index = top; index >= 0; index--) {
		used += rowsAt(shown, layout, index);
		if (used > layout.rows) {
			return Math.min(index + 1, top - 1);
		}
	}

	return 0;
}

/** `f`: pauses on the lines in view, or follows the newest again. */
export function viewerFollowToggled<L extends ViewerLine>(
	viewer: TextViewer,
	text: ViewerText<L>,
): TextViewer {
	if (!viewer.follow) {
		return {...viewer, follow: true, anchor: undefined};
	}

	const shown = shownOf(viewer, text);
	const window = viewerWindow(viewer, shown, text.layout);
	return pausedAt(
		viewer,
		shown,
		text.layout,
		window.top + (window.skip > 0 ? 1 : 0),
	);
}

/** Puts the match at `index` in the middle of a paused view, as many rows above it as below. */
function showMatch<L extends ViewerLine>(
	viewer: TextViewer,
	shown: readonly L[],
	layout: ViewerLayout<L>,
	index: number,
): TextViewer {
	const above = layout.rows - 1 - Math.floor(layout.rows / 2);
	let top = index;
	for (
		let used = 0;
		top > 0 && used + rowsAt(shown, layout, top - 1) <= above;
		top--
	) {
		used += rowsAt(shown, layout, top - 1);
	}

	return {
		...pausedAt(viewer, shown, layout, top),
		match: shown[index]?.seq,
	};
}

function noMatch(viewer: TextViewer, query: string): ViewerStep {
	return {viewer, note: {text: `no match for "${query}"`, isError: true}};
}

/**
 * Enter in the prompt: the typed search is in force, and the view moves to the first match from
 * where it stands: in a log the newest at or above its bottom, in other text the first at or
 * below its top. An empty search ends the search and the filter.
 */
export function viewerSearched<L extends ViewerLine>(
	viewer: TextViewer,
	text: ViewerText<L>,
): ViewerStep {
	const query = (viewer.draft?.text ?? viewer.query).trim();
	const searched: TextViewer = {
		...viewer,
		draft: undefined,
		isDraftSelected: false,
		query,
		match: undefined,
		filter: query === '' ? false : viewer.filter,
	};
	if (query === '') {
		return {viewer: searched};
	}

	const window = viewerWindow(viewer, shownOf(viewer, text), text.layout);
	const shown = shownOf(searched, text);
	const found = viewer.isLog
		? findMatch(shown, query, Math.min(shown.length, window.bottom + 1), -1)
		: findMatch(shown, query, window.top - 1, 1);
	return found === undefined
		? noMatch(searched, query)
		: {viewer: showMatch(searched, shown, text.layout, found.index)};
}

/**
 * `n` (`next`: on in the search's direction, up in a log, down in other text) and `N` (back the
 * other way), wrapping around the ends with a note.
 */
export function viewerMatchJumped<L extends ViewerLine>(
	viewer: TextViewer,
	text: ViewerText<L>,
	next: boolean,
): ViewerStep {
	if (viewer.query === '') {
		return {
			viewer,
			note: {text: 'no search yet: / searches', isError: true},
		};
	}

	const direction = (viewer.isLog ? -1 : 1) * (next ? 1 : -1);
	const shown = shownOf(viewer, text);
	const current = shown.findIndex(line => line.seq === viewer.match);
	const window = viewerWindow(viewer, shown, text.layout);
	const from =
		current !== -1
			? current
			: direction === -1
				? window.bottom + 1
				: window.top - 1;
	const found = findMatch(shown, viewer.query, from, direction as 1 | -1);
	if (found === undefined) {
		return noMatch(viewer, viewer.query);
	}

	const moved = showMatch(viewer, shown, text.layout, found.index);
	const [first, last] = viewer.isLog ? ['oldest', 'newest'] : ['first', 'last'];
	return found.wrapped
		? {
				viewer: moved,
				note: {
					text: `search wrapped to the ${direction === -1 ? last : first} line`,
					isError: false,
				},
			}
		: {viewer: moved};
}

/** `F`: only matching lines, or all of them again. */
export function viewerFilterToggled(viewer: TextViewer): ViewerStep {
	return viewer.query === '' && !viewer.filter
		? {
				viewer,
				note: {
					text: 'filter shows lines matching a search: / first',
					isError: true,
				},
			}
		: {viewer: {...viewer, filter: !viewer.filter}};
}

export function viewerWrapToggled(viewer: TextViewer): TextViewer {
	return {...viewer, wrap: !viewer.wrap};
}

/** `/`: the prompt opens with the search in force, selected: Enter repeats it, typing replaces it. */
export function viewerSearchOpened(viewer: TextViewer): TextViewer {
	return {
		...viewer,
		draft: textField(viewer.query),
		isDraftSelected: viewer.query !== '',
	};
}

/** Esc in the prompt: the search in force stays as it was. */
export function viewerSearchCancelled(viewer: TextViewer): TextViewer {
	return {...viewer, draft: undefined, isDraftSelected: false};
}

/** An edit in the search prompt; a selected draft is replaced by text, unselected by a move. */
export function viewerDraftEdited(
	viewer: TextViewer,
	edit: LineEdit,
): TextViewer {
	return viewer.draft === undefined
		? viewer
		: {
				...viewer,
				draft: viewer.isDraftSelected
					? selectedLineEdited(viewer.draft, edit)
					: lineEdited(viewer.draft, edit),
				isDraftSelected: false,
			};
}

/** The view was drawn this size. */
export function viewerResized(
	viewer: TextViewer,
	rows: number,
	columns: number,
): TextViewer {
	return viewer.size.rows === rows && viewer.size.columns === columns
		? viewer
		: {...viewer, size: {rows, columns}};
}

/** A dialog that shows text in a viewer. */
export type ViewerDialog = Extract<Dialog, {readonly viewer: TextViewer}>;

/** The open dialog, when it shows text in a viewer. */
export function openViewerDialog(state: AppState): ViewerDialog | undefined {
	const {dialog} = state.ui;
	return dialog !== undefined && 'viewer' in dialog ? dialog : undefined;
}

/**
 * Changes the open dialog's viewer (whatever dialog it is: logs, details, output, a file) and
 * shows the step's note; the state is the same object when nothing changed.
 */
export function viewerChanged(
	change: (viewer: TextViewer, dialog: ViewerDialog) => ViewerStep | TextViewer,
): Update {
	return state => {
		const dialog = openViewerDialog(state);
		if (dialog === undefined) {
			return state;
		}

		const result = change(dialog.viewer, dialog);
		const step = 'viewer' in result ? result : {viewer: result};
		const next =
			step.viewer === dialog.viewer
				? state
				: {
						...state,
						ui: {...state.ui, dialog: {...dialog, viewer: step.viewer}},
					};
		return step.note === undefined
			? next
			: statusShown(step.note.text, step.note.isError)(next);
	};
}
