import {Text} from 'ink';
import type {AuditEntry} from '../../state/app-state.js';
import type {ListView} from '../../state/list-view.js';
import {theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';

type Props = {
	readonly entries: readonly AuditEntry[];
	readonly view: ListView;
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
export function AuditView({entries, view, width, height}: Props) {
	return (
		<ListingDialog
			title="Command log"
			width={width}
			height={height}
			view={view}
			total={entries.length}
			renderItem={index => {
				const entry = entries[index];
				return entry === undefined ? null : (
					<Text wrap="truncate-end">
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
				);
			}}
			above={
				entries.length === 0
					? [
							<Text key="none" color={theme.text.dim}>
								nothing done yet
							</Text>,
						]
					: []
			}
		/>
	);
}
