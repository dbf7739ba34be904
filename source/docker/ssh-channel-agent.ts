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
 */
class ChannelSocket extends Duplex {
	private timer: NodeJS.Timeout | undefined;
	private timeoutMs = 0;
	private hasAnswered = false;

	constructor(
		private readonly child: ChildProcess,
		connection: SshConnection,
	) {
		super();
		const stderr = collectStderr(child);
		child.stdout?.on('data', (chunk: Buffer) => {
			if (!this.hasAnswered) {
				traceStartup('ssh channel to the engine: first answer');
			}

			this.hasAnswered = true;
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
				this.destroy(connection.failure(stderr(), code));
				return;
			}

			this.push(null);
			this.destroy();
		});
	}

	override _read(): void {
		this.child.stdout?.resume();
	}

	override _write(
		chunk: Buffer,
		_encoding: BufferEncoding,
		done: (error?: Error | null) => void,
	): void {
		this.touch();
		if (this.child.stdin?.writable) {
			this.child.stdin.write(chunk, () => {
				done();
			});
		} else {
			done();
		}
	}

	override _final(done: (error?: Error | null) => void): void {
		this.child.stdin?.end();
		done();
	}

	override _destroy(
		error: Error | null,
		done: (error?: Error | null) => void,
	): void {
		clearTimeout(this.timer);
		endChannel(this.child);
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
 */
function createChannelAgent(connection: SshConnection): http.Agent {
	const dial = (
		_options: unknown,
		created: (error: Error | null, socket?: Duplex) => void,
	): undefined => {
		connection.open().then(
			() => {
				created(
					null,
					new ChannelSocket(connection.channel(dialStdio), connection),
				);
			},
			(error: unknown) => {
				created(error instanceof Error ? error : new Error(String(error)));
			},
		);
		return undefined;
	};

	const pool = (options: http.AgentOptions): http.Agent => {
		const agent = new http.Agent(options);
		// Node's Agent takes a callback-style createConnection; its types only know net's.
		Object.assign(agent, {createConnection: dial});
		return agent;
	};

	const requests = pool({
		keepAlive: true,
		maxSockets: requestChannels,
		maxFreeSockets: requestChannels,
		timeout: idleChannelMs,
	});
	const streams = pool({maxSockets: streamChannels});
	return new (class extends http.Agent {
		addRequest(request: http.ClientRequest, options: unknown): void {
			const agent = streamingPaths.test(request.path) ? streams : requests;
			(
				agent as unknown as {addRequest: (r: unknown, o: unknown) => void}
			).addRequest(request, options);
		}

		override destroy(): void {
			requests.destroy();
			streams.destroy();
		}
	})();
}
