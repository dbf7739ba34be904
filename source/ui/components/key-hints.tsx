import {Text} from 'ink';
import {Fragment} from 'react';
import {theme} from '../theme.js';

/** One hint: the keys as the user types them, and what they do. */
export type KeyHint = {readonly keys: string; readonly label: string};

/** The footer line of key hints. */
export function KeyHints({hints}: {readonly hints: readonly KeyHint[]}) {
	return (
		<Text wrap="truncate-end">
			{hints.map((hint, index) => (
				<Fragment key={hint.label}>
					{index > 0 ? '  ' : ''}
					<Text color={theme.key}>{hint.keys}</Text> {hint.label}
				</Fragment>
			))}
		</Text>
	);
}
