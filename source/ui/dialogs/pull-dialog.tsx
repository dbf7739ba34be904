import {Box, Text} from 'ink';
import {formatBytes, plural} from '../../format/units.js';
import type {PullDialog as Dialog} from '../../state/pull-dialog.js';
import {
	layerFraction,
	pullTotals,
	type LayerProgress,
	type PullProgress,
} from '../../state/pull-progress.js';
import {DialogFrame, type DialogProps} from '../components/dialog-frame.js';
import {TypedLine} from '../components/typed-line.js';
import {fit} from '../format/cells.js';
import {percent, progressBar} from '../format/progress-bar.js';
import {theme} from '../theme.js';
import {ListingDialog} from './listing-dialog.js';
import {onEngineText} from '../../state/engine-choice.js';

type Props = DialogProps<Dialog>;

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

function Foot({dialog}: {readonly dialog: Dialog}) {
	return dialog.stage === 'input' ? (
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
	);
}

/** Each layer's progress, however many there are, and the whole pull's; then how it ended. */
function Progress({dialog, width, height}: Props) {
	const {progress} = dialog;
	const barWidth = Math.max(10, Math.min(30, width - 60));
	return (
		<ListingDialog
			title={
				titles[dialog.stage](dialog.reference) + onEngineText(dialog.engine)
			}
			width={width}
			height={height}
			view={dialog.list}
			total={progress.layers.length}
			renderItem={index => {
				const layer = progress.layers[index];
				return layer === undefined ? null : (
					<Layer layer={layer} barWidth={barWidth} />
				);
			}}
			above={[
				<Text key="note" color={theme.text.dim} wrap="truncate-end">
					{progress.note ?? 'asking the registry…'}
				</Text>,
			]}
			below={[
				...(progress.layers.length === 0
					? []
					: [
							<Overall key="overall" progress={progress} barWidth={barWidth} />,
						]),
				...(progress.digest === undefined
					? []
					: [
							<Text key="digest" wrap="truncate-end">
								Digest: {progress.digest}
							</Text>,
						]),
				...(progress.outcome === undefined
					? []
					: [
							<Text key="outcome" color={theme.status.ok} wrap="truncate-end">
								✓ {progress.outcome}
							</Text>,
						]),
				<Foot key="foot" dialog={dialog} />,
			]}
		/>
	);
}

/** `u`: the reference to pull, then each layer's progress and the whole pull's, then how it ended. */
export function PullDialog({dialog, width, height}: Props) {
	if (dialog.stage === 'pulling' || dialog.stage === 'done') {
		return <Progress dialog={dialog} width={width} height={height} />;
	}

	return (
		<DialogFrame
			title={
				titles[dialog.stage](dialog.reference) + onEngineText(dialog.engine)
			}
			width={width}
			height={height}
		>
			{dialog.stage === 'input' ? <Input dialog={dialog} /> : null}
			{dialog.stage === 'failed' ? <Failure dialog={dialog} /> : null}
			<Box flexGrow={1} />
			<Foot dialog={dialog} />
		</DialogFrame>
	);
}
