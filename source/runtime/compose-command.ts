import path from 'node:path';
import {shellWord} from '../format/shell-words.js';
import type {ComposeProject} from '../state/slices.js';

/** The compose program installed: the docker CLI plugin (`docker compose`) or the standalone `docker-compose`. */
export type ComposeProgram = {
	readonly kind: 'plugin' | 'standalone';
	/** What `version --short` printed, e.g. `2.24.5` or `1.29.2`. */
	readonly version: string;
};

/** What `U` and `D` run. */
export type ComposeVerb = 'up' | 'down';

/** A compose command, ready to spawn. */
export type ComposeInvocation = {
	readonly file: string;
	readonly args: readonly string[];
	/** The project's working directory: compose resolves relative paths in the files against it. */
	readonly cwd: string;
	/** The compose files, absolute: what must exist on this machine for the command to work. */
	readonly configFiles: readonly string[];
	/** The same command as a user would type it, for the command log. */
	readonly commandLine: string;
};

/**
 * The command that runs `verb` on `project` with the files and folder it was created from, so
 * that compose finds the same project (`--project-name`) with the same definition. `volumes`
 * (down only) removes the project's named and anonymous volumes too.
 * @returns the invocation, or why the project's labels are not enough to make one.
 */
export function composeInvocation(
	program: ComposeProgram,
	project: ComposeProject,
	verb: ComposeVerb,
	options: {readonly volumes: boolean},
): ComposeInvocation | {readonly error: string} {
	if (project.configFiles.length === 0) {
		return {
			error: `${project.name} recorded no compose files, so compose cannot find its definition`,
		};
	}

	const {workingDir} = project;
	if (!path.isAbsolute(workingDir)) {
		return {
			error: `${project.name} recorded no working directory, so compose cannot find its files`,
		};
	}

	// compose 1.29 records the files relative to the working directory, v2 absolute.
	const configFiles = project.configFiles.map(file =>
		path.resolve(workingDir, file),
	);
	const file = program.kind === 'plugin' ? 'docker' : 'docker-compose';
	const args = [
		...(program.kind === 'plugin' ? ['compose'] : []),
		'--ansi',
		'never',
		'--project-name',
		project.name,
		...configFiles.flatMap(config => ['--file', config]),
		'--project-directory',
		workingDir,
		...(verb === 'up'
			? ['up', '--detach']
			: ['down', ...(options.volumes ? ['--volumes'] : [])]),
	];
	return {
		file,
		args,
		cwd: workingDir,
		configFiles,
		commandLine: [file, ...args].map(shellWord).join(' '),
	};
}
