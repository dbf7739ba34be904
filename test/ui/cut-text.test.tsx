import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {stripVTControlCharacters} from 'node:util';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {SegmentRow} from '../../source/ui/components/segment-row.js';
import {cellWidth} from '../../source/ui/format/cells.js';

/**
 * Clusters that take more columns than their first character (a spacing mark after a letter,
 * Thai SARA AM), wide ones, and a combining mark that starts a text: a cut measured by other rules
 * than the layout's draws past the box's border, and the terminal loses the border.
 */
const lines = {
	'spacing marks': 'क\u0903'.repeat(30),
	'Thai SARA AM': 'ก\u0E33x'.repeat(20),
	'wide characters': 'a你'.repeat(20),
	'a mark with no letter before it': '\u0301abc'.repeat(10),
};

/** Each line of `frame` as wide as the box, its last column the box's border. */
function assertWhole(frame: string, width: number): void {
	for (const line of frame.split('\n')) {
		assert.equal(cellWidth(line), width, JSON.stringify(line));
		assert.match(line, /[│╮╯]$/u, JSON.stringify(line));
	}
}

describe('text cut at the edge of a box', () => {
	for (const [name, line] of Object.entries(lines)) {
		it(`keeps the border of a row of ${name}, plain and styled`, () => {
			const {lastFrame, unmount} = render(
				<Box flexDirection="column" borderStyle="round" width={24}>
					<SegmentRow segments={[{text: line}]} styleOf={() => ({})} />
					<SegmentRow
						segments={[{text: 'x'}, {text: line}]}
						styleOf={segment => (segment.text === 'x' ? {} : {color: 'red'})}
					/>
					<Text wrap="truncate-start">{line}</Text>
					<Text wrap="truncate-middle">{line}</Text>
				</Box>,
			);
			try {
				const frame = lastFrame() ?? '';
				assert.equal(frame.split('\n').length, 6);
				assertWhole(stripVTControlCharacters(frame), 24);
				assert.match(frame, /…/);
			} finally {
				unmount();
			}
		});

		it(`keeps the border of a box around a wrapped text of ${name}`, () => {
			const {lastFrame, unmount} = render(
				<Box borderStyle="round" width={24}>
					<Text wrap="wrap">{`word ${line.slice(0, 12)} more words to wrap`}</Text>
				</Box>,
			);
			try {
				assertWhole(stripVTControlCharacters(lastFrame() ?? ''), 24);
			} finally {
				unmount();
			}
		});

		it(`keeps the border of a box that clips a wider row of ${name}`, () => {
			const {lastFrame, unmount} = render(
				<Box borderStyle="round" width={24} overflowX="hidden">
					<Box width={100} flexShrink={0}>
						<Text color="red">{`x${line}`}</Text>
					</Box>
				</Box>,
			);
			try {
				const frame = lastFrame() ?? '';
				assert.equal(frame.split('\n').length, 3);
				assertWhole(stripVTControlCharacters(frame), 24);
			} finally {
				unmount();
			}
		});
	}
});
