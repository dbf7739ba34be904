import {Box, Text} from 'ink';
import type {SystemDetails} from '../../docker/system.js';
import {formatAge, formatMemory, plural} from '../../format/units.js';
import type {AppState} from '../../state/app-state.js';
import {systemSummary} from '../../state/system-view.js';
import {PaneFrame} from '../components/pane-frame.js';
import {systemColumns} from '../format/resource-rows.js';
import {useAppState} from '../hooks/use-app-state.js';
import {theme} from '../theme.js';
import type {PaneSize} from './collection-pane.js';
import {ListPane} from './list-pane.js';
import {SystemRow} from './system-row.js';

const selectDetails = (state: AppState) => state.system.details;
const selectMeasured = (state: AppState) => state.system.disk !== undefined;
/** Rows before the filter: each category and its items. */
const selectTotal = (state: AppState) =>
	systemSummary(state).reduce((sum, usage) => sum + 1 + usage.items.length, 0);

const selectLoadingText = (state: AppState) =>
	state.system.error === undefined
		? 'measuring disk usage (system df)…'
		: `disk usage unavailable: ${state.system.error} (r tries again)`;

const selectMode = (state: AppState) => {
	const {measuredAt, isMeasuring, error, order} = state.system;
	const when = isMeasuring
		? 'measuring…'
		: error === undefined
			? measuredAt === undefined
				? ''
				: `measured ${formatAge(measuredAt, state.clock)} ago`
			: `last try failed: ${error}`;
	return [when, order === 'size' ? 'largest first' : 'by name']
		.filter(Boolean)
		.join(' · ');
};

/**
 * `docker version` and `docker info` essentials, one topic a line. The engine's image count takes
 * in the intermediate images of builds, which no list shows (the header counts the listed ones).
 */
export function engineLines(details: SystemDetails): string[] {
	const {engine, containers} = details;
	const lines = [
		`${engine.product} ${engine.version} · API ${engine.apiVersion}${details.minApiVersion === '' ? '' : ` (min ${details.minApiVersion})`} · ${engine.os}/${engine.arch}`,
		`${plural(details.cpus, 'CPU')} · ${formatMemory(details.memory)} · ${details.operatingSystem || '?'} · kernel ${details.kernel || '?'} · ${details.hostname || '?'}`,
		`cgroup ${details.cgroupDriver || '?'} v${details.cgroupVersion} · storage ${details.storageDriver || '?'} · swarm ${details.swarm}${details.isSwarmManager ? ' (manager)' : ''}`,
		`${plural(details.images, 'image')} incl. intermediate · ${plural(containers.total, 'container')} (${containers.running} running, ${containers.paused} paused, ${containers.stopped} stopped) · root ${details.rootDir || '?'}`,
	];
	const [warning, ...more] = details.warnings.map(text =>
		text.replace(/^WARNING:\s*/, ''),
	);
	return warning === undefined
		? lines
		: [
				...lines,
				`${warning}${more.length > 0 ? ` (+${more.length} more)` : ''}`,
			];
}

const labels = ['Engine', 'Host', 'Runtime', 'Objects', 'Warning'];

/** The engine and its host above, disk usage below: what `docker version`, `info` and `system df -v` tell. */
export function SystemPane({width, height}: PaneSize) {
	const details = useAppState(selectDetails);
	const loadingText = useAppState(selectLoadingText);
	const mode = useAppState(selectMode);
	const lines =
		details === undefined
			? ['reading docker version and info…']
			: engineLines(details);
	// Two rows of frame around the lines; the disk usage list takes what is left.
	const infoHeight = Math.min(lines.length + 2, Math.max(3, height - 6));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<PaneFrame title="8 System" isFocused width={width} height={infoHeight}>
				{lines.map((line, index) => (
					<Text key={labels[index]} wrap="truncate-end">
						{details === undefined ? null : (
							<Text color={theme.text.dim}>
								{(labels[index] ?? '').padEnd(8)}
							</Text>
						)}
						{line}
					</Text>
				))}
			</PaneFrame>
			<ListPane
				pane="system"
				title="Disk usage"
				mode={mode}
				columns={systemColumns}
				width={width}
				height={height - infoHeight}
				selectTotal={selectTotal}
				selectLoaded={selectMeasured}
				loadingText={loadingText}
				emptyText="nothing measured"
				Row={SystemRow}
			/>
		</Box>
	);
}
