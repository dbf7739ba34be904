import {readFileSync} from 'node:fs';
import type {Readable} from 'node:stream';
import Docker from 'dockerode';
import type {DockerClient, DockerEvent} from './docker-client.js';
import type {Endpoint} from './endpoint.js';
import {describeEndpoint} from './endpoint.js';
import {toDockerError} from './errors.js';
import {jsonLines} from './json-lines.js';
import {
	toContainerSummary,
	toDockerEvent,
	toEngineInfo,
	toImageSummary,
} from './to-domain.js';

type Abortable = {readonly abortSignal?: AbortSignal};

/**
 * The dockerode calls we make, typed as dockerode implements them: its published types leave out
 * the options (abort signal included) that these methods accept.
 */
type DockerodeCalls = {
	ping(options: Abortable): Promise<unknown>;
	version(options: Abortable): Promise<unknown>;
	listContainers(
		options: Abortable & {readonly all: boolean},
	): Promise<unknown[]>;
	listImages(options: Abortable): Promise<unknown[]>;
	getEvents(
		options: Abortable & {
			readonly filters: Readonly<Record<string, readonly string[]>>;
		},
	): Promise<Readable>;
};

function abortable(signal: AbortSignal | undefined): Abortable {
	return signal === undefined ? {} : {abortSignal: signal};
}

function readOptional(path: string | undefined): Buffer | undefined {
	return path === undefined ? undefined : readFileSync(path);
}

function dockerodeOptions(endpoint: Endpoint): Docker.DockerOptions {
	switch (endpoint.kind) {
		case 'unix': {
			return {socketPath: endpoint.socketPath};
		}

		case 'tcp': {
			const {tls} = endpoint;
			if (tls === undefined) {
				return {host: endpoint.host, port: endpoint.port, protocol: 'http'};
			}

			const ca = readOptional(tls.caPath);
			const cert = readOptional(tls.certPath);
			const key = readOptional(tls.keyPath);
			return {
				host: endpoint.host,
				port: endpoint.port,
				protocol: 'https',
				...(ca ? {ca} : {}),
				...(cert ? {cert} : {}),
				...(key ? {key} : {}),
				// Docker CLI semantics: DOCKER_TLS without DOCKER_TLS_VERIFY encrypts but does not verify.
				...(tls.verify ? {} : {rejectUnauthorized: false}),
			};
		}

		case 'ssh': {
			const agent = process.env['SSH_AUTH_SOCK'];
			return {
				protocol: 'ssh',
				host: endpoint.host,
				port: endpoint.port,
				...(endpoint.username === undefined
					? {}
					: {username: endpoint.username}),
				sshOptions: agent === undefined ? {} : {agent},
			};
		}
	}
}

/** The one place that talks to dockerode: adapts it to {@link DockerClient}. */
export function createDockerodeClient(endpoint: Endpoint): DockerClient {
	const docker = new Docker(
		dockerodeOptions(endpoint),
	) as unknown as DockerodeCalls;
	const name = describeEndpoint(endpoint);
	const fail = (error: unknown): never => {
		throw toDockerError(error, endpoint.url);
	};

	return {
		endpoint: name,
		async ping(signal) {
			await docker.ping(abortable(signal)).catch(fail);
		},
		async engineInfo(signal) {
			return toEngineInfo(await docker.version(abortable(signal)).catch(fail));
		},
		async listContainers(signal) {
			const raw = await docker
				.listContainers({all: true, ...abortable(signal)})
				.catch(fail);
			return raw
				.map(toContainerSummary)
				.filter(container => container !== undefined);
		},
		async listImages(signal) {
			const raw = await docker.listImages(abortable(signal)).catch(fail);
			return raw.map(toImageSummary).filter(image => image !== undefined);
		},
		async *events(signal): AsyncGenerator<DockerEvent> {
			const stream = await docker
				.getEvents({
					abortSignal: signal,
					filters: {type: ['container', 'image']},
				})
				.catch(fail);
			const destroy = (): void => {
				stream.destroy();
			};

			signal.addEventListener('abort', destroy, {once: true});
			try {
				for await (const raw of jsonLines(stream)) {
					const event = toDockerEvent(raw);
					if (event) {
						yield event;
					}
				}
			} catch (error) {
				if (!signal.aborted) {
					fail(error);
				}
			} finally {
				signal.removeEventListener('abort', destroy);
				stream.destroy();
			}
		},
	};
}
