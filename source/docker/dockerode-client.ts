import {readFileSync} from 'node:fs';
import type {Readable} from 'node:stream';
import Docker from 'dockerode';
import {createCgroupMeter} from './cgroup/cgroup-meter.js';
import type {DockerClient} from './docker-client.js';
import type {Endpoint} from './endpoint.js';
import {describeEndpoint} from './endpoint.js';
import {toDockerError} from './errors.js';
import {jsonLines} from './json-lines.js';
import {resourceSampleFromStats} from './stats-math.js';
import {
	toContainerLimits,
	toContainerSummary,
	toDockerEvent,
	toEngineInfo,
	toImageSummary,
	toSystemInfo,
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
	info(options: Abortable): Promise<unknown>;
	getContainer(id: string): {
		inspect(options: Abortable): Promise<unknown>;
		stats(options: Abortable & {readonly stream: true}): Promise<Readable>;
	};
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

/**
 * Yields what `map` makes of each JSON line of a streaming response until the signal aborts; a dropped
 * connection ends the iteration with a {@link DockerError}.
 */
async function* follow<T>(
	stream: Readable,
	signal: AbortSignal,
	map: (raw: unknown) => T | undefined,
	fail: (error: unknown) => never,
): AsyncGenerator<T> {
	const destroy = (): void => {
		stream.destroy();
	};

	signal.addEventListener('abort', destroy, {once: true});
	try {
		for await (const raw of jsonLines(stream)) {
			const value = map(raw);
			if (value !== undefined) {
				yield value;
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
		async *events(signal) {
			const stream = await docker
				.getEvents({
					abortSignal: signal,
					filters: {type: ['container', 'image']},
				})
				.catch(fail);
			yield* follow(stream, signal, toDockerEvent, fail);
		},
		async systemInfo(signal) {
			return toSystemInfo(await docker.info(abortable(signal)).catch(fail));
		},
		async containerLimits(id, signal) {
			return toContainerLimits(
				await docker.getContainer(id).inspect(abortable(signal)).catch(fail),
			);
		},
		async *stats(id, signal) {
			const stream = await docker
				.getContainer(id)
				.stats({stream: true, abortSignal: signal})
				.catch(fail);
			yield* follow(stream, signal, resourceSampleFromStats, fail);
		},
		openCgroupMeter(info) {
			// A unix socket means the engine runs on this machine, and with it its containers' cgroups.
			return endpoint.kind === 'unix'
				? createCgroupMeter({driver: info.cgroupDriver})
				: undefined;
		},
	};
}
