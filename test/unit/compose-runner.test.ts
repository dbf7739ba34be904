import assert from 'node:assert/strict';
import {
	chmodSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import type {ComposeInvocation} from '../../source/runtime/compose-command.js';
import {createComposeRunner} from '../../source/runtime/compose-runner.js';
import {waitFor} from '../helpers/wait-for.js';

const folder = mkdtempSync(path.join(tmpdir(), 'dockmate-compose-runner-'));

after(() => {
	rmSync(folder, {recursive: true, force: true});
});

/** A shell script run as if it were compose. */
function script(
	body: string,
	configFiles: readonly string[] = [],
): ComposeInvocation {
	return {
		file: 'sh',
		args: ['-c', body],
		cwd: folder,
		configFiles,
		commandLine: 'sh -c …',
	};
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe('the compose runner', () => {
	const runner = createComposeRunner();

	it('hands over stdout and stderr line by line, sanitised, with the exit code', async () => {
		const lines: string[] = [];
		const exit = await runner.run(
			script(
				String.raw`printf 'one\ntwo\r\n'; printf 'err\033[31m red\033[0m\n' >&2; printf 'Pulling 10%%\rPulling 99%%\r'; printf 'tail'; exit 3`,
			),
			{
				variables: {},
				signal: new AbortController().signal,
				onOutput(chunk) {
					lines.push(...chunk);
				},
			},
		);
		assert.deepEqual(exit, {code: 3, signal: undefined});
		assert.deepEqual([...lines].sort(), [
			'Pulling 10%',
			'Pulling 99%',
			'err red',
			'one',
			'tail',
			'two',
		]);
	});

	it('sets the engine variables and drops the user’s own', async () => {
		const lines: string[] = [];
		process.env['DOCKER_CONTEXT'] = 'users-own';
		try {
			await runner.run(
				script('echo "host=$DOCKER_HOST context=${DOCKER_CONTEXT:-none}"'),
				{
					variables: {DOCKER_HOST: 'unix:///tmp/ours.sock'},
					signal: new AbortController().signal,
					onOutput(chunk) {
						lines.push(...chunk);
					},
				},
			);
		} finally {
			delete process.env['DOCKER_CONTEXT'];
		}

		assert.deepEqual(lines, ['host=unix:///tmp/ours.sock context=none']);
	});

	it('ends compose and what it started when cancelled', async () => {
		const pidFile = path.join(folder, 'grandchild.pid');
		const controller = new AbortController();
		const lines: string[] = [];
		const running = runner.run(
			script(`sleep 60 & echo $! > '${pidFile}'; echo started; wait`),
			{
				variables: {},
				signal: controller.signal,
				onOutput(chunk) {
					lines.push(...chunk);
				},
			},
		);
		await waitFor(() => lines.includes('started'), {
			timeoutMs: 5000,
			message: 'the script never started',
		});
		const grandchild = Number(readFileSync(pidFile, 'utf8').trim());
		assert.ok(isAlive(grandchild));
		controller.abort();
		const exit = await running;
		assert.equal(exit.signal, 'SIGTERM');
		await waitFor(() => !isAlive(grandchild), {
			timeoutMs: 5000,
			message: `the process compose started (${grandchild}) outlived it`,
		});
	});

	it('refuses to start when a compose file is not on this machine', async () => {
		await assert.rejects(
			runner.run(script('echo never', ['/nonexistent/compose.yml']), {
				variables: {},
				signal: new AbortController().signal,
				onOutput() {
					assert.fail('it ran');
				},
			}),
			/\/nonexistent\/compose.yml is not on this machine/,
		);
	});

	it('finds the plugin first, then the standalone program, and neither if none is there', async () => {
		const bin = path.join(folder, 'bin');
		mkdirSync(bin);
		const savedPath = process.env['PATH'];
		const install = (name: string, body: string): void => {
			const file = path.join(bin, name);
			writeFileSync(file, `#!/bin/sh\n${body}\n`);
			chmodSync(file, 0o755);
		};

		process.env['PATH'] = bin;
		try {
			assert.equal(await createComposeRunner().detect({}), undefined);
			install('docker-compose', 'echo 1.29.2');
			assert.deepEqual(await createComposeRunner().detect({}), {
				kind: 'standalone',
				version: '1.29.2',
			});
			// A docker CLI without the plugin fails `docker compose version`.
			install(
				'docker',
				'[ "$1" = compose ] && [ -n "$WITH_PLUGIN" ] && echo 2.24.5 && exit 0; exit 1',
			);
			assert.equal(
				(await createComposeRunner().detect({}))?.kind,
				'standalone',
			);
			assert.deepEqual(await createComposeRunner().detect({WITH_PLUGIN: '1'}), {
				kind: 'plugin',
				version: '2.24.5',
			});
		} finally {
			process.env['PATH'] = savedPath;
		}
	});
});
