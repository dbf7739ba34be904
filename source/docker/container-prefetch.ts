import http from 'node:http';
import type {DockerClient} from './docker-client.js';
import type {Endpoint} from './endpoint.js';
import {toContainerSummary} from './to-domain.js';

/**
 * The engine's container list, asked for as dockmate starts, before the bulk of it is loaded:
 * on a large engine the listing takes about as long as Node takes to compile the app, and so
 * the two overlap.
 */
export type ContainerPrefetch = {
	/** The engine asked, so that an answer from another one is never used. */
	readonly url: string;
	/** The raw list, or undefined when the engine did not give one. */
	readonly answer: Promise<unknown[] | undefined>;
};

/** Asks a local engine for its containers; undefined for engines reached otherwise. */
export function prefetchContainers(
	endpoint: Endpoint,
): ContainerPrefetch | undefined {
	if (endpoint.kind !== 'unix') {
		return undefined;
	}

	const answer = new Promise<unknown[] | undefined>(resolve => {
		// Its own connection, closed after: a pooled one would keep the process alive.
		const request = http.get(
			{
				socketPath: endpoint.socketPath,
				path: '/containers/json?all=1',
				agent: false,
				timeout: 4000,
			},
			response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => {
					chunks.push(chunk);
				});
				response.on('end', () => {
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
	return {url: endpoint.url, answer};
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
 * engine and succeeded; every later list, and a failed prefetch, asks the engine.
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
	return {
		...docker,
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
