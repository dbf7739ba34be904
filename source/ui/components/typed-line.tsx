import {Text} from 'ink';
import {theme} from '../theme.js';

type Props = {
	/** What the line asks for, e.g. `/` or `image: `. */
	readonly prompt: string;
	readonly draft: string;
	/** Shown after the cursor while nothing is typed. */
	readonly hint?: string;
	readonly wrap?: 'truncate-start' | 'truncate-end';
};

/**
 * A line being typed: the prompt, the draft and the cursor. It only draws: the keymap edits the
 * draft in the store.
 */
export function TypedLine({
	prompt,
	draft,
	hint,
	wrap = 'truncate-start',
}: Props) {
	return (
		<Text wrap={wrap}>
			<Text color={theme.key}>{prompt}</Text>
			{draft}
			<Text inverse> </Text>
			{hint !== undefined && draft === '' ? (
				<Text color={theme.text.dim}> {hint}</Text>
			) : null}
		</Text>
	);
}
