import type {FileEntry} from '../docker/container-files.js';
import {listViewAtTop, type ListView} from './list-view.js';
import {textViewerOpened} from './text-dialog.js';
import type {Update} from './app-state.js';
import {aboutContainer, dialogOpened, updateDialog} from './dialog-slot.js';
import {
	lineEdited,
	selectedLineEdited,
	textField,
	type LineEdit,
	type TextField,
} from './text-field.js';

/** A folder's entries as the browser has them: loading, loaded or failed. */
export type FilesListing =
	| {readonly status: 'loading'}
	| {readonly status: 'failed'; readonly error: string}
	| {
			readonly status: 'loaded';
			readonly entries: readonly FileEntry[];
			readonly isPartial: boolean;
	  };

/** A line being typed at the foot of the browser, and what Enter does with it. */
export type FilesPrompt = {
	readonly purpose: 'filter' | 'copy-out' | 'copy-in';
	readonly draft: TextField;
	/**
	 * The local folder a copy starts from, offered selected: a typed path replaces it (typed after
	 * it, `/tmp/x` made `/work//tmp/x`), a move unselects it to edit it.
	 */
	readonly isSelected?: boolean;
};

/** A copy under way, for the progress bar: bytes written of about how many. */
export type FilesTransfer = {
	readonly label: string;
	readonly done: number;
	readonly total: number;
};

/** The files browser (`f`): one folder of a container's file system at a time. */
export type FilesDialog = {
	readonly kind: 'files';
	readonly containerId: string;
	readonly containerName: string;
	/** The folder on screen, absolute. */
	readonly path: string;
	readonly listing: FilesListing;
	/** Only entries whose name holds this are shown (case-insensitive). */
	readonly filter: string;
	readonly prompt: FilesPrompt | undefined;
	/** Index into the shown entries. */
	readonly cursor: number;
	readonly list: ListView;
	/** The entry to put the cursor on once the listing arrives: the folder just left, going up. */
	readonly select: string | undefined;
	readonly transfer: FilesTransfer | undefined;
};

/** `/etc` and `passwd`: `/etc/passwd`. */
export function childPath(folder: string, name: string): string {
	return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

/** The folder above `folder`, and the name `folder` has in it; `/` has none above. */
export function parentOf(
	folder: string,
): {readonly path: string; readonly name: string} | undefined {
	const trimmed = folder.replace(/\/+$/, '');
	if (trimmed === '') {
		return undefined;
	}

	const slash = trimmed.lastIndexOf('/');
	return {
		path: slash <= 0 ? '/' : trimmed.slice(0, slash),
		name: trimmed.slice(slash + 1),
	};
}

/** The entries on screen: all, or those the filter keeps. */
export function shownEntries(dialog: FilesDialog): readonly FileEntry[] {
	if (dialog.listing.status !== 'loaded') {
		return [];
	}

	const filter = dialog.filter.toLowerCase();
	return filter === ''
		? dialog.listing.entries
		: dialog.listing.entries.filter(entry =>
				entry.label.toLowerCase().includes(filter),
			);
}

/** The entry under the cursor, if any. */
export function entryUnderCursor(dialog: FilesDialog): FileEntry | undefined {
	return shownEntries(dialog)[dialog.cursor];
}

/** Opens the browser on `path` of a container, loading. */
export function filesOpened(options: {
	readonly containerId: string;
	readonly containerName: string;
	readonly path: string;
}): Update {
	return dialogOpened({
		kind: 'files',
		...options,
		listing: {status: 'loading'},
		filter: '',
		prompt: undefined,
		cursor: 0,
		list: listViewAtTop,
		select: undefined,
		transfer: undefined,
	});
}

/** Moves to another folder, loading; `select` is the entry the cursor goes to once it is listed. */
export function filesFolderEntered(path: string, select?: string): Update {
	return updateDialog('files', dialog => ({
		...dialog,
		path,
		listing: {status: 'loading'},
		filter: '',
		cursor: 0,
		list: listViewAtTop,
		select,
	}));
}

/** The listing of `path` arrived (or failed); one of a folder since left is dropped. */
export function filesListed(
	containerId: string,
	path: string,
	listing: Exclude<FilesListing, {status: 'loading'}>,
): Update {
	return updateDialog(
		'files',
		aboutContainer(containerId, dialog => {
			if (dialog.path !== path) {
				return dialog;
			}

			const index =
				listing.status === 'loaded' && dialog.select !== undefined
					? listing.entries.findIndex(entry => entry.name === dialog.select)
					: -1;
			return {
				...dialog,
				listing,
				cursor: Math.max(0, index),
				select: undefined,
			};
		}),
	);
}

/**
 * Opens the line at the foot: the filter (starting from the one in force), the local folder a copy
 * out goes to, or the local path a copy in comes from.
 */
export function filesPromptOpened(
	purpose: FilesPrompt['purpose'],
	draft: string,
): Update {
	return updateDialog('files', dialog => ({
		...dialog,
		prompt: {
			purpose,
			draft: textField(draft),
			isSelected: purpose !== 'filter' && draft !== '',
		},
	}));
}

export const filesPromptClosed: Update = updateDialog('files', dialog =>
	dialog.prompt === undefined ? dialog : {...dialog, prompt: undefined},
);

/** Esc on the filter: every entry again. */
export const filesFilterCleared: Update = updateDialog('files', dialog =>
	dialog.filter === '' ? dialog : {...dialog, filter: '', cursor: 0},
);

/** Typing in the prompt; the filter narrows the list as it changes. */
export function filesDraftChanged(edit: LineEdit): Update {
	return updateDialog('files', dialog => {
		if (dialog.prompt === undefined) {
			return dialog;
		}

		const draft = (
			dialog.prompt.isSelected === true ? selectedLineEdited : lineEdited
		)(dialog.prompt.draft, edit);
		const prompt = {...dialog.prompt, draft, isSelected: false};
		return dialog.prompt.purpose === 'filter'
			? {...dialog, prompt, filter: draft.text, cursor: 0}
			: {...dialog, prompt};
	});
}

/** A copy's progress; undefined when it is over. */
export function filesTransferred(
	containerId: string,
	transfer: FilesTransfer | undefined,
): Update {
	return updateDialog(
		'files',
		aboutContainer(containerId, dialog => ({...dialog, transfer})),
	);
}

/** Opens text in the viewer, titled; closing it comes back to the dialog it was opened from. */
export function fileOpened(content: {
	readonly title: string;
	readonly lines: readonly string[];
	/** The file's path, for the status line; none for a report. */
	readonly source?: string;
}): Update {
	return textViewerOpened({
		title: content.title,
		text: content.lines.join('\n'),
		...(content.source === undefined ? {} : {source: content.source}),
		isOver: true,
	});
}
