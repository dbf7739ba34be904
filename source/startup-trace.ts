import {appendFileSync} from 'node:fs';

/**
 * Where a start's time goes: with `DOCKMATE_TRACE_STARTUP=<file>`, each step of the way to the
 * first frame (the ssh login, each ssh channel and its first answer, the list, the frame) appends
 * a line to that file, in milliseconds since the process started, Node's own start-up included.
 */
const file = process.env['DOCKMATE_TRACE_STARTUP'];

/** Notes that `step` happened now, when tracing; nothing otherwise. */
export function traceStartup(step: string): void {
	if (file !== undefined && file !== '') {
		appendFileSync(
			file,
			`${Math.round(performance.now())} ms ${step} (pid ${process.pid})\n`,
		);
	}
}
