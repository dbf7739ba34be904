import {readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Types only: ssh2 itself loads on the first ssh:// connection (patches/docker-modem+5.0.7.patch).
import type {
	AgentAuthMethod,
	ConnectConfig,
	PublicKeyAuthMethod,
	ServerHostKeyAlgorithm,
} from 'ssh2';
import {DockerError} from './errors.js';
import {checkHostKey, knownHostName, knownKeyTypes} from './known-hosts.js';
import type {HostKeyVerdict} from './known-hosts.js';

/** The part of an ssh endpoint the connection needs. */
export type SshTarget = {
	readonly host: string;
	readonly port: number;
	readonly username?: string;
};

/** What dockerode hands to ssh2 for each connection (docker-modem opens one per request). */
export type SshConnectOptions = Pick<
	ConnectConfig,
	'authHandler' | 'hostVerifier' | 'algorithms'
>;

/** The ssh side of a connection to an engine: how to log in, and why a connection failed. */
export type SshAccess = {
	readonly username: string;
	readonly options: SshConnectOptions;
	/** A clear {@link DockerError} for a failure the ssh layer caused; undefined for any other. */
	readonly explain: (error: unknown, url: string) => DockerError | undefined;
};

/** Where `ssh` looks for keys when no `-i` is given (OpenSSH's order, the common types). */
const identityFiles = ['id_rsa', 'id_ecdsa', 'id_ed25519'];

/** Key types of known_hosts lines, and the host key algorithms ssh2 names for each. */
const hostKeyAlgorithms: Readonly<
	Record<string, readonly ServerHostKeyAlgorithm[]>
> = {
	'ssh-ed25519': ['ssh-ed25519'],
	'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
	'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
	'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
	'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

function readText(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function readBytes(file: string): Buffer | undefined {
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

function levelOf(error: unknown): unknown {
	return typeof error === 'object' && error !== null && 'level' in error
		? error.level
		: undefined;
}

function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' &&
		error !== null &&
		'code' in error &&
		typeof error.code === 'string'
		? error.code
		: undefined;
}

/** Why the ssh connection itself failed, and what to check; `login` is the `ssh` command to try. */
const sshNetworkFailures: Readonly<
	Record<string, {text: string; hint: (login: string) => string}>
> = {
	ECONNREFUSED: {
		text: 'connection refused',
		hint: login =>
			`is the ssh server (sshd) running there, on that port? Try: ${login}`,
	},
	ETIMEDOUT: {
		text: 'timed out',
		hint: login => `is the host up, and is ssh let through? Try: ${login}`,
	},
	EHOSTUNREACH: {
		text: 'host unreachable',
		hint: login => `is the host up? Try: ${login}`,
	},
	ENOTFOUND: {
		text: 'unknown host',
		hint: () => 'check the host name in the ssh:// address',
	},
};

/**
 * Logs in and checks the server as `ssh` would with its defaults, which is what the docker CLI
 * runs for ssh://: keys from the agent (SSH_AUTH_SOCK), then `~/.ssh/id_*` without a passphrase;
 * the server's key must be in `~/.ssh/known_hosts` or `/etc/ssh/ssh_known_hosts`. Nothing is asked
 * and nothing is written: an unknown or changed host key fails with a message saying what to do.
 * `~/.ssh/config` is not read.
 */
export function createSshAccess(
	target: SshTarget,
	env: Readonly<Record<string, string | undefined>>,
	homeDir: string,
): SshAccess {
	const username = target.username ?? os.userInfo().username;
	const sshDir = path.join(homeDir, '.ssh');
	const knownHostsFiles = [
		path.join(sshDir, 'known_hosts'),
		'/etc/ssh/ssh_known_hosts',
	];
	const knownHosts = knownHostsFiles
		.map(readText)
		.filter(text => text !== undefined);
	const agent = env['SSH_AUTH_SOCK'];
	const keys = identityFiles
		.map(name => ({name, key: readBytes(path.join(sshDir, name))}))
		.filter(
			(file): file is {name: string; key: Buffer} => file.key !== undefined,
		);
	const authHandler: (AgentAuthMethod | PublicKeyAuthMethod)[] = [
		...(agent === undefined || agent === ''
			? []
			: [{type: 'agent' as const, username, agent}]),
		...keys.map(({key}) => ({type: 'publickey' as const, username, key})),
	];
	const tried = [
		...(agent === undefined || agent === '' ? [] : ['the ssh agent']),
		...keys.map(({name}) => `~/.ssh/${name}`),
	];

	// A host known by one key type must be asked for that type, or it would show another, unknown one.
	const preferred = knownKeyTypes(knownHosts, target.host, target.port).flatMap(
		type => hostKeyAlgorithms[type] ?? [],
	);
	let verdict: HostKeyVerdict | undefined;
	const options: SshConnectOptions = {
		authHandler,
		hostVerifier(key: Buffer) {
			verdict = checkHostKey(knownHosts, target.host, target.port, key);
			return verdict === 'trusted';
		},
		...(preferred.length === 0
			? {}
			: {
					algorithms: {
						serverHostKey: {remove: preferred, append: [], prepend: preferred},
					},
				}),
	};

	const name = knownHostName(target.host, target.port);
	const login = `ssh${target.port === 22 ? '' : ` -p ${target.port}`} ${username}@${target.host}`;
	return {
		username,
		options,
		explain(error, url) {
			const prefix = `cannot connect to the Docker engine at ${url}`;
			if (verdict !== undefined && verdict !== 'trusted') {
				const hostMessages: Record<
					Exclude<HostKeyVerdict, 'trusted'>,
					[string, string]
				> = {
					unknown: [
						`the ssh host key of ${name} is not in ~/.ssh/known_hosts`,
						`check the server's key and add it by logging in once: ${login}`,
					],
					changed: [
						`the ssh host key of ${name} does not match ~/.ssh/known_hosts`,
						`if the server was reinstalled, remove the old key with ssh-keygen -R '${name}'; otherwise someone may be intercepting the connection`,
					],
					revoked: [
						`the ssh host key of ${name} is revoked in known_hosts`,
						'ask the server admin for its new key',
					],
				};
				const [message, hint] = hostMessages[verdict];
				return new DockerError(
					'permission-denied',
					`${prefix}: ${message}`,
					hint,
				);
			}

			if (levelOf(error) === 'client-authentication') {
				return new DockerError(
					'permission-denied',
					`${prefix}: ssh authentication as ${username} failed`,
					tried.length === 0
						? 'no ssh agent (SSH_AUTH_SOCK) and no key in ~/.ssh (id_ed25519, id_ecdsa, id_rsa)'
						: `tried ${tried.join(', ')}; a key with a passphrase must be in the agent (ssh-add)`,
				);
			}

			// Logged in (the host key was trusted, the key accepted), then dropped: what ssh:// runs
			// there, `docker system dial-stdio`, ended without reaching an engine.
			if (verdict === 'trusted' && codeOf(error) === 'ECONNRESET') {
				return new DockerError(
					'unreachable',
					`${prefix}: ssh logged in, but the docker command on ${name} ended at once`,
					`is the Docker daemon running there, and the docker CLI installed? Try: ${login} docker version`,
				);
			}

			// The connection that failed is ssh's: the Docker daemon is not even asked yet.
			const network = sshNetworkFailures[codeOf(error) ?? ''];
			if (network !== undefined) {
				return new DockerError(
					'unreachable',
					`${prefix}: ${network.text} (ssh to ${name})`,
					network.hint(login),
				);
			}

			if (levelOf(error) === 'client-timeout') {
				return new DockerError(
					'timeout',
					`${prefix}: the ssh handshake timed out`,
					'is an ssh server listening there?',
				);
			}

			return undefined;
		},
	};
}
