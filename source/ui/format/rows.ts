import type {ContainerSummary} from '../../docker/docker-client.js';
import type {ImageRow} from '../../state/image-rows.js';
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
	| 'engine'
	| 'name'
	| 'image'
	| 'status'
	| 'cpu'
	| 'memory'
	| 'ports'
	| 'age';
export type ImageColumn =
	'mark' | 'engine' | 'tag' | 'id' | 'size' | 'age' | 'used';

/**
 * As the terminal narrows PORTS goes first, then AGE, then IMAGE (the name usually says as much)
 * before the live figures MEM and CPU; NAME and STATUS always stay. On a wide terminal the name
 * takes what IMAGE, STATUS and PORTS leave past their caps.
 */
export const containerColumns: readonly ColumnSpec<ContainerColumn>[] = [
	{key: 'mark', header: '', width: 1},
	{key: 'state', header: '', width: 1},
	{key: 'name', header: 'NAME', flex: 5, minWidth: 10},
	{
		key: 'image',
		header: 'IMAGE',
		flex: 5,
		minWidth: 8,
		maxWidth: 40,
		priority: 3,
	},
	// `Exited (137) About an hour ago`, `Up 3 weeks (unhealthy)`.
	{key: 'status', header: 'STATUS', flex: 4, minWidth: 14, maxWidth: 30},
	{key: 'cpu', header: 'CPU', width: 6, align: 'right', priority: 5},
	{key: 'memory', header: 'MEM', width: 7, align: 'right', priority: 4},
	{
		key: 'ports',
		header: 'PORTS',
		flex: 4,
		minWidth: 10,
		maxWidth: 48,
		priority: 1,
	},
	{key: 'age', header: 'AGE', width: 4, align: 'right', priority: 2},
];

export const imageColumns: readonly ColumnSpec<ImageColumn>[] = [
	{key: 'mark', header: '', width: 1},
	// Wide enough to tell the tags of one repository apart before the age and id columns go.
	{key: 'tag', header: 'REPOSITORY:TAG', flex: 1, minWidth: 20},
	{key: 'id', header: 'IMAGE ID', width: 12, priority: 2},
	{key: 'size', header: 'SIZE', width: 8, align: 'right'},
	{key: 'age', header: 'AGE', width: 4, align: 'right', priority: 1},
	{key: 'used', header: 'USED BY', width: 7, align: 'right', priority: 3},
];

/** The container columns for lists in which no container has a port. */
export const containerColumnsWithoutPorts = containerColumns.filter(
	column => column.key !== 'ports',
);

/** In a fleet: the engine of each row, after its state glyph. */
const engineColumn: ColumnSpec<'engine'> = {
	key: 'engine',
	header: 'ENGINE',
	flex: 2,
	minWidth: 6,
	maxWidth: 16,
};

/** `columns` with the ENGINE column after the leading glyphs (mark and state). */
export function withEngineColumn<K extends string>(
	columns: readonly ColumnSpec<K>[],
	after: number,
): readonly ColumnSpec<K | 'engine'>[] {
	return [...columns.slice(0, after), engineColumn, ...columns.slice(after)];
}

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
		engine: container.engine ?? '',
		name: container.name,
		image: container.image.startsWith('sha256:')
			? shortId(container.image)
			: container.image,
		status: decoration.pending ?? container.status,
		ports: formatPorts(container.ports),
		age: formatAge(container.createdAt, now),
	};
}

/**
 * A reference cut at its start to `size` characters: what tells the tags of one repository apart
 * is at its end (`…/app:1.2`); the registry at the start says least.
 */
function tailWithin(text: string, size: number): string {
	const characters = Array.from(text);
	return characters.length <= size
		? text
		: `…${characters.slice(1 - Math.max(2, size)).join('')}`;
}

/**
 * The cells of an image row: its tag (cut at the start to `tagSize`, when given), and the image's
 * id, size, age and `usedBy` (how many containers were created from it), repeated on each tag's
 * row as `docker image ls` does.
 */
export function imageCells(
	row: ImageRow,
	usedBy: number,
	now: number,
	decoration: RowDecoration = {},
	tagSize = Infinity,
): Record<ImageColumn, string> {
	const {image} = row;
	const pending = withPending('', decoration).length;
	return {
		mark: markCell(decoration),
		engine: image.engine ?? '',
		tag: withPending(
			tailWithin(row.tag ?? '<none>:<none>', tagSize - pending),
			decoration,
		),
		id: shortId(image.id),
		size: formatBytes(image.size),
		age: formatAge(image.createdAt, now),
		used: usedBy === 0 ? '-' : String(usedBy),
	};
}
