import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {describe, it} from 'node:test';
import {Box, Text, render} from 'ink';
import {createFrameWriter} from '../../source/ui/frames/frame-writer.js';
import {ScreenModel} from '../helpers/screen-model.js';
import {waitFor} from '../helpers/wait-for.js';

/** A terminal of 20x6 that Ink writes to as to a tty, read back through a model of its screen. */
class FakeTerminal extends EventEmitter {
	readonly isTTY = true;
	readonly columns = 20;
	readonly rows = 6;
	readonly screen = new ScreenModel(this.columns, this.rows);
	readonly writes: string[] = [];
	write(data: string): boolean {
		this.writes.push(data);
		this.screen.write(data);
		return true;
	}

	/** The screen's lines as plain text. */
	text(): string[] {
		return this.screen
			.keys()
			.map(keys => keys.map(key => key.split('\u0000')[1] ?? '').join(''));
	}
}

function Figures({cpu}: {readonly cpu: string}) {
	return (
		<Box flexDirection="column" height={5}>
			<Text bold>web-1</Text>
			<Text>CPU {cpu}%</Text>
		</Box>
	);
}

describe('Ink with the frameWriter option of patches/ink+6.8.0.patch', () => {
	it('writes a frame shorter than the screen whole, then only the changed cells, each line in place', async () => {
		const terminal = new FakeTerminal();
		const instance = render(<Figures cpu="12.5" />, {
			stdout: terminal as unknown as NodeJS.WriteStream,
			stdin: new EventEmitter() as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
			frameWriter: createFrameWriter,
			// The same frames whether or not the suite runs with CI set.
			isInCi: false,
		});
		try {
			await waitFor(() => terminal.text()[1] === 'CPU 12.5%', {
				timeoutMs: 5000,
				message: 'the first frame',
				describe: () => terminal.text().join('\n'),
			});
			const before = terminal.writes.length;
			instance.rerender(<Figures cpu="13.5" />);
			await waitFor(() => terminal.text()[1] === 'CPU 13.5%', {
				timeoutMs: 5000,
				message: 'the second frame',
				describe: () => terminal.text().join('\n'),
			});
			instance.rerender(<Figures cpu="13.7" />);
			await waitFor(() => terminal.text()[1] === 'CPU 13.7%', {
				timeoutMs: 5000,
				message: 'the third frame',
				describe: () => terminal.text().join('\n'),
			});
			assert.deepEqual(terminal.text(), ['web-1', 'CPU 13.7%', '', '', '', '']);
			// Nothing places the cursor: a frame drawn whole hides it, as Ink's own writer does.
			assert.equal(terminal.screen.isCursorShown, false);
			const changes = terminal.writes
				.slice(before)
				.filter(data => !data.startsWith('\u001B[?2026'));
			assert.deepEqual(changes, ['\u001B[3A\u001B[6G3', '\u001B[8G7']);
		} finally {
			instance.unmount();
		}
	});
});
