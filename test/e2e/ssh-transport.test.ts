import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, afterEach, before, describe, it} from 'node:test';
import {
	asLoginHome,
	cliPath,
	dockmatePid,
	selectByFilter,
	launchDockmate,
} from '../helpers/dockmate.js';
import {inBatches} from '../helpers/container-removal.js';
import {runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {keyPassphrase, startSshd, type Sshd} from '../helpers/sshd.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:ssh';
const container = 'over-ssh';

/** What a run of dockmate without a terminal printed, how it ended and how long it took. */
type Unattended = {
	readonly stderr: string;
	readonly code: number | null;
	readonly elapsedMs: number;
};

/**
 * Runs the built dockmate with no terminal at all (standard input from nothing, as in CI or a
 * pipe): nobody can answer ssh, which must then fail rather than ask.
 */
async function runUnattended(host: string, home: string): Promise<Unattended> {
	const started = performance.now();
	const [command, ...args] = asLoginHome(home, [
		process.execPath,
		cliPath,
		'--host',
		host,
	]);
	const child = spawn(command ?? 'unshare', args, {
		stdio: ['ignore', 'ignore', 'pipe'],
		// A fresh session: no controlling terminal, so ssh has no /dev/tty to ask on either.
		detached: true,
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home},
	});
	let stderr = '';
	child.stderr.setEncoding('utf8');
	child.stderr.on('data', (chunk: string) => {
		stderr += chunk;
	});
	const code = await new Promise<number | null>(resolve => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
		}, 20_000);
		child.once('close', exitCode => {
			clearTimeout(timer);
			resolve(exitCode);
		});
	});
	return {stderr, code, elapsedMs: performance.now() - started};
}

/** The ssh processes whose command line names `marker` (dockmate's private TMPDIR). */
function sshProcesses(marker: string): number[] {
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(
				'\0',
			);
			if (
				path.basename(command[0] ?? '') === 'ssh' &&
				command.some(arg => arg.includes(marker))
			) {
				pids.push(Number(entry));
			}
		} catch {
			// The process ended while we looked.
		}
	}

	return pids;
}

/** Established TCP connections from a client to 127.0.0.1:port, from /proc/net/tcp. */
function connectionsTo(port: number): number {
	const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
	return (
		readFileSync('/proc/net/tcp', 'utf8')
			.split('\n')
			.slice(1)
			.map(line => line.trim().split(/\s+/))
			// Field 2 is the remote address, field 3 the state (01: established).
			.filter(
				fields => fields[2] === `0100007F:${hexPort}` && fields[3] === '01',
			).length
	);
}

describe('ssh:// engines through the system ssh', {timeout: 300_000}, () => {
	const daemon = engineFixture({image});
	let sshd: Sshd;
	let screen: TmuxSession | undefined;
	let scratch: string;

	/** Starts dockmate on `host` with `home` as the login home, and waits until it shows the container, connected. */
	const launchConnected = async (
		host: string,
		home: string,
		env: Readonly<Record<string, string>> = {},
	): Promise<TmuxSession> => {
		const session = await launchDockmate({
			host,
			env: {...env, HOME: home},
			loginHome: home,
		});
		screen = session;
		await session.waitForText(
			text => text.includes('● connected') && text.includes(container),
			20_000,
		);
		return session;
	};

	/** Like {@link launchConnected}; returns the screen once connected. */
	const connected = async (
		host: string,
		home: string,
		env: Readonly<Record<string, string>> = {},
	): Promise<string> => (await launchConnected(host, home, env)).capture();

	before(async () => {
		await runLabelled(daemon, {name: container, image});
		sshd = await startSshd({dockerHost: daemon.host});
		scratch = mkdtempSync('/tmp/dmt-sshx-');
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	after(async () => {
		// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
		await sshd?.stop();
		rmSync(scratch, {recursive: true, force: true});
	});

	it('reaches the engine at user@host:port with the key in ~/.ssh', async () => {
		const shown = await connected(sshd.url, sshd.trustedHome);
		assert.match(shown, new RegExp(`Docker \\S+ @ ${sshd.url}`));
	});

	it('reaches an alias of ~/.ssh/config, with its HostName, Port, User and IdentityFile', async () => {
		const shown = await connected('ssh://engine', sshd.aliasHome);
		assert.match(shown, /Docker \S+ @ ssh:\/\/engine/);
	});

	it('reaches an alias behind a ProxyJump', async () => {
		const logins = (): string[] =>
			sshd
				.log()
				.split('\n')
				.filter(line => line.includes('Accepted publickey'));
		const before = logins().length;
		await connected('ssh://behind', sshd.aliasHome);
		// One login on the jump host and one, through it, on the engine's.
		assert.equal(logins().length - before, 2, sshd.log());
	});

	it('logs in with a passphrase-protected key held by an ssh-agent', async () => {
		const agentSocket = path.join(scratch, 'agent.sock');
		const agent = spawn('ssh-agent', ['-D', '-a', agentSocket], {
			stdio: 'ignore',
		});
		try {
			await waitFor(() => existsSync(agentSocket), {
				timeoutMs: 5000,
				message: 'ssh-agent did not listen',
			});
			// ssh-add takes the passphrase from SSH_ASKPASS when told to, as a desktop would give it.
			const askpass = path.join(scratch, 'askpass');
			writeFileSync(askpass, `#!/bin/sh\necho '${keyPassphrase}'\n`, {
				mode: 0o755,
			});
			execFileSync(
				'ssh-add',
				[path.join(sshd.passphraseHome, '.ssh', 'id_ed25519')],
				{
					env: {
						PATH: process.env['PATH'],
						SSH_AUTH_SOCK: agentSocket,
						SSH_ASKPASS: askpass,
						SSH_ASKPASS_REQUIRE: 'force',
					},
					stdio: 'ignore',
				},
			);
			await connected(sshd.url, sshd.passphraseHome, {
				SSH_AUTH_SOCK: agentSocket,
			});
		} finally {
			agent.kill();
		}
	});

	it('lets ssh ask for a passphrase on the terminal before the UI starts', async () => {
		screen = await launchDockmate({
			host: sshd.url,
			env: {HOME: sshd.passphraseHome},
			loginHome: sshd.passphraseHome,
		});
		await screen.waitForText(/Enter passphrase for key '[^']*id_ed25519':/);
		await screen.sendKeys(keyPassphrase, 'Enter');
		await screen.waitForText(
			text => text.includes('● connected') && text.includes(container),
			20_000,
		);
	});

	it('in a fleet, logs in asking nothing first, then lets ssh ask for a passphrase on the terminal', async () => {
		screen = await launchDockmate({
			host: undefined,
			args: ['--host', sshd.url, '--host', daemon.host],
			env: {HOME: sshd.passphraseHome},
			loginHome: sshd.passphraseHome,
		});
		await screen.waitForText(/Enter passphrase for key '[^']*id_ed25519':/);
		await screen.sendKeys(keyPassphrase, 'Enter');
		// Both engines are the one daemon: its container once for each, neither engine down.
		await screen.waitForText(
			text =>
				text.split('\n').filter(line => line.includes(container)).length ===
					2 &&
				text.includes(`[${sshd.url.slice('ssh://'.length)} ●`) &&
				!text.includes('✕'),
			20_000,
		);
	});

	it('lets ssh ask about an unknown host key on the terminal, and fails clearly on "no"', async () => {
		screen = await launchDockmate({
			host: sshd.url,
			env: {HOME: sshd.newcomerHome},
			loginHome: sshd.newcomerHome,
			columns: 400,
		});
		await screen.waitForText(/Are you sure you want to continue connecting/);
		await screen.sendKeys('no', 'Enter');
		const shown = await screen.waitForText(/AFTER-DOCKMATE exit=\d+/);
		assert.match(shown, /AFTER-DOCKMATE exit=1/);
		assert.match(
			shown,
			new RegExp(
				`dockmate: cannot connect to the Docker engine at ${sshd.url}: .*Host key verification failed\\.\\nhint: run ssh -p ${sshd.port} root@127\\.0\\.0\\.1 once to check and accept the server's host key`,
			),
		);
	});

	it('without a terminal, fails within 5 s with the words of ssh and what to run', async () => {
		const prefix = `^dockmate: cannot connect to the Docker engine at ${sshd.url}: `;
		const login = `ssh -p ${sshd.port} root@127\\.0\\.0\\.1`;
		const unknown = await runUnattended(sshd.url, sshd.newcomerHome);
		assert.equal(unknown.code, 1);
		assert.ok(unknown.elapsedMs < 5000, `took ${unknown.elapsedMs} ms`);
		assert.match(
			unknown.stderr,
			new RegExp(
				`${prefix}Host key verification failed\\.\\nhint: run ${login} once`,
			),
		);

		const refused = await runUnattended(sshd.url, sshd.strangerHome);
		assert.match(
			refused.stderr,
			new RegExp(
				`${prefix}root@127\\.0\\.0\\.1: Permission denied \\(publickey\\)\\.\\nhint: ${login} must log in without asking`,
			),
		);

		// A passphrase nobody can type: ssh gives up rather than wait.
		const locked = await runUnattended(sshd.url, sshd.passphraseHome);
		assert.ok(locked.elapsedMs < 5000, `took ${locked.elapsedMs} ms`);
		assert.match(locked.stderr, /Permission denied \(publickey\)/);
	});

	it('tells a stopped sshd and a far side without an engine apart, each in its own words', async () => {
		const gone = await startSshd({dockerHost: daemon.host});
		await gone.stop();
		const stopped = await runUnattended(gone.url, sshd.trustedHome);
		assert.match(
			stopped.stderr,
			new RegExp(
				`^dockmate: cannot connect to the Docker engine at ${gone.url}: ssh: connect to host 127\\.0\\.0\\.1 port ${gone.port}: Connection refused\\nhint: is the host up and its ssh server \\(sshd\\) running on that port\\? Try: ssh -p ${gone.port} root@127\\.0\\.0\\.1\\n`,
			),
		);

		const silent = await startSshd({
			dockerHost: `unix://${scratch}/no-engine.sock`,
		});
		try {
			const noEngine = await runUnattended(silent.url, silent.trustedHome);
			assert.match(
				noEngine.stderr,
				new RegExp(
					`^dockmate: cannot connect to the Docker engine at ${silent.url}: .*no-engine\\.sock.*\\nhint: is the Docker daemon running on that host\\? Try: ssh -p ${silent.port} root@127\\.0\\.0\\.1 docker version\\n`,
				),
			);
		} finally {
			await silent.stop();
		}
	});

	it('holds one TCP connection and a few ssh processes with logs and events open, and none after quit', async () => {
		// A TMPDIR of its own: the control socket's folder, in every ssh command line, marks dockmate's.
		const marker = mkdtempSync(path.join(scratch, 't'));
		const first = await launchConnected(sshd.url, sshd.trustedHome, {
			TMPDIR: marker,
		});
		await selectByFilter(first, container);
		await first.sendKeys('l');
		await first.waitForText(`Logs · ${container}`);
		const withLogs = sshProcesses(marker).length;
		// Logs closed and opened again: each closed stream gives its channel back.
		for (let round = 0; round < 4; round++) {
			await first.sendKeys('Escape');
			await first.waitForText(text => !text.includes(`Logs · ${container}`));
			await first.sendKeys('l');
			await first.waitForText(`Logs · ${container}`);
		}

		const held = sshProcesses(marker).length;
		// The master, the events and logs streams, a stats stream and a few kept-alive channels.
		assert.ok(held >= 3 && held <= 10, `${held} ssh processes`);
		assert.ok(held <= withLogs, `${withLogs} ssh processes, then ${held}`);
		assert.equal(connectionsTo(sshd.port), 1);

		await first.sendKeys('Escape', 'q');
		await first.waitForText(/AFTER-DOCKMATE exit=0/);
		const leftovers = (): string =>
			`${sshProcesses(marker).length} ssh processes, ${connectionsTo(sshd.port)} connections`;
		const noneLeft = async (): Promise<void> => {
			await waitFor(() => leftovers() === '0 ssh processes, 0 connections', {
				timeoutMs: 5000,
				message: 'ssh processes or connections left after dockmate ended',
			}).catch((error: unknown) => {
				throw new Error(`${String(error)}: ${leftovers()}`);
			});
		};

		await noneLeft();
		assert.deepEqual(readdirSync(marker), [], 'the control folder was left');

		// Ended by a signal rather than quit, with the UI up.
		await first.kill();
		const second = await launchConnected(sshd.url, sshd.trustedHome, {
			TMPDIR: marker,
		});
		process.kill(await dockmatePid(second), 'SIGTERM');
		await second.waitForText(/AFTER-DOCKMATE exit=\d+/);
		await noneLeft();
	});

	it("runs sh on the engine's host through the same connection, as the host shell", () => {
		const [command, ...args] = asLoginHome(sshd.trustedHome, [
			process.execPath,
			'--import',
			'tsx',
			fileURLToPath(new URL('../helpers/host-shell-probe.ts', import.meta.url)),
			sshd.url,
		]);
		const results = JSON.parse(
			execFileSync(command ?? 'unshare', args, {
				encoding: 'utf8',
				env: {PATH: process.env['PATH'], HOME: sshd.trustedHome},
				timeout: 30_000,
			}),
		) as Record<string, {output?: string; error?: string; ms: number}> & {
			via: string;
		};
		assert.equal(results.via, 'ssh');
		assert.equal(results['quoted']?.output, "it's|42|ab|");
		assert.equal(results['large']?.output, 'large-ok\n');
		assert.equal(
			results['failing']?.error,
			`sh on the host of ${sshd.url} ended with status 3: oops`,
		);
		assert.match(results['aborted']?.error ?? '', /aborted/i);
		assert.ok((results['aborted']?.ms ?? Infinity) < 5000);
		// One shell for every script, a failing one too: a session set up on the server for each
		// would cost it about 90 ms of CPU a script.
		const shellOf = (name: string): string =>
			results[name]?.output?.trim() ?? `no output: ${results[name]?.error}`;
		assert.match(shellOf('firstShell'), /^\d+$/);
		assert.equal(shellOf('secondShell'), shellOf('firstShell'));
		assert.equal(shellOf('afterFailing'), shellOf('firstShell'));
		assert.match(shellOf('afterAborted'), /^\d+$/);
		assert.notEqual(shellOf('afterAborted'), shellOf('firstShell'));
	});

	it("measures every container from the host's cgroup files over ssh: a sort by CPU finds a busy one off screen", async () => {
		const quiet = Array.from(
			{length: 40},
			(_, index) => `quiet-${String(index).padStart(2, '0')}`,
		);
		// Last by name, so that it starts below the rows on screen.
		const busy = 'zz-busy';
		try {
			await inBatches(quiet.length, 6, async index =>
				runLabelled(daemon, {
					name: quiet[index] ?? '',
					image,
					options: ['--network', 'none'],
				}),
			);
			await runLabelled(daemon, {
				name: busy,
				image,
				options: ['--network', 'none', '--cpus', '0.3'],
				command: ['sh', '-c', 'while :; do :; done'],
			});
			const session = await launchConnected(sshd.url, sshd.trustedHome);
			await session.waitForText(/stats: cgroup v\d via ssh/, 15_000);
			assert.doesNotMatch(await session.capture(), new RegExp(busy));
			// The engine's stats API would measure only the rows on screen, and the busy one is not there.
			await session.sendKeys('C');
			await session.waitForText(text => {
				const first = text
					.split('\n')
					.find(line => /\s(quiet-\d\d|zz-busy)\s/.test(line));
				return (
					first?.includes(busy) === true && /\s[1-9]\d*(?:\.\d)?%\s/.test(first)
				);
			}, 10_000);
			await session.sendKeys('G');
			await session.waitForText(text => {
				const rows = text
					.split('\n')
					.filter(line => /\squiet-\d\d\s/.test(line));
				const last = rows.at(-1);
				return last !== undefined && /\s\d+(?:\.\d)?%\s/.test(last);
			}, 10_000);
		} finally {
			await daemon.dockerOk(['rm', '--force', busy, ...quiet]);
		}
	});

	it('an ssh engine chosen with c while the UI is up never prompts: an unknown host key fails within 5 s', async () => {
		// localhost is not the name known_hosts holds the server under, so its key is unknown there.
		const config = path.join(sshd.trustedHome, '.config', 'dockmate');
		mkdirSync(config, {recursive: true});
		writeFileSync(
			path.join(config, 'config.json'),
			JSON.stringify({
				hosts: [{name: 'unknown', host: `ssh://root@localhost:${sshd.port}`}],
			}),
		);
		try {
			await connected(sshd.url, sshd.trustedHome, {
				DOCKER_CONFIG: path.join(scratch, 'no-docker-config'),
			});
			await screen?.sendKeys('c');
			await screen?.waitForText(/unknown\s+host\s+ssh:\/\/root@localhost/);
			const started = performance.now();
			await screen?.sendKeys('j', 'j', 'Enter');
			const failed = await screen?.waitForText(
				/Host key verification failed/,
				10_000,
			);
			assert.ok(
				performance.now() - started < 6000,
				`${performance.now() - started} ms`,
			);
			assert.doesNotMatch(failed ?? '', /Are you sure/);
			assert.ok(await screen?.isAlive());
		} finally {
			rmSync(config, {recursive: true, force: true});
		}
	});

	it('reconnects like a local engine when the engine behind ssh is killed and restarted', async () => {
		await connected(sshd.url, sshd.trustedHome);
		await daemon.kill();
		await screen?.waitForText('✕ disconnected', 10_000);
		await daemon.start();
		await screen?.waitForText(
			text =>
				text.includes('● connected') &&
				text.includes(container) &&
				!text.includes('stale'),
			30_000,
		);
	});
});
