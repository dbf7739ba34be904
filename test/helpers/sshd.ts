import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {connect} from 'node:net';
import path from 'node:path';
import {onExit} from 'signal-exit';
import {freePort} from './free-port.js';
import {waitFor} from './wait-for.js';

/** An OpenSSH server of the test's own on 127.0.0.1, whose logins reach one Docker engine. */
export type Sshd = {
	readonly port: number;
	/** `ssh://root@127.0.0.1:PORT`, for `--host`. */
	readonly url: string;
	/** A HOME whose `.ssh` holds a key the server accepts and the server's key in `known_hosts`. */
	readonly trustedHome: string;
	/** Like {@link Sshd.trustedHome}, but its key is not one the server accepts. */
	readonly strangerHome: string;
	/** Like {@link Sshd.trustedHome}, but its `known_hosts` is empty: the server is unknown. */
	readonly newcomerHome: string;
	/**
	 * A HOME whose `~/.ssh/config` names the server by aliases only: `engine` (HostName, Port,
	 * User and an IdentityFile under a name ssh would not try by itself) and `behind`, reached
	 * through `jump` (the same server) by ProxyJump.
	 */
	readonly aliasHome: string;
	/** A HOME whose only key the server accepts has the passphrase {@link keyPassphrase}. */
	readonly passphraseHome: string;
	/** What sshd logged so far (LogLevel VERBOSE: a line per login). */
	log(): string;
	/** Kills sshd and removes its folder. Safe to call twice. */
	stop(): Promise<void>;
};

const sshdPath = '/usr/sbin/sshd';

function keygen(file: string, comment: string, passphrase = ''): string {
	execFileSync(
		'ssh-keygen',
		['-q', '-t', 'ed25519', '-N', passphrase, '-C', comment, '-f', file],
		{stdio: 'ignore'},
	);
	return readFileSync(`${file}.pub`, 'utf8').trim();
}

/** The passphrase of the key in {@link Sshd.passphraseHome}. */
export const keyPassphrase = 'correct horse battery';

/**
 * A HOME folder with an ssh key pair and a `known_hosts`, as `ssh-keygen` and a first login leave
 * them, and a `~/.ssh/config` if given.
 */
function makeHome(
	dir: string,
	name: string,
	knownHosts: string,
	options: {
		readonly keyName?: string;
		readonly passphrase?: string;
		readonly config?: string;
	} = {},
): {readonly home: string; readonly publicKey: string} {
	const home = path.join(dir, name);
	const ssh = path.join(home, '.ssh');
	mkdirSync(ssh, {recursive: true, mode: 0o700});
	const publicKey = keygen(
		path.join(ssh, options.keyName ?? 'id_ed25519'),
		`dockmate-test-${name}`,
		options.passphrase,
	);
	writeFileSync(path.join(ssh, 'known_hosts'), knownHosts);
	if (options.config !== undefined) {
		writeFileSync(path.join(ssh, 'config'), options.config, {mode: 0o600});
	}

	return {home, publicKey};
}

/** Resolves when something on 127.0.0.1:port greets like an ssh server. */
async function greets(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const socket = connect({host: '127.0.0.1', port});
		socket.setTimeout(1000);
		socket.once('data', chunk => {
			socket.destroy();
			resolve(chunk.toString('latin1').startsWith('SSH-2.0-'));
		});
		socket.once('error', () => {
			resolve(false);
		});
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/**
 * Starts Debian's sshd on 127.0.0.1 only, with its own config, host key and authorized keys in a
 * folder under /tmp: root may log in with the key of {@link Sshd.trustedHome}, and every login
 * gets `DOCKER_HOST=dockerHost`, so that `docker system dial-stdio` (what ssh:// runs) reaches
 * the test's engine. Needs root and openssh-server.
 */
export async function startSshd(options: {
	readonly dockerHost: string;
}): Promise<Sshd> {
	const dir = mkdtempSync('/tmp/dmt-ssh-');
	const hostKey = keygen(path.join(dir, 'host_key'), 'dockmate-test-host');
	const port = await freePort();
	const knownHosts = `[127.0.0.1]:${port} ${hostKey}\n`;
	const trusted = makeHome(dir, 'trusted', knownHosts);
	const strangerHome = makeHome(dir, 'stranger', knownHosts).home;
	const newcomerHome = makeHome(dir, 'newcomer', '').home;
	const alias = makeHome(dir, 'alias', knownHosts, {
		keyName: 'engine_key',
		config: [
			'Host engine jump',
			'\tHostName 127.0.0.1',
			`\tPort ${port}`,
			'\tUser root',
			'\tIdentityFile ~/.ssh/engine_key',
			'\tIdentitiesOnly yes',
			'Host behind',
			'\tHostName 127.0.0.1',
			`\tPort ${port}`,
			'\tUser root',
			'\tIdentityFile ~/.ssh/engine_key',
			'\tIdentitiesOnly yes',
			'\tProxyJump jump',
			'',
		].join('\n'),
	});
	const passphrase = makeHome(dir, 'passphrase', knownHosts, {
		passphrase: keyPassphrase,
	});
	// The remote docker CLI must not read root's own config (contexts, plugins) either.
	const remoteConfig = path.join(dir, 'remote-docker-config');
	mkdirSync(remoteConfig);
	writeFileSync(
		path.join(dir, 'authorized_keys'),
		[trusted, alias, passphrase]
			.map(
				({publicKey}) =>
					`environment="DOCKER_HOST=${options.dockerHost}",environment="DOCKER_CONFIG=${remoteConfig}" ${publicKey}\n`,
			)
			.join(''),
	);
	writeFileSync(
		path.join(dir, 'sshd_config'),
		[
			`Port ${port}`,
			'ListenAddress 127.0.0.1',
			`HostKey ${path.join(dir, 'host_key')}`,
			`PidFile ${path.join(dir, 'sshd.pid')}`,
			`AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
			// /tmp is world-writable, which StrictModes would count against the key file.
			'StrictModes no',
			'PermitRootLogin prohibit-password',
			'PubkeyAuthentication yes',
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'UsePAM no',
			'PermitUserEnvironment DOCKER_HOST,DOCKER_CONFIG',
			// ProxyJump asks the jump host to forward to the target: here only to this server itself.
			'AllowTcpForwarding local',
			`PermitOpen 127.0.0.1:${port}`,
			'X11Forwarding no',
			'PrintMotd no',
			'LogLevel VERBOSE',
			'',
		].join('\n'),
	);
	// Debian's sshd refuses to start without its privilege separation folder, which systemd
	// would otherwise create.
	mkdirSync('/run/sshd', {recursive: true, mode: 0o755});

	const log = openSync(path.join(dir, 'sshd.log'), 'a');
	let child: ChildProcess;
	try {
		child = spawn(sshdPath, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], {
			stdio: ['ignore', log, log],
		});
	} finally {
		closeSync(log);
	}

	let exited = false;
	child.once('exit', () => {
		exited = true;
	});
	const kill = (): void => {
		if (!exited) {
			child.kill('SIGKILL');
		}
	};

	const removeExitHook = onExit(() => {
		kill();
		rmSync(dir, {recursive: true, force: true});
	});

	const logTail = (): string => {
		try {
			return readFileSync(path.join(dir, 'sshd.log'), 'utf8');
		} catch {
			return '(no log)';
		}
	};

	let stopped = false;
	const stop = async (): Promise<void> => {
		if (stopped) {
			return;
		}

		stopped = true;
		kill();
		await waitFor(() => exited, {
			timeoutMs: 5000,
			message: 'sshd did not die after SIGKILL',
		});
		removeExitHook();
		rmSync(dir, {recursive: true, force: true});
	};

	try {
		await waitFor(
			async () => {
				if (exited) {
					throw new Error(`sshd exited during start-up:\n${logTail()}`);
				}

				return greets(port);
			},
			{timeoutMs: 10_000, message: `sshd did not listen on port ${port}`},
		);
	} catch (error: unknown) {
		await stop();
		throw error;
	}

	return {
		port,
		url: `ssh://root@127.0.0.1:${port}`,
		trustedHome: trusted.home,
		strangerHome,
		newcomerHome,
		aliasHome: alias.home,
		passphraseHome: passphrase.home,
		log: logTail,
		stop,
	};
}
