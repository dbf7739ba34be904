import type {Endpoint} from './endpoint.js';
import {DockerError} from './errors.js';
import {sshConnectionTo, type SshConnection} from './ssh-connection.js';

type SshEndpoint = Extract<Endpoint, {readonly kind: 'ssh'}>;

/**
 * Logs in to a fleet's ssh engines before the full-screen UI, inside which ssh could ask nothing.
 * All at once first, asking nothing: each login takes a few round trips, which a fleet of servers
 * over a slow link waited out one after another. Then, with a terminal, one at a time, those that
 * ssh refused for want of an answer (a passphrase, a password), ssh asking on the terminal. Any
 * other failure is left to the fleet, which shows the engine down and retries it.
 */
export async function logInToSshEngines(
	endpoints: readonly Endpoint[],
	options: {
		readonly isTerminal: boolean;
		/** The connection to an engine; the shared one of each unless told. */
		readonly connectionTo?: (endpoint: SshEndpoint) => SshConnection;
	},
): Promise<void> {
	const {isTerminal, connectionTo = sshConnectionTo} = options;
	const refused = await Promise.all(
		endpoints
			.filter((endpoint): endpoint is SshEndpoint => endpoint.kind === 'ssh')
			.map(async endpoint =>
				connectionTo(endpoint)
					.open()
					.then(
						() => undefined,
						(error: unknown) =>
							error instanceof DockerError && error.code === 'permission-denied'
								? endpoint
								: undefined,
					),
			),
	);
	if (!isTerminal) {
		return;
	}

	for (const endpoint of refused) {
		if (endpoint !== undefined) {
			// Sequential on purpose: one terminal, one question at a time.
			await connectionTo(endpoint)
				.open({interactive: true})
				.catch(() => undefined);
		}
	}
}
