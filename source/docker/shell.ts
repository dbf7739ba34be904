import type {DockerClient} from './docker-client.js';
import {DockerError} from './errors.js';

/** Shells that exist to refuse a login; a user with one of them has no shell of their own. */
const refusingShells = new Set(['nologin', 'false', 'true', 'sync']);

/** Tried in order after the user's login shell: what `docker exec -it … sh` users reach for. */
const fallbackShells = ['/bin/bash', '/bin/sh'];

/**
 * The login shell of `user` according to the text of an `/etc/passwd`, or undefined when the user
 * is not listed or has no usable shell (none, `nologin`, `false` or not an absolute path).
 *
 * `user` is written the way a container's `Config.User` is: empty for root, a name, a numeric uid,
 * either followed by `:group`. Like the engine, a number means a uid and anything else a name.
 */
export function loginShellOf(
	passwdText: string,
	user: string,
): string | undefined {
	const account = user.split(':')[0] ?? '';
	const byUid = account === '' || /^\d+$/.test(account);
	const wanted = account === '' ? '0' : account;
	for (const rawLine of passwdText.split('\n')) {
		const line = rawLine.replace(/\r$/, '');
		if (line.trim() === '' || line.startsWith('#')) {
			continue;
		}

		const fields = line.split(':');
		if (fields.length !== 7) {
			continue;
		}

		const [name, , uid, , , , shell] = fields;
		if ((byUid ? uid : name) !== wanted) {
			continue;
		}

		// The first entry that matches is the one the engine would use; a later duplicate is not consulted.
		return shell !== undefined && isLoginShell(shell) ? shell : undefined;
	}

	return undefined;
}

function isLoginShell(shell: string): boolean {
	if (!shell.startsWith('/') || /\s/.test(shell)) {
		return false;
	}

	const name = shell.slice(shell.lastIndexOf('/') + 1);
	return name !== '' && !refusingShells.has(name);
}

/**
 * The command for an interactive shell in a container: its user's login shell if the container
 * has it, else `/bin/bash`, else `/bin/sh`.
 * @param name How the user knows the container, for the error.
 * @throws DockerError `not-found` when the container has none of them, or whatever the engine threw.
 */
export async function chooseShell(
	docker: Pick<DockerClient, 'readFile' | 'fileExists' | 'containerUser'>,
	id: string,
	name: string = id,
): Promise<string[]> {
	const [user, passwd] = await Promise.all([
		docker.containerUser(id),
		docker.readFile(id, '/etc/passwd'),
	]);
	const login = passwd === undefined ? undefined : loginShellOf(passwd, user);
	const candidates = [
		...new Set([...(login === undefined ? [] : [login]), ...fallbackShells]),
	];
	for (const shell of candidates) {
		// One at a time: the first that exists wins, and most containers have the first.
		if (await docker.fileExists(id, shell)) {
			return [shell];
		}
	}

	throw new DockerError(
		'not-found',
		`no shell in container ${name} (none of ${candidates.join(', ')} exists)`,
		'run a program the container has with E instead',
	);
}
