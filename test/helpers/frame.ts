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
