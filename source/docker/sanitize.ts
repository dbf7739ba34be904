/* eslint-disable no-control-regex -- matching control characters is what this module is for */
/**
 * Strips everything from untrusted daemon text (names, commands, labels, log lines) that a terminal
 * would act on instead of print: ANSI/VT escape sequences (CSI, OSC, DCS, APC, PM, SOS and two-byte
 * escapes), C0 and C1 control characters, DEL, and the Unicode bidi overrides that can reorder what
 * the user reads. Tabs become a space so that columns stay aligned.
 */
// Ordered so that whole sequences are removed before their lone introducers are.
const escapeSequence =
	/\u001B\[[0-?]*[ -/]*[@-~]|\u009B[0-?]*[ -/]*[@-~]|[\u001B][\]PX^_][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|[\u0090\u0098\u009D\u009E\u009F][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|\u001B[ -/]*[0-~]?/g;
const controlCharacter =
	/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Returns `text` with escape sequences and control characters removed, on one line. */
export function sanitize(text: string): string {
	return text
		.replace(escapeSequence, '')
		.replaceAll('\t', ' ')
		.replace(controlCharacter, '');
}
