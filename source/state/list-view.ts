/** Where a cursor move goes: a relative step, or an end of the list. */
export type Movement = number | 'top' | 'bottom';

/**
 * How a dialog's list is scrolled, the same in every dialog that lists things: the first item in
 * view, and the size the list had when last drawn, which paging and the last page depend on (as a
 * details view's viewport). A list with a cursor keeps the cursor beside it, in its dialog.
 */
export type ListView = {
	/** Index of the first item in view. */
	readonly top: number;
	/** Items that fit, as last drawn; 0 before the first draw. */
	readonly rows: number;
	/** Items in the list, as last drawn. */
	readonly total: number;
};

/** A list that opens on its first item. */
export const listViewAtTop: ListView = {top: 0, rows: 0, total: 0};

/** A list that opens on its last page, whatever its length turns out to be (newest last). */
export const listViewAtBottom: ListView = {
	top: Number.MAX_SAFE_INTEGER,
	rows: 0,
	total: 0,
};

/** Where a list moves: an item at a time, a page, or an end. */
export type ListStep = Movement | 'pageDown' | 'pageUp';

/** The first row to show so that the selection stays in view, moving the window as little as possible. */
export function windowStart(
	previous: number,
	selectedIndex: number,
	height: number,
	total: number,
): number {
	const maxStart = Math.max(0, total - height);
	let start = Math.min(previous, maxStart);
	if (selectedIndex < start) {
		start = selectedIndex;
	} else if (selectedIndex >= start + height) {
		start = selectedIndex - height + 1;
	}

	return Math.max(0, Math.min(start, maxStart));
}

/**
 * The first item in view when `rows` of `total` items fit: `top` kept between the first item
 * and the last page and, in a list with a cursor, moved as little as possible to show it.
 */
export function viewTop(
	top: number,
	rows: number,
	total: number,
	cursor?: number,
): number {
	return cursor === undefined
		? Math.max(0, Math.min(top, total - rows))
		: windowStart(top, cursor, rows, total);
}

/** The index `step` leads to from `from`, within `total` items; a page is `rows` items. */
function stepped(
	from: number,
	step: ListStep,
	rows: number,
	last: number,
): number {
	const page = Math.max(1, rows);
	const target =
		step === 'top'
			? 0
			: step === 'bottom'
				? last
				: from +
					(step === 'pageDown' ? page : step === 'pageUp' ? -page : step);
	return Math.max(0, Math.min(last, target));
}

/** The view of a list that only scrolls, moved by `step`. */
export function viewScrolled(view: ListView, step: ListStep): ListView {
	// Not drawn yet: only the ends are known.
	const top =
		view.rows === 0
			? step === 'top'
				? 0
				: step === 'bottom'
					? listViewAtBottom.top
					: view.top
			: stepped(
					viewTop(view.top, view.rows, view.total),
					step,
					view.rows,
					Math.max(0, view.total - view.rows),
				);
	return top === view.top ? view : {...view, top};
}

/** A cursor over `total` items moved by `step`, and the view that keeps it in sight. */
export function cursorStepped(
	cursor: number,
	view: ListView,
	step: ListStep,
	total: number,
): {readonly cursor: number; readonly view: ListView} {
	const next = stepped(cursor, step, view.rows, Math.max(0, total - 1));
	const top =
		view.rows === 0 ? view.top : viewTop(view.top, view.rows, total, next);
	return {cursor: next, view: top === view.top ? view : {...view, top}};
}

/** The view as drawn with `rows` of `total` items in sight. */
export function viewDrawn(
	view: ListView,
	rows: number,
	total: number,
	cursor?: number,
): ListView {
	const top = viewTop(view.top, rows, total, cursor);
	return view.top === top && view.rows === rows && view.total === total
		? view
		: {top, rows, total};
}
