import {Text} from 'ink';
import {splitAtCursor, type TextField} from '../../state/text-field.js';
import {theme} from '../theme.js';

type Props = {
	/** What the line asks for, e.g. `/` or `image: `. */
	readonly prompt: string;
	readonly draft: TextField;
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
			{isSelected ? (
				<>
					<Text inverse>{draft.text}</Text>
					<Text inverse> </Text>
				</>
			) : (
				<LineWithCursor line={draft} />
			)}
			{hint !== undefined && (draft.text === '' || isSelected) ? (
				<Text color={theme.text.dim}> {hint}</Text>
			) : null}
		</Text>
	);
}

/**
 * A line with its cursor drawn where it is: the character under it in inverse, or an inverse
 * space after the last. The terminal's own cursor stays hidden, as Ink draws the whole screen.
 */
export function LineWithCursor({line}: {readonly line: TextField}) {
	const {before, under, after} = splitAtCursor(line);
	return (
		<>
			{before}
			<Text inverse>{under === '' ? ' ' : under}</Text>
			{after}
		</>
	);
}
