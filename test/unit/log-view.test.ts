import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	initialState,
	type AppState,
	type Update,
} from '../../source/state/app-state.js';
import {
	compareEntries,
	logText,
	type LogEntry,
} from '../../source/state/log-lines.js';
import {
	logsOpened,
	logsReceived,
	type LogsDialog,
} from '../../source/state/logs-dialog.js';
import {
	findMatch,
	matchRanges,
	shownLines,
} from '../../source/state/text-search.js';
import {
	viewerChanged,
	viewerFilterToggled,
	viewerFollowToggled,
	viewerMatchJumped,
	viewerScrolled,
	viewerSearchCancelled,
	viewerSearched,
	viewerSearchOpened,
	viewerWindow,
	type ViewerMove,
	type ViewerText,
} from '../../source/state/text-viewer.js';
import {activeScopes} from '../../source/state/scopes.js';
import {lineChanged, textTyped} from '../../source/state/updates.js';

const textDeletedBack = lineChanged({delete: 'back'});
import {lineSegments} from '../../source/ui/format/log-rows.js';
import {wrapSegments, type Segment} from '../../source/ui/viewer/segments.js';

function entry(
	seq: number,
	text: string,
	fields: Partial<LogEntry> = {},
): LogEntry {
	return {seq, source: 0, stream: 'stdout', time: 1000 + seq, text, ...fields};
}

/** line-0 … line-(count-1), one per millisecond. */
function numbered(count: number): LogEntry[] {
	return Array.from({length: count}, (_, index) =>
		entry(index, `line-${index}`),
	);
}

function withLines(lines: readonly LogEntry[]): AppState {
	const state = initialState({endpoint: 'x', readOnly: false, now: 0});
	return logsReceived(
		1,
		lines,
		0,
	)(
		logsOpened({
			session: 1,
			title: 'web',
			sources: [{id: 'web-id', name: 'web'}],
		})(state),
	);
}

function dialogOf(state: AppState): LogsDialog {
	const {dialog} = state.ui;
	if (dialog?.kind !== 'logs') {
		assert.fail('no logs dialog is open');
	}

	return dialog;
}

function run(state: AppState, ...updates: Update[]): AppState {
	return updates.reduce((current, update) => update(current), state);
}

/** A log's lines as a view of `rows` rows draws them, one row each. */
function textOf(state: AppState, rows = 10): ViewerText<LogEntry> {
	return {lines: dialogOf(state).lines, layout: {rows, rowsOf: () => 1}};
}

/** The update a key makes in the logs dialog, with the view `rows` rows high. */
function moved(move: ViewerMove, rows = 10): Update {
	return state =>
		viewerChanged(viewer => viewerScrolled(viewer, textOf(state, rows), move))(
			state,
		);
}

const followToggled: Update = state =>
	viewerChanged(viewer => viewerFollowToggled(viewer, textOf(state)))(state);
const searched: Update = state =>
	viewerChanged(viewer => viewerSearched(viewer, textOf(state)))(state);
const searchOpened = viewerChanged(viewerSearchOpened);
const filterToggled = viewerChanged(viewerFilterToggled);

function matchJumped(next: boolean): Update {
	return state =>
		viewerChanged(viewer => viewerMatchJumped(viewer, textOf(state), next))(
			state,
		);
}

/** The line at the bottom of the view, as the view would show it with `rows` rows. */
function bottomLine(state: AppState, rows = 10): string | undefined {
	const {viewer, lines} = dialogOf(state);
	const shown = shownLines(lines, viewer.query, viewer.filter);
	return shown[viewerWindow(viewer, shown, {rows, rowsOf: () => 1}).bottom]
		?.text;
}

describe('log search and filter', () => {
	it('finds every match, case-insensitively, without overlaps', () => {
		assert.deepEqual(matchRanges('Error: an ERROR, errors', 'error'), [
			[0, 5],
			[10, 15],
			[17, 22],
		]);
		assert.deepEqual(matchRanges('aaaa', 'aa'), [
			[0, 2],
			[2, 4],
		]);
		assert.deepEqual(matchRanges('text', ''), []);
	});

	it('filter mode keeps only the matching lines; without a search it keeps all', () => {
		const lines = [entry(0, 'GET /a'), entry(1, 'POST /b'), entry(2, 'get /c')];
		assert.deepEqual(
			shownLines(lines, 'get', true).map(line => line.seq),
			[0, 2],
		);
		assert.equal(shownLines(lines, 'get', false), lines);
		assert.equal(shownLines(lines, '', true), lines);
	});

	it('finds the next match either way, wrapping around the ends', () => {
		const lines = [
			entry(0, 'x'),
			entry(1, 'hit'),
			entry(2, 'x'),
			entry(3, 'hit'),
			entry(4, 'x'),
		];
		assert.deepEqual(findMatch(lines, 'hit', 4, -1), {
			index: 3,
			wrapped: false,
		});
		assert.deepEqual(findMatch(lines, 'hit', 3, -1), {
			index: 1,
			wrapped: false,
		});
		assert.deepEqual(findMatch(lines, 'hit', 1, -1), {index: 3, wrapped: true});
		assert.deepEqual(findMatch(lines, 'hit', 1, 1), {index: 3, wrapped: false});
		assert.deepEqual(findMatch(lines, 'hit', 3, 1), {index: 1, wrapped: true});
		assert.equal(findMatch(lines, 'none', 0, 1), undefined);
		assert.equal(findMatch([], 'hit', 0, 1), undefined);
	});

	it('orders merged lines by time, then by arrival', () => {
		const lines = [
			entry(2, 'b', {time: 5}),
			entry(0, 'c', {time: 9}),
			entry(1, 'a', {time: 5}),
		];
		assert.deepEqual(
			[...lines].sort(compareEntries).map(line => line.text),
			['a', 'b', 'c'],
		);
	});
});

describe('where a log view stands', () => {
	const lines = numbered(100);

	it('scrolling up pauses and stays put while lines arrive; G follows again', () => {
		let state = run(withLines(lines), moved(-5));
		assert.equal(dialogOf(state).viewer.follow, false);
		assert.equal(bottomLine(state), 'line-94');
		state = logsReceived(1, numbered(150), 0)(state);
		assert.equal(bottomLine(state), 'line-94');
		state = run(state, moved(3));
		assert.equal(bottomLine(state), 'line-97');
		state = run(state, moved('top'));
		assert.equal(bottomLine(state), 'line-9');
		state = run(state, moved(-5));
		assert.equal(bottomLine(state), 'line-9');
		state = run(state, moved('bottom'));
		assert.equal(dialogOf(state).viewer.follow, true);
		assert.equal(bottomLine(state), 'line-149');
	});

	it('a page keeps one line of the last in view', () => {
		let state = run(withLines(lines), moved('pageUp'));
		assert.equal(bottomLine(state), 'line-90');
		state = run(state, moved('pageDown'));
		assert.equal(bottomLine(state), 'line-99');
	});

	it('a paused view whose top line left the buffer stands on the oldest kept', () => {
		let state = run(withLines(lines), moved('top'));
		state = logsReceived(1, numbered(150).slice(60), 60)(state);
		assert.equal(bottomLine(state), 'line-69');
	});

	it('down while following changes nothing; f pauses on the lines in view and resumes', () => {
		const state = withLines(numbered(30));
		assert.equal(moved(1)(state), state);
		const paused = followToggled(state);
		assert.equal(dialogOf(paused).viewer.follow, false);
		const more = logsReceived(1, numbered(40), 0)(paused);
		assert.equal(bottomLine(more), 'line-29');
		assert.equal(bottomLine(followToggled(more)), 'line-39');
	});

	it('paused before any line came, the view stays on the first page', () => {
		const paused = followToggled(withLines([]));
		assert.equal(dialogOf(paused).viewer.follow, false);
		assert.equal(bottomLine(logsReceived(1, lines, 0)(paused)), 'line-9');
	});

	it('counts wrapped rows: the newest line is whole at the bottom, the first at the top', () => {
		const long = [entry(0, 'first'), ...numbered(12).slice(1)];
		const layout = {
			rows: 10,
			rowsOf: (line: LogEntry) => (line.seq % 4 === 0 ? 3 : 1),
		};
		const viewer = dialogOf(withLines(long)).viewer;
		// Lines 11 to 4 take 1+1+1+3+1+1+1+3 = 12 rows: line 4 shows its last one.
		assert.deepEqual(viewerWindow(viewer, long, layout), {
			top: 4,
			skip: 2,
			bottom: 11,
		});
		const top = viewerScrolled(viewer, {lines: long, layout}, 'top');
		assert.deepEqual(viewerWindow(top, long, layout), {
			top: 0,
			skip: 0,
			bottom: 5,
		});
	});
});

describe('log search keys', () => {
	const lines = numbered(100);

	function typed(state: AppState, text: string): AppState {
		return run(state, searchOpened, textTyped(text));
	}

	it('/ opens a prompt that takes typed text; Esc keeps the old search', () => {
		let state = withLines(lines);
		state = typed(state, 'line-4');
		assert.deepEqual(activeScopes(state), ['viewerSearch']);
		assert.equal(dialogOf(state).viewer.draft?.text, 'line-4');
		state = textDeletedBack(state);
		assert.equal(dialogOf(state).viewer.draft?.text, 'line-');
		state = viewerChanged(viewerSearchCancelled)(state);
		assert.deepEqual(activeScopes(state), ['logs', 'viewer']);
		assert.equal(dialogOf(state).viewer.query, '');
	});

	it('/ again shows the search in force selected: Enter repeats it, typing replaces it', () => {
		let state = run(typed(withLines(lines), 'line-4'), searched, searchOpened);
		assert.equal(dialogOf(state).viewer.draft?.text, 'line-4');
		assert.equal(dialogOf(state).viewer.isDraftSelected, true);
		state = textTyped('x')(state);
		assert.equal(dialogOf(state).viewer.draft?.text, 'x');
		assert.equal(dialogOf(state).viewer.isDraftSelected, false);
	});

	it('Enter jumps to the newest match at or above the bottom, in the middle of a paused view', () => {
		const state = run(typed(withLines(lines), 'LINE-4'), searched);
		const {viewer} = dialogOf(state);
		assert.equal(viewer.query, 'LINE-4');
		assert.equal(viewer.draft, undefined);
		assert.equal(viewer.follow, false);
		assert.equal(viewer.match, 49);
		assert.equal(bottomLine(state), 'line-54');
	});

	it('n goes to older matches, N to newer ones, wrapping with a note', () => {
		let state = run(typed(withLines(lines), 'line-4'), searched);
		state = matchJumped(true)(state);
		assert.equal(dialogOf(state).viewer.match, 48);
		state = run(state, matchJumped(false), matchJumped(false));
		assert.equal(dialogOf(state).viewer.match, 4);
		assert.equal(state.status?.text, 'search wrapped to the oldest line');
		state = matchJumped(true)(state);
		assert.equal(dialogOf(state).viewer.match, 49);
		assert.equal(state.status?.text, 'search wrapped to the newest line');
	});

	it('no match or no search says so', () => {
		let state = run(typed(withLines(lines), 'nowhere'), searched);
		assert.deepEqual(state.status, {
			text: 'no match for "nowhere"',
			isError: true,
		});
		assert.equal(dialogOf(state).viewer.follow, true);
		state = matchJumped(true)(withLines(lines));
		assert.equal(state.status?.text, 'no search yet: / searches');
	});

	it('F shows only the matching lines, and needs a search', () => {
		let state = filterToggled(withLines(lines));
		assert.equal(dialogOf(state).viewer.filter, false);
		assert.match(state.status?.text ?? '', /search/);
		state = run(typed(state, 'line-9'), searched, filterToggled);
		const {viewer} = dialogOf(state);
		assert.equal(viewer.filter, true);
		assert.deepEqual(
			shownLines(dialogOf(state).lines, viewer.query, viewer.filter).map(
				line => line.text,
			),
			['line-9', ...Array.from({length: 10}, (_, index) => `line-9${index}`)],
		);
		// An empty search ends the filter with it.
		state = run(state, searchOpened, textDeletedBack, searched);
		assert.equal(dialogOf(state).viewer.filter, false);
		assert.equal(dialogOf(state).viewer.query, '');
	});
});

describe('log rows', () => {
	const text = (rows: readonly (readonly Segment[])[]): string[] =>
		rows.map(row => row.map(segment => segment.text).join(''));

	it('a stderr line has a red marker, a merged log a name column, matches are highlighted', () => {
		const segments = lineSegments(
			entry(0, 'an error here', {stream: 'stderr', source: 1}),
			{
				name: 'database-server',
				nameWidth: 8,
				timestamps: false,
				query: 'error',
				isCurrentMatch: true,
				textLimit: 100,
			},
		);
		assert.deepEqual(segments, [
			{text: 'databas… ', tone: {source: 1}},
			{text: '▌', tone: 'stderr'},
			{text: 'an ', tone: 'plain'},
			{text: 'error', tone: 'currentMatch'},
			{text: ' here', tone: 'plain'},
		]);
	});

	it('draws no more of a long line than the limit, and says how much is left out', () => {
		const segments = lineSegments(
			entry(0, `${'a'.repeat(9)}🐳b`, {omitted: 1000}),
			{
				name: '',
				nameWidth: 0,
				timestamps: false,
				query: '',
				isCurrentMatch: false,
				textLimit: 10,
			},
		);
		assert.deepEqual(text([segments]), [
			` ${'a'.repeat(9)} … 1003 more characters`,
		]);
	});

	it('wraps at the width exactly, wide characters kept whole', () => {
		const segments: Segment[] = [
			{text: 'abc', tone: 'plain'},
			{text: 'de日本', tone: 'match'},
		];
		assert.deepEqual(text(wrapSegments(segments, 4)), ['abcd', 'e日', '本']);
		assert.deepEqual(text(wrapSegments([{text: '', tone: 'plain'}], 4)), ['']);
	});

	it('cuts a wide name by columns and wraps by clusters, a flag or an accent never split', () => {
		const [name] = lineSegments(entry(0, 'x', {source: 1}), {
			name: '日本語のコンテナ',
			nameWidth: 6,
			timestamps: false,
			query: '',
			isCurrentMatch: false,
			textLimit: 100,
		});
		assert.equal(name?.text, '日本…  ');
		const segments: Segment[] = [{text: 'abc🇩🇪e\u0301f', tone: 'plain'}];
		assert.deepEqual(text(wrapSegments(segments, 4)), ['abc', '🇩🇪e\u0301f']);
	});

	it('a saved log has the name column for merged logs and full times when shown', () => {
		const lines = [
			entry(0, 'one', {time: Date.parse('2026-11-28T12:00:00.5Z')}),
			entry(1, 'two', {source: 1, time: Date.parse('2026-11-28T12:00:01Z')}),
		];
		assert.equal(
			logText(lines, {names: ['web', 'database'], timestamps: true}),
			'web      | 2026-11-28T12:00:00.500Z one\ndatabase | 2026-11-28T12:00:01.000Z two\n',
		);
		assert.equal(
			logText(lines.slice(0, 1), {names: ['web'], timestamps: false}),
			'one\n',
		);
	});
});
