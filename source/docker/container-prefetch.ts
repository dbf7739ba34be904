import http from 'node:http';
import type {DockerClient} from './docker-client.js';
import type {Endpoint} from './endpoint.js';
import {sharedChannelAgent} from './ssh-channel-agent.js';
import {sshConnectionTo} from './ssh-connection.js';
import {toContainerSummary} from './to-domain.js';
import {traceStartup} from '../startup-trace.js';

/**
 * The engine's container list, asked for as dockmate starts, before the bulk of it is loaded:
 * on a large engine the listing takes about as long as Node takes to compile the app, and so
 * the two overlap. For an ssh:// engine the ssh login, the longest part of a remote start, overlaps
 * with loading the app too.
 */
export type ContainerPrefetch = {
	/** The engine asked, so that an answer from another one is never used. */
	readonly url: string;
	/** The raw list, or undefined when the engine did not give one. */
	readonly answer: Promise<unknown[] | undefined>;
	/**
	 * For an ssh:// engine, the login to it under way: the app awaits this one rather than start
	 * another, which would ask ssh's questions (a passphrase, a host key) a second time.
	 */
	readonly login?: Promise<void>;
};

/**
 * Asks a local engine, or an ssh:// one over its ssh connection (logging in now, with ssh's
 * prompts on the terminal where `interactive`), for its containers; undefined for other engines.
 */
export function prefetchContainers(
	endpoint: Endpoint,
	options: {readonly interactive: boolean},
): ContainerPrefetch | undefined {
	switch (endpoint.kind) {
		case 'unix': {
			// Its own connection, closed after: a pooled one would keep the process alive.
			return {
				url: endpoint.url,
				answer: listOver({socketPath: endpoint.socketPath, agent: false}),
			};
		}

		case 'ssh': {
			const connection = sshConnectionTo(endpoint);
			const login = connection.open({interactive: options.interactive});
			// The app's own client then finds this channel kept alive for its next requests.
			const answer = login.then(
				async () =>
					listOver({host: 'localhost', agent: sharedChannelAgent(connection)}),
				() => undefined,
			);
			return {url: endpoint.url, answer, login};
		}

		case 'tcp': {
			return undefined;
		}
	}
}

async function listOver(
	target: Pick<http.RequestOptions, 'socketPath' | 'host' | 'agent'>,
): Promise<unknown[] | undefined> {
	return new Promise<unknown[] | undefined>(resolve => {
		const request = http.get(
			{
				...target,
				path: '/containers/json?all=1',
				timeout: 4000,
			},
			response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => {
					chunks.push(chunk);
				});
				response.on('end', () => {
					traceStartup('container list prefetched');
					resolve(
						response.statusCode === 200
							? parseList(Buffer.concat(chunks).toString('utf8'))
							: undefined,
					);
				});
				response.on('error', () => {
					resolve(undefined);
				});
			},
		);
		request.on('timeout', () => {
			request.destroy();
		});
		request.on('error', () => {
			resolve(undefined);
		});
	});
}

function parseList(text: string): unknown[] | undefined {
	try {
		const list: unknown = JSON.parse(text);
		return Array.isArray(list) ? list : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The client, with its first container list taken from `prefetch` when that came from the same
 * engine and succeeded; every later list, and a failed prefetch, asks the engine. The first ping
 * is answered by that list too: an engine that just listed its containers is there, and over ssh
 * a ping of its own costs a round trip before the first frame.
 */
export function withPrefetchedContainers(
	docker: DockerClient,
	endpoint: Endpoint,
	prefetch: ContainerPrefetch | undefined,
): DockerClient {
	if (prefetch?.url !== endpoint.url) {
		return docker;
	}

	let pending: ContainerPrefetch['answer'] | undefined = prefetch.answer;
	let isFirstPing = true;
	return {
		...docker,
		async ping(signal) {
			const answered = isFirstPing && (await prefetch.answer) !== undefined;
			isFirstPing = false;
			if (!answered) {
				await docker.ping(signal);
			}
		},
		async listContainers(signal) {
			const answer = await pending;
			pending = undefined;
			return answer === undefined
				? docker.listContainers(signal)
				: answer
						.map(raw => toContainerSummary(raw))
						.filter(container => container !== undefined);
		},
	};
}
