import {Text} from 'ink';
import type {ReactNode} from 'react';
import {formatBytes} from '../../format/units.js';
import {
	shownEntries,
	type FilesDialog as Dialog,
} from '../../state/files-view.js';
import {TypedLine} from '../components/typed-line.js';
import {fileRow} from '../format/file-rows.js';
import {rowColors, theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';

type Props = {
	readonly dialog: Dialog;
	readonly width: number;
	readonly height: number;
};

function entriesText(count: number): string {
	return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

/** `[#####.....] 48%`: how far a copy has come. */
function progressBar(done: number, total: number, width: number): string {
	const share = total > 0 ? Math.min(1, done / total) : 0;
	const filled = Math.round(share * width);
	return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}%`;
}

/** What the line at the foot asks for a copy. */
const promptLabels = {
	'copy-out': 'copy to local folder: ',
	'copy-in': `copy in local path: `,
} as const;

/** The line at the foot: the prompt being typed, a copy's progress, or what is listed. */
function footLine(dialog: Dialog, shown: number): ReactNode {
	const {prompt, transfer, listing} = dialog;
	if (prompt !== undefined) {
		return prompt.purpose === 'filter' ? (
			<TypedLine prompt="/" draft={prompt.draft} hint="part of a name" />
		) : (
			<TypedLine
				prompt={promptLabels[prompt.purpose]}
				draft={prompt.draft}
				{...(prompt.isSelected === true
					? {isSelected: true, hint: 'typing replaces it, → edits it'}
					: {})}
			/>
		);
	}

	if (transfer !== undefined) {
		return (
			<Text wrap="truncate-end" color={theme.pending}>
				{`${progressBar(transfer.done, transfer.total, 20)} ${formatBytes(transfer.done)} · ${transfer.label} · Esc calls it off`}
			</Text>
		);
	}

	const parts =
		listing.status === 'loaded'
			? [
					dialog.filter === ''
						? entriesText(listing.entries.length)
						: `${shown} of ${entriesText(listing.entries.length)} match "${dialog.filter}"`,
					...(listing.isPartial
						? [
								'the folder is too large to list whole: some entries and sizes are missing',
							]
						: []),
				]
			: [];
	return (
		<Text wrap="truncate-end" color={theme.text.dim}>
			{parts.join(' · ')}
		</Text>
	);
}

/** The files browser: one folder of a container, entries with mode, owner, size and time. */
export function FilesDialog({dialog, width, height}: Props) {
	const inner = Math.max(10, width - 4);
	const entries = shownEntries(dialog);
	const {listing} = dialog;
	const above =
		listing.status === 'loading'
			? [
					<Text key="loading" color={theme.text.dim}>
						loading…
					</Text>,
				]
			: listing.status === 'failed'
				? [
						<Text key="failed" wrap="truncate-end" color={theme.status.error}>
							{listing.error}
						</Text>,
					]
				: [];
	return (
		<ListingDialog
			title={`Files · ${dialog.containerName}:${dialog.path}`}
			width={width}
			height={height}
			view={dialog.list}
			total={entries.length}
			cursor={dialog.cursor}
			renderItem={index => {
				const entry = entries[index];
				return entry === undefined ? null : (
					<Text
						wrap="truncate-end"
						{...rowColors(index === dialog.cursor, true)}
					>
						{fileRow(entry, inner)}
					</Text>
				);
			}}
			above={above}
			below={[footLine(dialog, entries.length)]}
		/>
	);
}
