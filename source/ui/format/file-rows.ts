import type {FileEntry} from '../../docker/container-files.js';
import {formatBytes} from '../../format/units.js';
import {fit} from './cells.js';
import {formatLine, sizeColumns, type ColumnSpec} from './columns.js';

const typeLetters: Readonly<Record<FileEntry['type'], string>> = {
	file: '-',
	directory: 'd',
	symlink: 'l',
	hardlink: 'h',
	other: '?',
};

/** `drwxr-xr-x`, as `ls -l` prints a mode (setuid, setgid and sticky bits included). */
export function modeText(type: FileEntry['type'], mode: number): string {
	const triplet = (shift: number, special: boolean, letter: string): string => {
		const bits = (mode >> shift) & 7;
		const execute = (bits & 1) === 0 ? '-' : 'x';
		return `${(bits & 4) === 0 ? '-' : 'r'}${(bits & 2) === 0 ? '-' : 'w'}${
			special ? (execute === 'x' ? letter : letter.toUpperCase()) : execute
		}`;
	};

	return `${typeLetters[type]}${triplet(6, (mode & 0o4000) !== 0, 's')}${triplet(3, (mode & 0o2000) !== 0, 's')}${triplet(0, (mode & 0o1000) !== 0, 't')}`;
}

/** `2026-01-02 10:00`, local time: when a file last changed. */
export function modifiedText(time: number): string {
	const date = new Date(time);
	const two = (value: number): string => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

type FileColumn = 'mode' | 'owner' | 'size' | 'time' | 'name';

/** A narrow screen keeps the mode, the size and the name before the owner and the time. */
const fileColumns: readonly ColumnSpec<FileColumn>[] = [
	{key: 'mode', header: 'MODE', width: 10},
	{key: 'owner', header: 'OWNER', width: 13, priority: 2},
	{key: 'size', header: 'SIZE', width: 9, align: 'right', priority: 3},
	{key: 'time', header: 'MODIFIED', width: 16, priority: 1},
	{key: 'name', header: 'NAME', flex: 1, minWidth: 16},
];

/** One row of the files browser: mode, owner, size, time, name (a folder's with a `/`, a link's with its target). */
export function fileRow(entry: FileEntry, width: number): string {
	const text: Readonly<Record<FileColumn, () => string>> = {
		mode: () => modeText(entry.type, entry.mode),
		owner: () => entry.owner,
		size: () => formatBytes(entry.size),
		time: () => modifiedText(entry.mtime),
		name: () =>
			entry.type === 'directory'
				? `${entry.label}/`
				: entry.type === 'symlink'
					? `${entry.label} -> ${entry.linkTarget}`
					: entry.label,
	};
	return fit(
		formatLine(sizeColumns(fileColumns, width), column => text[column.key]()),
		width,
	);
}
