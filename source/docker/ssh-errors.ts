import {DockerError} from './errors.js';
import {sanitize} from './sanitize.js';
import {loginCommand, type SshTarget} from './ssh-command.js';

/** What ssh (or the far side, through it) said on its standard error, as one line fit for the screen. */
export function sshMessage(stderr: string): string {
	return (
		stderr
			.split(/\r?\n/)
			.map(line => sanitize(line).trim())
			// Said on every first login with StrictHostKeyChecking=accept-new: news, not the failure.
			.filter(
				line => line !== '' && !line.startsWith('Warning: Permanently added'),
			)
			.join(' ')
	);
}

/** ssh's own exit status for its own failures; any other is the status of the command on the far side. */
export const sshFailedStatus = 255;

/** Why ssh itself failed, by its own words, and what the user can run to see or fix it. */
function sshHint(message: string, target: SshTarget): string {
	const login = loginCommand(target);
	if (
		/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/i.test(
			message,
		)
	) {
		return `the server's host key changed: if it was reinstalled, remove the old key (ssh-keygen -R ${target.host}), then run ${login} once`;
	}

	if (/host key verification failed|host key is known/i.test(message)) {
		return `run ${login} once to check and accept the server's host key, then start dockmate again`;
	}

	if (/permission denied|too many authentication failures/i.test(message)) {
		return `${login} must log in without asking: name the key in ~/.ssh/config (IdentityFile), and add a key with a passphrase to the agent (ssh-add)`;
	}

	if (/could not resolve hostname/i.test(message)) {
		return `check the host name, or its Host entry in ~/.ssh/config; try: ${login}`;
	}

	return `is the host up and its ssh server (sshd) running on that port? Try: ${login}`;
}

/** Why the far side's `docker system dial-stdio` ended without reaching an engine. */
function farSideHint(exitCode: number | null, target: SshTarget): string {
	const login = loginCommand(target);
	// 127 is the shell's "command not found".
	return exitCode === 127
		? `the docker CLI must be installed on that host for ssh://; try: ${login} docker version`
		: `is the Docker daemon running on that host? Try: ${login} docker version`;
}

/**
 * A failed ssh: the master connection could not be made (`ofMaster`), or a channel's `docker
 * system dial-stdio` ended without reaching the engine. The message is ssh's own, or the far
 * side's, and the hint is for whichever of the two failed.
 */
export function sshFailure(
	url: string,
	target: SshTarget,
	failed: {
		readonly stderr: string;
		readonly exitCode: number | null;
		readonly ofMaster: boolean;
	},
): DockerError {
	const said = sshMessage(failed.stderr);
	const isSsh = failed.ofMaster || failed.exitCode === sshFailedStatus;
	const message =
		said === ''
			? `ssh ended with ${failed.exitCode === null ? 'a signal' : `status ${failed.exitCode}`} and said nothing`
			: said;
	return new DockerError(
		isSsh && /permission denied|host key/i.test(said)
			? 'permission-denied'
			: 'unreachable',
		`cannot connect to the Docker engine at ${url}: ${message}`,
		isSsh ? sshHint(said, target) : farSideHint(failed.exitCode, target),
	);
}
