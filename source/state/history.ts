// The recent samples of a figure that the sparklines draw, one appended per sample.
//
// Copying the last minute on every sample (`[...history, value].slice(-60)`) made two arrays of
// ~500 bytes per container a second, each alive for exactly one sample: long enough for V8 to
// move it to the old generation, where such garbage piles up until a full collection. At a
// thousand containers that was megabytes a second, and resident memory followed the old space up
// and stayed there. Here successive histories of a figure share one buffer: an append writes one
// slot past the end of the newest and makes a small window object, and the buffer is copied only
// when it is full, once every few minutes.

/** A buffer that histories share: each is a window on it, and only slots past all of them are written. */
type SampleBuffer = {
	readonly values: Float64Array;
	/** Slots written so far; a history that ends here may write the next one. */
	filled: number;
};

/** Samples, oldest first: `end - start` of them in `buffer`. Never changes once made. */
export type History = {
	readonly buffer: SampleBuffer;
	readonly start: number;
	readonly end: number;
};

/** How many samples buffers hold, in histories of `length`: a copy every `length * (spans - 1)` appends. */
const spans = 4;

function emptyBuffer(length: number): SampleBuffer {
	return {values: new Float64Array(length * spans), filled: 0};
}

/** A history of no samples. */
export const emptyHistory: History = {
	buffer: {values: new Float64Array(0), filled: 0},
	start: 0,
	end: 0,
};

/** `history` with `value` appended, keeping at most `length` samples; `history` itself is unchanged. */
export function historyAppended(
	history: History,
	value: number,
	length: number,
): History {
	const {buffer, start, end} = history;
	if (end === buffer.filled && end < buffer.values.length) {
		// The newest history of this buffer: the slot past it is no one's yet.
		buffer.values[end] = value;
		buffer.filled++;
		return {buffer, start: Math.max(start, end + 1 - length), end: end + 1};
	}

	// The buffer is full, or a later history already took the next slot: copy into a new one.
	const kept = Math.min(end - start, length - 1);
	const next = emptyBuffer(length);
	next.values.set(buffer.values.subarray(end - kept, end));
	next.values[kept] = value;
	next.filled = kept + 1;
	return {buffer: next, start: 0, end: kept + 1};
}

/** A history of `values`, oldest first (the last `length` of them). */
export function historyOf(values: readonly number[], length: number): History {
	let history = emptyHistory;
	for (const value of values) {
		history = historyAppended(history, value, length);
	}

	return history;
}

/** The samples, oldest first, as an array of their own. */
export function historyValues(history: History): number[] {
	return Array.from(history.buffer.values.subarray(history.start, history.end));
}

/** The largest sample; -Infinity without any, as `Math.max()`. */
export function historyMax(history: History): number {
	let max = Number.NEGATIVE_INFINITY;
	for (let index = history.start; index < history.end; index++) {
		max = Math.max(max, history.buffer.values[index] ?? max);
	}

	return max;
}

/** How many samples there are. */
export function historySize(history: History): number {
	return history.end - history.start;
}
