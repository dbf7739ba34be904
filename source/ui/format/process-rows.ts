import type {ProcessInfo} from '../../docker/processes.js';
import {formatAge, formatMemory} from '../../format/units.js';
import {fit} from './cells.js';
import {
	formatLine,
	sizeColumns,
	type ColumnSpec,
	type SizedColumn,
} from './columns.js';

type ProcessColumn =
	| 'pid'
	| 'nsPid'
	| 'user'
	| 'state'
	| 'cpu'
	| 'rss'
	| 'threads'
	| 'age'
	| 'command';

/** A narrow screen keeps the PID, CPU and memory, and the command before the rest. */
const processColumns: readonly ColumnSpec<ProcessColumn>[] = [
	{key: 'pid', header: 'PID', width: 7, align: 'right'},
	{key: 'nsPid', header: 'CPID', width: 6, align: 'right', priority: 3},
	{key: 'user', header: 'USER', width: 8, priority: 2},
	{key: 'state', header: 'S', width: 1, priority: 1},
	{key: 'cpu', header: 'CPU%', width: 5, align: 'right', priority: 5},
	{key: 'rss', header: 'RSS', width: 8, align: 'right', priority: 4},
	{key: 'threads', header: 'THR', width: 3, align: 'right', priority: 1},
	{key: 'age', header: 'AGE', width: 4, align: 'right', priority: 2},
	{key: 'command', header: 'COMMAND', flex: 1, minWidth: 16},
];

function columnsFor(width: number): SizedColumn<ProcessColumn>[] {
	return sizeColumns(processColumns, width);
}

/** The header of the processes view, lined up with {@link processRow}. */
export function processHeader(width: number): string {
	return fit(
		formatLine(columnsFor(width), column => column.header),
		width,
	);
}

/** One process: host PID, PID inside, user, state, CPU, memory, threads, age, command line. */
export function processRow(
	process: ProcessInfo,
	now: number,
	width: number,
): string {
	const optional = (
		value: number | undefined,
		format: (value: number) => string,
	): string => (value === undefined ? '-' : format(value));
	const text: Readonly<Record<ProcessColumn, () => string>> = {
		pid: () => String(process.pid),
		nsPid: () => optional(process.nsPid, String),
		user: () => process.user,
		state: () => process.state,
		cpu: () => optional(process.cpuPercent, value => value.toFixed(1)),
		rss: () => optional(process.rss, formatMemory),
		threads: () => optional(process.threads, String),
		age: () => optional(process.startedAt, value => formatAge(value, now)),
		command: () => process.command,
	};
	return fit(
		formatLine(columnsFor(width), column => text[column.key]()),
		width,
	);
}
