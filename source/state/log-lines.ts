import type {LogLine} from '../docker/docker-client.js';

/** One line in a logs dialog: a container's line, numbered in the order it arrived. */
export type LogEntry = LogLine & {
	/** Arrival order within the session: lines of the same millisecond keep it, and a paused view holds on to it. */
	readonly seq: number;
	/** Index of its container in the dialog's sources. */
	readonly source: number;
};

/** Time order, arrival order within the same millisecond: how merged containers' lines interleave. */
export function compareEntries(a: LogEntry, b: LogEntry): number {
	return a.time - b.time || a.seq - b.seq;
}

/** `12:34:56.789` in local time: a log line's time on screen. */
export function clockTime(time: number): string {
	const date = new Date(time);
	const pad = (value: number, width = 2): string =>
		String(value).padStart(width, '0');
	return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/**
 * The lines as a text file: the container's name first when there are several, the full time
 * when timestamps are on, then the text.
 */
export function logText(
	lines: readonly LogEntry[],
	options: {
		readonly names: readonly string[];
		readonly timestamps: boolean;
	},
): string {
	const {names, timestamps} = options;
	const nameWidth =
		names.length > 1 ? Math.max(...names.map(name => name.length)) : 0;
	return lines
		.map(line => {
			const name =
				nameWidth > 0
					? `${(names[line.source] ?? '').padEnd(nameWidth)} | `
					: '';
			const time = timestamps ? `${new Date(line.time).toISOString()} ` : '';
			return `${name}${time}${line.text}\n`;
		})
		.join('');
}
