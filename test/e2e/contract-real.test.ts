import {createDockerodeClient} from '../../source/docker/dockerode-client.js';
import {dockerClientContract} from '../contract/docker-client.contract.js';
import {runLabelled} from '../helpers/e2e-containers.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:contract';
const daemon = engineFixture({image});

dockerClientContract('the dockerode adapter on a real engine', () => {
	if (daemon.socketPath === undefined) {
		throw new Error('the contract needs an engine on a unix socket');
	}

	return {
		client: createDockerodeClient({
			kind: 'unix',
			socketPath: daemon.socketPath,
			url: daemon.host,
			source: {kind: 'flag'},
		}),
		image,
		async run({name, stdout, stderr, tty, running}) {
			const echo = (lines: readonly string[], to = '') =>
				lines.map(line => `echo ${line}${to}; `).join('');
			const id = await runLabelled(daemon, {
				name,
				image,
				options: tty ? ['--tty'] : [],
				command: [
					'sh',
					'-c',
					`${echo(stdout)}${echo(stderr, ' >&2')}${running ? 'exec sleep 600' : 'true'}`,
				],
			});
			// Its output is in, and it has exited where it was to.
			await waitFor(
				async () => {
					const logs = await daemon.docker(['logs', id]);
					const written = `${logs.stdout}${logs.stderr}`
						.split('\n')
						.filter(Boolean).length;
					const state = await daemon.dockerOk([
						'inspect',
						'--format',
						'{{.State.Status}}',
						id,
					]);
					return (
						written >= stdout.length + stderr.length &&
						state === (running ? 'running' : 'exited')
					);
				},
				{timeoutMs: 10_000, message: `${name} has written its output`},
			);
			return id;
		},
	};
});
