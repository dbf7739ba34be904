import type {IsolationReport} from '../docker/isolation.js';

/** The lines of a container's isolation, for the pager: namespaces, cgroup, weakenings. */
export function isolationLines(report: IsolationReport): string[] {
	const {namespaces, cgroup, weakenings} = report;
	return [
		'Namespaces',
		...(namespaces === undefined
			? [
					'  read from /proc: only for a running container of an engine on this machine',
				]
			: namespaces.map(
					({kind, inode, sharedWith}) =>
						`  ${kind.padEnd(7)}${(inode ?? '-').padEnd(12)}${
							inode === undefined
								? 'not available'
								: sharedWith.length === 0
									? 'its own'
									: `shared with ${sharedWith.join(', ')}`
						}`,
				)),
		'',
		...(cgroup === undefined
			? [
					'Cgroup',
					'  read from cgroupfs: only for a running container of an engine on this machine',
				]
			: [
					`Cgroup v${cgroup.version}`,
					...cgroup.paths.map(path => `  ${path}`),
					...cgroup.settings.map(
						({file, value}) => `  ${file.padEnd(32)}${value}`,
					),
				]),
		'',
		...(weakenings.length === 0
			? ['Isolation: no setting weakens it']
			: [
					'Isolation weakened by',
					...weakenings.map(weakening => `  ! ${weakening}`),
				]),
	];
}
