import type {
	ContainerDetails,
	ImageDetails,
	ImageLayer,
	StartConfig,
} from '../../docker/inspect.js';
import {
	formatAge,
	formatBytes,
	formatMemory,
	plural,
	shortId,
} from '../../format/units.js';
import {shellWord} from '../../format/shell-words.js';
import type {
	NetworkDetails,
	VolumeDetails,
} from '../../docker/volumes-networks.js';
import type {DetailsDialog, DetailsPayload} from '../../state/details.js';
import {conditionOf} from '../../state/container-condition.js';
import {memoizeLast} from '../../state/memo.js';
import {cellWidth, fit} from './cells.js';
import type {Tone} from '../viewer/segments.js';
import {formatPorts} from './ports.js';
import {formatCpus} from './resources.js';
import {stateGlyphs} from './rows.js';

/** How a piece of a details line is drawn: the viewer's tones, less a log's own. */
export type DetailTone = Exclude<Tone, 'stderr' | {readonly source: number}>;

export type DetailSegment = {
	readonly text: string;
	readonly tone: DetailTone;
	/** A row's label: a summary's values line up after its longest, and wrap under themselves. */
	readonly isField?: boolean;
};
export type DetailLine = readonly DetailSegment[];

/** Columns between the longest label and the values. */
const labelGap = 2;

function plain(text: string): DetailSegment {
	return {text, tone: 'plain'};
}

function heading(text: string): DetailLine {
	return [{text, tone: 'heading'}];
}

/** `Label        value`, the value in one or more tones; {@link alignFields} pads the label. */
function row(label: string, ...value: DetailSegment[]): DetailLine {
	return [{text: label, tone: 'label', isField: true}, ...value];
}

/** The column at which a line's label (its first field segment) starts, if it has one. */
function fieldStart(line: DetailLine): number | undefined {
	let column = 0;
	for (const segment of line) {
		if (segment.isField === true) {
			return column;
		}

		column += cellWidth(segment.text);
	}

	return undefined;
}

/** Pads every label so that all values start in one column, the longest label's plus a gap. */
function alignFields(lines: readonly DetailLine[]): DetailLine[] {
	let valueColumn = 0;
	for (const line of lines) {
		const start = fieldStart(line);
		const label = line.find(segment => segment.isField === true);
		if (start !== undefined && label !== undefined) {
			valueColumn = Math.max(
				valueColumn,
				start + cellWidth(label.text) + labelGap,
			);
		}
	}

	return lines.map(line => {
		const start = fieldStart(line);
		return start === undefined
			? line
			: line.map(segment =>
					segment.isField === true
						? {...segment, text: fit(segment.text, valueColumn - start)}
						: segment,
				);
	});
}

/**
 * Where the rows of a wrapped line start: under its value for a labelled row, under its first
 * character for an indented one.
 */
export function hangingIndent(line: DetailLine): number {
	const start = fieldStart(line);
	const label = line.find(segment => segment.isField === true);
	if (start !== undefined && label !== undefined) {
		return start + cellWidth(label.text);
	}

	const text = lineText(line);
	return text.length - text.trimStart().length;
}

function dim(text: string): DetailSegment {
	return {text, tone: 'dim'};
}

/** A section: its heading, then its lines indented, or `none` dimmed. */
function section(
	title: string,
	lines: readonly DetailLine[],
	empty = 'none',
): DetailLine[] {
	return [
		[],
		heading(title),
		...(lines.length === 0
			? [[plain('  '), dim(empty)]]
			: lines.map(line => [plain('  '), ...line])),
	];
}

/** `2026-11-28 07:53:30 (3m ago)` in local time; `-` for a time that never was. */
function when(time: number, now: number): string {
	if (time <= 0) {
		return '-';
	}

	const date = new Date(time);
	const pad = (value: number): string => String(value).padStart(2, '0');
	const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
	return `${stamp} (${formatAge(time, now)} ago)`;
}

function command(words: readonly string[]): string {
	return words.map(word => shellWord(word)).join(' ');
}

function orDefault(value: string, fallback = 'default'): DetailSegment {
	return value === '' ? dim(fallback) : plain(value);
}

/** What a container or an image's containers start with; `more` ends the working dir's line. */
function startLines(
	config: StartConfig,
	...more: DetailSegment[]
): DetailLine[] {
	return [
		row('Entrypoint', orDefault(command(config.entrypoint), 'none')),
		row('Cmd', orDefault(command(config.cmd), 'none')),
		row(
			'Working dir',
			orDefault(config.workingDir, '/'),
			plain(' · user '),
			orDefault(config.user, 'root'),
			...more,
		),
	];
}

function yesNo(value: boolean): string {
	return value ? 'yes' : 'no';
}

function stateLines(details: ContainerDetails, now: number): DetailLine[] {
	const {state} = details;
	const lines: DetailLine[] = [];
	// The glyph the lists show for it, so that the two are read alike.
	const glyph = `${
		stateGlyphs[
			conditionOf({
				state: state.status,
				exitCode: state.exitCode,
				health: details.health?.status,
				oomKilled: state.oomKilled,
			})
		]
	} `;
	if (state.status === 'running' || state.status === 'paused') {
		lines.push(
			row(
				'State',
				{text: glyph + state.status, tone: 'ok'},
				plain(` · pid ${state.pid} · started ${when(state.startedAt, now)}`),
			),
		);
	} else {
		lines.push(
			row(
				'State',
				{
					text: `${glyph}${state.status} (exit code ${state.exitCode})`,
					tone: state.exitCode === 0 ? 'plain' : 'error',
				},
				plain(
					state.finishedAt > 0
						? ` · finished ${when(state.finishedAt, now)}`
						: '',
				),
			),
		);
	}

	lines.push(
		row(
			'OOMKilled',
			state.oomKilled
				? {text: 'yes: the kernel killed it for lack of memory', tone: 'error'}
				: plain('no'),
		),
	);
	if (state.error !== '') {
		lines.push(row('Error', {text: state.error, tone: 'error'}));
	}

	const {health} = details;
	if (health !== undefined) {
		lines.push(
			row(
				'Health',
				{
					text: health.status,
					tone:
						health.status === 'healthy'
							? 'ok'
							: health.status === 'unhealthy'
								? 'error'
								: 'warning',
				},
				plain(
					` · failing streak ${health.failingStreak}${health.lastExitCode === undefined ? '' : ` · last probe exited ${health.lastExitCode}`}${health.lastOutput === '' ? '' : `: ${health.lastOutput}`}`,
				),
			),
		);
	}

	const {restartPolicy} = details;
	lines.push(
		row(
			'Restart',
			orDefault(restartPolicy.name, 'no'),
			plain(
				`${restartPolicy.maximumRetryCount > 0 ? ` (at most ${restartPolicy.maximumRetryCount} retries)` : ''} · restarted ${plural(details.restartCount, 'time')}`,
			),
		),
	);
	return lines;
}

function limitLines(details: ContainerDetails): DetailLine[] {
	const {limits} = details;
	const memory =
		limits.memory === undefined ? undefined : formatMemory(limits.memory);
	const memoryNotes = [
		limits.memoryReservation === undefined
			? ''
			: `reservation ${formatMemory(limits.memoryReservation)}`,
		limits.memorySwap === undefined
			? ''
			: limits.memorySwap < 0
				? 'swap unlimited'
				: `memory+swap ${formatMemory(limits.memorySwap)}`,
	].filter(Boolean);
	return [
		row(
			'Memory',
			memory === undefined ? dim('unlimited') : plain(memory),
			plain(memoryNotes.length > 0 ? ` (${memoryNotes.join(', ')})` : ''),
		),
		row(
			'CPUs',
			limits.cpus === undefined
				? dim('unlimited')
				: plain(formatCpus(limits.cpus)),
			plain(
				[
					limits.cpuShares === undefined ? '' : ` · shares ${limits.cpuShares}`,
					limits.cpusetCpus === '' ? '' : ` · cpuset ${limits.cpusetCpus}`,
				].join(''),
			),
		),
		row(
			'PIDs',
			limits.pids === undefined ? dim('unlimited') : plain(String(limits.pids)),
		),
	];
}

function namespaceLines(details: ContainerDetails): DetailLine[] {
	const {namespaces} = details;
	return [
		row('PID', orDefault(namespaces.pid)),
		row('IPC', orDefault(namespaces.ipc)),
		row('UTS', orDefault(namespaces.uts)),
		row('Network', orDefault(namespaces.network)),
		row('User', orDefault(namespaces.user)),
		row('Cgroup', orDefault(namespaces.cgroup)),
		row('Cgroup parent', orDefault(details.cgroupParent)),
	];
}

/** A section of `key=value` lines (labels, driver options), its title with their count. */
function pairsSection(
	title: string,
	pairs: Readonly<Record<string, string>>,
): DetailLine[] {
	const entries = Object.entries(pairs);
	return section(
		`${title} (${entries.length})`,
		entries.map(([key, value]) => [
			{text: key, tone: 'label'},
			plain(`=${value}`),
		]),
	);
}

function envLines(env: readonly string[]): DetailLine[] {
	return env.map(entry => {
		const equals = entry.indexOf('=');
		return equals === -1
			? [plain(entry)]
			: [
					{text: entry.slice(0, equals), tone: 'label'},
					plain(entry.slice(equals)),
				];
	});
}

/** The summary of a container: what it runs, how it is doing, and what it may use. */
export function containerLines(
	details: ContainerDetails,
	now: number,
): DetailLine[] {
	const ports = formatPorts(details.ports);
	return [
		row('Name', plain(details.name)),
		row('ID', plain(details.id)),
		row('Image', plain(details.image), dim(` (${shortId(details.imageId)})`)),
		row('Created', plain(when(details.createdAt, now))),
		...stateLines(details, now),
		row('Command', plain(command([...details.entrypoint, ...details.cmd]))),
		...startLines(details, plain(` · tty ${yesNo(details.tty)}`)),
		...section('Limits', limitLines(details)),
		...section('Namespaces and cgroup', namespaceLines(details)),
		...section(`Environment (${details.env.length})`, envLines(details.env)),
		...section(
			`Mounts (${details.mounts.length})`,
			details.mounts.map(mount => [
				{text: fit(mount.type, 7), tone: 'label'},
				plain(
					`${mount.type === 'volume' ? mount.name : mount.source} → ${mount.destination}`,
				),
				dim(
					` (${mount.readWrite ? 'rw' : 'ro'}${mount.mode === '' ? '' : `, ${mount.mode}`})`,
				),
			]),
		),
		...section('Ports', ports === '' ? [] : [[plain(ports)]], 'none exposed'),
		...section(
			'Networks',
			details.networks.map(network => [
				plain(network.name),
				dim(network.ipAddress === '' ? '' : ` ${network.ipAddress}`),
			]),
		),
		...section('Security', [
			row('Privileged', plain(yesNo(details.privileged))),
			row('Read-only fs', plain(yesNo(details.readOnlyRootfs))),
			row(
				'Capabilities',
				orDefault(
					[
						...details.capAdd.map(cap => `+${cap}`),
						...details.capDrop.map(cap => `-${cap}`),
					].join(' '),
				),
			),
		]),
		...pairsSection('Labels', details.labels),
		...section('Logging', [row('Driver', orDefault(details.logDriver))]),
	];
}

/** Columns of the history table: id, age and size fit; what made the layer takes the rest. */
function layerLine(layer: ImageLayer, now: number): DetailLine {
	return [
		{
			text: `${fit(layer.id === '' ? '<missing>' : shortId(layer.id), 12)}  `,
			tone: layer.id === '' ? 'dim' : 'plain',
		},
		plain(
			`${fit(formatAge(layer.createdAt, now), 7, 'right')}  ${fit(formatBytes(layer.size), 8, 'right')}  `,
		),
		plain(layer.createdBy),
		dim(layer.comment === '' ? '' : `  ${layer.comment}`),
	];
}

/** The summary of an image, then its history: each layer, newest first, as `docker history` lists them. */
export function imageLines(
	details: ImageDetails,
	history: readonly ImageLayer[],
	now: number,
): DetailLine[] {
	const platform = [details.os, details.architecture, details.variant]
		.filter(Boolean)
		.join('/');
	return [
		row('ID', plain(details.id)),
		row('Tags', orDefault(details.tags.join(', '), 'none (dangling)')),
		row('Digests', orDefault(details.digests.join(', '), 'none')),
		row('Created', plain(when(details.createdAt, now))),
		row(
			'Size',
			plain(formatBytes(details.size)),
			dim(` · ${plural(details.layerCount, 'layer')}`),
		),
		row('Platform', orDefault(platform, '?')),
		...(details.author === '' ? [] : [row('Author', plain(details.author))]),
		...startLines(details),
		row('Exposed ports', orDefault(details.exposedPorts.join(', '), 'none')),
		...section(`Environment (${details.env.length})`, envLines(details.env)),
		...pairsSection('Labels', details.labels),
		...section(
			`History (${plural(history.length, 'step')}, newest first)`,
			history.length === 0
				? []
				: [
						[
							{
								text: `${fit('IMAGE', 12)}  ${fit('CREATED', 7, 'right')}  ${fit('SIZE', 8, 'right')}  CREATED BY`,
								tone: 'dim',
							},
						],
						...history.map(layer => layerLine(layer, now)),
					],
		),
	];
}

/** The summary of a volume: where its data lives and who mounts it. */
export function volumeLines(
	details: VolumeDetails,
	usedBy: readonly string[],
	now: number,
): DetailLine[] {
	return [
		row('Name', plain(details.name)),
		row('Driver', plain(details.driver), dim(` · scope ${details.scope}`)),
		row('Mountpoint', orDefault(details.mountpoint, '-')),
		row('Created', plain(when(details.createdAt, now))),
		...section(
			`Used by (${usedBy.length})`,
			usedBy.map(name => [plain(name)]),
			'no container: prune or d may remove it',
		),
		...pairsSection('Options', details.options),
		...pairsSection('Labels', details.labels),
	];
}

/** The summary of a network: its addressing and who is attached (with addresses, while running). */
export function networkLines(
	details: NetworkDetails,
	attached: readonly string[],
	now: number,
): DetailLine[] {
	const addresses = new Map(
		details.containers.map(container => [
			container.name,
			[container.ipv4, container.ipv6].filter(Boolean).join(' '),
		]),
	);
	return [
		row('Name', plain(details.name)),
		row('ID', plain(details.id)),
		row('Driver', plain(details.driver), dim(` · scope ${details.scope}`)),
		row(
			'Internal',
			plain(yesNo(details.internal)),
			dim(
				` · attachable ${yesNo(details.attachable)} · IPv6 ${yesNo(details.ipv6)}`,
			),
		),
		row('Created', plain(when(details.createdAt, now))),
		...section(
			'IPAM',
			details.ipam.map(entry => [
				plain(entry.subnet),
				dim(
					`${entry.gateway === '' ? '' : ` gateway ${entry.gateway}`}${entry.ipRange === '' ? '' : ` range ${entry.ipRange}`}`,
				),
			]),
			'no subnet',
		),
		...section(
			`Containers (${attached.length})`,
			attached.map(name => [
				plain(name),
				dim(
					addresses.has(name)
						? ` ${addresses.get(name) ?? ''}`
						: ' (not running)',
				),
			]),
		),
		...pairsSection('Options', details.options),
		...pairsSection('Labels', details.labels),
	];
}

/** A JSON line with its key set apart from its value. */
function jsonLine(line: string): DetailLine {
	const key = /^(\s*)("(?:[^"\\]|\\.)*")(: ?)(.*)$/.exec(line);
	if (key === null) {
		return [plain(line)];
	}

	const [, indent = '', name = '', colon = '', value = ''] = key;
	return [plain(indent), {text: name, tone: 'label'}, plain(colon + value)];
}

const summaries: {
	readonly [K in DetailsPayload['kind']]: (
		payload: Extract<DetailsPayload, {kind: K}>,
		now: number,
	) => DetailLine[];
} = {
	container: (payload, now) => containerLines(payload.inspected.details, now),
	image: (payload, now) =>
		imageLines(payload.inspected.details, payload.history, now),
	volume: (payload, now) =>
		volumeLines(payload.inspected.details, payload.usedBy, now),
	network: (payload, now) =>
		networkLines(payload.inspected.details, payload.attached, now),
};

function summaryOf(payload: DetailsPayload, now: number): DetailLine[] {
	const render = summaries[payload.kind] as (
		payload: DetailsPayload,
		now: number,
	) => DetailLine[];
	return alignFields(render(payload, now));
}

/** The lines a details dialog shows in its current view; empty until loaded. */
export const detailsLines = memoizeLast(
	(
		content: DetailsDialog['content'],
		view: DetailsDialog['view'],
		now: number,
	): readonly DetailLine[] => {
		if (content.status !== 'loaded') {
			return [];
		}

		return view === 'json'
			? content.payload.inspected.json.split('\n').map(jsonLine)
			: summaryOf(content.payload, now);
	},
);

/** A line as plain text: what the search looks in. */
export function lineText(line: readonly {readonly text: string}[]): string {
	return line.map(segment => segment.text).join('');
}
