import type {
	AppState,
	CommandLogEntry,
	ConfirmDialog,
	PruneCategory,
	PruneDialog,
	PruneItem,
	Target,
} from './app-state.js';
import type {ContainerSummary, ImageSummary} from '../docker/docker-client.js';
import {shortId, withShortIds} from '../format/units.js';
import {containerTarget} from './container-lifecycle.js';
import {refusalsOf} from './removal-refusal.js';
import {panes} from './app-state.js';
import {imageRows} from './image-rows.js';
import {listViewAtTop} from './list-view.js';
import {isLive} from './liveness.js';
import {paneItems, visibleIds} from './selectors.js';

const byName = new Intl.Collator('en', {numeric: true});
import type {Update} from './updates.js';

/** How many commands the log keeps. */
export const commandLogLength = 500;

export function pendingSet(ids: readonly string[], label: string): Update {
	return state => {
		const pending = new Map(state.pending);
		for (const id of ids) {
			pending.set(id, label);
		}

		return {...state, pending};
	};
}

export function pendingCleared(ids: readonly string[]): Update {
	return state => {
		const pending = new Map(state.pending);
		for (const id of ids) {
			pending.delete(id);
		}

		return {...state, pending};
	};
}

/** Records an action against the engine this state is connected to. */
export function commandLogged(entry: Omit<CommandLogEntry, 'engine'>): Update {
	return state => ({
		...state,
		commandLog: [
			...state.commandLog,
			{
				...entry,
				engine: state.endpoint,
				error:
					entry.error === undefined ? undefined : withShortIds(entry.error),
			},
		].slice(-commandLogLength),
	});
}

/**
 * Entries recorded on another engine's state, merged in by time: what was done before a switch
 * of engines stays in the log, tagged with where it ran.
 */
export function commandsCarried(entries: readonly CommandLogEntry[]): Update {
	return state =>
		entries.length === 0
			? state
			: {
					...state,
					commandLog: [...state.commandLog, ...entries]
						.sort((a, b) => a.time - b.time)
						.slice(-commandLogLength),
				};
}

/** Marks or unmarks the selected row of the focused pane, then moves down, as in a file manager. */
export const markToggled: Update = state => {
	const id = state.ui.selection[state.ui.focus];
	if (id === undefined) {
		return state;
	}

	const marks = new Set(state.marks);
	if (marks.has(id)) {
		marks.delete(id);
	} else {
		marks.add(id);
	}

	const ids = visibleIds(state, state.ui.focus);
	const next = ids[Math.min(ids.length - 1, ids.indexOf(id) + 1)];
	return {
		...state,
		marks,
		ui: {
			...state.ui,
			selection: {...state.ui.selection, [state.ui.focus]: next},
		},
	};
};

export const allMarked: Update = state => ({
	...state,
	marks: new Set([...state.marks, ...visibleIds(state, state.ui.focus)]),
});

/** Esc clears the marks of the focused pane; those of the other pane stay. */
export const marksCleared: Update = state => {
	const pane = paneItems(state, state.ui.focus);
	const marks = new Set([...state.marks].filter(id => !pane.has(id)));
	return marks.size === state.marks.size ? state : {...state, marks};
};

/**
 * Esc in a list: it clears the pane's marks first, as those are what an action would touch; with
 * none, it clears the filter kept with Enter.
 */
export const marksOrFilterCleared: Update = state => {
	const cleared = marksCleared(state);
	if (cleared !== state) {
		return cleared;
	}

	const {focus, filters} = state.ui;
	return filters[focus] === ''
		? state
		: {...state, ui: {...state.ui, filters: {...filters, [focus]: ''}}};
};

/** Marks of rows no longer listed go with them. */
export function marksPruned(state: AppState): AppState {
	const kept = [...state.marks].filter(id =>
		panes.some(pane => paneItems(state, pane).has(id)),
	);
	return kept.length === state.marks.size
		? state
		: {...state, marks: new Set(kept)};
}

/** What an action on the focused pane applies to: its marked rows, else its selected row. */
export function actionIds(state: AppState): readonly string[] {
	const ids = visibleIds(state, state.ui.focus);
	const marked = ids.filter(id => state.marks.has(id));
	if (marked.length > 0) {
		return marked;
	}

	const selected = state.ui.selection[state.ui.focus];
	return selected !== undefined && ids.includes(selected) ? [selected] : [];
}

/** The targets of a container action, by name and state. */
export function containerTargets(
	state: AppState,
	ids: readonly string[],
): Target[] {
	return ids.flatMap(id => {
		const container = state.containers.byId.get(id);
		return container === undefined ? [] : [containerTarget(container)];
	});
}

/**
 * The targets of an image removal, from Images pane rows: one per image, with the tags of its
 * rows. Tags of an image that no row names stay, and so does the image; when no tag stays, the
 * image goes, and the containers using it are named.
 */
export function imageTargets(
	state: AppState,
	rowIds: readonly string[],
): Target[] {
	const rows = imageRows(state.images.byId);
	const chosen = new Map<string, {image: ImageSummary; tags: string[]}>();
	for (const rowId of rowIds) {
		const row = rows.get(rowId);
		if (row !== undefined) {
			const entry = chosen.get(row.image.id) ?? {image: row.image, tags: []};
			entry.tags.push(...(row.tag === undefined ? [] : [row.tag]));
			chosen.set(row.image.id, entry);
		}
	}

	const names = (containers: readonly ContainerSummary[]): string[] =>
		containers.map(container => container.name).sort(byName.compare);
	return [...chosen.values()].map(({image, tags}) => {
		const otherTags = image.tags.filter(tag => !tags.includes(tag));
		const users =
			otherTags.length > 0
				? []
				: [...state.containers.byId.values()].filter(
						container => container.imageId === image.id,
					);
		return {
			id: image.id,
			name: tags.length === 0 ? shortId(image.id) : tags.join(', '),
			isRunning: false,
			usedBy: names(users),
			runningUsers: names(users.filter(isLive)),
			otherTags,
			tags,
		};
	});
}

/** Opens a confirm dialog with what the engine would refuse already decided. */
export function confirmOpened(
	dialog: Omit<
		ConfirmDialog,
		'kind' | 'force' | 'volumes' | 'list' | 'refusals'
	>,
): Update {
	return state => ({
		...state,
		ui: {
			...state.ui,
			dialog: {
				kind: 'confirm',
				force: false,
				volumes: false,
				list: listViewAtTop,
				refusals: refusalsOf(state, dialog.action, dialog.targets),
				...dialog,
			},
		},
	});
}

export function confirmToggled(option: 'force' | 'volumes'): Update {
	return state => {
		const {dialog} = state.ui;
		if (
			dialog?.kind !== 'confirm' ||
			(option === 'volumes' && dialog.action !== 'remove-containers')
		) {
			return state;
		}

		return {
			...state,
			ui: {...state.ui, dialog: {...dialog, [option]: !dialog[option]}},
		};
	};
}

export function execPromptOpened(containerId: string, draft: string): Update {
	return state => ({
		...state,
		ui: {...state.ui, dialog: {kind: 'exec', containerId, draft}},
	});
}

/** Every prune category, in the order the dialog lists them. */
export const pruneCategories: readonly PruneCategory[] = [
	'containers',
	'dangling-images',
	'unused-images',
	'volumes',
	'networks',
	'build-cache',
];

/** The age choices `u` cycles through, in hours. */
export const pruneAges: readonly number[] = [0, 1, 24, 24 * 7, 24 * 30];

/** Opens the prune dialog with `categories` chosen and the cursor on the first of them. */
export function pruneOpenedFor(
	...categories: readonly PruneCategory[]
): Update {
	return state => ({
		...state,
		ui: {
			...state.ui,
			dialog: {
				kind: 'prune',
				stage: 'choose',
				categories: new Set(categories),
				olderThanHours: 0,
				allVolumes: false,
				label: '',
				isEditingLabel: false,
				items: [],
				skipped: new Set(),
				cursor: Math.max(
					0,
					pruneCategories.indexOf(categories[0] ?? 'containers'),
				),
				list: listViewAtTop,
				report: [],
			},
		},
	});
}

export const pruneOpened: Update = pruneOpenedFor(
	'containers',
	'dangling-images',
);

function withPrune(
	state: AppState,
	change: (dialog: PruneDialog) => PruneDialog,
): AppState {
	const {dialog} = state.ui;
	return dialog?.kind === 'prune'
		? {...state, ui: {...state.ui, dialog: change(dialog)}}
		: state;
}

/** The key of a preview item in `skipped`. */
export function pruneKey(item: PruneItem): string {
	return `${item.category}:${item.id}`;
}

/** Space: on the choice, a category; on the preview, an item. */
export const pruneToggled: Update = state =>
	withPrune(state, dialog => {
		if (dialog.stage === 'choose') {
			const category = pruneCategories[dialog.cursor];
			if (category === undefined) {
				return dialog;
			}

			const categories = new Set(dialog.categories);
			if (categories.has(category)) {
				categories.delete(category);
			} else {
				categories.add(category);
			}

			return {...dialog, categories};
		}

		const item = dialog.items[dialog.cursor];
		if (dialog.stage !== 'preview' || item === undefined) {
			return dialog;
		}

		const skipped = new Set(dialog.skipped);
		const key = pruneKey(item);
		if (skipped.has(key)) {
			skipped.delete(key);
		} else {
			skipped.add(key);
		}

		return {...dialog, skipped};
	});

export const pruneAgeCycled: Update = state =>
	withPrune(state, dialog =>
		dialog.stage === 'choose'
			? {
					...dialog,
					olderThanHours:
						pruneAges[
							(pruneAges.indexOf(dialog.olderThanHours) + 1) % pruneAges.length
						] ?? 0,
				}
			: dialog,
	);

/** `a`: every category, or back to none. */
export const pruneEverythingToggled: Update = state =>
	withPrune(state, dialog =>
		dialog.stage === 'choose'
			? {
					...dialog,
					categories:
						dialog.categories.size === pruneCategories.length
							? new Set()
							: new Set(pruneCategories),
				}
			: dialog,
	);

/** `l` starts typing the label filter; Enter or Esc ends it, keeping what was typed. */
export function pruneLabelEditing(isEditing: boolean): Update {
	return state =>
		withPrune(state, dialog =>
			dialog.stage === 'choose'
				? {...dialog, isEditingLabel: isEditing}
				: dialog,
		);
}

export const pruneVolumesToggled: Update = state =>
	withPrune(state, dialog =>
		dialog.stage === 'choose'
			? {...dialog, allVolumes: !dialog.allVolumes}
			: dialog,
	);

export function pruneStaged(stage: PruneDialog['stage']): Update {
	return state => withPrune(state, dialog => ({...dialog, stage}));
}

export function prunePreviewed(items: readonly PruneItem[]): Update {
	return state =>
		withPrune(state, dialog =>
			dialog.stage === 'loading'
				? {...dialog, stage: 'preview', items, skipped: new Set(), cursor: 0}
				: dialog,
		);
}

export function pruneReported(report: readonly string[]): Update {
	return state =>
		withPrune(state, dialog => ({
			...dialog,
			stage: 'done',
			report,
			list: listViewAtTop,
		}));
}
