import {Text} from 'ink';
import type {CommandLogEntry} from '../../state/app-state.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {theme} from '../theme.js';

type Props = {
	readonly entries: readonly CommandLogEntry[];
	/** Index of the last entry shown. */
	readonly scroll: number;
	readonly width: number;
	readonly height: number;
};

function clock(time: number): string {
	return new Date(time).toTimeString().slice(0, 8);
}

/**
 * Every action dockmate performed, as the docker CLI command that does the same, newest last,
 * each with the engine it ran against: the log is kept across switches of engines.
 */
export function LogView({entries, scroll, width, height}: Props) {
	const rows = Math.max(1, height - 3);
	const end = Math.min(entries.length, scroll + 1);
	const shown = entries.slice(Math.max(0, end - rows), end);
	return (
		<DialogFrame
			title={`Command log · ${entries.length} (j/k scroll · Esc closes)`}
			width={width}
			height={height}
		>
			{entries.length === 0 ? (
				<Text color={theme.text.dim}>nothing done yet</Text>
			) : null}
			{shown.map((entry, index) => (
				// Entries are appended, never reordered: position plus time identifies one.
				<Text key={`${entry.time}-${index}`} wrap="truncate-end">
					<Text color={theme.text.dim}>{clock(entry.time)} </Text>
					<Text
						color={
							entry.error === undefined ? theme.status.ok : theme.status.error
						}
					>
						{entry.error === undefined ? '✓' : '✕'}
					</Text>{' '}
					{entry.command}
					{entry.error === undefined ? (
						''
					) : (
						<Text color={theme.status.error}> · {entry.error}</Text>
					)}
					<Text color={theme.text.dim}> @ {entry.engine}</Text>
				</Text>
			))}
		</DialogFrame>
	);
}
