import {Box, Text} from 'ink';
import {
	pruneBytes,
	pruneCategories,
	pruneKey,
	pruneRows,
	type PruneCategory,
	type PruneDialog as Dialog,
	type PruneItem,
	type PruneRow,
} from '../../state/prune-dialog.js';
import {formatBytes, plural} from '../../format/units.js';
import {DialogFrame, type DialogProps} from '../components/dialog-frame.js';
import {fit} from '../format/cells.js';
import {theme} from '../theme.js';
import type {AppState} from '../../state/app-state.js';
import {onEngineText} from '../../state/engine-choice.js';
import {useAppState} from '../hooks/use-app-state.js';
import {ListingDialog, type ListContent} from './listing-dialog.js';
import {ChoiceRow} from '../components/choice-row.js';
import {pruneChoices} from '../dialog-choices.js';

type Props = DialogProps<Dialog>;

/**
 * Where a fleet's prune goes, for its title: the engine `F` shows alone, else every engine;
 * nothing on one engine.
 */
const selectScope = (state: AppState): string | undefined =>
	state.fleet === undefined ? undefined : (state.ui.engine ?? 'every engine');

const categoryNames: Readonly<Record<PruneCategory, string>> = {
	containers: 'stopped containers',
	'dangling-images': 'dangling images (untagged, unused)',
	'unused-images': 'unused images, tagged ones too',
	volumes: 'unused volumes',
	networks: 'unused networks',
	'build-cache': 'build cache not in use',
};

function ageText(hours: number): string {
	return hours === 0
		? 'any age'
		: hours % 24 === 0
			? `older than ${hours / 24}d`
			: `older than ${hours}h`;
}

function Choose({dialog}: {readonly dialog: Dialog}) {
	return (
		<Box flexDirection="column" marginTop={1}>
			{pruneCategories.map((category, index) => (
				<Text
					key={category}
					wrap="truncate-end"
					inverse={index === dialog.cursor}
				>
					{dialog.categories.has(category) ? ' [x] ' : ' [ ] '}
					{categoryNames[category]}
					{category === 'volumes'
						? dialog.allVolumes
							? ': named and anonymous'
							: ': anonymous only'
						: ''}
				</Text>
			))}
			<Text> </Text>
			<Text wrap="truncate-end">
				<Text color={theme.key}>u</Text> age: {ageText(dialog.olderThanHours)}
				{'   '}
				<Text color={theme.key}>A</Text> volumes:{' '}
				{dialog.allVolumes ? 'named too' : 'anonymous only'}
				{'   '}
				<Text color={theme.key}>a</Text> everything
			</Text>
			<Text wrap="truncate-end">
				<Text color={theme.key}>l</Text> label:{' '}
				{dialog.isEditingLabel ? (
					<>
						{dialog.label}
						<Text inverse> </Text>
						<Text color={theme.text.dim}> key or key=value · Enter done</Text>
					</>
				) : dialog.label === '' ? (
					'any'
				) : (
					`${dialog.label} (build cache has no labels: left out)`
				)}
			</Text>
			<Text wrap="truncate-end">
				<Text color={theme.key}>Space</Text> toggle ·{' '}
				<Text color={theme.key}>Enter</Text> preview exactly what would go
				(nothing is removed yet) · <Text color={theme.key}>Esc</Text> cancel
			</Text>
		</Box>
	);
}

/** One item of the preview: marked or not, what it is, what it frees and why it goes. */
function ItemRow({
	item,
	isMarked,
	isCursor,
	nameWidth,
}: {
	readonly item: PruneItem;
	readonly isMarked: boolean;
	readonly isCursor: boolean;
	readonly nameWidth: number;
}) {
	return (
		<Text wrap="truncate-end" inverse={isCursor}>
			{isMarked ? ' [x] ' : ' [ ] '}
			{fit(item.category.replace('-', ' '), 15)}
			{'  '}
			{/* Every tag that goes, not only the first: the preview names all it touches. */}
			{fit(item.tags.length > 1 ? item.tags.join(', ') : item.name, nameWidth)}
			{'  '}
			{fit(item.size === undefined ? '–' : formatBytes(item.size), 8, 'right')}
			{'  '}
			<Text color={theme.text.dim}>{item.detail}</Text>
		</Text>
	);
}

/** An engine's heading in a fleet's preview: its marked items and what they free, or why it has none. */
function engineHeading(row: Extract<PruneRow, {kind: 'engine'}>): string {
	const {engine, items, marked, reclaims} = row;
	return engine.note === undefined
		? items.length === 0
			? `${engine.name}: nothing to prune`
			: `${engine.name}: ${marked} of ${items.length} marked · reclaims ${formatBytes(reclaims)}`
		: `${engine.name}: ${engine.note}`;
}

/** The preview: every item that would go, with its size, and the total; in a fleet, by engine. */
function preview(dialog: Dialog, width: number): ListContent {
	const line = pruneChoices(dialog);
	const rows = pruneRows(dialog);
	const chosen = dialog.items.filter(
		item => !dialog.skipped.has(pruneKey(item)),
	);
	const nameWidth = Math.max(10, Math.floor((width - 30) / 2));
	const engines =
		dialog.engines.length === 0
			? ''
			: ` on ${plural(dialog.engines.filter(engine => engine.note === undefined).length, 'engine')}`;
	return {
		total: rows.length,
		cursor: dialog.cursor,
		renderItem(index) {
			const row = rows[index];
			const isCursor = index === dialog.cursor;
			return row === undefined ? null : row.kind === 'item' ? (
				<ItemRow
					item={row.item}
					isMarked={!dialog.skipped.has(pruneKey(row.item))}
					isCursor={isCursor}
					nameWidth={nameWidth}
				/>
			) : (
				<Text
					wrap="truncate-end"
					{...(row.engine.note === undefined
						? {bold: true}
						: {color: theme.text.dim})}
					inverse={isCursor}
				>
					{`── ${engineHeading(row)}`}
				</Text>
			);
		},
		above: [
			dialog.items.length === 0 ? (
				<Text color={theme.text.dim} wrap="truncate-end">
					nothing to prune: no item matches the chosen categories{engines} · Esc
					closes
				</Text>
			) : (
				<Text wrap="truncate-end">
					{`${chosen.length} of ${dialog.items.length} items marked${engines} · reclaims ${formatBytes(pruneBytes(chosen))}`}
				</Text>
			),
		],
		below: line === undefined ? [] : [<ChoiceRow key="keys" line={line} />],
	};
}

/** What the prune did, line by line, however many lines. */
function report(dialog: Dialog): ListContent {
	return {
		total: dialog.report.length,
		renderItem: index => (
			<Text wrap="truncate-end">{dialog.report[index]}</Text>
		),
		below: [
			<Text key="close" color={theme.text.dim}>
				Enter or Esc closes
			</Text>,
		],
	};
}

/**
 * The prune: choose categories, see the itemised list of exactly what would go with sizes and the
 * total, unmark what should stay, then remove exactly those items and read what happened.
 */
export function PruneDialog({dialog, width, height}: Props) {
	const title = `Prune${onEngineText(useAppState(selectScope))}`;
	if (dialog.stage === 'preview' || dialog.stage === 'done') {
		return (
			<ListingDialog
				title={title}
				width={width}
				height={height}
				view={dialog.list}
				{...(dialog.stage === 'preview'
					? preview(dialog, width)
					: report(dialog))}
			/>
		);
	}

	return (
		<DialogFrame title={title} width={width} height={height}>
			{dialog.stage === 'choose' ? <Choose dialog={dialog} /> : null}
			{dialog.stage === 'loading' ? <Text>listing what would go…</Text> : null}
			{dialog.stage === 'running' ? <Text>removing…</Text> : null}
		</DialogFrame>
	);
}
