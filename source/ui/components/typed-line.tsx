import {Box, Text} from 'ink';
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
};

/**
 * A line being typed: the prompt, the draft and the cursor. It only draws: the keymap edits the
 * draft in the store.
 */
export function TypedLine({prompt, draft, hint, isSelected = false}: Props) {
	return (
		// The whole width, in a row (the filter prompt's) as in a column; its one line never gives way.
		<Box width="100%" height={1} minHeight={1}>
			<Box flexShrink={0}>
				<Text color={theme.key}>{prompt}</Text>
			</Box>
			{isSelected ? (
				<>
					<Box flexShrink={1}>
						<Text inverse wrap="truncate-start">
							{draft.text}
						</Text>
					</Box>
					<Text inverse> </Text>
				</>
			) : (
				<LineWithCursor line={draft} />
			)}
			{hint !== undefined && (draft.text === '' || isSelected) ? (
				// The hint takes the room the draft leaves.
				<Box flexBasis={0} flexGrow={1}>
					<Text color={theme.text.dim} wrap="truncate-end">
						{' '}
						{hint}
					</Text>
				</Box>
			) : null}
		</Box>
	);
}

/**
 * A line with its cursor drawn where it is: the character under it in inverse, or an inverse
 * space after the last. The terminal's own cursor stays hidden, as Ink draws the whole screen.
 * Where the line is wider than its room, the text either side gives way (cut at its far end,
 * with an ellipsis) and the cursor stays in sight.
 */
export function LineWithCursor({line}: {readonly line: TextField}) {
	const {before, under, after} = splitAtCursor(line);
	return (
		<Box flexShrink={1}>
			{before === '' ? null : (
				<Box flexShrink={1}>
					<Text wrap="truncate-start">{before}</Text>
				</Box>
			)}
			<Box flexShrink={0}>
				<Text inverse>{under === '' ? ' ' : under}</Text>
			</Box>
			{after === '' ? null : (
				<Box flexShrink={1}>
					<Text wrap="truncate-end">{after}</Text>
				</Box>
			)}
		</Box>
	);
}
