import {spawn} from 'node:child_process';
import type {HostShell} from '../../source/docker/host-shell.js';

/** A shell command that takes a script after `-c`: dash as `/bin/sh`, or busybox's. */
export const shells = {
	sh: ['/bin/sh'],
	busybox: ['busybox', 'sh'],
} as const;

/** A {@link HostShell} on this machine, as an ssh engine's shell would be on the far one; counts its runs. */
export type LocalShell = HostShell & {
	/** How many scripts were run. */
	readonly runs: () => number;
	/** The last script run. */
	readonly lastScript: () => string | undefined;
};

/**
 * Runs each script with `command -c script`, like `ssh host sh -c script`, rejecting on a non-zero
 * exit. `mounts` make directories of this machine stand for the far machine's (`/sys/fs/cgroup` →
 * a fixture tree): their paths are swapped in the script, and back in its output.
 */
export function localShell(
	command: readonly string[] = shells.sh,
	options: {readonly mounts?: Readonly<Record<string, string>>} = {},
): LocalShell {
	const mounts = Object.entries(options.mounts ?? {});
	const toLocal = (script: string): string =>
		mounts.reduce(
			(text, [far, local]) =>
				text
					.replaceAll(`'${far}'`, `'${local}'`)
					.replaceAll(`${far}/`, `${local}/`),
			script,
		);
	const toFar = (output: string): string =>
		mounts.reduce(
			(text, [far, local]) => text.replaceAll(`${local}/`, `${far}/`),
			output,
		);
	let runs = 0;
	let lastScript: string | undefined;
	return {
		via: 'ssh',
		runs: () => runs,
		lastScript: () => lastScript,
		close: () => undefined,
		async run(script, signal) {
			runs++;
			lastScript = script;
			const [file = '/bin/sh', ...args] = command;
			const child = spawn(file, [...args, '-c', toLocal(script)], {
				stdio: ['ignore', 'pipe', 'pipe'],
				...(signal === undefined ? {} : {signal}),
			});
			const stdout: Buffer[] = [];
			const stderr: Buffer[] = [];
			child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
			child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
			return new Promise((resolve, reject) => {
				child.on('error', reject);
				child.on('close', code => {
					if (code === 0) {
						resolve(toFar(Buffer.concat(stdout).toString('latin1')));
					} else {
						reject(
							new Error(
								`${file} exited with ${String(code)}: ${Buffer.concat(stderr).toString()}`,
							),
						);
					}
				});
			});
		},
	};
}
