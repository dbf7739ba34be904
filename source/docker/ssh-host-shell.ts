import {DockerError} from './errors.js';
import type {HostShell} from './host-shell.js';
import {
	collectStderr,
	endChannel,
	type SshConnection,
} from './ssh-connection.js';
import {sshFailedStatus, sshMessage} from './ssh-errors.js';

/**
 * A shell on the engine's machine, each call one channel of `connection` running `sh -s` with the
 * script on its standard input: a script given as an argument would be limited to what one
 * argument may hold there (128 KiB on Linux), which the sampler's script passes at ~1,600 containers.
 */
export function createSshHostShell(
	connection: SshConnection,
	url: string,
): HostShell {
	return {
		via: 'ssh',
		async run(script, signal) {
			signal?.throwIfAborted();
			await connection.open();
			signal?.throwIfAborted();
			const child = connection.channel(['sh', '-s']);
			const stderr = collectStderr(child);
			const chunks: Buffer[] = [];
			child.stdout?.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
			});
			// A channel that fails at once closes its input early; its exit status tells why.
			child.stdin?.on('error', () => undefined);
			child.stdin?.end(script);
			const abort = (): void => {
				endChannel(child);
			};

			signal?.addEventListener('abort', abort, {once: true});
			try {
				const code = await new Promise<number | null>((resolve, reject) => {
					child.once('error', reject);
					child.once('close', resolve);
				});
				signal?.throwIfAborted();
				if (code !== 0) {
					throw code === sshFailedStatus
						? connection.failure(stderr(), code)
						: new DockerError(
								'unknown',
								`sh on the host of ${url} ended with ${code === null ? 'a signal' : `status ${code}`}${sshMessage(stderr()) === '' ? '' : `: ${sshMessage(stderr())}`}`,
							);
				}

				return Buffer.concat(chunks).toString('utf8');
			} finally {
				signal?.removeEventListener('abort', abort);
			}
		},
	};
}
