import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	initialState,
	type AppState,
	type Update,
} from '../../source/state/app-state.js';
import {
	bottomIndex,
	compareEntries,
	findMatch,
	logText,
	matchRanges,
	shownLines,
	type LogEntry,
} from '../../source/state/log-lines.js';
import {
	logsFilterToggled,
	logsFollowToggled,
	logsMatchJumped,
	logsOpened,
	logsReceived,
	logsScrolled,
	logsSearchCancelled,
	logsSearched,
	logsSearchOpened,
	type LogsDialog,
} from '../../source/state/logs-dialog.js';
import {textDeletedBack, textTyped} from '../../source/state/updates.js';
import {
	lineSegments,
	wrapSegments,
	type Segment,
} from '../../source/ui/format/log-rows.js';
import {activeScopes} from '../../source/state/scopes.js';

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

/** The line at the bottom of the view, as the view would show it with `rows` rows. */
function bottomLine(state: AppState, rows: number): string | undefined {
	const dialog = dialogOf(state);
	const lines = shownLines(dialog.lines, dialog.query, dialog.filter);
	return lines[
		bottomIndex(lines, dialog.follow ? undefined : dialog.anchor, rows)
	]?.text;
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

	it('follows the newest line, or stays on its anchor', () => {
		assert.equal(bottomIndex(lines, undefined, 10), 99);
		assert.equal(bottomIndex(lines, {seq: 50, time: 1050}, 10), 50);
	});

	it('an anchor that left the buffer or is filtered out falls to the line before it', () => {
		const kept = lines.filter(line => line.seq % 2 === 0);
		assert.equal(kept[bottomIndex(kept, {seq: 51, time: 1051}, 10)]?.seq, 50);
		// Older than everything kept: the first page.
		assert.equal(bottomIndex(lines.slice(60), {seq: 3, time: 1003}, 10), 9);
	});

	it('never stands above the first full page', () => {
		assert.equal(bottomIndex(lines, {seq: 2, time: 1002}, 10), 9);
		assert.equal(bottomIndex(lines.slice(0, 4), {seq: 0, time: 1000}, 10), 3);
		assert.equal(bottomIndex([], undefined, 10), -1);
	});

	it('scrolling up pauses and stays put while lines arrive; G follows again', () => {
		let state = run(withLines(numbered(100)), logsScrolled(-5, 10));
		assert.equal(dialogOf(state).follow, false);
		assert.equal(bottomLine(state, 10), 'line-94');
		state = logsReceived(1, numbered(150), 0)(state);
		assert.equal(bottomLine(state, 10), 'line-94');
		state = run(state, logsScrolled(3, 10));
		assert.equal(bottomLine(state, 10), 'line-97');
		state = run(state, logsScrolled('top', 10));
		assert.equal(bottomLine(state, 10), 'line-9');
		state = run(state, logsScrolled(-5, 10));
		assert.equal(bottomLine(state, 10), 'line-9');
		state = run(state, logsScrolled('bottom', 10));
		assert.equal(dialogOf(state).follow, true);
		assert.equal(bottomLine(state, 10), 'line-149');
	});

	it('down while following changes nothing; f pauses on the lines in view and resumes', () => {
		const state = withLines(numbered(30));
		assert.equal(logsScrolled(1, 10)(state), state);
		const paused = logsFollowToggled(10)(state);
		assert.equal(dialogOf(paused).follow, false);
		const more = logsReceived(1, numbered(40), 0)(paused);
		assert.equal(bottomLine(more, 10), 'line-29');
		assert.equal(bottomLine(logsFollowToggled(10)(more), 10), 'line-39');
	});

	it('paused before any line came, the view stays on the first page', () => {
		const paused = logsFollowToggled(10)(withLines([]));
		assert.equal(dialogOf(paused).follow, false);
		assert.equal(bottomLine(logsReceived(1, lines, 0)(paused), 10), 'line-9');
	});
});

describe('log search keys', () => {
	const lines = numbered(100);

	function typed(state: AppState, text: string): AppState {
		return run(state, logsSearchOpened, textTyped(text));
	}

	it('/ opens a prompt that takes typed text; Esc keeps the old search', () => {
		let state = withLines(lines);
		state = typed(state, 'line-4');
		assert.deepEqual(activeScopes(state), ['logsSearch']);
		assert.equal(dialogOf(state).draft, 'line-4');
		state = textDeletedBack(state);
		assert.equal(dialogOf(state).draft, 'line-');
		state = logsSearchCancelled(state);
		assert.deepEqual(activeScopes(state), ['logs']);
		assert.equal(dialogOf(state).query, '');
	});

	it('Enter jumps to the newest match at or above the bottom, in the middle of a paused view', () => {
		const state = run(typed(withLines(lines), 'LINE-4'), logsSearched(10));
		const dialog = dialogOf(state);
		assert.equal(dialog.query, 'LINE-4');
		assert.equal(dialog.draft, undefined);
		assert.equal(dialog.follow, false);
		assert.equal(dialog.match, 49);
		assert.equal(bottomLine(state, 10), 'line-54');
	});

	it('n goes to older matches, N to newer ones, wrapping with a note', () => {
		let state = run(typed(withLines(lines), 'line-4'), logsSearched(10));
		state = logsMatchJumped(-1, 10)(state);
		assert.equal(dialogOf(state).match, 48);
		state = logsMatchJumped(1, 10)(logsMatchJumped(1, 10)(state));
		assert.equal(dialogOf(state).match, 4);
		assert.equal(state.status?.text, 'search wrapped to the oldest line');
		state = logsMatchJumped(-1, 10)(state);
		assert.equal(dialogOf(state).match, 49);
		assert.equal(state.status?.text, 'search wrapped to the newest line');
	});

	it('no match or no search says so', () => {
		let state = run(typed(withLines(lines), 'nowhere'), logsSearched(10));
		assert.deepEqual(state.status, {
			text: 'no line matches "nowhere"',
			isError: true,
		});
		assert.equal(dialogOf(state).follow, true);
		state = logsMatchJumped(-1, 10)(withLines(lines));
		assert.equal(state.status?.text, 'no search yet: / searches');
	});

	it('F shows only the matching lines, and needs a search', () => {
		let state = logsFilterToggled(withLines(lines));
		assert.equal(dialogOf(state).filter, false);
		assert.match(state.status?.text ?? '', /search/);
		state = run(typed(state, 'line-9'), logsSearched(10), logsFilterToggled);
		const dialog = dialogOf(state);
		assert.equal(dialog.filter, true);
		assert.deepEqual(
			shownLines(dialog.lines, dialog.query, dialog.filter).map(
				line => line.text,
			),
			['line-9', ...Array.from({length: 10}, (_, index) => `line-9${index}`)],
		);
		// An empty search ends the filter with it.
		state = run(state, logsSearchOpened, logsSearched(10));
		state = run(state, logsSearchOpened);
		state = {
			...state,
			ui: {...state.ui, dialog: {...dialogOf(state), draft: ''}},
		};
		state = logsSearched(10)(state);
		assert.equal(dialogOf(state).filter, false);
		assert.equal(dialogOf(state).query, '');
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
			{text: 'databas… ', style: {source: 1}},
			{text: '▌', style: 'stderr'},
			{text: 'an ', style: 'plain'},
			{text: 'error', style: 'currentMatch'},
			{text: ' here', style: 'plain'},
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
			{text: 'abc', style: 'plain'},
			{text: 'de日本', style: 'match'},
		];
		assert.deepEqual(text(wrapSegments(segments, 4)), ['abcd', 'e日', '本']);
		assert.deepEqual(text(wrapSegments([{text: '', style: 'plain'}], 4)), ['']);
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
		const segments: Segment[] = [{text: 'abc🇩🇪e\u0301f', style: 'plain'}];
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
