import type {
	ContainerSummary,
	DiskUsage,
	ImageSummary,
	NetworkSummary,
	VolumeSummary,
} from '../docker/docker-client.js';
import {canonicalTag} from '../format/image-reference.js';
import type {SwarmService} from '../docker/swarm.js';
import {shortId} from '../format/units.js';
import {pruneKey, type PruneCategory, type PruneItem} from './prune-dialog.js';
import {engineNetworkReason, volumeName} from './volumes-networks.js';

/** What the engine has, as the prune preview needs it. */
export type PruneInventory = {
	readonly containers: readonly ContainerSummary[];
	readonly images: readonly ImageSummary[];
	/** Ids of the images others are built on, intermediate ones included. */
	readonly imageParents: ReadonlySet<string>;
	readonly networks: readonly NetworkSummary[];
	/**
	 * What has an endpoint on each network, by network id, as its inspection lists it: running
	 * and paused containers, and the engine's own sandboxes. A network missing here is not offered.
	 */
	readonly networkEndpoints: ReadonlyMap<string, readonly string[]>;
	/** The engine manages a Swarm: only then does its prune remove Swarm networks. */
	readonly isSwarmManager: boolean;
	/** The Swarm's services (none where the engine is no manager): their networks stay. */
	readonly services: readonly SwarmService[];
	/**
	 * The engine tells anonymous volumes by the `com.docker.volume.anonymous` label (API 1.42 and
	 * later), and its prune removes only those unless asked for all; older engines label none.
	 */
	readonly anonymousVolumesLabelled: boolean;
	readonly usage: DiskUsage;
};

/** Which items to look for. */
export type PruneChoice = {
	readonly categories: ReadonlySet<PruneCategory>;
	/** Only items created (or, for build cache, last used) more than this many hours ago; 0 for any. */
	readonly olderThanHours: number;
	/** Named volumes too, not only anonymous ones (the API's `all` filter). */
	readonly allVolumes: boolean;
	/** Only items carrying this label (`key` or `key=value`); empty for any. */
	readonly label: string;
	readonly now: number;
};

/** Whether `labels` satisfy a `key` or `key=value` filter, as the engine's `label=` filter does. */
export function hasLabel(
	labels: Readonly<Record<string, string>>,
	filter: string,
): boolean {
	const wanted = filter.trim();
	if (wanted === '') {
		return true;
	}

	const separator = wanted.indexOf('=');
	return separator === -1
		? wanted in labels
		: labels[wanted.slice(0, separator)] === wanted.slice(separator + 1);
}

/** The states the engine's container prune removes: not running, paused or restarting. */
const stoppedStates = new Set(['exited', 'created', 'dead']);

/** Build cache the engine's own `docker builder prune` keeps unless asked for all of it. */
const keptCacheTypes = new Set(['internal', 'frontend']);

/** Whether the engine's volume prune would take this volume when asked for anonymous ones only. */
function isPrunedAsAnonymous(
	volume: VolumeSummary,
	labelled: boolean,
): boolean {
	return labelled
		? volume.labels['com.docker.volume.anonymous'] !== undefined
		: volume.isAnonymous;
}

/** Whether the engine's network prune would remove this network, age and label aside. */
function isPrunableNetwork(
	network: NetworkSummary,
	inventory: PruneInventory,
): boolean {
	if (
		engineNetworkReason(network) !== undefined ||
		network.isConfigOnly ||
		inventory.networkEndpoints.get(network.id)?.length !== 0
	) {
		return false;
	}

	// A Swarm network goes only through a manager, and only when no service joins it.
	return (
		network.scope !== 'swarm' ||
		(inventory.isSwarmManager &&
			!inventory.services.some(service =>
				service.networks.includes(network.id),
			))
	);
}

/** The tag of an image the engine's prune tries last: the last of its references in their stored order. */
function lastTag(tags: readonly string[]): string | undefined {
	return tags
		.toSorted((a, b) => {
			const [left, right] = [canonicalTag(a), canonicalTag(b)];
			return left < right ? -1 : left > right ? 1 : 0;
		})
		.at(-1);
}

/**
 * Exactly what a prune of the chosen categories would remove, item by item, with sizes: the
 * same rules as `docker container|image|volume|network|builder prune`.
 */
export function planPrune(
	inventory: PruneInventory,
	choice: PruneChoice,
): PruneItem[] {
	const cutoff =
		choice.olderThanHours > 0
			? choice.now - choice.olderThanHours * 3_600_000
			: Number.POSITIVE_INFINITY;
	const isOldEnough = (time: number): boolean => time < cutoff;
	// Build cache records carry no labels: a label filter leaves them out, as the engine would.
	const wants = (category: PruneCategory): boolean =>
		choice.categories.has(category) &&
		(category !== 'build-cache' || choice.label.trim() === '');
	const labelled = (labels: Readonly<Record<string, string>>): boolean =>
		hasLabel(labels, choice.label);
	const items: PruneItem[] = [];

	if (wants('containers')) {
		for (const container of inventory.containers) {
			if (
				stoppedStates.has(container.state) &&
				isOldEnough(container.createdAt) &&
				labelled(container.labels)
			) {
				items.push({
					category: 'containers',
					id: container.id,
					name: container.name,
					detail: container.status,
					size: inventory.usage.containerSizes.get(container.id),
					tags: [],
				});
			}
		}
	}

	// The engine's image prune never deletes an image a container (running or not) was created
	// from; removing containers in the same run does not free one here.
	const users = new Map<string, string[]>();
	for (const container of inventory.containers) {
		users.set(container.imageId, [
			...(users.get(container.imageId) ?? []),
			container.name,
		]);
	}

	if (wants('dangling-images') || wants('unused-images')) {
		for (const image of inventory.images) {
			const isDangling = image.tags.length === 0;
			const usedBy = users.get(image.id) ?? [];
			const isParent = inventory.imageParents.has(image.id);
			if (
				!(isDangling || wants('unused-images')) ||
				(isDangling && (isParent || usedBy.length > 0)) ||
				!isOldEnough(image.createdAt) ||
				!labelled(image.labels)
			) {
				continue;
			}

			const item = {
				category: isDangling ? 'dangling-images' : 'unused-images',
				id: image.id,
				name: image.tags[0] ?? `<none> ${shortId(image.id)}`,
			} as const;
			if (usedBy.length > 0) {
				// The engine untags such an image one reference at a time, and is refused only at the
				// last: every other tag goes, the image and that tag stay.
				const kept = lastTag(image.tags);
				const untagged = image.tags.filter(tag => tag !== kept);
				if (untagged.length > 0) {
					items.push({
						...item,
						name: untagged[0] ?? item.name,
						detail: `untag only: ${kept ?? ''} stays, used by ${usedBy.join(', ')}`,
						size: 0,
						tags: untagged,
					});
				}
			} else if (isParent) {
				items.push({
					...item,
					detail: 'untag only: other images are built on it',
					size: 0,
					tags: image.tags,
				});
			} else {
				items.push({
					...item,
					detail: isDangling
						? 'dangling'
						: `unused${image.tags.length > 1 ? `, ${image.tags.length} tags` : ''}`,
					size: inventory.usage.imageSizes.get(image.id)?.unique ?? image.size,
					tags: image.tags,
				});
			}
		}
	}

	if (wants('volumes')) {
		for (const volume of inventory.usage.volumes) {
			// Only local volumes: the engine's prune leaves those of other drivers alone.
			if (
				volume.driver === 'local' &&
				volume.refCount === 0 &&
				(choice.allVolumes ||
					isPrunedAsAnonymous(volume, inventory.anonymousVolumesLabelled)) &&
				isOldEnough(volume.createdAt) &&
				labelled(volume.labels)
			) {
				items.push({
					category: 'volumes',
					id: volume.name,
					name: volumeName(volume),
					detail: `unused ${volume.driver} volume`,
					size: volume.size,
					tags: [],
				});
			}
		}
	}

	if (wants('networks')) {
		for (const network of inventory.networks) {
			if (
				isPrunableNetwork(network, inventory) &&
				isOldEnough(network.createdAt) &&
				labelled(network.labels)
			) {
				items.push({
					category: 'networks',
					id: network.id,
					name: network.name,
					detail: `unused ${network.driver} network`,
					size: undefined,
					tags: [],
				});
			}
		}
	}

	if (wants('build-cache')) {
		for (const record of inventory.usage.buildCache) {
			if (
				!record.inUse &&
				!record.shared &&
				!keptCacheTypes.has(record.type) &&
				isOldEnough(record.lastUsedAt)
			) {
				items.push({
					category: 'build-cache',
					id: record.id,
					name: record.description || record.id.slice(0, 12),
					detail: record.type,
					size: record.size,
					tags: [],
				});
			}
		}
	}

	return items;
}

/** What stopped the engine's prune from taking an item it would have taken at the preview. */
function changeSince(item: PruneItem, inventory: PruneInventory): string {
	switch (item.category) {
		case 'containers': {
			const container = inventory.containers.find(
				candidate => candidate.id === item.id,
			);
			return container === undefined
				? 'gone already'
				: stoppedStates.has(container.state)
					? 'changed since the preview'
					: 'started after the preview';
		}

		case 'dangling-images':
		case 'unused-images': {
			const image = inventory.images.find(
				candidate => candidate.id === item.id,
			);
			const users = inventory.containers
				.filter(container => container.imageId === item.id)
				.map(container => container.name);
			return image === undefined
				? 'gone already'
				: users.length > 0
					? `used by ${users.join(', ')} since the preview`
					: inventory.imageParents.has(item.id)
						? 'another image was built on it since the preview'
						: 'its tags changed since the preview';
		}

		case 'volumes': {
			const users = inventory.containers
				.filter(container => container.volumes.includes(item.id))
				.map(container => container.name);
			return inventory.usage.volumes.every(volume => volume.name !== item.id)
				? 'gone already'
				: users.length > 0
					? `used by ${users.join(', ')} since the preview`
					: 'changed since the preview';
		}

		case 'networks': {
			const endpoints = inventory.networkEndpoints.get(item.id);
			const services = inventory.services
				.filter(service => service.networks.includes(item.id))
				.map(service => service.name);
			return endpoints === undefined
				? 'gone already'
				: endpoints.length > 0
					? `${endpoints.join(', ')} attached since the preview`
					: services.length > 0
						? `service ${services.join(', ')} joined it since the preview`
						: 'changed since the preview';
		}

		case 'build-cache': {
			const record = inventory.usage.buildCache.find(
				candidate => candidate.id === item.id,
			);
			return record === undefined
				? 'gone already'
				: record.inUse
					? 'a build uses it since the preview'
					: 'changed since the preview';
		}
	}
}

/**
 * Splits the previewed items into those the engine's own prune would still take now (`fresh` is
 * the plan made again just before removal) and those that must stay, each with why.
 */
export function recheckPrune(
	chosen: readonly PruneItem[],
	fresh: readonly PruneItem[],
	inventory: PruneInventory,
): {
	readonly go: readonly PruneItem[];
	readonly kept: readonly {readonly item: PruneItem; readonly reason: string}[];
} {
	const now = new Map(fresh.map(item => [pruneKey(item), item]));
	const go: PruneItem[] = [];
	const kept: {item: PruneItem; reason: string}[] = [];
	for (const item of chosen) {
		const again = now.get(pruneKey(item));
		if (again?.tags.join() === item.tags.join()) {
			go.push(item);
		} else {
			kept.push({item, reason: changeSince(item, inventory)});
		}
	}

	return {go, kept};
}
