import ansiEscapes from 'ansi-escapes';
import {onExit} from 'signal-exit';

type Terminal = {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
};

/**
 * Takes over the terminal (alternate screen, hidden cursor) and guarantees it is given back
 * however the process ends: normal exit, Ctrl-C, SIGTERM, SIGHUP or a crash (reported after
 * the restore). Raw mode outlives
 * the process on a tty, so it is switched off here too rather than trusting Ink's unmount.
 * Returns the restore function; calling it more than once is harmless.
 */
export function takeOverTerminal({stdin, stdout}: Terminal): () => void {
	let isRestored = false;
	const restore = (): void => {
		if (isRestored) {
			return;
		}

		isRestored = true;
		if (stdin.isTTY) {
			stdin.setRawMode(false);
		}

		stdout.write(ansiEscapes.cursorShow + ansiEscapes.exitAlternativeScreen);
	};

	stdout.write(
		ansiEscapes.enterAlternativeScreen +
			ansiEscapes.cursorHide +
			ansiEscapes.clearScreen,
	);
	// signal-exit runs this on exit and on SIGTERM/SIGHUP/SIGINT before re-raising the signal.
	onExit(() => {
		restore();
	});
	return restore;
}
