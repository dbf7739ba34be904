import type {CgroupMeter} from '../../source/docker/cgroup/cgroup-meter.js';
import type {
	BuildCacheRecord,
	ContainerAction,
	DiskUsage,
	ExecSession,
	ImageRemoval,
	NetworkSummary,
	VolumeSummary,
	ContainerLimits,
	SystemInfo,
	ContainerSummary,
	DockerClient,
	DockerEvent,
	EngineInfo,
	ImageSummary,
} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import type {ResourceSample} from '../../source/docker/stats-math.js';
import {comparePorts} from '../../source/docker/to-domain.js';
import {fakeStream, type StreamSubscriber} from './fake-stream.js';

type Method =
	| 'ping'
	| 'engineInfo'
	| 'listContainers'
	| 'listImages'
	| 'events'
	| 'systemInfo'
	| 'containerLimits'
	| 'stats'
	| 'containerAction'
	| 'removeContainer'
	| 'removeImage'
	| 'listVolumes'
	| 'listNetworks'
	| 'removeVolume'
	| 'removeNetwork'
	| 'removeBuildCache'
	| 'diskUsage'
	| 'readFile'
	| 'containerUser'
	| 'exec';

/** A stats sample with defaults for every figure a test does not set. */
export function fakeSample(
	fields: Partial<ResourceSample> = {},
): ResourceSample {
	return {
		time: Date.now(),
		cpuPercent: undefined,
		onlineCpus: 4,
		memoryUsage: 50_000_000,
		memoryLimit: 8_000_000_000,
		networkRx: 0,
		networkTx: 0,
		blockRead: 0,
		blockWrite: 0,
		pids: 1,
		pidsLimit: undefined,
		cpuPeriods: undefined,
		cpuThrottledPeriods: undefined,
		...fields,
	};
}

/** A container with defaults for every field a test does not care about. */
export function fakeContainer(
	fields: Partial<ContainerSummary> & {readonly name: string},
): ContainerSummary {
	const {ports = [], ...rest} = fields;
	return {
		id: `${fields.name}-id`.padEnd(64, '0'),
		image: 'busybox:latest',
		imageId: 'sha256:busybox',
		command: 'sh',
		state: 'running',
		status: 'Up 3 minutes',
		createdAt: Date.parse('2026-11-01T00:00:00Z'),
		labels: {},
		networks: [],
		...rest,
		// The access layer promises sorted ports; so does the fake.
		ports: [...ports].sort(comparePorts),
	};
}

/** `count` running containers named `prefix-000`, `prefix-001` and on, in that order. */
export function numberedContainers(
	prefix: string,
	count: number,
): ContainerSummary[] {
	return Array.from({length: count}, (_, index) =>
		fakeContainer({name: `${prefix}-${String(index).padStart(3, '0')}`}),
	);
}

/** An image with defaults for every field a test does not care about. */
export function fakeImage(
	fields: Partial<ImageSummary> & {readonly id: string},
): ImageSummary {
	return {
		tags: [],
		size: 1_500_000,
		createdAt: Date.parse('2026-10-01T00:00:00Z'),
		labels: {},
		...fields,
	};
}

/**
 * An in-memory engine behind the same {@link DockerClient} interface as the real adapter: tests
 * change its tables, emit events, make calls fail and drop the connection.
 */
export class FakeDockerClient implements DockerClient {
	readonly endpoint = 'fake://engine';
	engine: EngineInfo = {
		product: 'Docker',
		version: '20.10.24',
		apiVersion: '1.41',
		os: 'linux',
		arch: 'amd64',
	};

	system: SystemInfo = {
		cpus: 4,
		memory: 8_000_000_000,
		cgroupDriver: 'cgroupfs',
		cgroupVersion: '1',
	};

	/** What {@link openCgroupMeter} hands out; none, as for a remote engine, unless a test sets one. */
	cgroupMeter: CgroupMeter | undefined;

	/** Limits by container id; none unless a test sets them. */
	readonly limits = new Map<string, ContainerLimits>();

	/** How many times each method was called. */
	readonly calls: Record<Method, number> = {
		ping: 0,
		engineInfo: 0,
		listContainers: 0,
		listImages: 0,
		events: 0,
		systemInfo: 0,
		containerLimits: 0,
		stats: 0,
		containerAction: 0,
		removeContainer: 0,
		removeImage: 0,
		listVolumes: 0,
		listNetworks: 0,
		removeVolume: 0,
		removeNetwork: 0,
		removeBuildCache: 0,
		diskUsage: 0,
		readFile: 0,
		containerUser: 0,
		exec: 0,
	};

	private readonly containers = new Map<string, ContainerSummary>();
	private readonly images = new Map<string, ImageSummary>();
	private readonly failures = new Map<Method, DockerError>();
	private readonly subscribers = new Set<StreamSubscriber<DockerEvent>>();
	private readonly statsSubscribers = new Map<
		string,
		Set<StreamSubscriber<ResourceSample>>
	>();

	private isDown = false;

	constructor(
		options: {
			readonly containers?: readonly ContainerSummary[];
			readonly images?: readonly ImageSummary[];
		} = {},
	) {
		for (const container of options.containers ?? []) {
			this.containers.set(container.id, container);
		}

		for (const image of options.images ?? []) {
			this.images.set(image.id, image);
		}
	}

	/** Adds or replaces a container, without telling anyone (call {@link emit} for that). */
	putContainer(container: ContainerSummary): void {
		this.containers.set(container.id, container);
	}

	/** Removes a container without telling anyone, as if another client had. */
	deleteContainer(id: string): void {
		this.containers.delete(id);
	}

	/** A container by name, as the fake holds it now. */
	container(name: string): ContainerSummary | undefined {
		return [...this.containers.values()].find(
			container => container.name === name,
		);
	}

	/** Every call that changed the engine, in order, e.g. `stop web-1`. */
	readonly actions: string[] = [];

	/** Volumes, networks, build cache and sizes that the fake engine reports. */
	volumes: VolumeSummary[] = [];
	networks: NetworkSummary[] = [];
	buildCache: BuildCacheRecord[] = [];
	containerSizes = new Map<string, number>();

	putImage(image: ImageSummary): void {
		this.images.set(image.id, image);
	}

	/** Sends an event to every open event stream. */
	emit(event: Partial<DockerEvent> & Pick<DockerEvent, 'type' | 'id'>): void {
		const full: DockerEvent = {
			action: 'update',
			time: Date.now(),
			attributes: {},
			...event,
		};
		for (const subscriber of this.subscribers) {
			subscriber.push(full);
		}
	}

	/** Sends a stats sample to every open stats stream of the container. */
	pushStats(id: string, sample: ResourceSample): void {
		for (const subscriber of this.statsSubscribers.get(id) ?? []) {
			subscriber.push(sample);
		}
	}

	/** The ids with open stats streams, one entry per stream. */
	get openStatsStreams(): string[] {
		return [...this.statsSubscribers].flatMap(([id, subscribers]) =>
			Array.from({length: subscribers.size}, () => id),
		);
	}

	/** The next call of `method` fails with `error`. */
	failNext(method: Method, error: DockerError): void {
		this.failures.set(method, error);
	}

	/** The engine goes away: open event streams end with an error and every call fails until {@link reconnect}. */
	disconnect(): void {
		this.isDown = true;
		for (const subscriber of [
			...this.subscribers,
			...[...this.statsSubscribers.values()].flatMap(set => [...set]),
		]) {
			subscriber.end(this.downError());
		}
	}

	reconnect(): void {
		this.isDown = false;
	}

	get openEventStreams(): number {
		return this.subscribers.size;
	}

	async ping(): Promise<void> {
		await this.call('ping');
	}

	async engineInfo(): Promise<EngineInfo> {
		await this.call('engineInfo');
		return this.engine;
	}

	async listContainers(): Promise<ContainerSummary[]> {
		await this.call('listContainers');
		return [...this.containers.values()];
	}

	async listImages(): Promise<ImageSummary[]> {
		await this.call('listImages');
		return [...this.images.values()];
	}

	async *events(signal: AbortSignal): AsyncGenerator<DockerEvent> {
		// Subscribed at once, as the real request is sent as soon as the stream is first read.
		this.enter('events');
		yield* fakeStream(this.subscribers, signal);
	}

	async systemInfo(): Promise<SystemInfo> {
		await this.call('systemInfo');
		return this.system;
	}

	async containerLimits(id: string): Promise<ContainerLimits> {
		await this.call('containerLimits');
		return (
			this.limits.get(id) ?? {
				cpus: undefined,
				memory: undefined,
				pids: undefined,
			}
		);
	}

	async *stats(
		id: string,
		signal: AbortSignal,
	): AsyncGenerator<ResourceSample> {
		await this.call('stats');
		let subscribers = this.statsSubscribers.get(id);
		if (subscribers === undefined) {
			subscribers = new Set();
			this.statsSubscribers.set(id, subscribers);
		}

		yield* fakeStream(subscribers, signal);
	}

	openCgroupMeter(): CgroupMeter | undefined {
		return this.cgroupMeter;
	}

	/** A client that answers like this one except for the methods given. */
	with(overrides: Partial<DockerClient>): DockerClient {
		const methods: DockerClient = {
			endpoint: this.endpoint,
			ping: async () => this.ping(),
			engineInfo: async () => this.engineInfo(),
			listContainers: async () => this.listContainers(),
			listImages: async () => this.listImages(),
			events: signal => this.events(signal),
			systemInfo: async () => this.systemInfo(),
			containerLimits: async id => this.containerLimits(id),
			stats: (id, signal) => this.stats(id, signal),
			openCgroupMeter: () => this.openCgroupMeter(),
			containerAction: async (id, action) => this.containerAction(id, action),
			removeContainer: async (id, options) => this.removeContainer(id, options),
			removeImage: async (reference, options) =>
				this.removeImage(reference, options),
			listVolumes: async () => this.listVolumes(),
			listNetworks: async () => this.listNetworks(),
			removeVolume: async name => this.removeVolume(name),
			removeNetwork: async id => this.removeNetwork(id),
			removeBuildCache: async ids => this.removeBuildCache(ids),
			diskUsage: async () => this.diskUsage(),
			readFile: async (id, path) => this.readFile(id, path),
			fileExists: async (id, path) => this.fileExists(id, path),
			containerUser: async () => this.containerUser(),
			exec: async () => this.exec(),
		};
		return {...methods, ...overrides};
	}

	/** Answers on a later tick, as a real engine does, failing as the test arranged. */
	async containerAction(id: string, action: ContainerAction): Promise<void> {
		await this.call('containerAction');
		const container = this.requireContainer(id);
		const next: Record<
			ContainerAction,
			Pick<ContainerSummary, 'state' | 'status'>
		> = {
			start: {state: 'running', status: 'Up Less than a second'},
			restart: {state: 'running', status: 'Up Less than a second'},
			unpause: {state: 'running', status: 'Up 3 minutes'},
			pause: {state: 'paused', status: 'Up 3 minutes (Paused)'},
			stop: {state: 'exited', status: 'Exited (0) Less than a second ago'},
			kill: {state: 'exited', status: 'Exited (137) Less than a second ago'},
		};
		this.actions.push(`${action} ${container.name}`);
		this.containers.set(id, {...container, ...next[action]});
		this.emit({type: 'container', id, action});
	}

	async removeContainer(
		id: string,
		options: {readonly force: boolean; readonly volumes: boolean},
	): Promise<void> {
		await this.call('removeContainer');
		const container = this.requireContainer(id);
		if (container.state === 'running' && !options.force) {
			throw new DockerError(
				'conflict',
				`You cannot remove a running container ${id}. Stop the container before attempting removal or force remove`,
			);
		}

		this.actions.push(
			`rm${options.force ? ' -f' : ''}${options.volumes ? ' -v' : ''} ${container.name}`,
		);
		this.containers.delete(id);
		this.emit({type: 'container', id, action: 'destroy'});
	}

	async removeImage(
		reference: string,
		options: {readonly force: boolean},
	): Promise<ImageRemoval> {
		await this.call('removeImage');
		const image = [...this.images.values()].find(
			candidate =>
				candidate.id === reference || candidate.tags.includes(reference),
		);
		if (image === undefined) {
			throw new DockerError('not-found', `No such image: ${reference}`);
		}

		if (reference !== image.id && image.tags.length > 1) {
			this.actions.push(`rmi ${reference}`);
			this.images.set(image.id, {
				...image,
				tags: image.tags.filter(tag => tag !== reference),
			});
			this.emit({type: 'image', id: image.id, action: 'untag'});
			return {untagged: [reference], deleted: []};
		}

		const user = [...this.containers.values()].find(
			container => container.imageId === image.id,
		);
		if (user !== undefined && !options.force) {
			throw new DockerError(
				'conflict',
				`conflict: unable to delete ${image.id.slice(7, 19)} (cannot be forced) - image is being used by running container ${user.id.slice(0, 12)}`,
			);
		}

		this.actions.push(`rmi${options.force ? ' -f' : ''} ${reference}`);
		this.images.delete(image.id);
		this.emit({type: 'image', id: image.id, action: 'delete'});
		return {untagged: image.tags, deleted: [image.id]};
	}

	async listVolumes(): Promise<VolumeSummary[]> {
		await this.call('listVolumes');
		return [...this.volumes];
	}

	async listNetworks(): Promise<NetworkSummary[]> {
		await this.call('listNetworks');
		return [...this.networks];
	}

	async removeVolume(name: string): Promise<void> {
		await this.call('removeVolume');
		this.actions.push(`volume rm ${name}`);
		this.volumes = this.volumes.filter(volume => volume.name !== name);
	}

	async removeNetwork(id: string): Promise<void> {
		await this.call('removeNetwork');
		this.actions.push(`network rm ${id}`);
		this.networks = this.networks.filter(network => network.id !== id);
	}

	async removeBuildCache(ids: readonly string[]): Promise<number> {
		await this.call('removeBuildCache');
		this.actions.push(`builder prune ${ids.join(' ')}`);
		const removed = this.buildCache.filter(record => ids.includes(record.id));
		this.buildCache = this.buildCache.filter(
			record => !ids.includes(record.id),
		);
		return removed.reduce((sum, record) => sum + record.size, 0);
	}

	async diskUsage(): Promise<DiskUsage> {
		await this.call('diskUsage');
		return {
			containerSizes: this.containerSizes,
			imageSizes: new Map(
				[...this.images.values()].map(image => [
					image.id,
					{size: image.size, unique: image.size},
				]),
			),
			volumes: this.volumes,
			buildCache: this.buildCache,
		};
	}

	/** Files in containers' file systems, by container id and path. */
	readonly files = new Map<string, Map<string, string>>();

	async readFile(id: string, path: string): Promise<string | undefined> {
		await this.call('readFile');
		return this.files.get(id)?.get(path);
	}

	async fileExists(id: string, path: string): Promise<boolean> {
		await this.call('readFile');
		return this.files.get(id)?.has(path) ?? false;
	}

	async containerUser(): Promise<string> {
		await this.call('containerUser');
		return '';
	}

	async exec(): Promise<ExecSession> {
		await this.call('exec');
		throw new DockerError('bad-request', 'the fake engine runs no processes');
	}

	private requireContainer(id: string): ContainerSummary {
		const container = this.containers.get(id);
		if (container === undefined) {
			throw new DockerError('not-found', `No such container: ${id}`);
		}

		return container;
	}

	private async call(method: Method): Promise<void> {
		await Promise.resolve();
		this.enter(method);
	}

	private enter(method: Method): void {
		this.calls[method]++;
		if (this.isDown) {
			throw this.downError();
		}

		const failure = this.failures.get(method);
		if (failure !== undefined) {
			this.failures.delete(method);
			throw failure;
		}
	}

	private downError(): DockerError {
		return new DockerError(
			'unreachable',
			`cannot connect to the Docker engine at ${this.endpoint}: connection refused`,
		);
	}
}
