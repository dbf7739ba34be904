import type {ContainerDetails} from '../../../docker/inspect.js';
import {formatMemory, plural, shortId} from '../../../format/units.js';
import {conditionOf} from '../../../state/container-condition.js';
import {fit} from '../cells.js';
import {formatPorts} from '../ports.js';
import {formatCpus} from '../resources.js';
import {stateGlyphs} from '../rows.js';
import {dim, plain, row, section, type DetailLine} from './segments.js';
import {
	command,
	envLines,
	orDefault,
	pairsSection,
	startLines,
	when,
	yesNo,
} from './values.js';

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
