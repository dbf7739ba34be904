import {Box, Text} from 'ink';
import {useCallback} from 'react';
import {historyLength, type AppState} from '../../state/app-state.js';
import {historySize, historyValues} from '../../state/history.js';
import {selectedId} from '../../state/selectors.js';
import {
	cpuScale,
	formatCpus,
	formatPercent,
	historyGraph,
	memoryScale,
} from '../format/resources.js';
import {formatBytes, formatMemory} from '../../format/units.js';
import type {ResourceUsage} from '../../state/resource-usage.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';
import {hostMemoryOf} from '../../state/fleet.js';

type Props = {readonly width: number; readonly height: number};

function total(bytes: number | undefined): string {
	return bytes === undefined ? '–' : formatBytes(bytes);
}

/** One chart, a text line per row. */
function Chart({
	lines,
	color,
	width,
}: {
	readonly lines: readonly string[];
	readonly color: string;
	readonly width: number;
}) {
	return (
		<Box flexDirection="column" width={width}>
			{lines.map((line, index) => (
				// Rows of a chart never reorder, so their position is their identity.
				<Text key={index} color={color}>
					{line}
				</Text>
			))}
		</Box>
	);
}

/** Totals since the container started, and the cgroup's pressure. */
function totalsLine(usage: ResourceUsage): string {
	return [
		`net ↓${total(usage.networkRx)} ↑${total(usage.networkTx)}`,
		`block read ${total(usage.blockRead)} written ${total(usage.blockWrite)}`,
		usage.throttledRatio === undefined
			? 'not throttled'
			: `throttled in ${formatPercent(usage.throttledRatio * 100)} of periods (${(usage.throttledPerSecond ?? 0).toFixed(1)}/s)`,
		`OOM kills ${usage.oomKills ?? '–'}`,
	].join(' · ');
}

const selectSelected = (state: AppState) => selectedId(state, 'resources');

/** The last minute of CPU and memory of the selected container, as two charts side by side. */
export function HistoryPanel({width, height}: Props) {
	const id = useAppState(selectSelected);
	const name = useAppState(
		useCallback(
			(state: AppState) =>
				id === undefined ? undefined : state.containers.byId.get(id)?.name,
			[id],
		),
	);
	const snapshot = useAppState(
		useCallback(
			(state: AppState) =>
				id === undefined ? undefined : state.resources.byId.get(id),
			[id],
		),
	);
	const hostMemory = useAppState(
		useCallback(
			(state: AppState) =>
				id === undefined ? undefined : hostMemoryOf(state, id),
			[id],
		),
	);
	// One cell per sample: wider than the history would only add blank space.
	const chartWidth = Math.min(
		historyLength,
		Math.max(10, Math.floor((width - 4) / 2) - 2),
	);
	// Below the name line and the totals line, above the scale line.
	const chartHeight = Math.max(1, height - 3);
	if (snapshot === undefined || name === undefined) {
		return (
			<Box height={height} width={width} paddingX={1}>
				<Text color={theme.text.dim}>
					select a running container to see its last minute
				</Text>
			</Box>
		);
	}

	const {usage} = snapshot;
	const cpuMax = cpuScale(snapshot);
	const memoryMax = memoryScale(snapshot);
	const cpu = historyGraph(
		historyValues(snapshot.cpuHistory),
		chartWidth,
		chartHeight,
		cpuMax,
	);
	const memory = historyGraph(
		historyValues(snapshot.memoryHistory),
		chartWidth,
		chartHeight,
		memoryMax,
	);
	return (
		<Box flexDirection="column" height={height} width={width} paddingX={1}>
			<Text wrap="truncate-end">
				<Text bold>{name}</Text>
				<Text color={theme.text.dim}>
					{'  '}last {historySize(snapshot.cpuHistory)}s · CPU{' '}
					{formatPercent(usage.cpuPercent)} of{' '}
					{usage.cpuLimit === undefined
						? 'no limit'
						: formatCpus(usage.cpuLimit)}{' '}
					· MEM{' '}
					{usage.memoryUsage === undefined
						? '–'
						: formatMemory(usage.memoryUsage)}{' '}
					of{' '}
					{usage.memoryLimit === undefined
						? `host ${formatMemory(hostMemory ?? 0)}`
						: formatMemory(usage.memoryLimit)}
				</Text>
			</Text>
			<Text wrap="truncate-end" color={theme.text.dim}>
				{totalsLine(usage)}
			</Text>
			<Box>
				<Chart lines={cpu} color={theme.chart.cpu} width={chartWidth + 2} />
				<Chart
					lines={memory}
					color={theme.chart.memory}
					width={chartWidth + 2}
				/>
			</Box>
			<Text color={theme.text.dim} wrap="truncate-end">
				{`CPU, top = ${formatPercent(cpuMax)}`.padEnd(chartWidth + 2)}
				{`memory, top = ${formatMemory(memoryMax)}`}
			</Text>
		</Box>
	);
}
