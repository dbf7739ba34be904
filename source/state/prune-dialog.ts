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
	/** In a fleet, the engine it is on (its id is that engine's own); undefined on one engine. */
	readonly engine?: string;
};

/** An engine of a fleet's prune, in the fleet's order; `note` says why it has no items. */
export type PruneEngine = {
	readonly name: string;
	/** `read-only, not pruned`, or why it was not reached; undefined where it was planned. */
	readonly note: string | undefined;
};

/**
 * A row of the preview: in a fleet, each engine's heading (with its marked items and the space
 * they free) followed by its items; on one engine, the items alone.
 */
export type PruneRow =
	| {readonly kind: 'item'; readonly item: PruneItem}
	| {
			readonly kind: 'engine';
			readonly engine: PruneEngine;
			readonly items: readonly PruneItem[];
			readonly marked: number;
			/** Bytes its marked items free. */
			readonly reclaims: number;
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
	/** In a fleet, every engine, the items grouped under each; empty on one engine. */
	readonly engines: readonly PruneEngine[];
	/** Keys ({@link pruneKey}) of the items the user unmarked in the preview. */
	readonly skipped: ReadonlySet<string>;
	/** The choice's category or, in the preview, the row ({@link pruneRows}). */
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
		engines: [],
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

/** The key of a preview item in `skipped`: the same id may be on two engines of a fleet. */
export function pruneKey(item: PruneItem): string {
	return `${item.engine === undefined ? '' : `${item.engine}/`}${item.category}:${item.id}`;
}

/** Bytes the items free, where the engine said. */
export function pruneBytes(items: readonly PruneItem[]): number {
	return items.reduce((sum, item) => sum + (item.size ?? 0), 0);
}

/** The preview's rows: in a fleet, each engine's heading and then its items. */
export function pruneRows(dialog: PruneDialog): readonly PruneRow[] {
	if (dialog.engines.length === 0) {
		return dialog.items.map(item => ({kind: 'item', item}));
	}

	return dialog.engines.flatMap((engine): PruneRow[] => {
		const items = dialog.items.filter(item => item.engine === engine.name);
		const marked = items.filter(item => !dialog.skipped.has(pruneKey(item)));
		return [
			{
				kind: 'engine',
				engine,
				items,
				marked: marked.length,
				reclaims: pruneBytes(marked),
			},
			...items.map(item => ({kind: 'item', item}) as const),
		];
	});
}

/** `skipped` with `items` all unmarked, or all marked again where they were all unmarked. */
function withEngineToggled(
	skipped: ReadonlySet<string>,
	items: readonly PruneItem[],
): ReadonlySet<string> {
	const keys = items.map(item => pruneKey(item));
	const isAllSkipped = keys.every(key => skipped.has(key));
	// One copy for the whole engine, not one for each of its items.
	const next = new Set(skipped);
	for (const key of keys) {
		if (isAllSkipped) {
			next.delete(key);
		} else {
			next.add(key);
		}
	}

	return next;
}

/** Space: on the choice, a category; on the preview, an item, or on an engine's heading all its items. */
export const pruneToggled: Update = updateDialog('prune', dialog => {
	if (dialog.stage === 'choose') {
		const category = pruneCategories[dialog.cursor];
		if (category === undefined) {
			return dialog;
		}

		return {...dialog, categories: withMember(dialog.categories, category)};
	}

	const row =
		dialog.stage === 'preview' ? pruneRows(dialog)[dialog.cursor] : undefined;
	switch (row?.kind) {
		case undefined: {
			return dialog;
		}

		case 'item': {
			return {
				...dialog,
				skipped: withMember(dialog.skipped, pruneKey(row.item)),
			};
		}

		case 'engine': {
			return {...dialog, skipped: withEngineToggled(dialog.skipped, row.items)};
		}
	}
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

/** The preview: `items`, and in a fleet every engine (`engines`), the items grouped under each. */
export function prunePreviewed(
	items: readonly PruneItem[],
	engines: readonly PruneEngine[] = [],
): Update {
	return updateDialog('prune', dialog =>
		dialog.stage === 'loading'
			? {
					...dialog,
					stage: 'preview',
					items,
					engines,
					skipped: new Set(),
					cursor: 0,
				}
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
