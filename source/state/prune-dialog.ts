// The prune dialog: which categories, how old, and the preview and report of what went.

import type {PruneCategory, PruneDialog, PruneItem} from './app-state.js';
import {updateDialog} from './dialog-update.js';
import {listViewAtTop} from './list-view.js';
import type {Update} from './updates.js';

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

/** The key of a preview item in `skipped`. */
export function pruneKey(item: PruneItem): string {
	return `${item.category}:${item.id}`;
}

/** Space: on the choice, a category; on the preview, an item. */
export const pruneToggled: Update = updateDialog('prune', dialog => {
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

export const pruneAgeCycled: Update = updateDialog('prune', dialog =>
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
export const pruneEverythingToggled: Update = updateDialog('prune', dialog =>
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
export function pruneLabelEditingSet(isEditing: boolean): Update {
	return updateDialog('prune', dialog =>
		dialog.stage === 'choose' ? {...dialog, isEditingLabel: isEditing} : dialog,
	);
}

export const pruneVolumesToggled: Update = updateDialog('prune', dialog =>
	dialog.stage === 'choose'
		? {...dialog, allVolumes: !dialog.allVolumes}
		: dialog,
);

export function pruneStaged(stage: PruneDialog['stage']): Update {
	return updateDialog('prune', dialog => ({...dialog, stage}));
}

export function prunePreviewed(items: readonly PruneItem[]): Update {
	return updateDialog('prune', dialog =>
		dialog.stage === 'loading'
			? {...dialog, stage: 'preview', items, skipped: new Set(), cursor: 0}
			: dialog,
	);
}

export function pruneReported(report: readonly string[]): Update {
	return updateDialog('prune', dialog => ({
		...dialog,
		stage: 'done',
		report,
		list: listViewAtTop,
	}));
}
