import {Box, Text} from 'ink';
import {formatBytes, plural} from '../../format/units.js';
import type {PullDialog as Dialog} from '../../state/pull-dialog.js';
import {
	layerFraction,
	pullTotals,
	type LayerProgress,
	type PullProgress,
} from '../../state/pull-progress.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {TypedLine} from '../components/typed-line.js';
import {fit} from '../format/cells.js';
import {percent, progressBar} from '../format/progress-bar.js';
import {theme} from '../theme.js';

type Props = {
	readonly dialog: Dialog;
	readonly width: number;
	readonly height: number;
};

/** Rows that are not layers: frame, title, note, overall line, a blank, the foot. */
const chromeRows = 7;

function Input({dialog}: {readonly dialog: Dialog}) {
	return (
		<Box flexDirection="column" marginTop={1}>
			<TypedLine prompt="image: " draft={dialog.draft} />
			{dialog.problem === undefined ? (
				<Text color={theme.text.dim} wrap="truncate-end">
					e.g. busybox:1.36, 127.0.0.1:5000/tools/app:2; no tag pulls :latest
				</Text>
			) : (
				<Text color={theme.status.error} wrap="truncate-end">
					✕ {dialog.problem}
				</Text>
			)}
		</Box>
	);
}

function bytes(current: number | undefined, total: number | undefined): string {
	return current === undefined || total === undefined
		? ''
		: `${formatBytes(current)}/${formatBytes(total)}`;
}

function Layer({
	layer,
	barWidth,
}: {
	readonly layer: LayerProgress;
	readonly barWidth: number;
}) {
	const isDone = layer.phase === 'complete' || layer.phase === 'exists';
	return (
		<Text wrap="truncate-end">
			{fit(layer.id, 12)}{' '}
			<Text {...(isDone ? {color: theme.status.ok} : {})}>
				{fit(layer.status, 18)}
			</Text>{' '}
			<Text color={isDone ? theme.status.ok : theme.text.accent}>
				{progressBar(layerFraction(layer), barWidth)}
			</Text>{' '}
			<Text color={theme.text.dim}>{bytes(layer.current, layer.total)}</Text>
		</Text>
	);
}

function Overall({
	progress,
	barWidth,
}: {
	readonly progress: PullProgress;
	readonly barWidth: number;
}) {
	const totals = pullTotals(progress);
	return (
		<Text wrap="truncate-end">
			<Text bold>{fit('overall', 31)}</Text>{' '}
			<Text color={theme.text.accent}>
				{progressBar(totals.fraction, barWidth)}
			</Text>{' '}
			<Text bold>{percent(totals.fraction)}</Text>
			<Text color={theme.text.dim}>
				{' '}
				· {totals.done}/{plural(totals.layers, 'layer')}
				{totals.existing > 0 ? ` (${totals.existing} already there)` : ''}
				{totals.size > 0
					? ` · ${formatBytes(totals.downloaded)}/${formatBytes(totals.size)}`
					: ''}
			</Text>
		</Text>
	);
}

function Progress({dialog, width, height}: Props) {
	const {progress} = dialog;
	const barWidth = Math.max(10, Math.min(30, width - 60));
	const rows = Math.max(1, height - chromeRows);
	// The layers still under way matter most when they do not all fit.
	const unfinished = progress.layers.filter(
		layer => layer.phase !== 'complete' && layer.phase !== 'exists',
	);
	const shown =
		progress.layers.length <= rows
			? progress.layers
			: unfinished.slice(0, rows - 1);
	const hidden = progress.layers.length - shown.length;
	return (
		<Box flexDirection="column">
			<Text color={theme.text.dim} wrap="truncate-end">
				{progress.note ?? 'asking the registry…'}
			</Text>
			{shown.map(layer => (
				<Layer key={layer.id} layer={layer} barWidth={barWidth} />
			))}
			{hidden > 0 ? (
				<Text color={theme.text.dim}>
					… and {plural(hidden, 'more layer')}, done
				</Text>
			) : null}
			{progress.layers.length === 0 ? null : (
				<Overall progress={progress} barWidth={barWidth} />
			)}
			{progress.digest === undefined ? null : (
				<Text wrap="truncate-end">Digest: {progress.digest}</Text>
			)}
			{progress.outcome === undefined ? null : (
				<Text color={theme.status.ok} wrap="truncate-end">
					✓ {progress.outcome}
				</Text>
			)}
		</Box>
	);
}

function Failure({dialog}: {readonly dialog: Dialog}) {
	const {failure} = dialog;
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold color={theme.status.error} wrap="wrap">
				✕ {failure?.message ?? 'the pull failed'}
			</Text>
			{failure?.engineMessage === undefined ? null : (
				<Text wrap="wrap">
					<Text color={theme.text.dim}>the engine said: </Text>
					{failure.engineMessage}
				</Text>
			)}
			{failure?.hint === undefined ? null : (
				<Text color={theme.text.dim} wrap="wrap">
					{failure.hint}
				</Text>
			)}
		</Box>
	);
}

const titles: Readonly<Record<Dialog['stage'], (reference: string) => string>> =
	{
		input: () => 'Pull an image',
		pulling: reference => `Pulling ${reference}`,
		done: reference => `Pulled ${reference}`,
		failed: reference => `Pull of ${reference} failed`,
	};

/** `u`: the reference to pull, then each layer's progress and the whole pull's, then how it ended. */
export function PullDialog({dialog, width, height}: Props) {
	return (
		<DialogFrame
			title={titles[dialog.stage](dialog.reference)}
			width={width}
			height={height}
		>
			{dialog.stage === 'input' ? <Input dialog={dialog} /> : null}
			{dialog.stage === 'pulling' || dialog.stage === 'done' ? (
				<Progress dialog={dialog} width={width} height={height} />
			) : null}
			{dialog.stage === 'failed' ? <Failure dialog={dialog} /> : null}
			<Box flexGrow={1} />
			{dialog.stage === 'input' ? (
				<Text color={theme.text.dim}>
					<Text color={theme.key}>Enter</Text> pulls ·{' '}
					<Text color={theme.key}>Esc</Text> cancels
				</Text>
			) : (
				<Text color={theme.text.dim} wrap="truncate-end">
					<Text color={theme.key}>Esc</Text>{' '}
					{dialog.stage === 'pulling' ? 'calls off the pull' : 'closes'}
					{dialog.stage === 'pulling' ? null : (
						<>
							{' · '}
							<Text color={theme.key}>u</Text>{' '}
							{dialog.stage === 'failed'
								? 'changes the reference'
								: 'pulls another'}
						</>
					)}
				</Text>
			)}
		</DialogFrame>
	);
}
