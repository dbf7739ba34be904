import type {ResourceSnapshot} from '../../state/app-state.js';
import {historyMax, historyValues} from '../../state/history.js';
import type {ColumnSpec} from './columns.js';
import {formatBytes, formatMemory} from '../../format/units.js';

export type ResourceColumn =
	| 'state'
	| 'engine'
	| 'name'
	| 'cpu'
	| 'cpuLimit'
	| 'cpuGraph'
	| 'memory'
	| 'memoryLimit'
	| 'memoryGraph'
	| 'network'
	| 'block'
	| 'pids'
	| 'throttled'
	| 'oom';

/** Resources pane columns; the lowest priorities go first on a narrow terminal. */
export const resourceColumns: readonly ColumnSpec<ResourceColumn>[] = [
	{key: 'state', header: '', width: 1},
	{key: 'name', header: 'NAME', flex: 1, minWidth: 10},
	{key: 'cpu', header: 'CPU', width: 6, align: 'right'},
	{
		key: 'cpuLimit',
		header: 'LIMIT·USE',
		width: 10,
		align: 'right',
		priority: 6,
	},
	{key: 'cpuGraph', header: 'CPU 60s', width: 10, priority: 3},
	{key: 'memory', header: 'MEM', width: 7, align: 'right'},
	{key: 'memoryLimit', header: 'LIMIT·USE', width: 11, align: 'right'},
	{key: 'memoryGraph', header: 'MEM 60s', width: 10, priority: 2},
	{key: 'network', header: 'NET ↓/↑', width: 17, align: 'right', priority: 4},
	{key: 'block', header: 'BLOCK R/W', width: 17, align: 'right', priority: 1},
	{key: 'pids', header: 'PIDS', width: 8, align: 'right', priority: 5},
	{
		key: 'throttled',
		header: 'THROTTLED',
		width: 9,
		align: 'right',
		priority: 7,
	},
	{key: 'oom', header: 'OOM', width: 3, align: 'right', priority: 8},
];

const missing = '–';

/** `9.8%`, `98.7%`, `123%`; a dash while unknown (never a made-up 0%). */
export function formatPercent(percent: number | undefined): string {
	if (percent === undefined || !Number.isFinite(percent)) {
		return missing;
	}

	// Rounded before choosing the form, so 99.96 reads 100%, not 100.0%.
	const tenths = Math.round(percent * 10) / 10;
	return `${tenths >= 100 ? Math.round(tenths) : tenths.toFixed(1)}%`;
}

/** `1.5 CPUs`, `0.2 CPU`. */
export function formatCpus(cpus: number): string {
	const text = Number(cpus.toFixed(2)).toString();
	return `${text} CPU${cpus > 1 ? 's' : ''}`;
}

/** `1.2MB/s`, or a dash while the rate is unknown. */
export function formatRate(bytesPerSecond: number | undefined): string {
	return bytesPerSecond === undefined
		? missing
		: `${formatBytes(bytesPerSecond)}/s`;
}

const bars = '▁▂▃▄▅▆▇█';

/** The last `width` values as a one-line bar chart scaled to `max`; blank cells where history is short. */
export function sparkline(
	values: readonly number[],
	width: number,
	max: number,
): string {
	const recent = values.slice(-width);
	const cells = recent.map(value => {
		const level =
			max > 0
				? Math.round((Math.min(value, max) / max) * (bars.length - 1))
				: 0;
		return bars[Math.max(0, level)] ?? ' ';
	});
	return ' '.repeat(Math.max(0, width - cells.length)) + cells.join('');
}

const eighths = ' ▁▂▃▄▅▆▇█';

/**
 * A chart `height` rows tall of the last `width` values scaled to `max`, top row first: each cell
 * is a full, partial (eighths) or empty block, so small changes still show.
 */
export function historyGraph(
	values: readonly number[],
	width: number,
	height: number,
	max: number,
): string[] {
	const recent = values.slice(-width);
	const padded = [
		...Array.from({length: Math.max(0, width - recent.length)}, () => 0),
		...recent,
	];
	const rows: string[] = [];
	for (let row = height - 1; row >= 0; row--) {
		rows.push(
			padded
				.map(value => {
					const filled =
						max > 0 ? (Math.min(value, max) / max) * height - row : 0;
					const index = Math.round(Math.max(0, Math.min(1, filled)) * 8);
					return eighths[index] ?? ' ';
				})
				.join(''),
		);
	}

	return rows;
}

/** The scale of a container's CPU chart: its limit, or one CPU, or what it used, whichever is most. */
export function cpuScale(snapshot: ResourceSnapshot): number {
	const limit =
		snapshot.usage.cpuLimit === undefined ? 100 : snapshot.usage.cpuLimit * 100;
	return Math.max(limit, historyMax(snapshot.cpuHistory));
}

/**
 * The scale of a container's memory chart: its limit; without one, a little above what it used,
 * since against the host's memory most containers would draw a flat line at the bottom.
 */
export function memoryScale(snapshot: ResourceSnapshot): number {
	return (
		snapshot.usage.memoryLimit ??
		Math.max(1, historyMax(snapshot.memoryHistory)) * 1.25
	);
}

/** The cells of a Resources row. */
export function resourceCells(
	name: string,
	snapshot: ResourceSnapshot | undefined,
	hostMemory: number | undefined,
	graphWidth: number,
): Record<Exclude<ResourceColumn, 'state' | 'engine'>, string> {
	const usage = snapshot?.usage;
	if (snapshot === undefined || usage === undefined) {
		return {
			name,
			cpu: missing,
			cpuLimit: '',
			cpuGraph: '',
			memory: missing,
			memoryLimit: '',
			memoryGraph: '',
			network: '',
			block: '',
			pids: '',
			throttled: '',
			oom: '',
		};
	}

	const memoryBase = usage.memoryLimit ?? hostMemory;
	const memoryShare =
		usage.memoryUsage === undefined || memoryBase === undefined
			? undefined
			: (usage.memoryUsage / memoryBase) * 100;
	const cpuShare =
		usage.cpuLimit === undefined || usage.cpuPercent === undefined
			? undefined
			: usage.cpuPercent / usage.cpuLimit;
	return {
		name,
		cpu: formatPercent(usage.cpuPercent),
		cpuLimit:
			usage.cpuLimit === undefined
				? missing
				: `${Number(usage.cpuLimit.toFixed(2))}·${formatPercent(cpuShare)}`,
		cpuGraph: sparkline(
			historyValues(snapshot.cpuHistory),
			graphWidth,
			cpuScale(snapshot),
		),
		memory:
			usage.memoryUsage === undefined
				? missing
				: formatMemory(usage.memoryUsage),
		memoryLimit:
			usage.memoryLimit === undefined
				? `host·${formatPercent(memoryShare)}`
				: `${formatMemory(usage.memoryLimit)}·${formatPercent(memoryShare)}`,
		memoryGraph: sparkline(
			historyValues(snapshot.memoryHistory),
			graphWidth,
			memoryScale(snapshot),
		),
		network: `${formatRate(usage.networkRxRate)} ${formatRate(usage.networkTxRate)}`,
		block: `${formatRate(usage.blockReadRate)} ${formatRate(usage.blockWriteRate)}`,
		pids:
			usage.pids === undefined
				? missing
				: usage.pidsLimit === undefined
					? `${usage.pids}`
					: `${usage.pids}/${usage.pidsLimit}`,
		throttled:
			usage.throttledRatio === undefined
				? missing
				: formatPercent(usage.throttledRatio * 100),
		oom: usage.oomKills === undefined ? missing : String(usage.oomKills),
	};
}
