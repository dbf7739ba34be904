import {Text} from 'ink';
import {theme} from '../theme.js';

type Props = {
	/** What the line asks for, e.g. `/` or `image: `. */
	readonly prompt: string;
	readonly draft: string;
	/** Shown after the cursor while nothing is typed, or while the draft is selected. */
	readonly hint?: string;
	/** The draft is selected (drawn inverse): what is typed replaces it. */
	readonly isSelected?: boolean;
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
	isSelected = false,
	wrap = 'truncate-start',
}: Props) {
	return (
		<Text wrap={wrap}>
			<Text color={theme.key}>{prompt}</Text>
			{isSelected ? <Text inverse>{draft}</Text> : draft}
			<Text inverse> </Text>
			{hint !== undefined && (draft === '' || isSelected) ? (
				<Text color={theme.text.dim}> {hint}</Text>
			) : null}
		</Text>
	);
}
