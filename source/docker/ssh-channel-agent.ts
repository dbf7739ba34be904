import type {ChildProcess} from 'node:child_process';
import http from 'node:http';
import {Duplex} from 'node:stream';
import {
	collectStderr,
	endChannel,
	type SshConnection,
} from './ssh-connection.js';
import {dialStdio} from './ssh-command.js';
import {traceStartup} from '../startup-trace.js';

/**
 * The bytes of one connection to the engine: the standard input and output of an ssh channel
 * running `docker system dial-stdio` on the far side. Ending it ends that ssh process.
 *
 * The socket exists at once and its channel once the master is up: Node's Agent counts a
 * connection only from when it is handed one, so a socket given later would let a burst of
 * requests each open a channel of its own, past the pool's bound.
 */
class ChannelSocket extends Duplex {
	private child: ChildProcess | undefined;
	private readonly opened: Promise<ChildProcess | undefined>;
	private timer: NodeJS.Timeout | undefined;
	private timeoutMs = 0;
	private hasAnswered = false;
	private isSettled = false;

	/** `settled` is called once: when the channel first answers, or ends without having answered. */
	constructor(
		private readonly connection: SshConnection,
		private readonly settled: () => void,
	) {
		super();
		this.opened = connection.open().then(
			() => (this.destroyed ? undefined : this.attach()),
			(error: unknown) => {
				this.destroy(error instanceof Error ? error : new Error(String(error)));
				return undefined;
			},
		);
	}

	override _read(): void {
		this.child?.stdout?.resume();
	}

	override _write(
		chunk: Buffer,
		_encoding: BufferEncoding,
		done: (error?: Error | null) => void,
	): void {
		this.touch();
		// Until the channel is there, the Writable holds what comes after this chunk.
		void this.opened.then(child => {
			if (child?.stdin?.writable) {
				child.stdin.write(chunk, () => {
					done();
				});
			} else {
				done();
			}
		});
	}

	override _final(done: (error?: Error | null) => void): void {
		void this.opened.then(child => {
			child?.stdin?.end();
			done();
		});
	}

	override _destroy(
		error: Error | null,
		done: (error?: Error | null) => void,
	): void {
		clearTimeout(this.timer);
		if (this.child !== undefined) {
			endChannel(this.child);
		}

		this.settle();
		done(error);
	}

	// What http and its Agent call on a socket: a channel has no TCP options to set.
	setKeepAlive(): this {
		return this;
	}

	setNoDelay(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}

	/** Emits 'timeout' after `ms` without traffic, as a net.Socket does; the Agent ends idle channels so. */
	setTimeout(ms: number, listener?: () => void): this {
		this.timeoutMs = ms;
		if (listener !== undefined) {
			this.once('timeout', listener);
		}

		this.touch();
		return this;
	}

	private attach(): ChildProcess {
		const child = this.connection.channel(dialStdio);
		this.child = child;
		const stderr = collectStderr(child);
		child.stdout?.on('data', (chunk: Buffer) => {
			if (!this.hasAnswered) {
				traceStartup('ssh channel to the engine: first answer');
				this.hasAnswered = true;
				this.settle();
			}

			this.touch();
			if (!this.push(chunk)) {
				child.stdout?.pause();
			}
		});
		// The channel's end is told by 'close', with its status; a write after it died is no news.
		child.stdin?.on('error', () => undefined);
		child.once('close', code => {
			// Nothing ever came back: ssh or the far side's docker refused, and says why on stderr.
			if (!this.hasAnswered && code !== 0) {
				this.destroy(this.connection.failure(stderr(), code));
				return;
			}

			this.push(null);
			this.destroy();
		});
		return child;
	}

	private settle(): void {
		if (!this.isSettled) {
			this.isSettled = true;
			this.settled();
		}
	}

	private touch(): void {
		clearTimeout(this.timer);
		this.timer =
			this.timeoutMs > 0
				? setTimeout(() => {
						this.emit('timeout');
					}, this.timeoutMs)
				: undefined;
	}
}

/** Requests that hold their connection for as long as something is watched. */
const streamingPaths =
	/\/(events|containers\/[^/]+\/(stats|logs|attach)|exec\/[^/]+\/start|images\/create|build)\b/;
/** Events asked for up to a time (the event log's past) end by themselves, like any quick request. */
const endingEvents = /\/events\?(.*&)?until=/;

/** Idle channels for quick requests kept open for the next, and how long. */
const requestChannels = 4;
const idleChannelMs = 30_000;
/**
 * Streams (events, logs, a stats stream for each container on screen, a shell) each hold a
 * channel until closed: this bounds them, and with them the ssh processes dockmate runs.
 */
const streamChannels = 32;

const agents = new WeakMap<SshConnection, http.Agent>();

/**
 * The one http Agent of `connection`, shared by every client of it (the start-up's prefetch and
 * the app's), so that a channel opened for one request is kept alive for the next of any of them.
 */
export function sharedChannelAgent(connection: SshConnection): http.Agent {
	let agent = agents.get(connection);
	if (agent === undefined) {
		agent = createChannelAgent(connection);
		agents.set(connection, agent);
	}

	return agent;
}

/**
 * An http Agent whose connections are ssh channels of `connection`: quick requests share a few
 * kept-alive channels, streams get channels of their own, both pools bounded.
 *
 * A quick request opens a channel only when none is opening and none is free: the server sets up
 * an ssh session at a time (about 90 ms each for OpenSSH here, more on a busy machine), so a burst
 * that opened a channel for each request had the eighth wait for seven set-ups, while the first
 * channel, up after one, answers each of them in a round trip.
 */
function createChannelAgent(connection: SshConnection): http.Agent {
	let opening = 0;
	/** Quick requests waiting for a channel to be free, or for one to open. */
	const held: {
		readonly request: http.ClientRequest;
		readonly options: unknown;
	}[] = [];

	const requests = new http.Agent({
		keepAlive: true,
		maxSockets: requestChannels,
		maxFreeSockets: requestChannels,
		timeout: idleChannelMs,
	});
	const streams = new http.Agent({maxSockets: streamChannels});
	const hasFreeChannel = (): boolean =>
		Object.values(requests.freeSockets).some(
			free => free?.some(socket => !socket.destroyed) === true,
		);
	const channelCount = (): number =>
		[
			...Object.values(requests.sockets),
			...Object.values(requests.freeSockets),
		].reduce((sum, list) => sum + (list?.length ?? 0), 0);
	const canServe = (): boolean =>
		hasFreeChannel() || (opening === 0 && channelCount() < requestChannels);
	const handOn = (): void => {
		while (held.length > 0 && canServe()) {
			const next = held.shift();
			if (next !== undefined && !next.request.destroyed) {
				addTo(requests, next.request, next.options);
			}
		}
	};

	// Node's Agent takes a callback-style createConnection; its types only know net's.
	Object.assign(requests, {
		createConnection(): Duplex {
			opening += 1;
			const socket = new ChannelSocket(connection, () => {
				opening -= 1;
				// Once its first answer has been read: a held request then takes this channel if that
				// answer was short, and opens another only if it is still coming.
				setImmediate(handOn);
			});
			// After the Agent has let go of it: a place may be free for a held request.
			socket.once('close', () => {
				setImmediate(handOn);
			});
			return socket;
		},
	});
	Object.assign(streams, {
		createConnection: (): Duplex =>
			new ChannelSocket(connection, () => undefined),
	});
	// Heard after the Agent's own listener, which keeps the channel for the next request.
	requests.on('free', handOn);

	return new (class extends http.Agent {
		addRequest(request: http.ClientRequest, options: unknown): void {
			if (
				streamingPaths.test(request.path) &&
				!endingEvents.test(request.path)
			) {
				addTo(streams, request, options);
			} else if (canServe()) {
				addTo(requests, request, options);
			} else {
				held.push({request, options});
			}
		}

		override destroy(): void {
			held.length = 0;
			requests.destroy();
			streams.destroy();
		}
		// An Agent that does not keep alive has every request ask for `Connection: close`, and so
		// a channel of its own; the pools decide what is kept.
	})({keepAlive: true});
}

function addTo(
	agent: http.Agent,
	request: http.ClientRequest,
	options: unknown,
): void {
	(
		agent as unknown as {addRequest: (r: unknown, o: unknown) => void}
	).addRequest(request, options);
}
