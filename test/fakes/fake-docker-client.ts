import type {CgroupMeter} from '../../source/docker/cgroup/cgroup-meter.js';
import type {HostShell} from '../../source/docker/host-shell.js';
import type {
	BuildCacheRecord,
	ContainerAction,
	DiskUsage,
	ExecSession,
	ImageRemoval,
	NetworkCreation,
	NetworkSummary,
	VolumeCreation,
	VolumeSummary,
	ContainerLimits,
	SystemInfo,
	ContainerSummary,
	DockerClient,
	DockerEvent,
	EngineInfo,
	ImageSummary,
	LogLine,
} from '../../source/docker/docker-client.js';
import type {
	BuildEvent,
	BuildOptions,
	ContainerSpec,
	PullEvent,
} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import type {ContainerChange} from '../../source/docker/domain-types.js';
import {
	isolationReport,
	type IsolationReport,
} from '../../source/docker/isolation.js';
import type {
	ProcessInfo,
	ProcessSample,
} from '../../source/docker/processes.js';
import {tarEnd, tarHeader, tarPadding} from '../../source/docker/tar-writer.js';
import {tarItems} from '../../source/docker/tar-reader.js';
import {registryError} from '../../source/docker/pull.js';
import type {CliEnvironment} from '../../source/docker/cli-environment.js';
import type {
	NodeAvailability,
	SwarmNode,
	SwarmService,
	SwarmTask,
} from '../../source/docker/swarm.js';
import type {
	ContainerDetails,
	ImageDetails,
	ImageLayer,
	Inspected,
} from '../../source/docker/inspect.js';
import {
	fakeContainerDetails,
	fakeImageDetails,
	fakeInspected,
} from './fake-details.js';
import type {ResourceSample} from '../../source/docker/stats-math.js';
import {comparePorts} from '../../source/docker/to-domain.js';
import {inspected} from '../../source/docker/inspect.js';
import type {SystemDetails} from '../../source/docker/system.js';
import {
	toNetworkDetails,
	toVolumeDetails,
	type NetworkDetails,
	type VolumeDetails,
} from '../../source/docker/volumes-networks.js';
import {fakeStream, type StreamSubscriber} from './fake-stream.js';

type Method =
	| 'ping'
	| 'engineInfo'
	| 'listContainers'
	| 'listImages'
	| 'imageParentIds'
	| 'events'
	| 'systemInfo'
	| 'containerLimits'
	| 'stats'
	| 'pastEvents'
	| 'inspectContainer'
	| 'inspectImage'
	| 'imageHistory'
	| 'logs'
	| 'containerAction'
	| 'removeContainer'
	| 'removeImage'
	| 'listVolumes'
	| 'listNetworks'
	| 'removeVolume'
	| 'removeNetwork'
	| 'createVolume'
	| 'createNetwork'
	| 'inspectVolume'
	| 'inspectNetwork'
	| 'systemDetails'
	| 'removeBuildCache'
	| 'diskUsage'
	| 'readFile'
	| 'getArchive'
	| 'putArchive'
	| 'processes'
	| 'changes'
	| 'signalProcess'
	| 'containerUser'
	| 'listServices'
	| 'listTasks'
	| 'listNodes'
	| 'scaleService'
	| 'removeService'
	| 'setNodeAvailability'
	| 'serviceLogs'
	| 'pullImage'
	| 'buildImage'
	| 'createContainer'
	| 'startAttached'
	| 'exec';

/** What a pull or a build does in the fake engine, step by step. */
export type FakeRun<T> = {
	/** Pull progress messages, or build output lines, yielded a tick apart. */
	readonly steps: readonly T[];
	/** Awaited after the steps: a test holds the run under way until it resolves. */
	readonly hold?: Promise<void>;
	/** Steps yielded after the hold. */
	readonly rest?: readonly T[];
	/** Ends the run with this error. */
	readonly failure?: Error;
	/** The image the run adds when it succeeds. */
	readonly image?: ImageSummary;
};

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

/** Whether a container's process runs (paused counts: its logs stream stays open). */
function isRunning(container: ContainerSummary): boolean {
	return ['running', 'paused', 'restarting'].includes(container.state);
}

/** The engine's list order: newest first. */
function newestFirst(
	a: {readonly createdAt: number},
	b: {readonly createdAt: number},
): number {
	return b.createdAt - a.createdAt;
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
		volumes: [],
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

/** A volume with defaults for every field a test does not care about; size unmeasured. */
export function fakeVolume(
	fields: Partial<VolumeSummary> & {readonly name: string},
): VolumeSummary {
	return {
		driver: 'local',
		size: undefined,
		refCount: undefined,
		isAnonymous: /^[\da-f]{64}$/.test(fields.name),
		createdAt: Date.parse('2026-10-01T00:00:00Z'),
		labels: {},
		...fields,
	};
}

/** A network with defaults for every field a test does not care about. */
export function fakeNetwork(
	fields: Partial<NetworkSummary> & {readonly name: string},
): NetworkSummary {
	return {
		id: `${fields.name}-net`.padEnd(64, '0'),
		driver: 'bridge',
		scope: 'local',
		subnets: [],
		internal: false,
		createdAt: Date.parse('2026-10-01T00:00:00Z'),
		labels: {},
		isBuiltIn: ['bridge', 'host', 'none'].includes(fields.name),
		isIngress: false,
		isConfigOnly: false,
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
		isSwarmManager: false,
	};

	/** What {@link openCgroupMeter} hands out; none, as for a remote engine, unless a test sets one. */
	cgroupMeter: CgroupMeter | undefined;

	/** What {@link hostShell} hands out; none, as for a local or tcp:// engine, unless a test sets one. */
	shell: HostShell | undefined;

	/** Limits by container id; none unless a test sets them. */
	readonly limits = new Map<string, ContainerLimits>();

	/** How many times each method was called. */
	readonly calls: Record<Method, number> = {
		ping: 0,
		engineInfo: 0,
		listContainers: 0,
		listImages: 0,
		imageParentIds: 0,
		events: 0,
		systemInfo: 0,
		containerLimits: 0,
		stats: 0,
		pastEvents: 0,
		inspectContainer: 0,
		inspectImage: 0,
		imageHistory: 0,
		logs: 0,
		containerAction: 0,
		removeContainer: 0,
		removeImage: 0,
		listVolumes: 0,
		listNetworks: 0,
		removeVolume: 0,
		removeNetwork: 0,
		createVolume: 0,
		createNetwork: 0,
		inspectVolume: 0,
		inspectNetwork: 0,
		systemDetails: 0,
		removeBuildCache: 0,
		diskUsage: 0,
		readFile: 0,
		getArchive: 0,
		putArchive: 0,
		processes: 0,
		changes: 0,
		signalProcess: 0,
		containerUser: 0,
		listServices: 0,
		listTasks: 0,
		listNodes: 0,
		scaleService: 0,
		removeService: 0,
		setNodeAvailability: 0,
		serviceLogs: 0,
		pullImage: 0,
		buildImage: 0,
		createContainer: 0,
		startAttached: 0,
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

	private readonly latestStats = new Map<string, ResourceSample>();
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

	/** Every event so far, oldest first, for {@link pastEvents}; tests may seed it with older ones. */
	readonly eventHistory: DockerEvent[] = [];

	/** Sends an event to every open event stream, and keeps it for {@link pastEvents}. */
	emit(event: Partial<DockerEvent> & Pick<DockerEvent, 'type' | 'id'>): void {
		const time = event.time ?? Date.now();
		const full: DockerEvent = {
			action: 'update',
			name: event.attributes?.['name'] ?? event.id,
			attributes: {},
			...event,
			time,
			timeNano: event.timeNano ?? time * 1e6,
		};
		this.eventHistory.push(full);
		for (const subscriber of this.subscribers) {
			subscriber.push(full);
		}
	}

	/** Sends a stats sample to every open stats stream of the container. */
	pushStats(id: string, sample: ResourceSample): void {
		this.latestStats.set(id, sample);
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
		// As the engine: newest first (a stable sort keeps the order of equal times).
		return [...this.containers.values()].sort(newestFirst);
	}

	async listImages(): Promise<ImageSummary[]> {
		await this.call('listImages');
		return [...this.images.values()].sort(newestFirst);
	}

	/** Ids of the images that others are built on (intermediate ones are not listed). */
	readonly imageParents = new Set<string>();

	async imageParentIds(): Promise<ReadonlySet<string>> {
		await this.call('imageParentIds');
		return this.imageParents;
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
		this.requireContainer(id);
		let subscribers = this.statsSubscribers.get(id);
		if (subscribers === undefined) {
			subscribers = new Set();
			this.statsSubscribers.set(id, subscribers);
		}

		// As the engine: a new stream starts with the current reading, where there is one.
		const latest = this.latestStats.get(id);
		const live = fakeStream(subscribers, signal);
		if (latest !== undefined) {
			const next = live.next();
			yield latest;
			const value = await next;
			if (value.done === true) {
				return;
			}

			yield value.value;
		}

		yield* live;
	}

	/** Every line each container wrote, by id; a logs stream starts with the tail of it. */
	private readonly logHistory = new Map<string, LogLine[]>();
	private readonly logSubscribers = new Map<
		string,
		Set<StreamSubscriber<readonly LogLine[]>>
	>();

	/** A container writes lines: kept for later streams, sent to every open one, as one chunk. */
	writeLog(id: string, written: readonly LogLine[]): void {
		// A TTY has one output: the engine cannot tell stderr from stdout there.
		const lines = this.containerDetails.get(id)?.tty
			? written.map(line => ({...line, stream: 'stdout' as const}))
			: written;
		this.logHistory.set(id, [...(this.logHistory.get(id) ?? []), ...lines]);
		for (const subscriber of this.logSubscribers.get(id) ?? []) {
			subscriber.push(lines);
		}
	}

	/** The container stops: its open logs streams end; with `error`, the connection dropped. */
	endLogs(id: string, error?: Error): void {
		for (const subscriber of this.logSubscribers.get(id) ?? []) {
			subscriber.end(error);
		}
	}

	/** How many logs streams are open. */
	get openLogStreams(): number {
		return [...this.logSubscribers.values()].reduce(
			(sum, subscribers) => sum + subscribers.size,
			0,
		);
	}

	async *logs(
		id: string,
		options: {readonly tail: number; readonly signal: AbortSignal},
	): AsyncGenerator<readonly LogLine[]> {
		await this.call('logs');
		const container = this.containers.get(id);
		// Service logs are kept by the service's id; a container's stream ends when it is not running.
		if (container === undefined && !this.services.some(s => s.id === id)) {
			this.requireContainer(id);
		}

		let subscribers = this.logSubscribers.get(id);
		if (subscribers === undefined) {
			subscribers = new Set();
			this.logSubscribers.set(id, subscribers);
		}

		// Subscribed (the generator runs up to its first wait) before the tail is read: no line is lost between them.
		const live = fakeStream(subscribers, options.signal);
		const first = live.next();
		const tail = (this.logHistory.get(id) ?? []).slice(-options.tail);
		if (tail.length > 0 && options.tail > 0) {
			yield tail;
		}

		if (container !== undefined && !isRunning(container)) {
			return;
		}

		const next = await first;
		if (next.done !== true) {
			yield next.value;
			yield* live;
		}
	}

	async pastEvents(options: {
		readonly since: number;
		readonly until: number;
	}): Promise<DockerEvent[]> {
		await this.call('pastEvents');
		return this.eventHistory.filter(
			event => event.time >= options.since && event.time <= options.until,
		);
	}

	/** What {@link inspectContainer} reports beyond a container's list row, by id. */
	readonly containerDetails = new Map<string, Partial<ContainerDetails>>();
	/** Layers of each image, by id, for {@link imageHistory}. */
	readonly imageLayers = new Map<string, ImageLayer[]>();

	async inspectContainer(id: string): Promise<Inspected<ContainerDetails>> {
		await this.call('inspectContainer');
		return fakeInspected(
			fakeContainerDetails(
				this.requireContainer(id),
				this.limits.get(id),
				this.containerDetails.get(id),
			),
		);
	}

	async inspectImage(reference: string): Promise<Inspected<ImageDetails>> {
		await this.call('inspectImage');
		return fakeInspected(fakeImageDetails(this.requireImage(reference)));
	}

	async imageHistory(reference: string): Promise<ImageLayer[]> {
		await this.call('imageHistory');
		return this.imageLayers.get(this.requireImage(reference).id) ?? [];
	}

	private requireImage(reference: string): ImageSummary {
		const image = [...this.images.values()].find(
			candidate =>
				candidate.id === reference || candidate.tags.includes(reference),
		);
		if (image === undefined) {
			throw new DockerError('not-found', `No such image: ${reference}`);
		}

		return image;
	}

	openCgroupMeter(): CgroupMeter | undefined {
		return this.cgroupMeter;
	}

	hostShell(): HostShell | undefined {
		return this.shell;
	}

	/** A client that answers like this one except for the methods given. */
	with(overrides: Partial<DockerClient>): DockerClient {
		const methods: DockerClient = {
			endpoint: this.endpoint,
			ping: async () => this.ping(),
			engineInfo: async () => this.engineInfo(),
			listContainers: async () => this.listContainers(),
			listImages: async () => this.listImages(),
			imageParentIds: async () => this.imageParentIds(),
			events: signal => this.events(signal),
			systemInfo: async () => this.systemInfo(),
			containerLimits: async id => this.containerLimits(id),
			stats: (id, signal) => this.stats(id, signal),
			pastEvents: async options => this.pastEvents(options),
			inspectContainer: async id => this.inspectContainer(id),
			inspectImage: async reference => this.inspectImage(reference),
			imageHistory: async reference => this.imageHistory(reference),
			logs: (id, options) => this.logs(id, options),
			openCgroupMeter: () => this.openCgroupMeter(),
			hostShell: () => this.hostShell(),
			containerAction: async (id, action) => this.containerAction(id, action),
			removeContainer: async (id, options) => this.removeContainer(id, options),
			removeImage: async (reference, options) =>
				this.removeImage(reference, options),
			listVolumes: async () => this.listVolumes(),
			listNetworks: async () => this.listNetworks(),
			removeVolume: async name => this.removeVolume(name),
			removeNetwork: async id => this.removeNetwork(id),
			createVolume: async options => this.createVolume(options),
			createNetwork: async options => this.createNetwork(options),
			inspectVolume: async name => this.inspectVolume(name),
			inspectNetwork: async id => this.inspectNetwork(id),
			systemDetails: async () => this.systemDetails(),
			removeBuildCache: async ids => this.removeBuildCache(ids),
			diskUsage: async () => this.diskUsage(),
			readFile: async (id, path) => this.readFile(id, path),
			getArchive: (id, path, signal) => this.getArchive(id, path, signal),
			putArchive: async (id, path, archive, signal) =>
				this.putArchive(id, path, archive, signal),
			processes: async id => this.processes(id),
			changes: async id => this.changes(id),
			isolation: async id => this.isolation(id),
			signalProcess: async (id, pid, signal) =>
				this.signalProcess(id, pid, signal),
			fileExists: async (id, path) => this.fileExists(id, path),
			containerUser: async () => this.containerUser(),
			listServices: async () => this.listServices(),
			listTasks: async serviceId => this.listTasks(serviceId),
			listNodes: async () => this.listNodes(),
			scaleService: async (id, replicas) => this.scaleService(id, replicas),
			removeService: async id => this.removeService(id),
			setNodeAvailability: async (id, availability) =>
				this.setNodeAvailability(id, availability),
			serviceLogs: (id, options) => this.serviceLogs(id, options),
			cliEnvironment: () => this.cliEnvironment(),
			pullImage: (reference, signal) => this.pullImage(reference, signal),
			buildImage: (options, signal) => this.buildImage(options, signal),
			createContainer: async spec => this.createContainer(spec),
			startAttached: async () => this.startAttached(),
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
		this.containers.set(container.id, {...container, ...next[action]});
		// As the engine: stopping sends a signal and the process dies before the action is announced.
		const announced: Record<ContainerAction, readonly string[]> = {
			start: ['start'],
			restart: ['kill', 'die', 'stop', 'start', 'restart'],
			unpause: ['unpause'],
			pause: ['pause'],
			stop: ['kill', 'die', 'stop'],
			kill: ['kill', 'die'],
		};
		for (const event of announced[action]) {
			this.emit({
				type: 'container',
				id: container.id,
				action: event,
				attributes: {name: container.name, image: container.image},
			});
		}

		if (next[action].state === 'exited') {
			this.endLogs(container.id);
		}
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
		this.containers.delete(container.id);
		this.emit({
			type: 'container',
			id: container.id,
			action: 'destroy',
			attributes: {name: container.name, image: container.image},
		});
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

		const users = [...this.containers.values()].filter(
			container => container.imageId === image.id,
		);
		// As the engine: force deletes an image that stopped containers use, never one that runs.
		const running = users.find(isRunning);
		if (running !== undefined || (users.length > 0 && !options.force)) {
			const user = running ?? users[0]!;
			throw new DockerError(
				'conflict',
				`conflict: unable to delete ${image.id.slice(7, 19)} (${running === undefined ? 'must be forced' : 'cannot be forced'}) - image is being used by ${running === undefined ? 'stopped' : 'running'} container ${user.id.slice(0, 12)}`,
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

	/** As the engine does: a volume any container mounts, running or not, stays. */
	async removeVolume(name: string): Promise<void> {
		await this.call('removeVolume');
		const users = [...this.containers.values()].filter(container =>
			container.volumes.includes(name),
		);
		if (users.length > 0) {
			throw new DockerError(
				'conflict',
				`remove ${name}: volume is in use - [${users.map(user => user.id).join(', ')}]`,
			);
		}

		this.actions.push(`volume rm ${name}`);
		this.volumes = this.volumes.filter(volume => volume.name !== name);
		this.emit({type: 'volume', id: name, action: 'destroy'});
	}

	async removeNetwork(id: string): Promise<void> {
		await this.call('removeNetwork');
		this.actions.push(`network rm ${id}`);
		this.networks = this.networks.filter(network => network.id !== id);
		this.emit({type: 'network', id, action: 'destroy'});
	}

	/** As the engine does: an unnamed volume gets 64 hex digits, an existing name is handed back. */
	async createVolume(options: VolumeCreation): Promise<string> {
		await this.call('createVolume');
		const name =
			options.name || String(this.volumes.length + 1).padStart(64, 'a');
		if (this.volumes.some(volume => volume.name === name)) {
			return name;
		}

		this.actions.push(`volume create ${options.driver} ${name}`);
		this.volumes = [
			...this.volumes,
			fakeVolume({name, driver: options.driver}),
		];
		this.emit({type: 'volume', id: name, action: 'create'});
		return name;
	}

	async createNetwork(options: NetworkCreation): Promise<string> {
		await this.call('createNetwork');
		if (this.networks.some(network => network.name === options.name)) {
			throw new DockerError(
				'conflict',
				`network with name ${options.name} already exists`,
			);
		}

		const id = `${options.name}-net`.padEnd(64, '0');
		this.actions.push(
			`network create ${options.driver} ${options.name}${options.subnet === undefined ? '' : ` ${options.subnet}`}${options.internal ? ' internal' : ''}`,
		);
		this.networks = [
			...this.networks,
			fakeNetwork({
				id,
				name: options.name,
				driver: options.driver,
				subnets: options.subnet === undefined ? [] : [options.subnet],
				internal: options.internal,
			}),
		];
		this.emit({type: 'network', id, action: 'create'});
		return id;
	}

	async inspectVolume(name: string): Promise<Inspected<VolumeDetails>> {
		await this.call('inspectVolume');
		const volume = this.volumes.find(candidate => candidate.name === name);
		if (volume === undefined) {
			throw new DockerError('not-found', `get ${name}: no such volume`);
		}

		const raw = {
			Name: volume.name,
			Driver: volume.driver,
			Mountpoint: `/var/lib/docker/volumes/${volume.name}/_data`,
			Labels: volume.labels,
			Scope: 'local',
		};
		return inspected(raw, toVolumeDetails);
	}

	async inspectNetwork(id: string): Promise<Inspected<NetworkDetails>> {
		await this.call('inspectNetwork');
		const network = this.networks.find(candidate => candidate.id === id);
		if (network === undefined) {
			throw new DockerError('not-found', `network ${id} not found`);
		}

		const raw = {
			Name: network.name,
			Id: network.id,
			Driver: network.driver,
			Scope: network.scope,
			Internal: network.internal,
			IPAM: {Config: network.subnets.map(subnet => ({Subnet: subnet}))},
			Labels: network.labels,
			// As the engine: an endpoint for each container that runs (paused ones too) on it.
			Containers: Object.fromEntries(
				[...this.containers.values()]
					.filter(
						container =>
							container.networks.includes(network.name) &&
							['running', 'paused', 'restarting'].includes(container.state),
					)
					.map(container => [container.id, {Name: container.name}]),
			),
		};
		return inspected(raw, toNetworkDetails);
	}

	/** What {@link systemDetails} answers beyond the engine and host above. */
	details: Partial<SystemDetails> = {};

	async systemDetails(): Promise<SystemDetails> {
		await this.call('systemDetails');
		const containers = [...this.containers.values()];
		const count = (state: ContainerSummary['state']): number =>
			containers.filter(container => container.state === state).length;
		return {
			engine: this.engine,
			minApiVersion: '1.12',
			hostname: 'fake-host',
			operatingSystem: 'Fake Linux 1.0',
			kernel: '6.1.0-fake',
			cgroupDriver: this.system.cgroupDriver ?? '',
			cgroupVersion: this.system.cgroupVersion,
			storageDriver: 'overlay2',
			rootDir: '/var/lib/docker',
			cpus: this.system.cpus,
			memory: this.system.memory,
			swarm: 'inactive',
			isSwarmManager: false,
			containers: {
				total: containers.length,
				running: count('running'),
				paused: count('paused'),
				stopped: containers.length - count('running') - count('paused'),
			},
			images: this.images.size,
			warnings: [],
			...this.details,
		};
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
			layersSize: [...this.images.values()].reduce(
				(sum, image) => sum + image.size,
				0,
			),
		};
	}

	/** Files in containers' file systems, by container id and path. */
	readonly files = new Map<string, Map<string, string>>();

	async readFile(id: string, path: string): Promise<string | undefined> {
		await this.call('readFile');
		return this.files.get(id)?.get(path);
	}

	/**
	 * A tar of the file or folder at `path`, from {@link FakeDockerClient.files}: folders are the
	 * ones the files' paths pass through, as the engine's archive names them (under the folder's own name).
	 */
	async *getArchive(
		id: string,
		path: string,
		signal: AbortSignal,
	): AsyncGenerator<Uint8Array> {
		await this.call('getArchive');
		const files = this.files.get(id) ?? new Map<string, string>();
		const folder = path === '/' ? '' : path.replace(/\/+$/, '');
		// The engine names `/` as `/`, then `/bin/`…; any other folder by its own name.
		const base = folder.slice(folder.lastIndexOf('/') + 1);
		const single = files.get(folder);
		const under = [...files.keys()]
			.filter(file => file.startsWith(`${folder}/`))
			.sort();
		if (single === undefined && under.length === 0) {
			throw new DockerError(
				'not-found',
				`Could not find the file ${path} in container ${id}`,
			);
		}

		const mtime = Date.UTC(2026, 0, 1);
		const members: Buffer[] = [];
		const add = (member: string, content: string | undefined): void => {
			const bytes = Buffer.from(content ?? '', 'utf8');
			members.push(
				tarHeader({
					path: member,
					type: content === undefined ? 'directory' : 'file',
					mode: content === undefined ? 0o755 : 0o644,
					mtime,
					size: bytes.length,
				}),
				bytes,
				tarPadding(bytes.length),
			);
		};

		if (single === undefined) {
			const folders = new Set<string>();
			add(base === '' ? '/' : base, undefined);
			for (const file of under) {
				const parts = file.slice(folder.length + 1).split('/');
				for (let depth = 1; depth < parts.length; depth++) {
					const inner = parts.slice(0, depth).join('/');
					if (!folders.has(inner)) {
						folders.add(inner);
						add(`${base}/${inner}`, undefined);
					}
				}

				add(`${base}/${parts.join('/')}`, files.get(file));
			}
		} else {
			add(base, single);
		}

		members.push(tarEnd());
		for (const chunk of members) {
			if (signal.aborted) {
				return;
			}

			yield chunk;
		}
	}

	/** What /proc and cgroupfs would tell of containers' namespaces and cgroups, by id; none where absent (a remote engine). */
	readonly localIsolation = new Map<
		string,
		Pick<IsolationReport, 'namespaces' | 'cgroup'>
	>();

	async isolation(id: string): Promise<IsolationReport> {
		const {details, json} = await this.inspectContainer(id);
		return {
			...isolationReport(details, json, undefined),
			...this.localIsolation.get(id),
		};
	}

	/** What containers changed against their images, by id; a container without an entry changed nothing. */
	readonly changeLists = new Map<string, ContainerChange[]>();

	async changes(id: string): Promise<ContainerChange[]> {
		await this.call('changes');
		this.requireContainer(id);
		return this.changeLists.get(id) ?? [];
	}

	/** The processes of containers, by id; a container without an entry has none. */
	readonly processLists = new Map<string, ProcessInfo[]>();
	/** Signals sent, in order: `id pid SIGNAL`. */
	readonly signalsSent: string[] = [];

	async processes(id: string): Promise<ProcessSample> {
		await this.call('processes');
		this.requireContainer(id);
		return {
			source: 'proc',
			time: Date.now(),
			processes: this.processLists.get(id) ?? [],
		};
	}

	/** Records the signal; TERM and KILL end the process, as `sleep` ends. */
	async signalProcess(id: string, pid: number, signal: string): Promise<void> {
		await this.call('signalProcess');
		const list = this.processLists.get(id) ?? [];
		if (!list.some(process => process.nsPid === pid)) {
			throw new DockerError(
				'bad-request',
				`kill -s ${signal} ${pid} failed: can't kill pid ${pid}: No such process`,
			);
		}

		this.signalsSent.push(`${id} ${pid} ${signal}`);
		if (signal === 'TERM' || signal === 'KILL') {
			this.processLists.set(
				id,
				list.filter(process => process.nsPid !== pid),
			);
		}
	}

	/** While set, a put archive waits for it (or its signal's abort) before taking anything. */
	putArchiveHold: Promise<void> | undefined;

	/**
	 * Extracts a tar into the folder `path` of {@link FakeDockerClient.files}, as the engine does:
	 * not-found for a container or folder not there. Only files are kept (the map holds no folders).
	 */
	async putArchive(
		id: string,
		path: string,
		archive: AsyncIterable<Uint8Array>,
		signal: AbortSignal,
	): Promise<void> {
		await this.call('putArchive');
		// A test holds the request open, as a large transfer is, until the signal aborts it.
		if (this.putArchiveHold !== undefined) {
			await Promise.race([
				this.putArchiveHold,
				new Promise<void>(resolve => {
					signal.addEventListener(
						'abort',
						() => {
							resolve();
						},
						{once: true},
					);
				}),
			]);
		}

		if (signal.aborted) {
			throw new DockerError('unknown', 'the request was aborted');
		}

		const container = this.requireContainer(id);
		const files = this.files.get(container.id) ?? new Map<string, string>();
		this.files.set(container.id, files);
		const folder = path === '/' ? '' : path.replace(/\/+$/, '');
		if (
			folder !== '' &&
			![...files.keys()].some(file => file.startsWith(`${folder}/`))
		) {
			throw new DockerError(
				'not-found',
				`Could not find the file ${path} in container ${id}`,
			);
		}

		for await (const {member, content} of tarItems(archive)) {
			if (member.type === 'file') {
				const chunks: Buffer[] = [];
				for await (const chunk of content()) {
					chunks.push(chunk);
				}

				files.set(
					`${folder}/${member.path}`,
					Buffer.concat(chunks).toString('utf8'),
				);
			}
		}
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

	/** What a pull does, by the reference as typed; a reference without one is unknown to the registry. */
	readonly pulls = new Map<string, FakeRun<PullEvent>>();

	/** What the next builds do; without one a build fails. */
	build: FakeRun<string> | undefined;

	/** The options of every build, in order. */
	readonly builds: BuildOptions[] = [];

	/** The spec of every container created, in order. */
	readonly created: ContainerSpec[] = [];

	async *pullImage(
		reference: string,
		signal: AbortSignal,
	): AsyncGenerator<PullEvent> {
		await this.call('pullImage');
		this.actions.push(`pull ${reference}`);
		const script = this.pulls.get(reference) ?? {
			steps: [],
			failure: registryError(
				`manifest for ${reference} not found: manifest unknown: manifest unknown`,
				reference,
			),
		};
		yield* this.play(script, signal);
	}

	async *buildImage(
		options: BuildOptions,
		signal: AbortSignal,
	): AsyncGenerator<BuildEvent> {
		await this.call('buildImage');
		this.builds.push(options);
		this.actions.push(`build ${options.tag ?? ''}`.trim());
		const script: FakeRun<string> = this.build ?? {
			steps: [],
			failure: new DockerError('bad-request', 'no build was arranged'),
		};
		for await (const step of this.play(script, signal)) {
			yield {kind: 'output', text: step};
		}

		if (script.image !== undefined) {
			yield {kind: 'image', id: script.image.id};
		}
	}

	async createContainer(spec: ContainerSpec): Promise<string> {
		await this.call('createContainer');
		const name = spec.name ?? `fake_${this.created.length}`;
		const user = this.container(name);
		if (user !== undefined) {
			throw new DockerError(
				'conflict',
				`Conflict. The container name "/${name}" is already in use by container "${user.id}"`,
			);
		}

		const image = [...this.images.values()].find(
			candidate =>
				candidate.id === spec.image || candidate.tags.includes(spec.image),
		);
		if (image === undefined) {
			throw new DockerError('not-found', `No such image: ${spec.image}`);
		}

		this.created.push(spec);
		this.actions.push(`create ${name}`);
		const container = fakeContainer({
			name,
			image: spec.image,
			imageId: image.id,
			state: 'created',
			status: 'Created',
		});
		this.containers.set(container.id, container);
		this.emit({type: 'container', id: container.id, action: 'create'});
		return container.id;
	}

	async startAttached(): Promise<ExecSession> {
		await this.call('startAttached');
		throw new DockerError('bad-request', 'the fake engine runs no processes');
	}

	/** Yields a script's steps one tick apart, then waits for its hold, then fails or adds its image. */
	private async *play<T>(
		script: FakeRun<T>,
		signal: AbortSignal,
	): AsyncGenerator<T> {
		const steps = async function* (list: readonly T[] = []) {
			for (const step of list) {
				await Promise.resolve();
				if (signal.aborted) {
					return;
				}

				yield step;
			}
		};

		yield* steps(script.steps);
		// Calling a run off ends its hold, as it ends the real request.
		await Promise.race([
			script.hold,
			new Promise(resolve => {
				signal.addEventListener('abort', resolve, {once: true});
			}),
		]);
		yield* steps(script.rest);
		if (signal.aborted) {
			return;
		}

		if (script.failure !== undefined) {
			throw script.failure;
		}

		if (script.image !== undefined) {
			this.images.set(script.image.id, script.image);
			this.emit({type: 'image', id: script.image.id, action: 'pull'});
		}
	}

	/** Swarm services, tasks and nodes; the engine acts as a manager only while `system.isSwarmManager`. */
	services: SwarmService[] = [];
	tasks: SwarmTask[] = [];
	nodes: SwarmNode[] = [];

	/** What {@link cliEnvironment} answers. */
	cli: CliEnvironment = {
		ok: true,
		variables: {DOCKER_HOST: 'unix:///fake/docker.sock'},
	};

	async listServices(): Promise<SwarmService[]> {
		await this.swarmCall('listServices');
		return [...this.services];
	}

	async listTasks(serviceId: string): Promise<SwarmTask[]> {
		await this.swarmCall('listTasks');
		return this.tasks.filter(task => task.serviceId === serviceId);
	}

	async listNodes(): Promise<SwarmNode[]> {
		await this.swarmCall('listNodes');
		return [...this.nodes];
	}

	/** Scales at once (no tasks start or stop) and announces it, as the engine's `service update` event does. */
	async scaleService(id: string, replicas: number): Promise<void> {
		await this.swarmCall('scaleService');
		const service = this.requireService(id);
		if (service.mode !== 'replicated') {
			throw new DockerError(
				'bad-request',
				`${service.name}: scale can only be used with replicated mode`,
			);
		}

		this.actions.push(`service scale ${service.name}=${replicas}`);
		this.services = this.services.map(other =>
			other.id === id ? {...other, desired: replicas} : other,
		);
		this.emit({type: 'service', id, action: 'update'});
	}

	async removeService(id: string): Promise<void> {
		await this.swarmCall('removeService');
		const service = this.requireService(id);
		this.actions.push(`service rm ${service.name}`);
		this.services = this.services.filter(other => other.id !== id);
		this.emit({type: 'service', id, action: 'remove'});
	}

	async setNodeAvailability(
		id: string,
		availability: NodeAvailability,
	): Promise<void> {
		await this.swarmCall('setNodeAvailability');
		const node = this.nodes.find(other => other.id === id);
		if (node === undefined) {
			throw new DockerError('not-found', `node ${id} not found`);
		}

		this.actions.push(
			`node update --availability ${availability} ${node.hostname}`,
		);
		this.nodes = this.nodes.map(other =>
			other.id === id ? {...other, availability} : other,
		);
		this.emit({type: 'node', id, action: 'update'});
	}

	/** A service's output is kept like a container's, by the service's id (see {@link writeLog}). */
	async *serviceLogs(
		id: string,
		options: {readonly tail: number; readonly signal: AbortSignal},
	): AsyncGenerator<readonly LogLine[]> {
		await this.swarmCall('serviceLogs');
		yield* this.logs(id, options);
	}

	cliEnvironment(): CliEnvironment {
		return this.cli;
	}

	/** A Swarm call, refused as the engine refuses it on a node that is no manager. */
	private async swarmCall(method: Method): Promise<void> {
		await this.call(method);
		if (!this.system.isSwarmManager) {
			throw new DockerError(
				'server',
				'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
			);
		}
	}

	private requireService(id: string): SwarmService {
		const service = this.services.find(other => other.id === id);
		if (service === undefined) {
			throw new DockerError('not-found', `service ${id} not found`);
		}

		return service;
	}

	/** As the engine: a container is found by its id, its name or a prefix of its id that no other shares. */
	private requireContainer(id: string): ContainerSummary {
		const prefixed = [...this.containers.values()].filter(candidate =>
			candidate.id.startsWith(id),
		);
		const container =
			this.containers.get(id) ??
			this.container(id) ??
			(prefixed.length === 1 ? prefixed[0] : undefined);
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
