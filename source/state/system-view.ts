import type {
	ContainerSummary,
	DiskUsage,
	ImageSummary,
} from '../docker/docker-client.js';
import type {SystemDetails} from '../docker/system.js';
import {sliceChanged, type AppState, type Update} from './app-state.js';
import {
	diskCategories,
	summarizeDiskUsage,
	type DiskCategory,
	type DiskCategoryUsage,
	type DiskItem,
} from './disk-usage.js';
import {memoizeLast} from './memo.js';
import {matchesFilter} from './text-filter.js';
import {volumeId} from './volumes-networks.js';
import type {DiskOrder, SystemView} from './slices.js';

/** Changes the System pane's view; `change` is merged into it. */
function systemChanged(
	change: (system: SystemView) => Partial<SystemView>,
): Update {
	return sliceChanged('system', system => ({...system, ...change(system)}));
}

export function systemDetailsLoaded(details: SystemDetails): Update {
	return systemChanged(() => ({details}));
}

export const diskMeasureStarted: Update = systemChanged(() => ({
	isMeasuring: true,
	error: undefined,
}));

export function diskMeasured(disk: DiskUsage, measuredAt: number): Update {
	return systemChanged(() => ({
		disk,
		measuredAt,
		isMeasuring: false,
		error: undefined,
	}));
}

export function systemFailed(error: string): Update {
	return systemChanged(() => ({isMeasuring: false, error}));
}

export const diskOrderToggled: Update = systemChanged(system => ({
	order: system.order === 'size' ? 'name' : 'size',
}));

/** The disk usage figures of the last measurement, joined with the live lists. */
export const diskSummary = memoizeLast(
	(
		disk: DiskUsage | undefined,
		containers: ReadonlyMap<string, ContainerSummary>,
		images: ReadonlyMap<string, ImageSummary>,
	): readonly DiskCategoryUsage[] =>
		disk === undefined ? [] : summarizeDiskUsage(disk, containers, images),
);

export function systemSummary(state: AppState): readonly DiskCategoryUsage[] {
	return diskSummary(
		state.system.disk,
		state.containers.byId,
		state.images.byId,
	);
}

/** A row of the System pane: a category's totals, or one of its items. */
export type SystemRow =
	| {readonly kind: 'category'; readonly usage: DiskCategoryUsage}
	| {readonly kind: 'item'; readonly item: DiskItem};

/** Row ids: a category's is its name, an item's is `category:id`. */
export function systemRowId(row: SystemRow): string {
	return row.kind === 'category'
		? row.usage.category
		: `${row.item.category}:${row.item.id}`;
}

/** The category a System pane row belongs to. */
export function categoryOfRow(id: string): DiskCategory | undefined {
	const category = id.split(':', 1)[0];
	return diskCategories.find(candidate => candidate === category);
}

const byName = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

function compareItems(order: DiskOrder): (a: DiskItem, b: DiskItem) => number {
	return (a, b) =>
		(order === 'size' ? (b.size ?? -1) - (a.size ?? -1) : 0) ||
		byName.compare(a.name, b.name) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every row, by id, in display order: each category, then its items largest first (or by name). */
export const systemRows = memoizeLast(
	(
		summary: readonly DiskCategoryUsage[],
		order: DiskOrder,
		filter: string,
	): ReadonlyMap<string, SystemRow> => {
		const rows = new Map<string, SystemRow>();
		for (const usage of summary) {
			const category: SystemRow = {kind: 'category', usage};
			rows.set(systemRowId(category), category);
			for (const item of [...usage.items]
				.filter(candidate =>
					matchesFilter(filter, [candidate.name, candidate.id]),
				)
				.sort(compareItems(order))) {
				const row: SystemRow = {kind: 'item', item};
				rows.set(systemRowId(row), row);
			}
		}

		return rows;
	},
);

/** The System pane's rows for the current state. */
export function systemRowsOf(state: AppState): ReadonlyMap<string, SystemRow> {
	return systemRows(
		systemSummary(state),
		state.system.order,
		state.ui.filters.system,
	);
}

const rowIds = memoizeLast(
	(rows: ReadonlyMap<string, SystemRow>): readonly string[] => [...rows.keys()],
);

/** The System pane's row ids in display order. */
export function visibleSystemRows(state: AppState): readonly string[] {
	return rowIds(systemRowsOf(state));
}

/** Volume sizes by name, where the last `system df` measured them. */
export const volumeSizes = memoizeLast(
	(disk: DiskUsage | undefined): ReadonlyMap<string, number> =>
		new Map(
			(disk?.volumes ?? []).flatMap(volume =>
				volume.size === undefined
					? []
					: [[volumeId(volume), volume.size] as const],
			),
		),
);
