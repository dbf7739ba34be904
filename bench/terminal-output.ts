import {mkdtempSync, rmSync, statSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {TmuxSession} from '../test/helpers/tmux.js';

/** A recording of what a program writes to its tmux pane, started by {@link recordOutput}. */
export type OutputRecording = {
	/** Stops the recording; resolves with the bytes written per second since it started. */
	readonly stop: () => Promise<number>;
};

/**
 * Starts copying what the program in `session` writes to its terminal (tmux `pipe-pane`) to a
 * file, to count the bytes: what a user's terminal, or the SSH link to it, has to carry.
 */
export async function recordOutput(
	session: TmuxSession,
): Promise<OutputRecording> {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'dockmate-bench-output-'));
	const file = path.join(folder, 'written');
	await session.pipeOutput(file);
	const started = performance.now();
	return {
		async stop() {
			await session.pipeOutput();
			const seconds = (performance.now() - started) / 1000;
			let bytes = 0;
			try {
				bytes = statSync(file).size;
			} catch {
				// Nothing written at all: tmux creates the file on the first byte.
			}

			rmSync(folder, {recursive: true, force: true});
			return bytes / seconds;
		},
	};
}
