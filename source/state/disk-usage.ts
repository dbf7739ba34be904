import type {
	ContainerSummary,
	DiskUsage,
	ImageSummary,
} from '../docker/docker-client.js';
import {formatBytes, plural, shortId} from '../format/units.js';
import {volumeName} from './volumes-networks.js';
import type {PruneCategory} from './prune-dialog.js';

/** The kinds of thing `docker system df` measures, in its order. */
export const diskCategories = [
	'images',
	'containers',
	'volumes',
	'build-cache',
] as const;
export type DiskCategory = (typeof diskCategories)[number];

/** How `docker system df` names each kind. */
export const diskCategoryNames: Readonly<Record<DiskCategory, string>> = {
	images: 'Images',
	containers: 'Containers',
	volumes: 'Local Volumes',
	'build-cache': 'Build Cache',
};

/** The prune category that frees a disk category's reclaimable space. */
export const pruneCategoryOf: Readonly<Record<DiskCategory, PruneCategory>> = {
	images: 'unused-images',
	containers: 'containers',
	volumes: 'volumes',
	'build-cache': 'build-cache',
};

/** One thing that takes space. */
export type DiskItem = {
	readonly category: DiskCategory;
	/** Image or container id, volume name, build cache id. */
	readonly id: string;
	readonly name: string;
	/** Bytes; undefined where the engine did not measure it. */
	readonly size: number | undefined;
	/** What removing it alone would free: nothing while it is in use. */
	readonly reclaimable: number;
	readonly isActive: boolean;
	/** Who uses it or what it is, e.g. `2 containers`, `Exited (0) 2 hours ago`. */
	readonly detail: string;
};

/** A row of `docker system df`, with the items of its `-v` table. */
export type DiskCategoryUsage = {
	readonly category: DiskCategory;
	readonly total: number;
	readonly active: number;
	readonly size: number;
	readonly reclaimable: number;
	readonly items: readonly DiskItem[];
};

const liveStates = new Set(['running', 'paused', 'restarting']);

function sum(values: readonly (number | undefined)[]): number {
	return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

function users(count: number): string {
	return count === 0 ? 'unused' : plural(count, 'container');
}

/** A category's totals; unless told otherwise, its size and reclaimable bytes are its items'. */
function categoryUsage(
	category: DiskCategory,
	items: readonly DiskItem[],
	size = sum(items.map(item => item.size)),
	reclaimable = sum(items.map(item => item.reclaimable)),
): DiskCategoryUsage {
	return {
		category,
		total: items.length,
		active: items.filter(item => item.isActive).length,
		size,
		// Sizes of one answer can disagree by a layer or two while images come and go.
		reclaimable: Math.max(0, Math.min(size, reclaimable)),
		items,
	};
}

function imageUsage(
	usage: DiskUsage,
	containers: ReadonlyMap<string, ContainerSummary>,
	images: ReadonlyMap<string, ImageSummary>,
): DiskCategoryUsage {
	const usedBy = new Map<string, number>();
	for (const container of containers.values()) {
		usedBy.set(container.imageId, (usedBy.get(container.imageId) ?? 0) + 1);
	}

	const items = [...usage.imageSizes].map(([id, {size, unique}]): DiskItem => {
		const count = usedBy.get(id) ?? 0;
		const shared = size - unique;
		return {
			category: 'images',
			id,
			name: images.get(id)?.tags[0] ?? `<none> ${shortId(id)}`,
			size,
			reclaimable: count === 0 ? unique : 0,
			isActive: count > 0,
			detail: `${users(count)}${shared > 0 ? `, ${formatBytes(shared)} shared` : ''}`,
		};
	});
	// As `docker system df`: all layers once, less what the images in use hold on their own.
	const size = usage.layersSize ?? sum(items.map(item => item.size));
	const held = sum(
		items
			.filter(item => item.isActive)
			.map(item => usage.imageSizes.get(item.id)?.unique),
	);
	return categoryUsage('images', items, size, size - held);
}

function containerUsage(
	usage: DiskUsage,
	containers: ReadonlyMap<string, ContainerSummary>,
): DiskCategoryUsage {
	const items = [...usage.containerSizes].map(([id, size]): DiskItem => {
		const container = containers.get(id);
		const isActive = container !== undefined && liveStates.has(container.state);
		return {
			category: 'containers',
			id,
			name: container?.name ?? shortId(id),
			size,
			reclaimable: isActive ? 0 : size,
			isActive,
			detail: container?.status ?? '',
		};
	});
	return categoryUsage('containers', items);
}

function volumeUsage(usage: DiskUsage): DiskCategoryUsage {
	const items = usage.volumes.map((volume): DiskItem => {
		const links = volume.refCount ?? 0;
		return {
			category: 'volumes',
			id: volume.name,
			name: volumeName(volume),
			size: volume.size,
			reclaimable: links === 0 ? (volume.size ?? 0) : 0,
			isActive: links > 0,
			detail: `${users(links)}, ${volume.driver}`,
		};
	});
	return categoryUsage('volumes', items);
}

function buildCacheUsage(usage: DiskUsage): DiskCategoryUsage {
	const items = usage.buildCache.map((record): DiskItem => ({
		category: 'build-cache',
		id: record.id,
		name: record.description || shortId(record.id),
		size: record.size,
		// A shared record's bytes belong to another record too: removing it frees nothing.
		reclaimable: record.inUse || record.shared ? 0 : record.size,
		isActive: record.inUse,
		detail: [
			record.type,
			record.inUse ? 'in use' : '',
			record.shared ? 'shared' : '',
		]
			.filter(Boolean)
			.join(', '),
	}));
	return categoryUsage(
		'build-cache',
		items,
		sum(
			usage.buildCache
				.filter(record => !record.shared)
				.map(record => record.size),
		),
	);
}

/**
 * What `docker system df -v` shows, by category: counts, sizes and reclaimable bytes computed as
 * the docker CLI computes them, and the items. Names and states come from the live lists, which
 * the engine's disk usage answer is joined with by id.
 */
export function summarizeDiskUsage(
	usage: DiskUsage,
	containers: ReadonlyMap<string, ContainerSummary>,
	images: ReadonlyMap<string, ImageSummary>,
): readonly DiskCategoryUsage[] {
	return [
		imageUsage(usage, containers, images),
		containerUsage(usage, containers),
		volumeUsage(usage),
		buildCacheUsage(usage),
	];
}

/** Reclaimable bytes as a whole percentage of the category's size, as the docker CLI rounds it. */
export function reclaimablePercent(usage: DiskCategoryUsage): number {
	return usage.size > 0
		? Math.floor((usage.reclaimable * 100) / usage.size)
		: 0;
}
