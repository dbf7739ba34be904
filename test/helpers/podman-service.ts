import {spawn, type ChildProcess} from 'node:child_process';
import {
	closeSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
} from 'node:fs';
import {request} from 'node:http';
import path from 'node:path';
import {onExit} from 'signal-exit';
import {
	buildBusyboxRootfs,
	runCli,
	sweepSync,
	type DockerResult,
} from './throwaway-daemon.js';
import {quickStop} from './e2e-containers.js';
import {waitFor} from './wait-for.js';

/** What a podman CLI call printed and how it exited. */
export type PodmanResult = DockerResult;

/** Podman's Docker-compatible API on a socket of the test's own, over storage of its own. */
export type PodmanService = {
	/** `unix://DIR/podman.sock`, for `--host`. */
	readonly host: string;
	readonly socketPath: string;
	readonly dir: string;
	/** Runs the podman CLI on this service's storage; throws with stderr unless it exits 0. */
	podmanOk(args: readonly string[]): Promise<string>;
	/** Runs the podman CLI on this service's storage. */
	podman(args: readonly string[]): Promise<PodmanResult>;
	/** Imports the busybox image (see throwaway-daemon.ts) under `tag`. */
	importBusyboxImage(tag: string): Promise<void>;
	/**
	 * Runs a detached container without a network, with the limits this machine's Podman needs
	 * (without them runc fails to raise the defaults).
	 * @returns its id.
	 */
	run(
		name: string,
		image: string,
		command?: readonly string[],
	): Promise<string>;
	/** Removes the containers, stops the service, unmounts and removes `dir`. Safe to call twice. */
	stop(): Promise<void>;
};

/**
 * Starts `podman system service` as root on its own socket, with `--root`, `--runroot` and
 * `--tmpdir` under a fresh /tmp/dmt-* folder (the prefix .ci/run sweeps after a crash), so
 * nothing of the machine's Podman is read or touched. Needs root and podman.
 */
export async function startPodmanService(): Promise<PodmanService> {
	const dir = mkdtempSync('/tmp/dmt-podman-');
	const socketPath = path.join(dir, 'podman.sock');
	const storage = [
		'--root',
		path.join(dir, 'root'),
		'--runroot',
		path.join(dir, 'runroot'),
		'--tmpdir',
		path.join(dir, 'tmp'),
		'--events-backend',
		'file',
		'--cgroup-manager',
		'cgroupfs',
	];

	const podman = async (args: readonly string[]): Promise<PodmanResult> =>
		runCli('podman', [...storage, ...args], {
			env: process.env,
			timeoutMs: 60_000,
		});

	const podmanOk = async (args: readonly string[]): Promise<string> => {
		const result = await podman(args);
		if (result.code !== 0) {
			throw new Error(
				`podman ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`,
			);
		}

		return result.stdout.trim();
	};

	const log = openSync(path.join(dir, 'service.log'), 'a');
	let service: ChildProcess;
	try {
		service = spawn(
			'podman',
			[...storage, 'system', 'service', '--time=0', `unix://${socketPath}`],
			{stdio: ['ignore', log, log]},
		);
	} finally {
		closeSync(log);
	}

	let exited = false;
	service.once('exit', () => {
		exited = true;
	});
	const removeExitHook = onExit(() => {
		service.kill('SIGKILL');
		killConmons(dir);
		sweepSync(dir);
	});

	let stopped = false;
	const stop = async (): Promise<void> => {
		if (stopped) {
			return;
		}

		stopped = true;
		const problems: string[] = [];
		const removed = await podman(['rm', '--all', '--force', '--time', '0']);
		if (removed.code !== 0) {
			problems.push(`podman rm: ${removed.stderr.trim()}`);
		}

		service.kill('SIGTERM');
		try {
			await waitFor(() => exited, {
				timeoutMs: 10_000,
				message: 'podman system service did not exit after SIGTERM',
			});
		} catch (error: unknown) {
			problems.push(error instanceof Error ? error.message : String(error));
			service.kill('SIGKILL');
		}

		killConmons(dir);
		problems.push(...sweepSync(dir));
		removeExitHook();
		if (problems.length > 0) {
			throw new Error(`stopping podman in ${dir}:\n- ${problems.join('\n- ')}`);
		}
	};

	try {
		await waitFor(
			async () => {
				if (exited) {
					throw new Error(
						`podman system service exited:\n${readFileSync(path.join(dir, 'service.log'), 'utf8')}`,
					);
				}

				return pings(socketPath);
			},
			{
				timeoutMs: 30_000,
				intervalMs: 50,
				message: `podman did not answer on ${socketPath}`,
			},
		);
	} catch (error: unknown) {
		await stop().catch(() => undefined);
		throw error;
	}

	let rootfs: Promise<string> | undefined;
	return {
		host: `unix://${socketPath}`,
		socketPath,
		dir,
		podman,
		podmanOk,
		async importBusyboxImage(tag) {
			rootfs ??= buildBusyboxRootfs(dir);
			await podmanOk([
				'import',
				'--change',
				'CMD ["/bin/sh"]',
				await rootfs,
				tag,
			]);
		},
		async run(name, image, command = ['sleep', '600']) {
			return podmanOk([
				'run',
				'--detach',
				'--name',
				name,
				'--network',
				'none',
				'--ulimit',
				'nofile=1024:1024',
				'--ulimit',
				'nproc=1024:1024',
				...quickStop,
				image,
				...command,
			]);
		},
		stop,
	};
}

/**
 * Kills the container monitors of this storage: an exec's conmon lingers for minutes after the
 * exec ended (`--exit-delay 300`), and the daemon sweep does not know conmon.
 */
function killConmons(dir: string): void {
	for (const entry of readdirSync('/proc')) {
		const pid = Number(entry);
		if (!Number.isInteger(pid)) {
			continue;
		}

		try {
			const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
			const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (comm === 'conmon' && cmdline.includes(`${dir}/`)) {
				process.kill(pid, 'SIGKILL');
			}
		} catch {
			// It exited while we looked.
		}
	}
}

/** Whether the Docker-compatible API answers `GET /_ping` on the socket. */
async function pings(socketPath: string): Promise<boolean> {
	return new Promise(resolve => {
		const call = request(
			{socketPath, path: '/_ping', method: 'GET', timeout: 2000},
			response => {
				response.resume();
				resolve(response.statusCode === 200);
			},
		);
		call.once('error', () => {
			resolve(false);
		});
		call.once('timeout', () => {
			call.destroy();
			resolve(false);
		});
		call.end();
	});
}
