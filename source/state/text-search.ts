import {memoizeLast} from './memo.js';

/** Case-insensitive; an empty query matches nothing (there is no search). */
export function lineMatches(text: string, query: string): boolean {
	return query !== '' && text.toLowerCase().includes(query.toLowerCase());
}

/** Where `query` occurs in `text`, case-insensitively, as `[start, end)` pairs that do not overlap. */
export function matchRanges(
	text: string,
	query: string,
): readonly (readonly [number, number])[] {
	if (query === '') {
		return [];
	}

	const haystack = text.toLowerCase();
	const needle = query.toLowerCase();
	const ranges: [number, number][] = [];
	for (
		let start = haystack.indexOf(needle);
		start !== -1;
		start = haystack.indexOf(needle, start + needle.length)
	) {
		ranges.push([start, start + needle.length]);
	}

	return ranges;
}

/** The lines a viewer shows: all of them, or in filter mode only those that match. */
export const shownLines = memoizeLast(
	<L extends {readonly text: string}>(
		lines: readonly L[],
		query: string,
		filter: boolean,
	): readonly L[] =>
		filter && query !== ''
			? lines.filter(line => lineMatches(line.text, query))
			: lines,
);

/** How many of the lines match: for the "3 matches" note, counted once per batch of lines. */
export const matchCount = memoizeLast(
	(lines: readonly {readonly text: string}[], query: string): number =>
		query === ''
			? 0
			: lines.reduce(
					(count, line) => count + (lineMatches(line.text, query) ? 1 : 0),
					0,
				),
);

/**
 * The next line matching `query` from `from` (exclusive) in `direction` (-1 up, 1 down),
 * wrapping around the ends; `wrapped` says it did. Undefined when no line matches.
 */
export function findMatch(
	lines: readonly {readonly text: string}[],
	query: string,
	from: number,
	direction: 1 | -1,
): {readonly index: number; readonly wrapped: boolean} | undefined {
	const count = lines.length;
	for (let step = 1; step <= count; step++) {
		const raw = from + step * direction;
		const index = ((raw % count) + count) % count;
		if (lineMatches(lines[index]?.text ?? '', query)) {
			return {index, wrapped: raw < 0 || raw >= count};
		}
	}

	return undefined;
}
