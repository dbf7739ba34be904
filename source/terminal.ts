import ansiEscapes from 'ansi-escapes';
import {onExit} from 'signal-exit';

/**
 * Turns the terminal's mouse reports on and off: presses, releases and the wheel (1000), written
 * as SGR sequences (1006), which carry any column and never pass for text.
 */
export const mouseReporting = {
	on: '\u001B[?1000h\u001B[?1006h',
	off: '\u001B[?1006l\u001B[?1000l',
} as const;

/**
 * Bracketed paste: the terminal marks pasted text (ESC [200~ … ESC [201~), so that the app takes it
 * as text and none of it as keys. Asked for while the app has the screen, and only then: a shell
 * that was not expecting the marks would get them in what is pasted into it.
 */
export const bracketedPaste = {
	on: '\u001B[?2004h',
	off: '\u001B[?2004l',
} as const;

type Terminal = {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	/**
	 * Runs first when the terminal is given back: stops the renderer, which otherwise paints its
	 * last frame on exit, possibly after the alternate screen was left and so onto the user's screen.
	 */
	readonly stopRendering: () => void;
	/** Whether the terminal reports the mouse while dockmate has it. */
	readonly mouse: boolean;
};

/**
 * Takes over the terminal (alternate screen, hidden cursor, bracketed paste, mouse reports) and guarantees it is given back
 * however the process ends: normal exit, Ctrl-C, SIGTERM, SIGHUP or a crash (reported after
 * the restore). Raw mode outlives the process on a tty, so it is switched off here too rather
 * than trusting Ink's unmount.
 * Returns the restore function; calling it more than once is harmless.
 */
export function takeOverTerminal({
	stdin,
	stdout,
	stopRendering,
	mouse,
}: Terminal): () => void {
	let isRestored = false;
	const restore = (): void => {
		if (isRestored) {
			return;
		}

		isRestored = true;
		stopRendering();
		if (stdin.isTTY) {
			stdin.setRawMode(false);
		}

		// Mouse reports off in any case: a shell that got them would print them as text.
		stdout.write(
			mouseReporting.off +
				bracketedPaste.off +
				ansiEscapes.cursorShow +
				ansiEscapes.exitAlternativeScreen,
		);
	};

	stdout.write(
		ansiEscapes.enterAlternativeScreen +
			ansiEscapes.cursorHide +
			ansiEscapes.clearScreen +
			bracketedPaste.on +
			(mouse ? mouseReporting.on : ''),
	);
	// Raw at once, not from the first frame on: keys typed meanwhile wait for the app, unechoed and
	// untouched by the line editing (a Backspace, Ctrl-U) of a cooked terminal.
	if (stdin.isTTY) {
		stdin.setRawMode(true);
	}

	// signal-exit runs this on exit and on SIGTERM/SIGHUP/SIGINT before re-raising the signal.
	onExit(() => {
		restore();
	});
	return restore;
}
