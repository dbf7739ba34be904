import {Text} from 'ink';
import type {ReactNode} from 'react';
import type {AppState} from '../../state/app-state.js';
import {
	processUnderCursor,
	type ProcessesDialog as Dialog,
} from '../../state/processes-view.js';
import {processHeader, processRow} from '../format/process-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {rowColors, theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';
import {ChoiceRow} from '../components/choice-row.js';
import {signalChoices} from '../dialog-choices.js';

type Props = {
	readonly dialog: Dialog;
	readonly width: number;
	readonly height: number;
};

const selectClock = (state: AppState) => state.clock;

/**
 * The lines at the foot: the choice of a signal, or where the figures come from. The signals have
 * a line of their own, so that every one on offer shows however long the target's command.
 */
function footLines(dialog: Dialog): ReactNode[] {
	const signals = signalChoices(dialog);
	if (signals !== undefined) {
		const target = processUnderCursor(dialog);
		return [
			<Text key="target" wrap="truncate-end" color={theme.pending}>
				{`send to PID ${target?.nsPid ?? '?'} (${target?.command ?? ''}):`}
			</Text>,
			<ChoiceRow key="signals" line={signals} />,
		];
	}

	const {sample, error} = dialog;
	const parts = [
		...(sample === undefined
			? []
			: [
					`${sample.processes.length} ${sample.processes.length === 1 ? 'process' : 'processes'}`,
					sample.source === 'proc'
						? 'read from /proc each second'
						: "from the engine's /top every 5 s",
				]),
		...(error === undefined ? [] : [error]),
	];
	return [
		<Text
			key="source"
			wrap="truncate-end"
			color={error === undefined ? theme.text.dim : theme.status.error}
		>
			{parts.join(' · ')}
		</Text>,
	];
}

/** A container's processes, live: the host's PID and the container's, CPU, memory, command. */
export function ProcessesDialog({dialog, width, height}: Props) {
	const now = useAppState(selectClock);
	const inner = Math.max(10, width - 4);
	const processes = dialog.sample?.processes ?? [];
	return (
		<ListingDialog
			title={`Processes · ${dialog.containerName}`}
			width={width}
			height={height}
			view={dialog.list}
			total={processes.length}
			cursor={dialog.cursor}
			renderItem={index => {
				const process = processes[index];
				return process === undefined ? null : (
					<Text
						wrap="truncate-end"
						{...rowColors(index === dialog.cursor, true)}
					>
						{processRow(process, now, inner)}
					</Text>
				);
			}}
			above={[
				<Text key="header" color={theme.text.title} wrap="truncate-end">
					{processHeader(inner)}
				</Text>,
				...(dialog.sample === undefined && dialog.error === undefined
					? [
							<Text key="loading" color={theme.text.dim}>
								loading…
							</Text>,
						]
					: []),
			]}
			below={footLines(dialog)}
		/>
	);
}
