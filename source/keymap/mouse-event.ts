/** What the mouse did, as a terminal in SGR mouse mode (1006) reports it. */
export type MouseEvent = {
	readonly action: 'press' | 'release' | 'wheelUp' | 'wheelDown' | 'move';
	/** 0 left, 1 middle, 2 right; for a press or a release. */
	readonly button: number;
	/** The cell, counted from 0 at the top left (the terminal counts from 1). */
	readonly column: number;
	readonly row: number;
};

// ESC [ < button ; column ; row, then M for a press (or wheel, or motion) and m for a release.
const sgrPrefix = '\u001B[<';
const sgrFields = /^(\d+);(\d+);(\d+)([Mm])$/;

/** Bits of the button code: modifiers (shift 4, alt 8, ctrl 16), motion 32, wheel 64. */
const motionBit = 32;
const wheelBit = 64;

/**
 * The mouse event in one input event, or undefined if it is not one. Ink's input parser hands
 * each CSI sequence over whole, so a report is never split across two.
 */
export function parseMouseEvent(input: string): MouseEvent | undefined {
	const match = input.startsWith(sgrPrefix)
		? sgrFields.exec(input.slice(sgrPrefix.length))
		: null;
	if (match === null) {
		return undefined;
	}

	const [, code = '0', column = '1', row = '1', final] = match;
	const bits = Number(code);
	const button = bits & 3;
	const cell = {column: Number(column) - 1, row: Number(row) - 1};
	// Wheel buttons 6 and 7 scroll sideways, which nothing here does: taken as motion, ignored.
	if ((bits & wheelBit) !== 0 && button < 2) {
		return {action: button === 0 ? 'wheelUp' : 'wheelDown', button, ...cell};
	}

	if ((bits & (motionBit | wheelBit)) !== 0) {
		return {action: 'move', button, ...cell};
	}

	return {action: final === 'M' ? 'press' : 'release', button, ...cell};
}
