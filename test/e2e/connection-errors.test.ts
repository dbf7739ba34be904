import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer as createHttpServer} from 'node:http';
import {createServer, type Server, type Socket} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {asLoginHome, cliPath} from '../helpers/dockmate.js';
import {runCli, type DockerResult} from '../helpers/throwaway-daemon.js';

type Outcome = DockerResult & {readonly ms: number};

/** Runs dockmate with only the given environment (no DOCKER_* of the test process) and no tty. */
async function dockmate(
	args: readonly string[],
	env: Readonly<Record<string, string>> = {},
	asUser?: number,
): Promise<Outcome> {
	const started = performance.now();
	const command =
		asUser === undefined
			? [process.execPath, cliPath, ...args]
			: [
					'setpriv',
					`--reuid=${asUser}`,
					`--regid=${asUser}`,
					'--clear-groups',
					process.execPath,
					cliPath,
					...args,
				];
	const result = await runCli(command[0]!, command.slice(1), {
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home, ...env},
		timeoutMs: 15_000,
	});
	return {...result, ms: performance.now() - started};
}

/** A failure is one clear line and a hint on stderr, exit status 1, within five seconds, no stack trace. */
function assertCleanFailure(outcome: Outcome, message: RegExp): void {
	assert.equal(outcome.code, 1, outcome.stderr);
	assert.match(outcome.stderr, message);
	assert.doesNotMatch(outcome.stderr, /\n\s+at /, 'stack trace on stderr');
	assert.equal(outcome.stdout, '');
	assert.ok(outcome.ms < 5000, `took ${Math.round(outcome.ms)} ms`);
}

/** A usage error: one line naming the flag, the usage hint, exit status 2, no stack or source text. */
function assertUsageFailure(outcome: Outcome, message: RegExp): void {
	assert.equal(outcome.code, 2, outcome.stderr);
	const lines = outcome.stderr.split('\n');
	assert.match(lines[0] ?? '', message);
	assert.deepEqual(lines.slice(1), [
		"Run 'dockmate --help' for the options.",
		'',
	]);
	assert.equal(outcome.stdout, '');
}

let home: string;
let server: Server | undefined;

describe('connection failures', {timeout: 90_000}, () => {
	before(() => {
		home = mkdtempSync(path.join(os.tmpdir(), 'dmt-home-'));
	});

	after(async () => {
		await new Promise(resolve => {
			if (server) {
				server.close(resolve);
			} else {
				resolve(undefined);
			}
		});
		rmSync(home, {recursive: true, force: true});
	});

	it('no engine at the socket', async () => {
		const socket = path.join(home, 'missing.sock');
		assertCleanFailure(
			await dockmate(['--host', `unix://${socket}`]),
			new RegExp(
				`^dockmate: cannot connect to the Docker engine at unix://${socket}: no such file\\nhint: is the Docker daemon running\\?`,
			),
		);
	});

	it('an engine address where nothing listens', async () => {
		// Port 9 (discard) on loopback: nothing listens there, so the kernel refuses at once.
		assertCleanFailure(
			await dockmate([], {DOCKER_HOST: 'tcp://127.0.0.1:9'}),
			/^dockmate: cannot connect to the Docker engine at tcp:\/\/127\.0\.0\.1:9: connection refused\n/,
		);
	});

	it('a socket the user may not open', async () => {
		const socket = path.join(home, 'engine.sock');
		server = createServer(connection => connection.destroy());
		await new Promise<void>(resolve => {
			server?.listen(socket, resolve);
		});
		chmodSync(socket, 0o600);
		// The test runs as root, which no permission stops; "nobody" is stopped like a user
		// outside the docker group.
		assertCleanFailure(
			await dockmate(['--host', `unix://${socket}`], {}, 65_534),
			/: permission denied\nhint: add your user to the "docker" group/,
		);
	});

	it('an unknown context', async () => {
		assertCleanFailure(
			await dockmate(['--context', 'staging']),
			/^dockmate: context "staging" not found/,
		);
	});

	it('a malformed DOCKER_HOST', async () => {
		assertCleanFailure(
			await dockmate([], {DOCKER_HOST: 'tcp//engine:2375'}),
			/^dockmate: malformed DOCKER_HOST "tcp\/\/engine:2375"/,
		);
	});

	it('an endpoint that answers HTTP but is not an engine says so, never with its page', async () => {
		// A registry answers /_ping with a plain 404; a web server with its HTML error page or, for
		// any path, its home page.
		const answers = [
			{status: 404, type: 'text/plain', body: '404 page not found\n'},
			{
				status: 404,
				type: 'text/html',
				body: '<!DOCTYPE HTML>\n<html>404</html>\n',
			},
			{status: 200, type: 'text/html', body: '<!DOCTYPE html><html>hi</html>'},
		];
		let answer = answers[0]!;
		const web = createHttpServer((_request, response) => {
			response.writeHead(answer.status, {'content-type': answer.type});
			response.end(answer.body);
		});
		await new Promise<void>(resolve => {
			web.listen(0, '127.0.0.1', resolve);
		});
		try {
			const {port} = web.address() as {port: number};
			const host = `tcp://127.0.0.1:${port}`;
			for (const [index, next] of answers.entries()) {
				answer = next;
				const outcome = await dockmate(['--host', host]);
				assertCleanFailure(
					outcome,
					new RegExp(
						`^dockmate: ${host} answered, but it is not a Docker engine \\(${index === 2 ? 'an answer other than OK' : 'HTTP 404'} for /_ping\\)\nhint: is that the engine's address and port\\?`,
					),
				);
				assert.doesNotMatch(outcome.stderr, /page not found|<|html/i);
			}
		} finally {
			web.close();
		}
	});

	it('an engine that accepts but never answers: says so after 4 s, with what to check', async () => {
		const socket = path.join(home, 'hang.sock');
		const held: Socket[] = [];
		const silent = createServer(connection => held.push(connection));
		await new Promise<void>(resolve => {
			silent.listen(socket, resolve);
		});
		try {
			const outcome = await dockmate(['--host', `unix://${socket}`]);
			assert.equal(outcome.code, 1, outcome.stderr);
			assert.match(
				outcome.stderr,
				new RegExp(
					`^dockmate: cannot connect to the Docker engine at unix://${socket}: no answer within 4 s\nhint: the connection was accepted but the engine does not answer: .*Check its log`,
				),
			);
			assert.ok(outcome.ms >= 4000 && outcome.ms < 8000, `${outcome.ms} ms`);
		} finally {
			for (const connection of held) {
				connection.destroy();
			}

			silent.close();
		}
	});

	it('an engine that answers, without a terminal: one line, one prefix', async () => {
		const engine = createHttpServer((_request, response) => {
			response.end('OK');
		});
		await new Promise<void>(resolve => {
			engine.listen(0, '127.0.0.1', resolve);
		});
		try {
			const {port} = engine.address() as {port: number};
			assertCleanFailure(
				await dockmate(['--host', `tcp://127.0.0.1:${port}`]),
				/^dockmate: needs an interactive terminal \(stdin and stdout must be a tty\)\n$/,
			);
		} finally {
			engine.close();
		}
	});

	it('an ssh:// address where no ssh server listens gives the words of ssh and an ssh hint', async () => {
		// ssh reads ~/.ssh from the login home, not $HOME: this test's home stands for it.
		const [command, ...rest] = asLoginHome(home, [
			process.execPath,
			cliPath,
			'--host',
			'ssh://root@127.0.0.1:9',
		]);
		const started = performance.now();
		const result = await runCli(command ?? 'unshare', rest, {
			env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home},
			timeoutMs: 15_000,
		});
		assertCleanFailure(
			{...result, ms: performance.now() - started},
			/^dockmate: cannot connect to the Docker engine at ssh:\/\/root@127\.0\.0\.1:9: ssh: connect to host 127\.0\.0\.1 port 9: Connection refused\nhint: is the host up and its ssh server \(sshd\) running on that port\? Try: ssh -p 9 root@127\.0\.0\.1\n$/,
		);
	});

	it('a flag error names the flag and exits with status 2', async () => {
		// An engine address that refuses at once: a flag error must be reported before any connection.
		const env = {DOCKER_HOST: 'tcp://127.0.0.1:9'};
		const cases: readonly [readonly string[], RegExp][] = [
			[['--bogus'], /^dockmate: unknown flag --bogus$/],
			[['stray'], /^dockmate: unexpected argument "stray"/],
			[
				['--fleet', 'a', '--host', 'unix:///b'],
				/^dockmate: --fleet and --host cannot be given together$/,
			],
			[['--tail', 'abc'], /^dockmate: --tail takes a whole number.*"abc"/],
			[['--tail', '-1'], /^dockmate: --tail takes a whole number.*"-1"/],
			[['--host'], /^dockmate: --host needs a value$/],
			[
				['--host', 'tcp//engine'],
				/^dockmate: malformed --host "tcp\/\/engine"/,
			],
			[['--read-only=yes'], /^dockmate: --read-only takes no value$/],
		];
		const outcomes = await Promise.all(
			cases.map(async ([args]) => dockmate(args, env)),
		);
		for (const [index, [, message]] of cases.entries()) {
			assertUsageFailure(outcomes[index]!, message);
		}
	});

	it('--help and --version answer without an engine', async () => {
		const help = await dockmate(['--help'], {DOCKER_HOST: 'tcp://127.0.0.1:9'});
		assert.equal(help.code, 0);
		assert.match(help.stdout, /--read-only/);
		const version = await dockmate(['--version']);
		assert.equal(version.code, 0);
		assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
	});
});
