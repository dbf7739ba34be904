import {Text} from 'ink';
import type {Highlight} from '../theme.js';

type Props<T extends {readonly text: string}> = {
	readonly segments: readonly T[];
	readonly styleOf: (segment: T) => Highlight;
};

/** One row of text in runs of their own style, cut at the edge. */
export function SegmentRow<T extends {readonly text: string}>({
	segments,
	styleOf,
}: Props<T>) {
	return (
		<Text wrap="truncate-end">
			{segments.map((segment, index) => (
				// A row's segments never move: their position is their identity.
				<Text key={index} {...styleOf(segment)}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}
