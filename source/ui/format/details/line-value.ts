import type {DetailLine} from './segments.js';

/** A details line's key and the value after it, as `Y` copies it. */
export type LineValue = {readonly key: string; readonly value: string};

/** A JSON string as its text; anything else (a number, `{`) as it stands. */
function unquoted(text: string): string {
	if (!text.startsWith('"')) {
		return text;
	}

	try {
		const parsed: unknown = JSON.parse(text);
		return typeof parsed === 'string' ? parsed : text;
	} catch {
		return text;
	}
}

/**
 * The key of `line` and the text after it: a summary's `Label   value`, an environment
 * variable's `KEY=value`, or the JSON view's `"Key": value,` (a string's text, without its
 * quotes and the comma). Undefined for a line with no key, or none after it (a heading).
 */
export function lineValue(line: DetailLine): LineValue | undefined {
	const at = line.findIndex(segment => segment.tone === 'label');
	const label = line[at];
	if (label === undefined) {
		return undefined;
	}

	const rest = line
		.slice(at + 1)
		.map(segment => segment.text)
		.join('')
		.replace(/^[:=]/, '')
		.trim()
		.replace(/,$/, '');
	return rest === ''
		? undefined
		: {key: unquoted(label.text.trim()), value: unquoted(rest)};
}
