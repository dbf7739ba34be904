import type {
	ContainerSummary,
	DockerClient,
	DockerEvent,
	EngineInfo,
	ImageSummary,
} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {comparePorts} from '../../source/docker/to-domain.js';

type Method =
	'ping' | 'engineInfo' | 'listContainers' | 'listImages' | 'events';

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
		...rest,
		// The access layer promises sorted ports; so does the fake.
		ports: [...ports].sort(comparePorts),
	};
}

/** An image with defaults for every field a test does not care about. */
export function fakeImage(
	fields: Partial<ImageSummary> & {readonly id: string},
): ImageSummary {
	return {
		tags: [],
		size: 1_500_000,
		createdAt: Date.parse('2026-10-01T00:00:00Z'),
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

	/** How many times each method was called. */
	readonly calls: Record<Method, number> = {
		ping: 0,
		engineInfo: 0,
		listContainers: 0,
		listImages: 0,
		events: 0,
	};

	private readonly containers = new Map<string, ContainerSummary>();
	private readonly images = new Map<string, ImageSummary>();
	private readonly failures = new Map<Method, DockerError>();
	private readonly subscribers = new Set<{
		push: (event: DockerEvent) => void;
		end: (error?: Error) => void;
	}>();

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

	removeContainer(id: string): void {
		this.containers.delete(id);
	}

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

	/** The next call of `method` fails with `error`. */
	failNext(method: Method, error: DockerError): void {
		this.failures.set(method, error);
	}

	/** The engine goes away: open event streams end with an error and every call fails until {@link reconnect}. */
	disconnect(): void {
		this.isDown = true;
		for (const subscriber of this.subscribers) {
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
		this.enter('events');
		const queue: DockerEvent[] = [];
		let wake: (() => void) | undefined;
		let ended: {error?: Error} | undefined;
		const subscriber = {
			push(event: DockerEvent) {
				queue.push(event);
				wake?.();
			},
			end(error?: Error) {
				ended = error === undefined ? {} : {error};
				wake?.();
			},
		};
		const onAbort = (): void => {
			subscriber.end();
		};

		this.subscribers.add(subscriber);
		signal.addEventListener('abort', onAbort, {once: true});
		try {
			for (;;) {
				const event = queue.shift();
				if (event !== undefined) {
					yield event;
					continue;
				}

				if (ended !== undefined) {
					if (ended.error !== undefined && !signal.aborted) {
						throw ended.error;
					}

					return;
				}

				await new Promise<void>(resolve => {
					wake = resolve;
				});
				wake = undefined;
			}
		} finally {
			this.subscribers.delete(subscriber);
			signal.removeEventListener('abort', onAbort);
		}
	}

	/** Answers on a later tick, as a real engine does, failing as the test arranged. */
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
