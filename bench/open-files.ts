import {readdirSync} from 'node:fs';

/** How many files, sockets and pipes `pid` has open, or NaN when it is gone. */
export function countOpenFiles(pid: number): number {
	try {
		return readdirSync(`/proc/${pid}/fd`).length;
	} catch {
		return Number.NaN;
	}
}
