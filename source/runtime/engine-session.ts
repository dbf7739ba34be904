import type {DockerClient} from '../docker/docker-client.js';
import type {Endpoint} from '../docker/endpoint.js';
import {DockerError} from '../docker/errors.js';
import {choiceId, type HostChoice} from '../docker/host-choices.js';
import {statusShown} from '../state/status.js';
import {auditCarried} from '../state/audit-log.js';
import type {EngineSwitching} from './host-switcher.js';
import type {Services} from './services.js';

/**
 * The engine dockmate is connected to and the services wired to it. Switching engines swaps both
 * at once: the view renders whatever {@link EngineSession.services} returns after each change.
 */
export type EngineSession = {
	readonly services: () => Services;
	readonly docker: () => DockerClient;
	/** Tells the listener each time the services were replaced. */
	readonly subscribe: (listener: () => void) => () => void;
	/** Stops the current services' feeds. */
	readonly dispose: () => void;
};

/** How long a new engine has to answer before the switch counts as failed. */
export const defaultSwitchTimeoutMs = 5000;

/**
 * Resolves when the engine answers a ping; rejects when it fails, when `timeoutMs` passes first
 * (whether or not the client heeds the abort), or when `signal` aborts.
 */
export async function answersWithin(
	client: DockerClient,
	target: Endpoint,
	timeoutMs: number,
	signal: AbortSignal = new AbortController().signal,
): Promise<void> {
	const deadline = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	const stop = (): void => {
		deadline.abort();
	};

	signal.addEventListener('abort', stop, {once: true});
	const expired = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			reject(
				new DockerError(
					'timeout',
					`cannot connect to the Docker engine at ${target.url}: no answer within ${timeoutMs / 1000} s`,
					// The connection was accepted (a refusal fails at once): something is there but silent.
					target.kind === 'ssh'
						? 'the ssh server or the Docker daemon behind it is silent: try ssh to that host and run docker version there'
						: 'the connection was accepted but the engine does not answer: is the daemon hung, overloaded or still starting? Check its log (journalctl -u docker) or restart it',
				),
			);
			deadline.abort();
		}, timeoutMs);
		deadline.signal.addEventListener('abort', () => {
			reject(new Error('cancelled'));
		});
	});
	try {
		await Promise.race([client.ping(deadline.signal), expired]);
	} finally {
		clearTimeout(timer);
		signal.removeEventListener('abort', stop);
		// Settles `expired` (as cancelled) once the ping won, so nothing waits on it.
		deadline.abort();
	}
}

/**
 * Gives the new services the old ones' command log, an audit trail that must survive the switch,
 * and then whatever the old ones still record: an action under way on the old engine ends after
 * the switch, and its outcome belongs in the log too.
 */
function carryAudit(from: Services, to: Services): void {
	let seen = from.store.getState().audit;
	to.dispatch(auditCarried(seen));
	from.store.subscribe(() => {
		const log = from.store.getState().audit;
		if (log === seen) {
			return;
		}

		const last = seen.at(-1);
		const fresh = last === undefined ? log : log.slice(log.indexOf(last) + 1);
		seen = log;
		to.dispatch(auditCarried(fresh));
	});
}

/**
 * Starts the services of the first engine, and switches to another when the host switcher asks:
 * the new engine must answer a ping within the deadline, and only then are the old feeds stopped
 * and streams closed and new services started on a fresh store. A failure changes nothing.
 */
export function createEngineSession(options: {
	/** The engine dockmate started with, already answering. */
	readonly docker: DockerClient;
	readonly endpoint: Endpoint;
	readonly connect: (endpoint: Endpoint) => DockerClient;
	/** The choices to list (read afresh each time) and why the list may be short. */
	readonly listChoices: () => {
		readonly choices: readonly HostChoice[];
		readonly problem: string | undefined;
	};
	/**
	 * The fleet dockmate started with, offered first in the list so that a switch to one of its
	 * engines can be undone; `connect` opens it afresh. Each of its engines is offered alone too,
	 * those the list lacks (written out only in the fleet, given by --host) after the list's.
	 */
	readonly fleet?: {
		readonly choice: HostChoice;
		readonly connect: () => DockerClient;
		readonly members: readonly HostChoice[];
	};
	/**
	 * New services on `docker`, whose host switcher uses `switching`; the session starts them.
	 * `readOnly`: the engine switched to is read-only of its own.
	 */
	readonly makeServices: (
		docker: DockerClient,
		switching: EngineSwitching,
		readOnly: boolean,
	) => Services;
	readonly switchTimeoutMs?: number;
}): EngineSession {
	const timeoutMs = options.switchTimeoutMs ?? defaultSwitchTimeoutMs;
	const listeners = new Set<() => void>();
	const {fleet} = options;
	let docker = options.docker;
	let currentId =
		fleet !== undefined && docker.fleet !== undefined
			? fleet.choice.id
			: choiceId(options.endpoint);

	const switching: EngineSwitching = {
		list() {
			const {choices, problem} = options.listChoices();
			if (fleet === undefined) {
				return {choices, currentId, problem};
			}

			// The fleet's engines given by --host are its members; a member the list has already
			// is listed once, read-only as the fleet says.
			const members = new Map(fleet.members.map(member => [member.id, member]));
			const listed = choices
				.filter(choice => choice.kind !== 'flag')
				.map(choice => members.get(choice.id) ?? choice);
			const ids = new Set(listed.map(choice => choice.id));
			return {
				choices: [
					fleet.choice,
					...listed,
					...fleet.members.filter(member => !ids.has(member.id)),
				],
				currentId,
				problem,
			};
		},
		async switchTo(target, signal) {
			const client =
				target.id === fleet?.choice.id
					? fleet.connect()
					: options.connect(target.endpoint);
			await answersWithin(client, target.endpoint, timeoutMs, signal);
			if (signal.aborted) {
				throw new Error('cancelled');
			}

			const next = options.makeServices(
				client,
				switching,
				target.readOnly ?? false,
			);
			const previous = services;
			services = next;
			docker = client;
			currentId = target.id;
			previous.dispose();
			carryAudit(previous, next);
			next.dispatch(statusShown(`switched to ${client.endpoint}`));
			void next.start();
			for (const listener of listeners) {
				listener();
			}
		},
	};

	let services = options.makeServices(docker, switching, false);
	void services.start();

	return {
		services: () => services,
		docker: () => docker,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		dispose() {
			services.dispose();
		},
	};
}
