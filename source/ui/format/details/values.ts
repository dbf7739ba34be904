import type {StartConfig} from '../../../docker/inspect.js';
import {formatAge} from '../../../format/units.js';
import {shellWord} from '../../../format/shell-words.js';
import {
	dim,
	plain,
	row,
	section,
	type DetailLine,
	type DetailSegment,
} from './segments.js';

/** `2026-11-28 07:53:30 (3m ago)` in local time; `-` for a time that never was. */
export function when(time: number, now: number): string {
	if (time <= 0) {
		return '-';
	}

	const date = new Date(time);
	const pad = (value: number): string => String(value).padStart(2, '0');
	const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
	return `${stamp} (${formatAge(time, now)} ago)`;
}

export function command(words: readonly string[]): string {
	return words.map(word => shellWord(word)).join(' ');
}

export function orDefault(value: string, fallback = 'default'): DetailSegment {
	return value === '' ? dim(fallback) : plain(value);
}

export function yesNo(value: boolean): string {
	return value ? 'yes' : 'no';
}

/** What a container or an image's containers start with; `more` ends the working dir's line. */
export function startLines(
	config: StartConfig,
	...more: DetailSegment[]
): DetailLine[] {
	return [
		row('Entrypoint', orDefault(command(config.entrypoint), 'none')),
		row('Cmd', orDefault(command(config.cmd), 'none')),
		row(
			'Working dir',
			orDefault(config.workingDir, '/'),
			plain(' · user '),
			orDefault(config.user, 'root'),
			...more,
		),
	];
}

/** A section of `key=value` lines (labels, driver options), its title with their count. */
export function pairsSection(
	title: string,
	pairs: Readonly<Record<string, string>>,
): DetailLine[] {
	const entries = Object.entries(pairs);
	return section(
		`${title} (${entries.length})`,
		entries.map(([key, value]) => [
			{text: key, tone: 'label'},
			plain(`=${value}`),
		]),
	);
}

export function envLines(env: readonly string[]): DetailLine[] {
	return env.map(entry => {
		const equals = entry.indexOf('=');
		return equals === -1
			? [plain(entry)]
			: [
					{text: entry.slice(0, equals), tone: 'label'},
					plain(entry.slice(equals)),
				];
	});
}
