import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	emptyHistory,
	historyAppended,
	historyMax,
	historyOf,
	historySize,
	historyValues,
	type History,
} from '../../source/state/history.js';

function appendAll(
	history: History,
	values: readonly number[],
	length: number,
): History {
	let next = history;
	for (const value of values) {
		next = historyAppended(next, value, length);
	}

	return next;
}

describe('history', () => {
	it('keeps the last samples, oldest first', () => {
		const history = historyOf([1, 2, 3, 4, 5], 3);
		assert.deepEqual(historyValues(history), [3, 4, 5]);
		assert.equal(historySize(history), 3);
		assert.equal(historyMax(history), 5);
		assert.deepEqual(historyValues(emptyHistory), []);
		assert.equal(historyMax(emptyHistory), Number.NEGATIVE_INFINITY);
	});

	it('leaves a history as it was when later ones are appended to, across copies', () => {
		const seen: [History, number[]][] = [];
		let history = emptyHistory;
		for (let value = 0; value < 50; value++) {
			history = historyAppended(history, value, 4);
			seen.push([history, historyValues(history)]);
		}

		for (const [old, values] of seen) {
			assert.deepEqual(historyValues(old), values);
		}

		assert.deepEqual(historyValues(history), [46, 47, 48, 49]);
	});

	it('gives two histories appended to the same one samples of their own', () => {
		const common = historyOf([1, 2], 5);
		const left = appendAll(common, [3, 4], 5);
		const right = appendAll(common, [30, 40], 5);
		assert.deepEqual(historyValues(left), [1, 2, 3, 4]);
		assert.deepEqual(historyValues(right), [1, 2, 30, 40]);
		assert.deepEqual(historyValues(common), [1, 2]);
	});

	// What keeps a thousand containers' histories from turning over megabytes a second: the
	// minute is not copied on every sample.
	it('shares its buffer with the history it was appended to, copying only once that is full', () => {
		const length = 60;
		let history = historyOf([0], length);
		const buffers = new Set([history.buffer]);
		for (let value = 1; value < 10 * length; value++) {
			history = historyAppended(history, value, length);
			buffers.add(history.buffer);
		}

		assert.ok(
			buffers.size <= 4,
			`${buffers.size} buffers for ${10 * length} samples`,
		);
		assert.equal(historySize(history), length);
	});
});
