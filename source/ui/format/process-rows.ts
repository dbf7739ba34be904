import type {ProcessInfo} from '../../docker/processes.js';
import {formatAge, formatMemory} from '../../format/units.js';
import {fit} from './cells.js';

/** The header of the processes view, lined up with {@link processRow}. */
export function processHeader(width: number): string {
	return fit(
		`${fit('PID', 8, 'right')} ${fit('CPID', 6, 'right')}  ${fit('USER', 8)} ${fit('S', 3)} ${fit('CPU%', 6, 'right')} ${fit('RSS', 9, 'right')} ${fit('THR', 4, 'right')} ${fit('AGE', 5, 'right')}  COMMAND`,
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
	return fit(
		`${fit(String(process.pid), 8, 'right')} ${fit(optional(process.nsPid, String), 6, 'right')}  ${fit(process.user, 8)} ${fit(process.state, 3)} ${fit(
			optional(process.cpuPercent, value => value.toFixed(1)),
			6,
			'right',
		)} ${fit(optional(process.rss, formatMemory), 9, 'right')} ${fit(optional(process.threads, String), 4, 'right')} ${fit(
			optional(process.startedAt, value => formatAge(value, now)),
			5,
			'right',
		)}  ${process.command}`,
		width,
	);
}
