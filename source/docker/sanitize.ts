/* eslint-disable no-control-regex -- matching control characters is what this module is for */
/**
 * Strips everything from untrusted daemon text (names, commands, labels, log lines) that a terminal
 * would act on instead of print: ANSI/VT escape sequences (CSI, OSC, DCS, APC, PM, SOS and two-byte
 * escapes), C0 and C1 control characters, DEL, line and paragraph separators, and the invisible
 * format characters (bidi overrides that can reorder what the user reads among them). Tabs become
 * a space so that columns stay aligned.
 *
 * It also takes apart the character sequences that terminals draw at different widths, so that
 * every terminal draws the text as wide as dockmate measures it (see ui/format/cells.ts).
 */
import {unsettledWidth} from './unsettled-width.js';

// Ordered so that whole sequences are removed before their lone introducers are.
const escapeSequence =
	/\u001B\[[0-?]*[ -/]*[@-~]|\u009B[0-?]*[ -/]*[@-~]|[\u001B][\]PX^_][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|[\u0090\u0098\u009D\u009E\u009F][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|\u001B[ -/]*[0-~]?/g;

/**
 * Controls (C0, DEL, C1 with NEL), U+2028 and U+2029, and format characters: bidi embeddings,
 * overrides, isolates and marks, the soft hyphen, zero-width spaces and joiners, the BOM and tag
 * characters. Terminals disagree on whether they take a column, and some break the line.
 */
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/**
 * What makes one emoji of several only on some terminals: text and emoji presentation selectors,
 * the keycap, and a skin tone after the emoji it colours (`👍🏽` is 2 columns on some, 4 on others).
 * With the joiners gone too, `👩‍👩‍👧` is the three emoji `👩👩👧`, 6 columns on every terminal.
 */
const presentation =
	/[\uFE0E\uFE0F\u20E3]|(?<=\p{Emoji_Modifier_Base})\p{Emoji_Modifier}/gu;

/**
 * Returns `text` with escape sequences and control characters removed, on one line, and each character
 * that terminals draw at widths of their own shown as `�`, one column everywhere.
 */
export function sanitize(text: string): string {
	return text
		.replace(escapeSequence, '')
		.replaceAll('\t', ' ')
		.replace(invisible, '')
		.replace(presentation, '')
		.replace(unsettledWidth, '\uFFFD');
}
