import assert from 'node:assert/strict';
import {afterEach, before, describe, it} from 'node:test';
import {launchDockmate, selectByFilter} from '../helpers/dockmate.js';
import {runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';

const image = 'dockmate-e2e/busybox:logs';

/**
 * A line of characters that terminals draw at widths of their own (unassigned, Unicode 15, a
 * conjoining Hangul vowel, a circled number on a black square, a trigram), as octal escapes for
 * BusyBox's printf.
 */
const unsettledLine = [
	...Buffer.from(
		`unsettled${' \u0378 \u{1E030} \u1161 \u3248 \u2630'.repeat(6)}`,
	),
]
	.map(byte => `\\${byte.toString(8).padStart(3, '0')}`)
	.join('');

/**
 * Lines of clusters wider than their first character (a letter with a spacing mark, Thai SARA AM),
 * longer than the view, as octal escapes: cut at the view's edge by other rules than the layout's,
 * they drew over its border.
 */
const overWideLines = ['\u0915\u0903', '\u0E01\u0E33']
	.map(cluster =>
		[...Buffer.from(cluster.repeat(80))]
			.map(byte => `\\${byte.toString(8).padStart(3, '0')}`)
			.join(''),
	)
	.join('\\n');

/**
 * Whether the logs view has at least `rows` rows between its borders, each one drawn whole: starting
 * and ending with the border.
 */
function isWholeView(screen: string, rows: number): boolean {
	const lines = screen.split('\n');
	const top = lines.findIndex(line => line.startsWith('╭'));
	const bottom = lines.findIndex(
		(line, index) => index > top && line.startsWith('╰'),
	);
	const inside = lines.slice(top + 1, bottom);
	return (
		top >= 0 &&
		inside.length >= rows &&
		inside.every(line => /^│.*│\s*$/u.test(line))
	);
}

/** A row of {@link unsettledLine} and nothing else, its characters as they were or as U+FFFD. */
const unsettledRow =
	/^│ {2}unsettled[ \uFFFD\u0378\u{1E030}\u1161\u3248\u2630]*│$/u;

/** The highest `line-N` on the screen, or -1. */
function lastCounter(screen: string): number {
	return Math.max(
		-1,
		...[...screen.matchAll(/\bline-(\d+)\b/g)].map(match => Number(match[1])),
	);
}

describe('l: container logs on a real engine', {timeout: 240_000}, () => {
	const daemon = engineFixture({image});
	let screen: TmuxSession | undefined;

	before(async () => {
		// A stderr line, a line full of escape sequences (a window title, clear screen, red), then a counter.
		await runLabelled(daemon, {
			name: 'logs-counter',
			image,
			command: [
				'sh',
				'-c',
				String.raw`echo boot-error >&2; printf '\033]0;PWNED\007\033[2J\033[31mred-text\033[0m\n'; i=0; while true; do echo line-$i; i=$((i+1)); sleep 0.2; done`,
			],
		});
		await runLabelled(daemon, {
			name: 'logs-tty',
			image,
			options: ['--tty'],
			command: ['sh', '-c', 'echo tty-hello; echo tty-second; exec sleep 600'],
		});
		// One line of 100 KB, which the engine keeps and sends as seven pieces of 16 KiB.
		await runLabelled(daemon, {
			name: 'random-bytes',
			image,
			command: [
				'sh',
				'-c',
				`for i in 1 2 3 4 5 6; do printf '${unsettledLine}\\n'; done; printf '${overWideLines}\\n'; head -c 65536 /dev/urandom; echo; echo random-end; exec sleep 600`,
			],
		});
		await runLabelled(daemon, {
			name: 'longline',
			image,
			command: [
				'sh',
				'-c',
				String.raw`echo before-long; printf long-start; head -c 102400 /dev/zero | tr '\0' a; echo; echo after-long; exec sleep 600`,
			],
		});
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	const open = async (name: string): Promise<TmuxSession> => {
		screen = await launchDockmate({host: daemon.host});
		await screen.waitForText(
			text => text.includes('● connected') && text.includes(name),
		);
		await selectByFilter(screen, name);
		await screen.sendKeys('l');
		await screen.waitForText(`Logs · ${name}`);
		return screen;
	};

	it('follows a counter live, shows stderr marked, finds a line, and lets no escape sequence through', async () => {
		const screen = await open('logs-counter');
		const first = lastCounter(
			await screen.waitForText(text => lastCounter(text) >= 15),
		);
		// New lines appear while following.
		await screen.waitForText(text => lastCounter(text) >= first + 5);

		// The stderr line carries the marker; the stdout lines do not.
		const top = await screen.waitForText(/▌boot-error/);
		assert.doesNotMatch(top, /▌line-/);
		// The escape sequences were stripped: the text is there, plain, the screen not cleared, the title unchanged.
		assert.match(top, /red-text/);
		assert.match(top, /Logs · logs-counter/);
		assert.notEqual(await screen.display('#{pane_title}'), 'PWNED');
		const coloured = await screen.capture({colours: true});
		const redText = coloured.split('\n').find(row => row.includes('red-text'));
		assert.ok(redText !== undefined);
		// The last colour change before the text (tmux writes SGR codes) does not make it red.
		const colour =
			[
				...redText
					.slice(0, redText.indexOf('red-text'))
					.matchAll(/\[([\d;]*)m/g),
			].at(-1)?.[1] ?? '';
		assert.ok(!colour.split(';').includes('31'), redText);

		await screen.sendKeys('/', 'line-12', 'Enter');
		const found = await screen.waitForText(/"line-12": 1 match/);
		assert.match(found, /paused/);
		assert.match(found, /\bline-12\b/);
		// The view stays on the match while the counter goes on.
		const counted = Number(/· (\d+) lines ·/.exec(found)?.[1]);
		await screen.waitForText(text => {
			const lines = Number(/· (\d+) lines ·/.exec(text)?.[1]);
			return lines > counted + 3 && /\bline-12\b/.test(text);
		});
	});

	it('reads a TTY container raw, and merges marked containers by time with their names', async () => {
		const screen = await open('logs-tty');
		const shown = await screen.waitForText('tty-second');
		assert.match(shown, /^│\s+tty-hello\s+│$/m);
		await screen.sendKeys('Escape', '/', 'C-u', 'logs-', 'Enter');
		await screen.waitForText(/Containers 2\/2/);
		await screen.sendKeys('*', 'l');
		await screen.waitForText('Logs · 2 containers');
		// Both histories are in before going to the top: the counter's lines show while following,
		// and a search finds the TTY container's last line.
		await screen.waitForText(text => lastCounter(text) >= 0);
		await screen.sendKeys('/', 'tty-second', 'Enter');
		await screen.waitForText(/"tty-second": 1 match/);
		// The oldest lines, with times: the counter started first, the TTY container a moment later.
		await screen.sendKeys('g', 't');
		const merged = await screen.waitForText(
			text =>
				/logs-counter\s+\S+\s+▌boot-error/.test(text) &&
				/logs-tty\s+\S+\s+tty-second/.test(text),
		);
		const rows = merged.split('\n');
		const bootRow = rows.findIndex(row => row.includes('▌boot-error'));
		const ttyRow = rows.findIndex(row =>
			/logs-tty\s+\S+\s+tty-hello/.test(row),
		);
		assert.ok(bootRow !== -1 && ttyRow > bootRow, merged);
		const times = rows.flatMap(row => {
			const time = /logs-\w+\s+(\d\d:\d\d:\d\d\.\d{3}) /.exec(row)?.[1];
			return time === undefined ? [] : [time];
		});
		assert.ok(times.length >= 4, merged);
		assert.deepEqual(times, [...times].sort(), 'lines in time order');
	});

	it('keeps the frame whole over random bytes: no line drawn wider or narrower than measured', async () => {
		const screen = await open('random-bytes');
		// Waited for, since a capture may catch a frame half drawn; a row that the terminal drew wider
		// than dockmate measured it wraps, and its rest starts the next row without the border.
		await screen.waitForText(
			text => text.includes('random-end') && isWholeView(text, 20),
		);
		// The top, where the lines of such characters and the over-wide ones are, drawn over the
		// random rows: a character drawn narrower than measured leaves some of those behind on the
		// row, a row cut wider than the view loses the border.
		await screen.sendKeys('g');
		await screen.waitForText(text => {
			// Named by a word that random bytes do not make: a random row may start with a "u".
			const rows = text.split('\n').filter(row => row.includes('unsettled'));
			return (
				!text.includes('random-end') &&
				isWholeView(text, 20) &&
				rows.length === 6 &&
				rows.every(row => unsettledRow.test(row))
			);
		});
	});

	it('shows a 100 KB line as one line, and Esc still closes the view', async () => {
		const screen = await open('longline');
		const shown = await screen.waitForText(/after-long/);
		assert.match(shown, /following · 3 lines/);
		// Wrapped, it shows as much as fits, and how much more there is.
		await screen.sendKeys('w');
		await screen.waitForText(/\d+ more characters/);
		await screen.sendKeys('/', 'long-start', 'Enter');
		await screen.waitForText(/"long-start": 1 match/);
		await screen.sendKeys('Escape');
		await screen.waitForText(
			text => !text.includes('Logs · longline') && text.includes('longline'),
		);
	});
});
