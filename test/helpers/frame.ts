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

/**
 * `names` in the order the frame shows them, each found as a word set off by `gap` before it and a
 * space after it (` name `).
 * @throws Error naming any that the frame does not show: a missing row must fail an order test,
 * not sort first.
 */
export function namesInOrder(
	frame: string,
	names: readonly string[],
	gap = ' ',
): string[] {
	const at = new Map(
		names.map(name => [name, frame.indexOf(`${gap}${name} `)]),
	);
	const missing = names.filter(name => at.get(name) === -1);
	if (missing.length > 0) {
		throw new Error(`not shown: ${missing.join(', ')}\n${frame}`);
	}

	return [...names].sort((a, b) => at.get(a)! - at.get(b)!);
}

/** The last line of a frame: the status of the last action, then the key hints. */
export function footer(frame: string): string {
	return frame.trimEnd().split('\n').at(-1) ?? '';
}

/** A frame without its last line (the status line names things too). */
export function body(frame: string): string {
	return frame.trimEnd().split('\n').slice(0, -1).join('\n');
}

/**
 * The SGR attributes in force where `text` starts on its screen line (tmux writes them as
 * `ESC[…m`; a reset, 0 or empty, clears those before it).
 */
export function attributesAt(screen: string, text: string): string[] {
	const line = screen.split('\n').find(row => row.includes(text)) ?? '';
	const codes = [
		...line.slice(0, line.indexOf(text)).matchAll(/\[([\d;]*)m/g),
	].flatMap(match => (match[1] ?? '').split(';'));
	const reset = Math.max(codes.lastIndexOf('0'), codes.lastIndexOf(''));
	return codes.slice(reset + 1);
}
