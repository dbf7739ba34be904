/**
 * The OSC 52 sequence that puts `text` on the system clipboard. The terminal does the copying, so
 * it works over SSH; tmux takes it into its paste buffer (and passes it on) with `set-clipboard on`.
 * BEL ends it rather than ST: older terminals and tmux 3.3 understand both, some only BEL.
 */
export function clipboardSequence(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
