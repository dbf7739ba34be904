import type {
	ContainerSummary,
	ImageSummary,
} from '../../docker/docker-client.js';
import {
	containerCondition,
	type Condition,
} from '../../state/container-condition.js';
import type {ColumnSpec} from './columns.js';
import type {ResourceUsage} from '../../state/resource-usage.js';
import {formatPorts} from './ports.js';
import {formatPercent} from './resources.js';
import {
	formatAge,
	formatBytes,
	formatMemory,
	shortId,
} from '../../format/units.js';

export type ContainerColumn =
	| 'mark'
	| 'state'
	| 'name'
	| 'image'
	| 'status'
	| 'cpu'
	| 'memory'
	| 'ports'
	| 'age';
export type ImageColumn = 'mark' | 'tag' | 'id' | 'size' | 'age' | 'used';

export const containerColumns: readonly ColumnSpec<ContainerColumn>[] = [
	{key: 'mark', header: '', width: 1},
	{key: 'state', header: '', width: 1},
	{key: 'name', header: 'NAME', flex: 5, minWidth: 10},
	{key: 'image', header: 'IMAGE', flex: 5, minWidth: 8, priority: 5},
	{key: 'status', header: 'STATUS', flex: 4, minWidth: 14},
	{key: 'cpu', header: 'CPU', width: 6, align: 'right', priority: 4},
	{key: 'memory', header: 'MEM', width: 7, align: 'right', priority: 3},
	{key: 'ports', header: 'PORTS', flex: 4, minWidth: 10, priority: 1},
	{key: 'age', header: 'AGE', width: 4, align: 'right', priority: 2},
];

export const imageColumns: readonly ColumnSpec<ImageColumn>[] = [
	{key: 'mark', header: '', width: 1},
	{key: 'tag', header: 'REPOSITORY:TAG', flex: 1, minWidth: 12},
	{key: 'id', header: 'IMAGE ID', width: 12, priority: 2},
	{key: 'size', header: 'SIZE', width: 8, align: 'right'},
	{key: 'age', header: 'AGE', width: 4, align: 'right', priority: 1},
	{key: 'used', header: 'USED BY', width: 7, align: 'right', priority: 3},
];

/** The container columns for lists in which no container has a port. */
export const containerColumnsWithoutPorts = containerColumns.filter(
	column => column.key !== 'ports',
);

/**
 * One glyph per condition, colour coming from the theme: each kind of trouble has a shape of its
 * own, so that it shows without colour too.
 */
export const stateGlyphs: Readonly<Record<Condition, string>> = {
	running: '●',
	starting: '◌',
	unhealthy: '✚',
	restarting: '↻',
	paused: '‖',
	created: '○',
	exited: '○',
	failed: '✗',
	killed: '⊘',
	'oom-killed': '▼',
	dead: '✕',
	removing: '✕',
};

/**
 * What each glyph means, in the order the help's legend lists them; short, so that the legend
 * leaves room for the keys on a small terminal (the readme says more).
 */
export const stateLegend: readonly {
	readonly condition: Condition;
	readonly label: string;
}[] = [
	{condition: 'running', label: 'running'},
	{condition: 'starting', label: 'starting'},
	{condition: 'unhealthy', label: 'unhealthy'},
	{condition: 'restarting', label: 'restarting'},
	{condition: 'paused', label: 'paused'},
	{condition: 'exited', label: 'exit 0'},
	{condition: 'failed', label: 'exit 1–128'},
	{condition: 'killed', label: 'killed'},
	{condition: 'oom-killed', label: 'OOM-killed'},
	{condition: 'dead', label: 'dead'},
];

/** The glyph of a row marked for a bulk action. */
const markGlyph = '✓';

/** How a row is decorated besides its data. */
export type RowDecoration = {
	readonly isMarked?: boolean;
	/** An action under way (`stopping…`), shown instead of the status. */
	readonly pending?: string | undefined;
	/** A container that exited: inspect found the OOM killer ended it. */
	readonly isOomKilled?: boolean;
};

/** The mark column of a markable row. */
export function markCell(decoration: RowDecoration): string {
	return decoration.isMarked ? markGlyph : '';
}

/** A row's name, followed by the action under way on it. */
export function withPending(name: string, decoration: RowDecoration): string {
	return decoration.pending === undefined
		? name
		: `${name} (${decoration.pending})`;
}

/** The cells of a container row; CPU and memory show a dash until measured. */
export function containerCells(
	container: ContainerSummary,
	now: number,
	usage?: ResourceUsage,
	decoration: RowDecoration = {},
): Record<ContainerColumn, string> {
	return {
		mark: markCell(decoration),
		cpu: usage === undefined ? '' : formatPercent(usage.cpuPercent),
		memory:
			usage?.memoryUsage === undefined ? '' : formatMemory(usage.memoryUsage),
		state:
			stateGlyphs[
				containerCondition(container, decoration.isOomKilled ?? false)
			],
		name: container.name,
		image: container.image.startsWith('sha256:')
			? shortId(container.image)
			: container.image,
		status: decoration.pending ?? container.status,
		ports: formatPorts(container.ports),
		age: formatAge(container.createdAt, now),
	};
}

/** The cells of an image row; `usedBy` is how many containers were created from it. */
export function imageCells(
	image: ImageSummary,
	usedBy: number,
	now: number,
	decoration: RowDecoration = {},
): Record<ImageColumn, string> {
	const [first = '<none>:<none>', ...others] = image.tags;
	const tagText = others.length > 0 ? `${first} (+${others.length})` : first;
	return {
		mark: markCell(decoration),
		tag: withPending(tagText, decoration),
		id: shortId(image.id),
		size: formatBytes(image.size),
		age: formatAge(image.createdAt, now),
		used: usedBy === 0 ? '-' : String(usedBy),
	};
}
