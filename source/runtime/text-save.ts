import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {errorMessage} from '../docker/errors.js';
import {plural} from '../format/units.js';
import {statusShown} from '../state/status.js';
import type {FeedContext} from './feed-context.js';

/** A text to save: what it is called, and how many lines it has (for the note). */
export type SavedText = {
	readonly title: string;
	readonly text: string;
	readonly lines: number;
	/** A log or an output: saved as `.log`, other text as `.txt`. */
	readonly isLog: boolean;
};

/** `s` in a viewer: writes the lines it shows (filtered) to a file, and says where. */
export type TextSave = (saved: SavedText) => Promise<void>;

/** A title as a file name: letters, digits, dots, dashes and underscores. */
function fileStem(title: string): string {
	return (
		title.replaceAll(/[^\w.-]+/g, '-').replaceAll(/^[-.]+|-+$/g, '') || 'text'
	);
}

/** `20261128-120000`, local time: file names that sort by when they were saved. */
function fileTime(time: number): string {
	const date = new Date(time);
	const pad = (value: number): string => String(value).padStart(2, '0');
	return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/**
 * Saves a text to `<title>-<time>.log` (or `.txt`) in `directory` (undefined: the current
 * folder), else in the temporary folder.
 */
export function createTextSave(
	options: Pick<FeedContext, 'dispatch' | 'now'> & {
		readonly directory: string | undefined;
	},
): TextSave {
	const {dispatch, now, directory} = options;
	return async ({title, text, lines, isLog}) => {
		const name = `${fileStem(title)}-${fileTime(now())}.${isLog ? 'log' : 'txt'}`;
		let failure: unknown;
		for (const folder of [directory ?? process.cwd(), os.tmpdir()]) {
			const file = path.join(folder, name);
			try {
				// `wx`: a file of that name (saved the same second) is never overwritten.
				await writeFile(file, text, {flag: 'wx'});
				dispatch(statusShown(`saved ${plural(lines, 'line')} to ${file}`));
				return;
			} catch (error) {
				failure = error;
			}
		}

		dispatch(statusShown(`cannot save: ${errorMessage(failure)}`, true));
	};
}
