import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {
	accessSync,
	chmodSync,
	closeSync,
	constants,
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmdirSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {onExit} from 'signal-exit';
import {removeContainers} from './container-removal.js';
import {waitFor} from './wait-for.js';

/** Options for {@link startThrowawayDaemon}. */
export type ThrowawayDaemonOptions = {
	/**
	 * Start dockerd with `--live-restore` (default true), so containers keep running through
	 * `kill()` and `start()`, as on a production engine whose daemon crashed. Without it a restarted
	 * daemon first stops every container that survived and waits out its stop timeout: 10 s for a
	 * busybox `sleep`, which as PID 1 ignores SIGTERM.
	 */
	readonly liveRestore?: boolean;
	/** How long `start()` waits for the API to answer; default 30 s. */
	readonly startTimeoutMs?: number;
	/**
	 * More dockerd flags, after the helper's own: e.g. a second `--host tcp://127.0.0.1:PORT` with
	 * `--tlsverify` and its certificates. The helper itself keeps talking to the unix socket.
	 * Ignored for a `DOCKMATE_TEST_DOCKER_HOST` engine, which a test needing them cannot use.
	 */
	readonly extraArgs?: readonly string[];
};

/** What a docker CLI call printed and how it exited (-1 when it was killed). */
export type DockerResult = {
	readonly stdout: string;
	readonly stderr: string;
	readonly code: number;
};

/** Options for one docker CLI call. */
export type DockerCallOptions = {
	/** Kill the CLI after this long; default 60 s, so a wedged daemon fails a test instead of hanging it. */
	readonly timeoutMs?: number;
	/** Written to the CLI's stdin, e.g. for `docker import -`. */
	readonly input?: string | Buffer;
};

/** A Docker engine that the tests own and may fill, break and throw away. */
export type ThrowawayDaemon = {
	/** The engine's address for `--host`/`DOCKER_HOST`, e.g. `unix:///tmp/dmt-x1/docker.sock`. */
	readonly host: string;
	/** The API socket, for clients that take a path; undefined for a `DOCKMATE_TEST_DOCKER_HOST` that is not unix://. */
	readonly socketPath: string | undefined;
	/** A private scratch folder under /tmp; for an own daemon it also holds its data, exec root and `dockerd.log`. */
	readonly dir: string;
	/** True when the engine came from `DOCKMATE_TEST_DOCKER_HOST`; it cannot be killed or restarted then. */
	readonly external: boolean;
	/** How long the last `start()` took until the API answered, in ms. */
	readonly lastStartMs: number | undefined;
	/** Runs the docker CLI against this engine only, with the caller's DOCKER_* variables scrubbed. */
	docker(
		args: readonly string[],
		options?: DockerCallOptions,
	): Promise<DockerResult>;
	/**
	 * Like {@link ThrowawayDaemon.docker}, but throws with stderr unless the CLI exits 0.
	 * @returns stdout without its trailing newline.
	 */
	dockerOk(
		args: readonly string[],
		options?: DockerCallOptions,
	): Promise<string>;
	/**
	 * Imports an image made of the host's static `/bin/busybox` and a symlink per applet, with
	 * `CMD ["/bin/sh"]` (no registry is reachable, so nothing can be pulled).
	 * @returns the image ID.
	 */
	importBusyboxImage(tag: string): Promise<string>;
	/** SIGKILLs dockerd and its containerd, as a crash would; containers and their shims live on. */
	kill(): Promise<void>;
	/** Starts dockerd again on the same folders, after `kill()`. */
	start(): Promise<void>;
	/**
	 * Removes the containers, stops dockerd (SIGKILL after a deadline), kills any process left
	 * behind, unmounts what it mounted and removes `dir`. Safe to call twice.
	 * On an external engine it removes only containers labelled `dockmate.e2e` and the images it imported.
	 */
	stop(): Promise<void>;
};

/** The label that marks e2e containers; `stop()` removes them from an external engine. */
export const e2eLabel = 'dockmate.e2e';

const howToGetAnEngine =
	'Either run `npm test` as root on Debian, which installs docker.io, busybox-static, tmux and the rest ' +
	'(scripts/test-setup.sh), or set DOCKMATE_TEST_DOCKER_HOST to a disposable Docker engine ' +
	'(e.g. unix:///tmp/engine/docker.sock) that the tests may fill with containers.';

// Short on purpose: unix socket paths are limited to ~107 bytes, and containerd puts its sockets
// a few folders below the exec root. .ci/run's trap also recognises stray daemons by this prefix.
const dirPrefix = '/tmp/dmt-';

// Shared by all throwaway daemons, and distinct from any production cgroup.
const cgroupParent = 'dockmate-test';

const systemPath =
	'/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const watchdogFlag = '--dockmate-daemon-watchdog';

/**
 * Starts a private dockerd on its own socket, data root and exec root under /tmp, or connects to
 * `DOCKMATE_TEST_DOCKER_HOST` when that is set. Never touches the user's engine.
 *
 * The daemon is also torn down if the test process exits without `stop()` (crash, SIGINT,
 * SIGTERM) and, through a watchdog process, even if it is SIGKILLed.
 *
 * @throws Error that says what to install or set when no engine can be had; tests must not
 * pass silently without one.
 */
export async function startThrowawayDaemon(
	options: ThrowawayDaemonOptions = {},
): Promise<ThrowawayDaemon> {
	const externalHost = process.env['DOCKMATE_TEST_DOCKER_HOST'];
	if (externalHost) {
		const daemon = new ExternalDaemon(mkdtempSync(dirPrefix), externalHost);
		try {
			await daemon.connect(options.startTimeoutMs ?? 30_000);
		} catch (error: unknown) {
			// The engine does not answer, so there is nothing on it to clean; the reason comes first.
			await daemon.stop().catch(() => undefined);
			throw error;
		}

		return daemon;
	}

	const dockerdPath = checkPrerequisites();
	const daemon = new OwnDaemon(mkdtempSync(dirPrefix), dockerdPath, options);
	try {
		await daemon.start();
	} catch (error: unknown) {
		await daemon.stop().catch(() => undefined);
		throw error;
	}

	return daemon;
}

type Exit = {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly error?: Error;
};

type Running = {
	readonly child: ChildProcess;
	exit: Exit | undefined;
};

abstract class BaseDaemon {
	lastStartMs: number | undefined;
	protected stopped = false;
	protected readonly importedTags = new Set<string>();
	private rootfsTar: Promise<string> | undefined;

	constructor(
		readonly dir: string,
		readonly host: string,
	) {
		mkdirSync(path.join(dir, 'cli-config'));
	}

	get socketPath(): string | undefined {
		return this.host.startsWith('unix://')
			? this.host.slice('unix://'.length)
			: undefined;
	}

	async docker(
		args: readonly string[],
		options: DockerCallOptions = {},
	): Promise<DockerResult> {
		return runCli('docker', ['--host', this.host, ...args], {
			env: cliEnv(path.join(this.dir, 'cli-config')),
			timeoutMs: options.timeoutMs ?? 60_000,
			...(options.input === undefined ? {} : {input: options.input}),
		});
	}

	async dockerOk(
		args: readonly string[],
		options: DockerCallOptions = {},
	): Promise<string> {
		const result = await this.docker(args, options);
		if (result.code !== 0) {
			throw new Error(
				`docker ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`,
			);
		}

		return result.stdout.replace(/\n$/, '');
	}

	async importBusyboxImage(tag: string): Promise<string> {
		this.rootfsTar ??= buildBusyboxRootfs(this.dir);
		const tar = await this.rootfsTar;
		const id = await this.dockerOk([
			'import',
			'--change',
			'CMD ["/bin/sh"]',
			tar,
			tag,
		]);
		this.importedTags.add(tag);
		return id.trim();
	}

	protected async waitForApi(
		timeoutMs: number,
		died: () => string | undefined,
	): Promise<void> {
		const started = performance.now();
		const outcome = await waitFor(
			async () => {
				const death = died();
				if (death !== undefined) {
					return {death};
				}

				const result = await this.docker(
					['version', '--format', '{{.Server.APIVersion}}'],
					{timeoutMs: 5000},
				);
				if (result.code !== 0) {
					// Thrown rather than returned, so that a deadline error quotes the CLI.
					throw new Error(result.stderr.trim());
				}

				return {death: undefined};
			},
			{
				timeoutMs,
				intervalMs: 50,
				message: `the Docker engine at ${this.host} did not answer \`docker version\``,
			},
		);
		if (outcome.death !== undefined) {
			throw new Error(outcome.death);
		}

		this.lastStartMs = Math.round(performance.now() - started);
	}
}

class OwnDaemon extends BaseDaemon implements ThrowawayDaemon {
	readonly external = false;
	private running: Running | undefined;
	private readonly watchdog: ChildProcess;
	private readonly liveRestore: boolean;
	private readonly startTimeoutMs: number;
	private readonly extraArgs: readonly string[];

	constructor(
		dir: string,
		private readonly dockerdPath: string,
		options: ThrowawayDaemonOptions,
	) {
		super(dir, `unix://${dir}/docker.sock`);
		this.liveRestore = options.liveRestore ?? true;
		this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
		this.extraArgs = options.extraArgs ?? [];
		// An empty config, so that a daemon.json on the machine cannot add hosts or settings
		// that clash with the flags below.
		writeFileSync(path.join(dir, 'daemon.json'), '{}\n');
		registerExitSweep(dir);
		this.watchdog = startWatchdog(dir);
	}

	private get logPath(): string {
		return path.join(this.dir, 'dockerd.log');
	}

	private get pidFiles(): string[] {
		return [
			path.join(this.dir, 'dockerd.pid'),
			path.join(this.dir, 'exec', 'containerd', 'containerd.pid'),
		];
	}

	async start(): Promise<void> {
		if (this.stopped) {
			throw new Error(
				`the throwaway daemon in ${this.dir} was stopped; start a new one`,
			);
		}

		if (this.running && !this.running.exit) {
			throw new Error(`the throwaway daemon in ${this.dir} is already running`);
		}

		this.removeStalePidFiles();
		const dir = this.dir;
		const args = [
			'--host',
			this.host,
			'--config-file',
			path.join(dir, 'daemon.json'),
			'--data-root',
			path.join(dir, 'data'),
			'--exec-root',
			path.join(dir, 'exec'),
			'--pidfile',
			path.join(dir, 'dockerd.pid'),
			'--bridge=none',
			'--iptables=false',
			'--ip-forward=false',
			'--ip-masq=false',
			`--cgroup-parent=/${cgroupParent}`,
			// dockerd 20.10 adopts a system containerd at /run/containerd if one runs; a namespace of
			// our own then keeps our containers apart from the system engine's.
			`--containerd-namespace=${path.basename(dir)}`,
			`--containerd-plugins-namespace=${path.basename(dir)}-plugins`,
			...(this.liveRestore ? ['--live-restore'] : []),
			...this.extraArgs,
		];
		const log = openSync(this.logPath, 'a');
		let child: ChildProcess;
		try {
			// Detached, so that a Ctrl-C aimed at the test runner reaches our exit hook, which sweeps
			// everything, rather than dockerd, which would leave containers and mounts behind.
			child = spawn(this.dockerdPath, args, {
				detached: true,
				stdio: ['ignore', log, log],
				env: daemonEnv(),
			});
		} finally {
			closeSync(log);
		}

		const running: Running = {child, exit: undefined};
		this.running = running;
		child.once('error', error => {
			running.exit ??= {code: null, signal: null, error};
		});
		child.once('exit', (code, signal) => {
			running.exit ??= {code, signal};
		});
		// The exit hook and the watchdog tear it down; it must not keep a finished test process alive.
		child.unref();

		try {
			await this.waitForApi(this.startTimeoutMs, () =>
				running.exit
					? `dockerd exited during start-up (${describeExit(running.exit)})`
					: undefined,
			);
		} catch (error: unknown) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new Error(
				`could not start a throwaway Docker daemon in ${dir}: ${reason}\n${this.logTail()}`,
			);
		}
	}

	async kill(): Promise<void> {
		const running = this.running;
		if (!running || running.exit) {
			throw new Error(`the throwaway daemon in ${this.dir} is not running`);
		}

		const containerd = this.ownedPidFromFile(
			path.join(this.dir, 'exec', 'containerd', 'containerd.pid'),
		);
		signal(running.child.pid, 'SIGKILL');
		// dockerd gives containerd a parent-death signal, but a containerd that outlived it would
		// hold the socket the next dockerd wants.
		signal(containerd, 'SIGKILL');
		await waitFor(
			() =>
				running.exit !== undefined &&
				(containerd === undefined || isGone(containerd)),
			{
				timeoutMs: 10_000,
				message: `dockerd (pid ${running.child.pid ?? '?'}) and containerd did not die after SIGKILL`,
			},
		);
		// The next dockerd would take a pid file naming a zombie (init here reaps lazily) for a live
		// daemon, and refuse to start or wait for a containerd that will never answer.
		for (const file of this.pidFiles) {
			rmSync(file, {force: true});
		}
	}

	async stop(): Promise<void> {
		if (this.stopped) {
			return;
		}

		this.stopped = true;
		const problems: string[] = [];
		const running = this.running;
		if (running && !running.exit) {
			// Remove containers first: a daemon stopping with running containers gives each its stop
			// timeout, and with live-restore it would leave them running. Only a first try: an engine
			// that hangs on a removal (seen once in some hundred runs of 300 containers) is stopped
			// anyway, and the sweep below kills and unmounts what it left, so the tests that passed
			// do not fail for it.
			try {
				const ids = (
					await this.dockerOk(['ps', '--all', '--quiet'], {timeoutMs: 15_000})
				)
					.split('\n')
					.filter(Boolean);
				await removeContainers(this.dockerOk.bind(this), ids, 30_000);
			} catch (error: unknown) {
				process.stderr.write(
					`# the throwaway daemon in ${this.dir} did not remove its containers (${error instanceof Error ? error.message : String(error)}); the sweep ends them\n`,
				);
			}

			// A network's bridge outlives the daemon, and the next daemons would find its subnet
			// taken: after a few dozen, no network can be created ("could not find an available,
			// non-overlapping IPv4 address pool").
			await this.docker(['network', 'prune', '--force'], {timeoutMs: 15_000});
			signal(running.child.pid, 'SIGTERM');
			const pid = running.child.pid;
			try {
				// Also asked of /proc: another engine's sweep, stopped alongside, blocks the event loop
				// for seconds, and the deadline came before the exit event was handled.
				await waitFor(
					() => running.exit !== undefined || pid === undefined || isGone(pid),
					{
						timeoutMs: 15_000,
						message: 'dockerd did not exit after SIGTERM',
					},
				);
			} catch (error: unknown) {
				problems.push(error instanceof Error ? error.message : String(error));
				signal(running.child.pid, 'SIGKILL');
			}
		}

		problems.push(...sweepSync(this.dir));
		unregisterExitSweep(this.dir);
		// Closing its pipe wakes the watchdog, which finds nothing left and exits.
		this.watchdog.stdin?.end();
		if (problems.length > 0) {
			throw new Error(
				`stopping the throwaway daemon in ${this.dir}:\n- ${problems.join('\n- ')}`,
			);
		}
	}

	private ownedPidFromFile(file: string): number | undefined {
		let pid: number;
		try {
			pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
		} catch {
			return undefined;
		}

		return Number.isInteger(pid) &&
			pid > 0 &&
			readCmdline(pid).includes(`${this.dir}/`)
			? pid
			: undefined;
	}

	private removeStalePidFiles(): void {
		for (const file of this.pidFiles) {
			const pid = this.ownedPidFromFile(file);
			if (pid === undefined || isGone(pid)) {
				rmSync(file, {force: true});
			}
		}
	}

	private logTail(lines = 30): string {
		let text: string;
		try {
			text = readFileSync(this.logPath, 'utf8');
		} catch {
			return `(no dockerd log at ${this.logPath})`;
		}

		// gRPC connection chatter fills the log without saying why start-up failed.
		const useful = text
			.split('\n')
			.filter(line => line && !line.includes('module=grpc'));
		return `last lines of ${this.logPath}:\n${useful.slice(-lines).join('\n')}`;
	}
}

class ExternalDaemon extends BaseDaemon implements ThrowawayDaemon {
	readonly external = true;

	async connect(timeoutMs: number): Promise<void> {
		registerExitSweep(this.dir, this.host);
		try {
			await this.waitForApi(timeoutMs, () => undefined);
		} catch (error: unknown) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new Error(
				`DOCKMATE_TEST_DOCKER_HOST=${this.host} does not answer: ${reason}. ${howToGetAnEngine}`,
			);
		}
	}

	kill(): Promise<void> {
		return Promise.reject(
			new Error(
				'kill() needs a daemon of our own; unset DOCKMATE_TEST_DOCKER_HOST to run this test',
			),
		);
	}

	start(): Promise<void> {
		return Promise.reject(
			new Error(
				'start() needs a daemon of our own; unset DOCKMATE_TEST_DOCKER_HOST to run this test',
			),
		);
	}

	async stop(): Promise<void> {
		if (this.stopped) {
			return;
		}

		this.stopped = true;
		const problems: string[] = [];
		try {
			const ids = (
				await this.dockerOk([
					'ps',
					'--all',
					'--quiet',
					'--filter',
					`label=${e2eLabel}`,
				])
			)
				.split('\n')
				.filter(Boolean);
			await removeContainers(this.dockerOk.bind(this), ids);
			if (this.importedTags.size > 0) {
				await this.dockerOk(['rmi', '--force', ...this.importedTags]);
			}
		} catch (error: unknown) {
			problems.push(error instanceof Error ? error.message : String(error));
		}

		rmSync(this.dir, {recursive: true, force: true});
		unregisterExitSweep(this.dir);
		if (problems.length > 0) {
			throw new Error(`cleaning up ${this.host}: ${problems.join('; ')}`);
		}
	}
}

function checkPrerequisites(): string {
	const fail = (reason: string): never => {
		throw new Error(
			`Cannot start a throwaway Docker daemon for the e2e tests: ${reason}. ${howToGetAnEngine}`,
		);
	};

	if (process.platform !== 'linux') {
		fail(`dockerd only runs on Linux, this is ${process.platform}`);
	}

	if (process.getuid?.() !== 0) {
		fail('dockerd must run as root and this process is not root');
	}

	for (const tool of ['docker', 'containerd', 'runc', 'tar', 'umount']) {
		if (!findExecutable(tool)) {
			fail(`\`${tool}\` is not installed (searched ${systemPath} and PATH)`);
		}
	}

	return findExecutable('dockerd') ?? fail('`dockerd` is not installed');
}

function findExecutable(name: string): string | undefined {
	for (const folder of [
		...systemPath.split(':'),
		...(process.env['PATH'] ?? '').split(':'),
	]) {
		const candidate = path.join(folder, name);
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			// Not in this folder.
		}
	}

	return undefined;
}

function withoutDockerVariables(): NodeJS.ProcessEnv {
	const env = {...process.env};
	for (const key of Object.keys(env)) {
		// DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TLS_VERIFY, DOCKER_CONFIG...: any of them could
		// point the CLI, or settings, at the user's engine.
		if (key.startsWith('DOCKER_')) {
			// eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- copying minus a prefix
			delete env[key];
		}
	}

	return env;
}

function cliEnv(configDir: string): NodeJS.ProcessEnv {
	// A config folder of our own: the user's may hold contexts, credential helpers and plugins.
	return {
		...withoutDockerVariables(),
		DOCKER_CONFIG: configDir,
		DOCKER_CLI_HINTS: 'false',
	};
}

function daemonEnv(): NodeJS.ProcessEnv {
	const env = withoutDockerVariables();
	delete env['NOTIFY_SOCKET'];
	// dockerd looks up containerd, runc and the shims on PATH, and a test runner's PATH may lack sbin.
	env['PATH'] = `${systemPath}:${env['PATH'] ?? ''}`;
	// Nothing may reach beyond loopback: a pull of an image the test forgot to import (say, after an
	// earlier test failed) goes to a closed local port instead of resolving and dialling Docker Hub.
	env['HTTP_PROXY'] = 'http://127.0.0.1:9';
	env['HTTPS_PROXY'] = 'http://127.0.0.1:9';
	env['NO_PROXY'] = '127.0.0.1,localhost,::1';
	return env;
}

/**
 * Runs a program to its end and collects what it printed; a program that cannot start, or that
 * runs out of time and is killed, exits -1 with the reason at the end of stderr.
 */
export async function runCli(
	command: string,
	args: readonly string[],
	options: {env: NodeJS.ProcessEnv; timeoutMs: number; input?: string | Buffer},
): Promise<DockerResult> {
	return new Promise(resolve => {
		const child = spawn(command, args, {
			env: options.env,
			stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
		});
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		let note = '';
		child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
		const timer = setTimeout(() => {
			note = `\n(killed after ${options.timeoutMs} ms)`;
			child.kill('SIGKILL');
		}, options.timeoutMs);
		const finish = (code: number): void => {
			clearTimeout(timer);
			resolve({
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8') + note,
				code,
			});
		};

		child.once('error', error => {
			note += `\n${error.message}`;
			finish(-1);
		});
		child.once('close', code => {
			finish(code ?? -1);
		});
		if (options.input !== undefined) {
			child.stdin?.end(options.input);
		}
	});
}

/**
 * Writes `busybox-rootfs.tar` into `dir`: the host's static busybox, a symlink per applet and a
 * passwd, for `import` into any engine. Also used for the Podman tests.
 * @returns the tar's path.
 */
export async function buildBusyboxRootfs(dir: string): Promise<string> {
	const busybox = '/bin/busybox';
	if (!existsSync(busybox)) {
		throw new Error(
			`${busybox} is missing, and it is the only program in the test image. ${howToGetAnEngine}`,
		);
	}

	if (!isStaticElf(readFileSync(busybox))) {
		throw new Error(
			`${busybox} is dynamically linked, so it cannot run alone in an image (that is package busybox; install busybox-static). ${howToGetAnEngine}`,
		);
	}

	const root = path.join(dir, 'rootfs');
	for (const folder of ['bin', 'etc', 'root', 'tmp']) {
		mkdirSync(path.join(root, folder), {recursive: true});
	}

	chmodSync(path.join(root, 'tmp'), 0o1777);
	copyFileSync(busybox, path.join(root, 'bin', 'busybox'));
	chmodSync(path.join(root, 'bin', 'busybox'), 0o755);
	const applets = execFileSync(busybox, ['--list'], {encoding: 'utf8'})
		.split('\n')
		.filter(Boolean);
	for (const applet of applets) {
		if (applet !== 'busybox') {
			symlinkSync('busybox', path.join(root, 'bin', applet));
		}
	}

	// So that ps, top and id show names rather than numbers.
	writeFileSync(
		path.join(root, 'etc', 'passwd'),
		'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
	);
	writeFileSync(
		path.join(root, 'etc', 'group'),
		'root:x:0:\nnogroup:x:65534:\n',
	);
	const tar = path.join(dir, 'busybox-rootfs.tar');
	const result = await runCli(
		'tar',
		[
			'--create',
			'--file',
			tar,
			'--numeric-owner',
			'--owner=0',
			'--group=0',
			'-C',
			root,
			'.',
		],
		{
			env: process.env,
			timeoutMs: 60_000,
		},
	);
	if (result.code !== 0) {
		throw new Error(`tar of the busybox rootfs failed: ${result.stderr}`);
	}

	rmSync(root, {recursive: true, force: true});
	return tar;
}

/** True for an ELF file without a program interpreter, i.e. one that needs no shared libraries. */
function isStaticElf(bytes: Buffer): boolean {
	if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f_45_4c_46) {
		return false;
	}

	const is64 = bytes[4] === 2;
	const little = bytes[5] === 1;
	const u16 = (offset: number): number =>
		little ? bytes.readUInt16LE(offset) : bytes.readUInt16BE(offset);
	const u32 = (offset: number): number =>
		little ? bytes.readUInt32LE(offset) : bytes.readUInt32BE(offset);
	const programHeaders = is64
		? Number(little ? bytes.readBigUInt64LE(32) : bytes.readBigUInt64BE(32))
		: u32(28);
	const entrySize = u16(is64 ? 54 : 42);
	const entries = u16(is64 ? 56 : 44);
	const programInterpreter = 3;
	for (let index = 0; index < entries; index++) {
		if (u32(programHeaders + index * entrySize) === programInterpreter) {
			return false;
		}
	}

	return true;
}

function describeExit(exit: Exit): string {
	if (exit.error) {
		return exit.error.message;
	}

	return exit.signal ? `signal ${exit.signal}` : `code ${exit.code ?? '?'}`;
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
	if (pid === undefined) {
		return;
	}

	try {
		process.kill(pid, name);
	} catch {
		// Already gone.
	}
}

function readCmdline(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}

/** Dead, or a zombie that nobody has reaped yet: either way it holds nothing any more. */
function isGone(pid: number): boolean {
	let stat: string;
	try {
		stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return true;
	}

	// The state follows the command name, which is in parentheses and may itself hold ') '.
	const state = stat.slice(
		stat.lastIndexOf(')') + 2,
		stat.lastIndexOf(')') + 3,
	);
	return state === 'Z' || state === 'X';
}

/**
 * The processes a daemon in `dir` left behind: its dockerd, containerd, shims and runc (their
 * command lines name a path in `dir`) and its containers' processes. A container's init outlives
 * a killed shim, reparented to PID 1, and outlives its container's record if dockerd lost track
 * of it; what always gives it away is its root file system, an overlay mounted from `dir`.
 */
function ownedProcesses(dir: string): number[] {
	const owned: number[] = [];
	for (const entry of readdirSync('/proc')) {
		const pid = Number(entry);
		// Never init, whatever it looks like (it can see our mounts through propagation), nor us.
		if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) {
			continue;
		}

		try {
			const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
			if (/^(?:dockerd|containerd|runc|docker-init|docker-proxy)/.test(comm)) {
				if (readCmdline(pid).includes(`${dir}/`)) {
					owned.push(pid);
				}
			} else if (rootMountComesFrom(pid, dir)) {
				owned.push(pid);
			}
		} catch {
			// It exited while we looked.
		}
	}

	return owned;
}

/** True when the process's `/` is mounted from `dir`: it runs in one of our containers. */
function rootMountComesFrom(pid: number, dir: string): boolean {
	return readFileSync(`/proc/${pid}/mountinfo`, 'utf8')
		.split('\n')
		.some(line => line.split(' ')[4] === '/' && line.includes(`${dir}/`));
}

function mountsUnder(dir: string): string[] {
	const mounts: string[] = [];
	for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
		const field = line.split(' ')[4];
		if (field === undefined) {
			continue;
		}

		// mountinfo escapes space, tab, newline and backslash as octal.
		const mountPoint = field.replaceAll(/\\([0-7]{3})/g, (_, octal: string) =>
			String.fromCodePoint(Number.parseInt(octal, 8)),
		);
		if (mountPoint === dir || mountPoint.startsWith(`${dir}/`)) {
			mounts.push(mountPoint);
		}
	}

	// Deepest first, so that no mount is busy with another mounted inside it.
	return mounts.sort((a, b) => b.length - a.length);
}

/** A blocking pause for the few places that must finish synchronously (process exit hooks). */
function blockFor(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes every trace of the daemon in `dir`, synchronously so that it can run in an exit hook:
 * kills its processes, unmounts, removes leftover cgroups and the folder.
 * @returns what could not be cleaned.
 */
export function sweepSync(dir: string): string[] {
	const problems: string[] = [];
	let containerIds: string[] = [];
	try {
		containerIds = readdirSync(path.join(dir, 'data', 'containers'));
	} catch {
		// No containers were ever made.
	}

	const deadline = Date.now() + 10_000;
	let left = ownedProcesses(dir);
	while (left.length > 0 && Date.now() < deadline) {
		for (const pid of left) {
			signal(pid, 'SIGKILL');
		}

		blockFor(20);
		left = ownedProcesses(dir).filter(pid => !isGone(pid));
	}

	if (left.length > 0) {
		problems.push(
			`processes still alive after SIGKILL: ${left.map(pid => `${pid} ${readCmdline(pid)}`).join(', ')}`,
		);
	}

	for (const mountPoint of mountsUnder(dir)) {
		try {
			execFileSync('umount', [mountPoint], {stdio: 'ignore'});
		} catch {
			try {
				execFileSync('umount', ['--lazy', mountPoint], {stdio: 'ignore'});
			} catch {
				problems.push(`could not unmount ${mountPoint}`);
			}
		}
	}

	// Normally dockerd removes a container's cgroups; not when it was killed first.
	let hierarchies: string[] = [];
	try {
		hierarchies = readdirSync('/sys/fs/cgroup').map(name =>
			path.join('/sys/fs/cgroup', name),
		);
	} catch {
		// No cgroupfs to tidy.
	}

	for (const id of containerIds) {
		for (const hierarchy of ['/sys/fs/cgroup', ...hierarchies]) {
			try {
				rmdirSync(path.join(hierarchy, cgroupParent, id));
			} catch {
				// Not in this hierarchy, or already removed.
			}
		}
	}

	try {
		rmSync(dir, {recursive: true, force: true, maxRetries: 3});
	} catch (error: unknown) {
		problems.push(
			`could not remove ${dir}: ${error instanceof Error ? error.message : String(error)}`,
		);
	}

	return problems;
}

function removeLabelledContainersSync(host: string, dir: string): void {
	const options = {
		env: cliEnv(path.join(dir, 'cli-config')),
		encoding: 'utf8',
		timeout: 15_000,
	} as const;
	try {
		const ids = execFileSync(
			'docker',
			[
				'--host',
				host,
				'ps',
				'--all',
				'--quiet',
				'--filter',
				`label=${e2eLabel}`,
			],
			options,
		)
			.split('\n')
			.filter(Boolean);
		if (ids.length > 0) {
			execFileSync(
				'docker',
				['--host', host, 'rm', '--force', '--volumes', ...ids],
				options,
			);
		}
	} catch {
		// Best effort while the process exits.
	}
}

/** Folders to sweep when the process exits; an external engine's host, to remove labelled containers. */
const pendingSweeps = new Map<string, string | undefined>();
let removeExitHook: (() => void) | undefined;

function registerExitSweep(dir: string, externalHost?: string): void {
	pendingSweeps.set(dir, externalHost);
	// signal-exit also covers SIGINT, SIGTERM and SIGHUP, and re-raises them afterwards.
	removeExitHook ??= onExit(() => {
		for (const [pendingDir, host] of pendingSweeps) {
			if (host === undefined) {
				sweepSync(pendingDir);
			} else {
				removeLabelledContainersSync(host, pendingDir);
				rmSync(pendingDir, {recursive: true, force: true});
			}
		}

		pendingSweeps.clear();
	});
}

function unregisterExitSweep(dir: string): void {
	pendingSweeps.delete(dir);
	if (pendingSweeps.size === 0 && removeExitHook) {
		removeExitHook();
		removeExitHook = undefined;
	}
}

/**
 * Starts a detached copy of this module that waits for its stdin to close, which happens when
 * this process ends in any way, SIGKILL included, and then sweeps `dir`. The exit hook cannot
 * cover SIGKILL or an out-of-memory kill.
 */
function startWatchdog(dir: string): ChildProcess {
	const child = spawn(
		process.execPath,
		[
			'--import',
			import.meta.resolve('tsx'),
			fileURLToPath(import.meta.url),
			watchdogFlag,
			dir,
		],
		{detached: true, stdio: ['pipe', 'ignore', 'ignore']},
	);
	child.unref();
	// An open pipe would keep this process alive; unref'd, it still closes when we exit.
	(
		child.stdin as (NodeJS.WritableStream & {unref?: () => void}) | null
	)?.unref?.();
	return child;
}

function runWatchdog(dir: string): void {
	// The test runner's Ctrl-C must not stop the watchdog before the test process is gone.
	process.on('SIGINT', () => undefined);
	process.on('SIGHUP', () => undefined);
	const sweepAndExit = (): void => {
		sweepSync(dir);
		process.exit(0);
	};

	process.stdin.once('end', sweepAndExit);
	process.stdin.once('close', sweepAndExit);
	process.stdin.once('error', sweepAndExit);
	process.stdin.resume();
}

const argv1 = process.argv[1];
if (
	process.argv[2] === watchdogFlag &&
	argv1 &&
	pathToFileURL(argv1).href === import.meta.url
) {
	const dir = process.argv[3];
	if (dir?.startsWith(dirPrefix)) {
		runWatchdog(dir);
	}
}
