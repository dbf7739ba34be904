import type {
	NetworkSummary,
	VolumeSummary,
} from '../../docker/docker-client.js';
import {formatAge, formatBytes} from '../../format/units.js';
import {
	diskCategoryNames,
	reclaimablePercent,
	type DiskCategoryUsage,
	type DiskItem,
} from '../../state/disk-usage.js';
import type {Users} from '../../state/volumes-networks.js';
import {volumeName} from '../../state/volumes-networks.js';
import type {ColumnSpec} from './columns.js';
import {markCell, withPending, type RowDecoration} from './rows.js';

export type VolumeColumn =
	'mark' | 'engine' | 'name' | 'driver' | 'size' | 'age' | 'used';
export type NetworkColumn =
	'mark' | 'engine' | 'name' | 'driver' | 'scope' | 'subnet' | 'attached';
export type SystemColumn = 'name' | 'size' | 'reclaimable' | 'detail';

export const volumeColumns: readonly ColumnSpec<VolumeColumn>[] = [
	{key: 'mark', header: '', width: 1},
	{key: 'name', header: 'VOLUME', flex: 3, minWidth: 12},
	{key: 'driver', header: 'DRIVER', width: 8, priority: 2},
	{key: 'size', header: 'SIZE', width: 8, align: 'right', priority: 3},
	{key: 'age', header: 'AGE', width: 4, align: 'right', priority: 1},
	{key: 'used', header: 'USED BY', flex: 2, minWidth: 10},
];

export const networkColumns: readonly ColumnSpec<NetworkColumn>[] = [
	{key: 'mark', header: '', width: 1},
	{key: 'name', header: 'NETWORK', flex: 3, minWidth: 10},
	{key: 'driver', header: 'DRIVER', width: 8, priority: 3},
	{key: 'scope', header: 'SCOPE', width: 6, priority: 1},
	{key: 'subnet', header: 'SUBNET', flex: 2, minWidth: 12, priority: 2},
	{key: 'attached', header: 'CONTAINERS', flex: 2, minWidth: 10},
];

export const systemColumns: readonly ColumnSpec<SystemColumn>[] = [
	{key: 'name', header: 'WHAT', flex: 3, minWidth: 14},
	{key: 'size', header: 'SIZE', width: 8, align: 'right'},
	{key: 'reclaimable', header: 'RECLAIMABLE', width: 14, align: 'right'},
	{key: 'detail', header: 'DETAIL', flex: 2, minWidth: 10, priority: 1},
];

/** `web, db (+3)`: the first names that fit a glance, then how many more; `-` for none. */
function names(list: readonly string[], shown = 2): string {
	if (list.length === 0) {
		return '-';
	}

	const rest = list.length - shown;
	return `${list.slice(0, shown).join(', ')}${rest > 0 ? ` (+${rest})` : ''}`;
}

/** The cells of a volume row; its size only where `system df` measured it. */
export function volumeCells(
	volume: VolumeSummary,
	size: number | undefined,
	users: Users,
	now: number,
	decoration: RowDecoration = {},
): Record<VolumeColumn, string> {
	const name = volumeName(volume);
	return {
		mark: markCell(decoration),
		engine: volume.engine ?? '',
		name: withPending(name, decoration),
		driver: volume.driver,
		size: size === undefined ? '' : formatBytes(size),
		age: volume.createdAt > 0 ? formatAge(volume.createdAt, now) : '',
		used: names(users.all),
	};
}

/** The cells of a network row; `internal` marks one without a way out. */
export function networkCells(
	network: NetworkSummary,
	users: Users,
	decoration: RowDecoration = {},
): Record<NetworkColumn, string> {
	const name = `${network.name}${network.internal ? ' (internal)' : ''}`;
	return {
		mark: markCell(decoration),
		engine: network.engine ?? '',
		name: withPending(name, decoration),
		driver: network.driver,
		scope: network.scope,
		subnet: network.subnets.join(', ') || '-',
		attached: names(users.all),
	};
}

/** A category's totals: `Images (5, 2 active)`, size, and reclaimable with its share. */
export function categoryCells(
	usage: DiskCategoryUsage,
): Record<SystemColumn, string> {
	return {
		name: `${diskCategoryNames[usage.category]} (${usage.total}, ${usage.active} active)`,
		size: formatBytes(usage.size),
		reclaimable:
			usage.size > 0
				? `${formatBytes(usage.reclaimable)} (${reclaimablePercent(usage)}%)`
				: formatBytes(usage.reclaimable),
		detail: '',
	};
}

/** An item under its category, indented. */
export function diskItemCells(item: DiskItem): Record<SystemColumn, string> {
	return {
		name: `  ${item.name}`,
		size: item.size === undefined ? '-' : formatBytes(item.size),
		reclaimable: item.reclaimable > 0 ? formatBytes(item.reclaimable) : '',
		detail: item.detail,
	};
}
