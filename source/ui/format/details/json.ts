import {plain, type DetailLine} from './segments.js';

/** A JSON line with its key set apart from its value. */
export function jsonLine(line: string): DetailLine {
	const key = /^(\s*)("(?:[^"\\]|\\.)*")(: ?)(.*)$/.exec(line);
	if (key === null) {
		return [plain(line)];
	}

	const [, indent = '', name = '', colon = '', value = ''] = key;
	return [plain(indent), {text: name, tone: 'label'}, plain(colon + value)];
}
