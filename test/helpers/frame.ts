/**
 * The first line of a rendered frame (or terminal screen) that contains `text`, or that `text`
 * matches when it is a pattern; '' when there is none.
 */
export function lineWith(frame: string, text: string | RegExp): string {
	return (
		frame
			.split('\n')
			.find(line =>
				typeof text === 'string' ? line.includes(text) : text.test(line),
			) ?? ''
	);
}

/** `names` in the order the frame shows them, each found as a word set off by spaces (` name `). */
export function namesInOrder(
	frame: string,
	names: readonly string[],
): string[] {
	return [...names].sort(
		(a, b) => frame.indexOf(` ${a} `) - frame.indexOf(` ${b} `),
	);
}

/** The last line of a frame: the status of the last action, then the key hints. */
export function footer(frame: string): string {
	return frame.trimEnd().split('\n').at(-1) ?? '';
}

/** A frame without its last line (the status line names things too). */
export function body(frame: string): string {
	return frame.trimEnd().split('\n').slice(0, -1).join('\n');
}
