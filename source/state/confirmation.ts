// What a confirm dialog holds: the targets of a destructive action, and what the engine would refuse.

import type {ListView} from './list-view.js';

/** One thing a confirm dialog will act on, named as the user knows it. */
export type Target = {
	readonly id: string;
	/** Container name, or the image reference that will be removed (a tag, or the id). */
	readonly name: string;
	readonly isRunning: boolean;
	/** A container's state as a dialog names it (`paused`, `exited (137)`…); undefined for others. */
	readonly state?: string;
	/** Containers using an image (names); empty for containers. */
	readonly usedBy: readonly string[];
	/** Those of them that run: the engine then refuses even a forced removal. */
	readonly runningUsers: readonly string[];
	/** Other tags of the image that stay when only `name` is removed. */
	readonly otherTags: readonly string[];
	/**
	 * An image's tags that go (all of them when no other tag stays: then the image goes too);
	 * none for a dangling image, removed by id.
	 */
	readonly tags?: readonly string[];
};

/** Why the engine would refuse to act on one target; decided before the dialog opens. */
export type Refusal = {
	/** Read after the target's name: `is running: press f to force…`. */
	readonly reason: string;
	/** Whether `f` (force) lifts it. */
	readonly forcible: boolean;
};

/** A destructive action waiting for `y`; nothing else confirms it. */
export type ConfirmDialog = {
	readonly kind: 'confirm';
	readonly action:
		| 'remove-containers'
		| 'remove-images'
		| 'remove-volumes'
		| 'remove-networks'
		| 'kill';
	readonly targets: readonly Target[];
	/** Targets the engine would refuse, by id: shown in the dialog, and `y` leaves them. */
	readonly refusals: ReadonlyMap<string, Refusal>;
	readonly force: boolean;
	/** Containers: remove their anonymous volumes too. */
	readonly volumes: boolean;
	readonly list: ListView;
};

/**
 * The targets of `keys` that are still listed in `byId`, each named by `toTarget`: a row that
 * went while the dialog was being opened has nothing left to act on.
 */
export function listedTargets<T>(
	byId: ReadonlyMap<string, T>,
	keys: readonly string[],
	toTarget: (item: T, key: string) => Target,
): Target[] {
	return keys.flatMap(key => {
		const item = byId.get(key);
		return item === undefined ? [] : [toTarget(item, key)];
	});
}
