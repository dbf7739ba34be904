import type {Tone} from '../../viewer/segments.js';
import {cellWidth, fit} from '../cells.js';

/** How a piece of a details line is drawn: the viewer's tones, less a log's own. */
export type DetailTone = Exclude<Tone, 'stderr' | {readonly source: number}>;

export type DetailSegment = {
	readonly text: string;
	readonly tone: DetailTone;
	/** A row's label: a summary's values line up after its longest, and wrap under themselves. */
	readonly isField?: boolean;
};
export type DetailLine = readonly DetailSegment[];

/** Columns between the longest label and the values. */
const labelGap = 2;

export function plain(text: string): DetailSegment {
	return {text, tone: 'plain'};
}

export function dim(text: string): DetailSegment {
	return {text, tone: 'dim'};
}

export function heading(text: string): DetailLine {
	return [{text, tone: 'heading'}];
}

/** `Label        value`, the value in one or more tones; {@link alignFields} pads the label. */
export function row(label: string, ...value: DetailSegment[]): DetailLine {
	return [{text: label, tone: 'label', isField: true}, ...value];
}

/** The column at which a line's label (its first field segment) starts, if it has one. */
function fieldStart(line: DetailLine): number | undefined {
	let column = 0;
	for (const segment of line) {
		if (segment.isField === true) {
			return column;
		}

		column += cellWidth(segment.text);
	}

	return undefined;
}

/** Pads every label so that all values start in one column, the longest label's plus a gap. */
export function alignFields(lines: readonly DetailLine[]): DetailLine[] {
	let valueColumn = 0;
	for (const line of lines) {
		const start = fieldStart(line);
		const label = line.find(segment => segment.isField === true);
		if (start !== undefined && label !== undefined) {
			valueColumn = Math.max(
				valueColumn,
				start + cellWidth(label.text) + labelGap,
			);
		}
	}

	return lines.map(line => {
		const start = fieldStart(line);
		return start === undefined
			? line
			: line.map(segment =>
					segment.isField === true
						? {...segment, text: fit(segment.text, valueColumn - start)}
						: segment,
				);
	});
}

/**
 * Where the rows of a wrapped line start: under its value for a labelled row, under its first
 * character for an indented one.
 */
export function hangingIndent(line: DetailLine): number {
	const start = fieldStart(line);
	const label = line.find(segment => segment.isField === true);
	if (start !== undefined && label !== undefined) {
		return start + cellWidth(label.text);
	}

	const text = lineText(line);
	return text.length - text.trimStart().length;
}

/** A section: its heading, then its lines indented, or `none` dimmed. */
export function section(
	title: string,
	lines: readonly DetailLine[],
	empty = 'none',
): DetailLine[] {
	return [
		[],
		heading(title),
		...(lines.length === 0
			? [[plain('  '), dim(empty)]]
			: lines.map(line => [plain('  '), ...line])),
	];
}

/** A line as plain text: what the search looks in. */
export function lineText(line: readonly {readonly text: string}[]): string {
	return line.map(segment => segment.text).join('');
}
