import {DockerError} from './errors.js';
import type {HostShell} from './host-shell.js';
import {
	collectStderr,
	endChannel,
	type SshConnection,
} from './ssh-connection.js';
import {sshFailedStatus, sshMessage} from './ssh-errors.js';

/** `text` as one word for a POSIX shell: ssh hands the far side's shell one command line. */
export function shellQuote(text: string): string {
	return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A shell on the engine's machine, each call one channel of `connection` running `sh -c`. */
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
			const child = connection.channel(['sh', '-c', shellQuote(script)]);
			const stderr = collectStderr(child);
			const chunks: Buffer[] = [];
			child.stdout?.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
			});
			child.stdin?.end();
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
