// The copy of string-width that Ink lays out and draws with (dockmate's own dependency is an older
// major that measures differently, e.g. `❤` as 2). Measuring with Ink's own is what keeps a padded
// cell exactly as wide as Ink places it; it carries the narrow-character short cut
// (patches/string-width+8.3.0.patch).
import stringWidth from '../../../node_modules/ink/node_modules/string-width/index.js';

const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});

/**
 * How many terminal columns `text` takes: grapheme clusters measured as terminals draw them (wide
 * CJK and emoji 2, combining marks 0). Engine text is sanitised first, which takes apart the
 * clusters terminals draw at different widths (docker/sanitize.ts).
 */
export function cellWidth(text: string): number {
	return stringWidth(text);
}

/** Widths of the clusters measured so far: a frame's text repeats few distinct ones. */
const clusterWidths = new Map<string, number>();
/** Past this many, the widths are measured afresh: random text would grow the map without end. */
const clusterWidthsKept = 4096;

/**
 * The width of one grapheme cluster, as {@link cellWidth}: remembered, since string-width segments
 * and matches emoji for every cluster that is not plain ASCII, and a frame has thousands.
 */
export function clusterWidth(cluster: string): number {
	let width = clusterWidths.get(cluster);
	if (width === undefined) {
		if (clusterWidths.size >= clusterWidthsKept) {
			clusterWidths.clear();
		}

		width = stringWidth(cluster);
		clusterWidths.set(cluster, width);
	}

	return width;
}

/** The grapheme clusters of `text`, each with its width in columns. */
export function* cells(
	text: string,
): Generator<{readonly text: string; readonly width: number}> {
	for (const {segment} of graphemes.segment(text)) {
		yield {text: segment, width: clusterWidth(segment)};
	}
}

/** The longest prefix of `text` that takes at most `size` terminal columns, and its width. */
export function prefixWithin(
	text: string,
	size: number,
): {text: string; width: number} {
	let width = 0;
	let prefix = '';
	for (const cell of cells(text)) {
		if (width + cell.width > size) {
			break;
		}

		width += cell.width;
		prefix += cell.text;
	}

	return {text: prefix, width};
}

/**
 * Cuts or pads `text` to exactly `size` terminal columns, marking a cut with `…`. Widths are
 * measured in columns, so wide characters (CJK, emoji) cannot push the next column out of line.
 */
export function fit(
	text: string,
	size: number,
	align: 'left' | 'right' = 'left',
): string {
	if (size <= 0) {
		return '';
	}

	const width = cellWidth(text);
	if (width > size) {
		const head = prefixWithin(text, size - 1);
		return `${head.text}…${' '.repeat(size - 1 - head.width)}`;
	}

	const padding = ' '.repeat(size - width);
	return align === 'right' ? padding + text : text + padding;
}
