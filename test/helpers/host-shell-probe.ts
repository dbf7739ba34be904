// Run by test/e2e/ssh-transport.test.ts in a process of its own, whose login home is the test's
// (see asLoginHome), for what ssh reads from ~/.ssh: the host shell of the ssh:// engine named by
// the first argument, as the Docker layer gives it, tried several ways. Prints the outcomes as JSON.
import os from 'node:os';
import {createDockerodeClient} from '../../source/docker/dockerode-client.js';
import {resolveEndpoint} from '../../source/docker/endpoint.js';
import {errorMessage} from '../../source/docker/errors.js';

const shell = createDockerodeClient(
	resolveEndpoint({host: process.argv[2], env: {}, homeDir: os.homedir()}),
).hostShell();
if (shell === undefined) {
	throw new Error('no host shell for an ssh:// engine');
}

const outcome = async (
	run: () => Promise<string>,
): Promise<{
	readonly output?: string;
	readonly error?: string;
	readonly ms: number;
}> => {
	const started = performance.now();
	try {
		const output = await run();
		return {output, ms: performance.now() - started};
	} catch (error) {
		return {error: errorMessage(error), ms: performance.now() - started};
	}
};

const results = {
	via: shell.via,
	// Quotes of every kind reach the far side's sh as written.
	quoted: await outcome(async () =>
		shell.run(`printf '%s|' "it's" $((6 * 7)) "$(echo a'b')"`),
	),
	// Larger than one argument may be on Linux (128 KiB): the sampler's script for ~1,600 containers.
	large: await outcome(async () =>
		shell.run(`: ${'x'.repeat(200 * 1024)}\necho large-ok`),
	),
	// Scripts one after another run in the one shell kept there ($$ is the shell's, in a subshell too).
	firstShell: await outcome(async () => shell.run('echo $$')),
	secondShell: await outcome(async () => shell.run('echo $$')),
	failing: await outcome(async () => shell.run('echo oops >&2; exit 3')),
	afterFailing: await outcome(async () => shell.run('echo $$')),
	aborted: await outcome(async () => {
		const controller = new AbortController();
		setTimeout(() => {
			controller.abort();
		}, 300);
		return shell.run('sleep 30', controller.signal);
	}),
	// The aborted script's shell was ended with it: another one runs the next.
	afterAborted: await outcome(async () => shell.run('echo $$')),
};
shell.close();
process.stdout.write(JSON.stringify(results));
process.exit(0);
