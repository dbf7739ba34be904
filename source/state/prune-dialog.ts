// The prune dialog: which categories, how old, and the preview and report of what went.

import type {Update} from './app-state.js';
import {listViewAtTop, type ListView} from './list-view.js';
import {updateDialog, dialogOpened} from './dialog-slot.js';
import {withMember} from './set-membership.js';

/** What a prune may remove, by category. */
export type PruneCategory =
	| 'containers'
	| 'dangling-images'
	| 'unused-images'
	| 'volumes'
	| 'networks'
	| 'build-cache';

/** One item of a prune preview: exactly what would be removed and what it frees. */
export type PruneItem = {
	readonly category: PruneCategory;
	/** Container or image id, volume name, network id, build cache id. */
	readonly id: string;
	readonly name: string;
	/** Why it is eligible, e.g. `Exited (0) 2 days ago`, `dangling`, `tagged, unused`. */
	readonly detail: string;
	/** Bytes it frees; undefined where the engine does not say. */
	readonly size: number | undefined;
	/**
	 * An image's tags. The engine refuses to delete an image with several tags by id unless
	 * forced, so such an image is removed tag by tag; the last tag takes the image with it.
	 */
	readonly tags: readonly string[];
};

export type PruneDialog = {
	readonly kind: 'prune';
	readonly stage: 'choose' | 'loading' | 'preview' | 'running' | 'done';
	readonly categories: ReadonlySet<PruneCategory>;
	/** Only items older than this many hours (0: any age). */
	readonly olderThanHours: number;
	/** Volumes: named ones too, not only anonymous ones. */
	readonly allVolumes: boolean;
	/** Only items with this label: `key` or `key=value`, as `docker … prune --filter label=`. */
	readonly label: string;
	/** The label is being typed. */
	readonly isEditingLabel: boolean;
	readonly items: readonly PruneItem[];
	/** Keys (`category:id`) of the items the user unmarked in the preview. */
	readonly skipped: ReadonlySet<string>;
	readonly cursor: number;
	/** The preview's items or, once done, the report's lines, as scrolled. */
	readonly list: ListView;
	/** What happened, once done. */
	readonly report: readonly string[];
};

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
	return dialogOpened({
		kind: 'prune',
		stage: 'choose',
		categories: new Set(categories),
		olderThanHours: 0,
		allVolumes: false,
		label: '',
		isEditingLabel: false,
		items: [],
		skipped: new Set(),
		cursor: Math.max(0, pruneCategories.indexOf(categories[0] ?? 'containers')),
		list: listViewAtTop,
		report: [],
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

		return {...dialog, categories: withMember(dialog.categories, category)};
	}

	const item = dialog.items[dialog.cursor];
	if (dialog.stage !== 'preview' || item === undefined) {
		return dialog;
	}

	return {...dialog, skipped: withMember(dialog.skipped, pruneKey(item))};
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
