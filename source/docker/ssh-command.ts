/**
 * The `ssh` command lines dockmate runs for an ssh:// engine, as the docker CLI builds them
 * (docker/cli `cli/connhelper/ssh`): `ssh [-l user] [-p port] -- host docker system dial-stdio`.
 * Only what the address names is passed, so that everything else (`HostName`, `User`, `Port`,
 * `IdentityFile`, `ProxyJump`, …) comes from the user's own `~/.ssh/config`.
 */

/** What an ssh:// address names: the host (or a `Host` alias of ~/.ssh/config), and a user or port if given. */
export type SshTarget = {
	readonly host: string;
	readonly port?: number;
	readonly username?: string;
};

/** How long ssh may take to reach the server when nobody can answer a prompt. */
export const batchConnectTimeoutSeconds = 5;

/** The command the far side runs for each connection to the engine. */
export const dialStdio = ['docker', 'system', 'dial-stdio'] as const;

/** `[-l user] [-p port] -- host`: the destination part of every command line. */
function destination(target: SshTarget): string[] {
	return [
		...(target.username === undefined ? [] : ['-l', target.username]),
		...(target.port === undefined ? [] : ['-p', String(target.port)]),
		'--',
		target.host,
	];
}

/**
 * The master connection, which every channel shares (ssh's own multiplexing). `interactive`
 * means a terminal is there to answer ssh's prompts (a passphrase, an unknown host key);
 * otherwise ssh fails at once rather than wait for an answer nobody can give.
 */
export function masterArgs(
	controlPath: string,
	target: SshTarget,
	interactive: boolean,
): string[] {
	return [
		'-M',
		'-N',
		'-o',
		`ControlPath=${controlPath}`,
		// The master lives as long as dockmate's child process does, and no longer.
		'-o',
		'ControlPersist=no',
		...(interactive ? [] : ['-o', 'BatchMode=yes']),
		'-o',
		`ConnectTimeout=${batchConnectTimeoutSeconds}`,
		...destination(target),
	];
}

/**
 * A channel over the master running `command` on the far side. Where the master is gone, ssh
 * would fall back to a connection of its own: `ProxyCommand=false` (which beats the user's
 * ProxyJump or ProxyCommand, being given first) makes that fail at once instead, so channels
 * never log in, prompt or add connections.
 */
export function channelArgs(
	controlPath: string,
	target: SshTarget,
	command: readonly string[],
): string[] {
	return [
		'-o',
		`ControlPath=${controlPath}`,
		'-o',
		'ControlMaster=no',
		'-o',
		'ProxyCommand=false',
		'-o',
		'BatchMode=yes',
		'-T',
		...destination(target),
		...command,
	];
}

/** What a user types to try the same login by hand: `ssh alias`, `ssh -p 2222 me@host`. */
export function loginCommand(target: SshTarget): string {
	const port = target.port === undefined ? '' : ` -p ${target.port}`;
	const user = target.username === undefined ? '' : `${target.username}@`;
	return `ssh${port} ${user}${target.host}`;
}
