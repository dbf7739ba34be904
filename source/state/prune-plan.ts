import type {
	ContainerSummary,
	DiskUsage,
	ImageSummary,
	NetworkSummary,
} from '../docker/docker-client.js';
import type {PruneCategory, PruneItem} from './app-state.js';
import {volumeName} from './volumes-networks.js';

/** What the engine has, as the prune preview needs it. */
export type PruneInventory = {
	readonly containers: readonly ContainerSummary[];
	readonly images: readonly ImageSummary[];
	readonly networks: readonly NetworkSummary[];
	/** Network names that running containers are attached to. */
	readonly networksInUse: ReadonlySet<string>;
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

const stoppedStates = new Set(['exited', 'created', 'dead']);

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

	// An image is in use while any container, running or not, was created from it; a prune of
	// containers in the same run does not free it here (the engine is asked again on removal).
	const usedImages = new Set(
		inventory.containers.map(container => container.imageId),
	);
	if (wants('dangling-images') || wants('unused-images')) {
		for (const image of inventory.images) {
			const isDangling = image.tags.length === 0;
			const eligible = isDangling
				? wants('dangling-images') || wants('unused-images')
				: wants('unused-images');
			if (
				eligible &&
				!usedImages.has(image.id) &&
				isOldEnough(image.createdAt) &&
				labelled(image.labels)
			) {
				items.push({
					category: isDangling ? 'dangling-images' : 'unused-images',
					id: image.id,
					name:
						image.tags[0] ??
						`<none> ${image.id.replace(/^sha256:/, '').slice(0, 12)}`,
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
			if (
				volume.refCount === 0 &&
				(choice.allVolumes || volume.isAnonymous) &&
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
				!network.isBuiltIn &&
				!inventory.networksInUse.has(network.name) &&
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
			if (!record.inUse && isOldEnough(record.lastUsedAt)) {
				items.push({
					category: 'build-cache',
					id: record.id,
					name: record.description || record.id.slice(0, 12),
					detail: `${record.type}${record.shared ? ', shared' : ''}`,
					size: record.size,
					tags: [],
				});
			}
		}
	}

	return items;
}
