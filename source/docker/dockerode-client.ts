import {readFileSync} from 'node:fs';
import type {Agent} from 'node:http';
import {Readable} from 'node:stream';
import Docker from 'dockerode';
import {createCgroupMeter} from './cgroup/cgroup-meter.js';
import {
	detectCgroupLayout,
	locateContainerCgroup,
	type CgroupLayout,
} from './cgroup/layout.js';
import {processesFromTop, readCgroupProcesses, topPsArgs} from './processes.js';
import {sanitize} from './sanitize.js';
import {toChanges} from './changes.js';
import {isolationReport} from './isolation.js';
import {cliEnvironment} from './cli-environment.js';
import {swarmCalls, type SwarmApi} from './swarm-calls.js';
import {abortableRequest, childSignal, type Abortable} from './abort-fanout.js';
import type {DockerClient, DockerEvent} from './docker-client.js';
import type {Endpoint} from './endpoint.js';
import {describeEndpoint} from './endpoint.js';
import {
	checkPingAnswer,
	DockerError,
	toDockerError,
	toPingError,
} from './errors.js';
import {sharedChannelAgent} from './ssh-channel-agent.js';
import {sshConnectionTo} from './ssh-connection.js';
import {createSshHostShell} from './ssh-host-shell.js';
import {
	inspected,
	toContainerDetails,
	toImageDetails,
	toImageHistory,
} from './inspect.js';
import {definedOf, followJsonLines} from './json-lines.js';
import {followLogs, type LogsApi} from './logs.js';
import {startAttached, type AttachApi} from './attach.js';
import {buildImage, type BuildApi} from './build.js';
import {toCreateOptions} from './create-container.js';
import {pullImage, type PullApi} from './pull.js';
import {resourceSampleFromStats} from './stats-math.js';
import {
	toContainerLimits,
	toContainerSummary,
	toDockerEvent,
	toEngineInfo,
	toImageSummary,
	toParentIds,
	toSystemInfo,
	toContainerUser,
	toDiskUsage,
	toImageRemoval,
	toNetworkSummary,
	toReclaimed,
	toVolumes,
} from './to-domain.js';
import {firstFileInTar} from './tar.js';
import {toSystemDetails} from './system.js';
import {
	networkCreateBody,
	toNetworkDetails,
	toVolumeDetails,
} from './volumes-networks.js';

/**
 * The dockerode calls we make, typed as dockerode implements them: its published types leave out
 * the options (abort signal included) that these methods accept.
 */
type DockerodeCalls = SwarmApi &
	PullApi &
	BuildApi & {
		ping(options: Abortable): Promise<unknown>;
		version(options: Abortable): Promise<unknown>;
		listContainers(
			options: Abortable & {readonly all: boolean},
		): Promise<unknown[]>;
		listImages(
			options: Abortable & {readonly all?: boolean},
		): Promise<unknown[]>;
		info(options: Abortable): Promise<unknown>;
		getContainer(id: string): LogsApi &
			AttachApi & {
				inspect(options: Abortable): Promise<unknown>;
				stats(options: Abortable & {readonly stream: true}): Promise<Readable>;
				start(): Promise<unknown>;
				stop(): Promise<unknown>;
				restart(): Promise<unknown>;
				pause(): Promise<unknown>;
				unpause(): Promise<unknown>;
				kill(): Promise<unknown>;
				remove(options: {
					readonly force: boolean;
					readonly v: boolean;
				}): Promise<unknown>;
				getArchive(
					options: Abortable & {readonly path: string},
				): Promise<Readable>;
				infoArchive(options: {readonly path: string}): Promise<unknown>;
				putArchive(
					archive: Readable,
					options: Abortable & {
						readonly path: string;
						readonly noOverwriteDirNonDir: true;
					},
				): Promise<unknown>;
				top(options: Abortable & {readonly ps_args: string}): Promise<unknown>;
				changes(options: Abortable): Promise<unknown>;
				exec(options: {
					readonly Cmd: readonly string[];
					readonly AttachStdout: true;
					readonly AttachStderr: true;
				}): Promise<{
					start(options: Record<string, never>): Promise<NodeJS.ReadableStream>;
					inspect(): Promise<{readonly ExitCode?: number | null}>;
				}>;
				exec(options: {
					readonly Cmd: readonly string[];
					readonly AttachStdin: true;
					readonly AttachStdout: true;
					readonly AttachStderr: true;
					readonly Tty: true;
					readonly ConsoleSize: readonly [number, number];
				}): Promise<{
					start(options: {
						readonly hijack: true;
						readonly stdin: true;
						readonly Tty: true;
					}): Promise<NodeJS.ReadWriteStream>;
					resize(options: {
						readonly h: number;
						readonly w: number;
					}): Promise<unknown>;
					inspect(): Promise<{readonly ExitCode?: number | null}>;
				}>;
			};
		getImage(reference: string): {
			remove(options: {readonly force: boolean}): Promise<unknown>;
			inspect(): Promise<unknown>;
			history(): Promise<unknown>;
		};
		getVolume(name: string): {
			remove(): Promise<unknown>;
			inspect(): Promise<unknown>;
		};
		getNetwork(id: string): {
			remove(): Promise<unknown>;
			inspect(): Promise<unknown>;
		};
		createVolume(options: {
			readonly Name: string;
			readonly Driver: string;
		}): Promise<{readonly name: string}>;
		createNetwork(options: Readonly<Record<string, unknown>>): Promise<{
			readonly id: string;
		}>;
		createContainer(
			options: Record<string, unknown>,
		): Promise<{readonly id: string}>;
		listVolumes(options: Abortable): Promise<unknown>;
		listNetworks(options: Abortable): Promise<unknown[]>;
		df(options: Abortable): Promise<unknown>;
		modem: {
			dial(
				options: {
					readonly path: string;
					readonly method: string;
					readonly options: Readonly<Record<string, string>>;
					readonly statusCodes: Readonly<Record<number, boolean | string>>;
				},
				callback: (error: unknown, data: unknown) => void,
			): void;
		};
		getEvents(
			options: Abortable & {
				readonly filters?: Readonly<Record<string, readonly string[]>>;
				/** Unix seconds. */
				readonly since?: number;
				readonly until?: number;
			},
		): Promise<Readable>;
	};

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
			// Plain HTTP over ssh channels; the host name only fills the Host header. docker-modem
			// takes an agent, which dockerode's types leave out.
			const options: Docker.DockerOptions & {readonly agent: Agent} = {
				protocol: 'http',
				host: 'localhost',
				agent: sharedChannelAgent(sshConnectionTo(endpoint)),
			};
			return options;
		}
	}
}

/** The one place that talks to dockerode: adapts it to {@link DockerClient}. */
export function createDockerodeClient(endpoint: Endpoint): DockerClient {
	const ssh = endpoint.kind === 'ssh' ? sshConnectionTo(endpoint) : undefined;
	const docker = new Docker(
		dockerodeOptions(endpoint),
	) as unknown as DockerodeCalls;
	const name = describeEndpoint(endpoint);
	// How this machine mounts cgroups does not change while dockmate runs: looked at once.
	let layout: {readonly value: CgroupLayout | undefined} | undefined;
	const cgroupLayout = (): CgroupLayout | undefined =>
		(layout ??= {value: detectCgroupLayout()}).value;
	/** One request, on a child of `signal`: see abort-fanout.ts. */
	const request = async <T>(
		signal: AbortSignal | undefined,
		call: (options: Abortable) => Promise<T>,
	): Promise<T> => abortableRequest(signal, fail, call);
	const fail = (error: unknown, translate = toDockerError): never => {
		throw translate(error, endpoint.url);
	};

	return {
		endpoint: name,
		...swarmCalls(docker, fail),
		cliEnvironment: () => cliEnvironment(endpoint),
		async ping(signal) {
			const answer = await abortableRequest(
				signal,
				error => fail(error, toPingError),
				async options => docker.ping(options),
			);
			checkPingAnswer(answer, endpoint.url);
		},
		async engineInfo(signal) {
			return toEngineInfo(
				await request(signal, async options => docker.version(options)),
			);
		},
		async listContainers(signal) {
			const raw = await request(signal, async options =>
				docker.listContainers({all: true, ...options}),
			);
			return raw
				.map(toContainerSummary)
				.filter(container => container !== undefined);
		},
		async listImages(signal) {
			const raw = await request(signal, async options =>
				docker.listImages(options),
			);
			return raw.map(toImageSummary).filter(image => image !== undefined);
		},
		async imageParentIds(signal) {
			const raw = await request(signal, async options =>
				docker.listImages({all: true, ...options}),
			);
			return toParentIds(raw);
		},
		async *events(signal) {
			// Every type: the Events pane shows volumes, networks and the daemon's own events too.
			const child = childSignal(signal);
			try {
				const stream = await docker
					.getEvents({abortSignal: child.signal})
					.catch(fail);
				yield* followJsonLines(stream, child.signal, fail, {
					each: definedOf(toDockerEvent),
				});
			} finally {
				child.release();
			}
		},
		async pastEvents({since, until, signal}) {
			const child = childSignal(signal ?? new AbortController().signal);
			try {
				const stream = await docker
					.getEvents({
						abortSignal: child.signal,
						since: Math.floor(since / 1000),
						until: Math.ceil(until / 1000),
					})
					.catch(fail);
				const events: DockerEvent[] = [];
				for await (const event of followJsonLines(stream, child.signal, fail, {
					each: definedOf(toDockerEvent),
				})) {
					events.push(event);
				}

				return events;
			} finally {
				child.release();
			}
		},
		async inspectContainer(id) {
			return inspected(
				await docker.getContainer(id).inspect({}).catch(fail),
				toContainerDetails,
			);
		},
		async inspectImage(reference) {
			return inspected(
				await docker.getImage(reference).inspect().catch(fail),
				toImageDetails,
			);
		},
		async imageHistory(reference) {
			return toImageHistory(
				await docker.getImage(reference).history().catch(fail),
			);
		},
		async systemInfo(signal) {
			return toSystemInfo(
				await request(signal, async options => docker.info(options)),
			);
		},
		async containerLimits(id, signal) {
			return toContainerLimits(
				await request(signal, async options =>
					docker.getContainer(id).inspect(options),
				),
			);
		},
		async *stats(id, signal) {
			const child = childSignal(signal);
			try {
				const stream = await docker
					.getContainer(id)
					.stats({stream: true, abortSignal: child.signal})
					.catch(fail);
				yield* followJsonLines(stream, child.signal, fail, {
					each: definedOf(resourceSampleFromStats),
				});
			} finally {
				child.release();
			}
		},
		logs(id, options) {
			return followLogs(docker.getContainer(id), options, fail);
		},
		async containerAction(id, action) {
			await docker.getContainer(id)[action]().catch(fail);
		},
		async removeContainer(id, options) {
			await docker
				.getContainer(id)
				.remove({force: options.force, v: options.volumes})
				.catch(fail);
		},
		async removeImage(reference, options) {
			return toImageRemoval(
				await docker.getImage(reference).remove(options).catch(fail),
			);
		},
		async listVolumes(signal) {
			return toVolumes(
				await request(signal, async options => docker.listVolumes(options)),
			);
		},
		async listNetworks(signal) {
			const raw = await request(signal, async options =>
				docker.listNetworks(options),
			);
			return raw.map(toNetworkSummary).filter(network => network !== undefined);
		},
		async removeVolume(name) {
			await docker.getVolume(name).remove().catch(fail);
		},
		async removeNetwork(id) {
			await docker.getNetwork(id).remove().catch(fail);
		},
		async createVolume({name, driver}) {
			const volume = await docker
				.createVolume({Name: name, Driver: driver})
				.catch(fail);
			return volume.name;
		},
		async createNetwork(options) {
			const network = await docker
				.createNetwork(networkCreateBody(options))
				.catch(fail);
			return network.id;
		},
		async inspectVolume(name) {
			const raw = await docker.getVolume(name).inspect().catch(fail);
			return inspected(raw, toVolumeDetails);
		},
		async inspectNetwork(id) {
			const raw = await docker.getNetwork(id).inspect().catch(fail);
			return inspected(raw, toNetworkDetails);
		},
		async systemDetails(signal) {
			const [version, info] = await Promise.all([
				request(signal, async options => docker.version(options)),
				request(signal, async options => docker.info(options)),
			]);
			return toSystemDetails(version, info);
		},
		async removeBuildCache(ids) {
			// dockerode's pruneBuilder sends no filters, so the request is made here.
			const answer = await new Promise<unknown>((resolve, reject) => {
				docker.modem.dial(
					{
						path: '/build/prune?',
						method: 'POST',
						options: {filters: JSON.stringify({id: ids})},
						statusCodes: {200: true, 500: 'server error'},
					},
					(error, data) => {
						if (error) {
							reject(
								error instanceof Error
									? error
									: toDockerError(error, endpoint.url),
							);
						} else {
							resolve(data);
						}
					},
				);
			}).catch(fail);
			return toReclaimed(answer);
		},
		async diskUsage(signal) {
			return toDiskUsage(
				await request(signal, async options => docker.df(options)),
			);
		},
		async readFile(id, path) {
			try {
				const archive = await docker.getContainer(id).getArchive({path});
				const chunks: Buffer[] = [];
				for await (const chunk of archive) {
					chunks.push(chunk as Buffer);
				}

				return firstFileInTar(Buffer.concat(chunks))?.toString('utf8');
			} catch (error) {
				if (toDockerError(error, endpoint.url).code === 'not-found') {
					return undefined;
				}

				return fail(error);
			}
		},
		async *getArchive(id, path, signal) {
			const child = childSignal(signal);
			try {
				const archive = await docker
					.getContainer(id)
					.getArchive({path, abortSignal: child.signal})
					.catch(fail);
				try {
					for await (const chunk of archive) {
						yield chunk as Buffer;
					}
				} catch (error) {
					// An abort ends the stream as the caller asked: not a failure.
					if (!child.signal.aborted) {
						fail(error);
					}
				} finally {
					archive.destroy();
				}
			} finally {
				child.release();
			}
		},
		async putArchive(id, path, archive, signal) {
			const child = childSignal(signal);
			try {
				await docker
					.getContainer(id)
					.putArchive(Readable.from(archive, {objectMode: false}), {
						path,
						noOverwriteDirNonDir: true,
						abortSignal: child.signal,
					})
					.catch(fail);
			} finally {
				child.release();
			}
		},
		async processes(id, signal) {
			// Looked up on every sample: a container restarted since has a cgroup of the same name, but not
			// one that was removed and created again under another id.
			const layout = endpoint.kind === 'unix' ? cgroupLayout() : undefined;
			const cgroup =
				layout === undefined ? undefined : locateContainerCgroup(layout, {id});
			if (cgroup !== undefined) {
				const sample = readCgroupProcesses(cgroup);
				if (sample.processes.length > 0) {
					return sample;
				}
			}

			return processesFromTop(
				await request(signal, async options =>
					docker.getContainer(id).top({...options, ps_args: topPsArgs}),
				),
				Date.now(),
			);
		},
		async isolation(id) {
			const {details, json} = inspected(
				await docker.getContainer(id).inspect({}).catch(fail),
				toContainerDetails,
			);
			const layout = endpoint.kind === 'unix' ? cgroupLayout() : undefined;
			const others =
				layout === undefined
					? []
					: (await docker.listContainers({all: false}).catch(fail))
							.map(toContainerSummary)
							.filter(container => container !== undefined);
			return isolationReport(
				details,
				json,
				layout === undefined ? undefined : {layout, others},
			);
		},
		async changes(id, signal) {
			return toChanges(
				await request(signal, async options =>
					docker.getContainer(id).changes(options),
				),
			);
		},
		async signalProcess(id, pid, signal) {
			const exec = await docker
				.getContainer(id)
				.exec({
					Cmd: ['kill', '-s', signal, String(pid)],
					AttachStdout: true,
					AttachStderr: true,
				})
				.catch(fail);
			const stream = await exec.start({}).catch(fail);
			const chunks: Buffer[] = [];
			for await (const chunk of stream) {
				chunks.push(Buffer.from(chunk as Buffer));
			}

			const {ExitCode: code} = await exec.inspect().catch(fail);
			if (code !== 0) {
				// The output is multiplexed (8-byte frame headers); what is printable of it says why.
				const output = sanitize(
					Buffer.concat(chunks)
						.toString('utf8')
						.replace(/[^\x20-\x7e]+/g, ' '),
				).trim();
				throw new DockerError(
					'bad-request',
					`kill -s ${signal} ${pid} failed${output === '' ? ` (exit ${code ?? '?'})` : `: ${output}`}`,
				);
			}
		},
		async fileExists(id, path) {
			try {
				await docker.getContainer(id).infoArchive({path});
				return true;
			} catch (error) {
				if (toDockerError(error, endpoint.url).code === 'not-found') {
					return false;
				}

				return fail(error);
			}
		},
		async containerUser(id) {
			return toContainerUser(
				await docker.getContainer(id).inspect({}).catch(fail),
			);
		},
		async exec(id, {command, columns, rows}) {
			const exec = await docker
				.getContainer(id)
				.exec({
					Cmd: command,
					AttachStdin: true,
					AttachStdout: true,
					AttachStderr: true,
					Tty: true,
					ConsoleSize: [rows, columns],
				})
				.catch(fail);
			const stream = await exec
				.start({hijack: true, stdin: true, Tty: true})
				.catch(fail);
			return {
				stream,
				async resize(newColumns, newRows) {
					await exec.resize({h: newRows, w: newColumns}).catch(() => undefined);
				},
				async exitCode() {
					const info = await exec.inspect().catch(fail);
					return typeof info.ExitCode === 'number' ? info.ExitCode : undefined;
				},
			};
		},
		pullImage(reference, signal) {
			return pullImage(docker, reference, signal, fail);
		},
		buildImage(options, signal) {
			return buildImage(docker, options, signal, fail);
		},
		async createContainer(spec) {
			return (await docker.createContainer(toCreateOptions(spec)).catch(fail))
				.id;
		},
		async startAttached(id, size) {
			return startAttached(docker.getContainer(id), size, fail);
		},
		openCgroupMeter(info) {
			// A unix socket means the engine runs on this machine, and with it its containers' cgroups.
			return endpoint.kind === 'unix'
				? createCgroupMeter({driver: info.cgroupDriver})
				: undefined;
		},
		hostShell() {
			return ssh === undefined
				? undefined
				: createSshHostShell(ssh, endpoint.url);
		},
	};
}
