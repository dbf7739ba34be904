import type {AppState, Dialog, Update} from './app-state.js';
import {textViewer, type TextViewer, type ViewerLine} from './text-viewer.js';

/** Any text in the viewer, full screen: a file, an output kept for reading. */
export type TextDialog = {
	readonly kind: 'text';
	readonly title: string;
	/** Where the text is from (a file's path), for the status line; may be empty. */
	readonly source: string;
	readonly lines: readonly ViewerLine[];
	readonly viewer: TextViewer;
	/** The dialog it was opened from (a file from the files browser): closing goes back to it. */
	readonly back?: Dialog;
};

/** `text` cut into the viewer's lines, numbered from 0; a last newline ends a line, it adds none. */
export function textLines(text: string): ViewerLine[] {
	const lines = text.split('\n');
	if (lines.at(-1) === '') {
		lines.pop();
	}

	return lines.map((line, index) => ({seq: index, time: index, text: line}));
}

/**
 * Opens the viewer on a text, at its top, cut at the edge (`w` wraps): the way any feature shows
 * text to read, search, filter and save. Engine text must be sanitised before it comes here. With
 * `isOver`, closing it goes back to the dialog open beneath it.
 */
export function textViewerOpened(options: {
	readonly title: string;
	readonly text: string;
	readonly source?: string;
	readonly isOver?: boolean;
}): Update {
	return (state: AppState) => {
		const back = options.isOver === true ? state.ui.dialog : undefined;
		return {
			...state,
			ui: {
				...state.ui,
				dialog: {
					kind: 'text',
					title: options.title,
					source: options.source ?? '',
					lines: textLines(options.text),
					viewer: textViewer({isLog: false, follow: false, wrap: false}),
					...(back === undefined ? {} : {back}),
				},
			},
		};
	};
}
