// The confirm dialog: what an action will touch, named as the user knows it, and what the engine
// would refuse.

import {withUi, type AppState, type Update} from './app-state.js';
import type {ContainerSummary, ImageSummary} from '../docker/docker-client.js';
import {shortId} from '../format/units.js';
import {containerTarget} from './container-lifecycle.js';
import {refusalsOf} from './removal-refusal.js';
import {imageRows} from './image-rows.js';
import {listViewAtTop} from './list-view.js';
import {isLive} from './liveness.js';
import {
	listedTargets,
	type ConfirmDialog,
	type Target,
} from './confirmation.js';
import {updateDialog} from './dialog-slot.js';

const byName = new Intl.Collator('en', {numeric: true});

/** The targets of a container action, by name and state. */
export function containerTargets(
	state: AppState,
	ids: readonly string[],
): Target[] {
	return listedTargets(state.containers.byId, ids, container =>
		containerTarget(container),
	);
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
	return state =>
		withUi(state, {
			dialog: {
				kind: 'confirm',
				force: false,
				volumes: false,
				list: listViewAtTop,
				refusals: refusalsOf(state, dialog.action, dialog.targets),
				...dialog,
			},
		});
}

export function confirmToggled(option: 'force' | 'volumes'): Update {
	return updateDialog('confirm', dialog =>
		option === 'volumes' && dialog.action !== 'remove-containers'
			? dialog
			: {...dialog, [option]: !dialog[option]},
	);
}
