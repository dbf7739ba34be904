import type {Readable} from 'node:stream';
import type {LogLine} from './domain-types.js';
import {followStream} from './follow-stream.js';
import {sanitize} from './sanitize.js';
import {isObject} from './json.js';

/**
 * A non-TTY container's output comes multiplexed: each frame is an 8-byte header (stream type in
 * byte 0: 1 stdout, 2 stderr; payload length in bytes 4-7, big-endian) and then the payload.
 */
const headerLength = 8;
const stderrFrame = 2;

/**
 * The most of one line that is kept: more than any screen shows, wrapped. The rest of a longer
 * line is counted, not decoded, so a line costs the same however long it grows.
 */
export const maxLineLength = 32 * 1024;

/**
 * How much of a frame that continues a line is read before its timestamp (and details) are taken
 * off: more than the longest prefix the engine puts there.
 */
const continuationHead = 1024;

/** The RFC 3339 (nanosecond) time `timestamps=1` puts before each line, and the space after it. */
const timestampPrefix =
	/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) ?/;

/**
 * What `details=1` puts after the timestamp of a service's line: `key=value` pairs joined by commas
 * (`com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=…`), values
 * URL-encoded, then a space.
 */
const detailsPrefix = /^([^\s=,]+=[^\s,]*(?:,[^\s=,]+=[^\s,]*)*) /;

const taskIdKey = 'com.docker.swarm.task.id';

/** The task a service's line names in its details, and the line without them. */
function withoutDetails(raw: string): {text: string; taskId?: string} {
	const match = detailsPrefix.exec(raw);
	if (match?.[1] === undefined) {
		return {text: raw};
	}

	const pairs = new URLSearchParams(match[1].replaceAll(',', '&'));
	const taskId = pairs.get(taskIdKey);
	return {
		text: raw.slice(match[0].length),
		...(taskId === null || taskId === '' ? {} : {taskId: sanitize(taskId)}),
	};
}

/** Turns the bytes of a logs response into lines, whatever the chunks' boundaries. */
export type LogDecoder = {
	/** Takes the next chunk; returns the lines it completes. */
	readonly push: (chunk: Uint8Array) => LogLine[];
	/** The response has ended: returns an unfinished last line, if there is one. */
	readonly end: () => LogLine[];
};

type LineSplitter = {
	/** The next bytes of the current message. */
	readonly write: (bytes: Uint8Array, out: LogLine[]) => void;
	/** A message (a multiplexed frame) begins: see {@link createLogDecoder}. */
	readonly startMessage: () => void;
	/** The current message is complete. */
	readonly endMessage: (out: LogLine[]) => void;
	readonly end: (out: LogLine[]) => void;
};

/**
 * Creates a decoder for one container's logs response: raw bytes for a TTY container,
 * multiplexed frames otherwise. A header or a payload may be split over chunks, and a line over
 * frames; stdout and stderr each carry their own unfinished line and UTF-8 state. The engine cuts
 * a line longer than 16 KiB into messages, each a frame with a timestamp of its own and no newline
 * but the last's: a frame that follows an unfinished line continues it, its timestamp (and
 * details) taken off. A line longer than {@link maxLineLength} keeps its start and counts the
 * bytes left out. With `details` (a service's logs), each line's task is taken from the details
 * before it.
 */
export function createLogDecoder(options: {
	readonly tty: boolean;
	readonly details?: boolean;
}): LogDecoder {
	// A line without a timestamp (none should come) is placed with the line before it.
	let lastTime = 0;
	const toLine = (
		stream: LogLine['stream'],
		raw: string,
		omitted: number,
	): LogLine => {
		const match = timestampPrefix.exec(raw);
		const time = match?.[1] === undefined ? Number.NaN : Date.parse(match[1]);
		if (!Number.isNaN(time)) {
			lastTime = time;
		}

		const rest = match === null ? raw : raw.slice(match[0].length);
		const {text, ...task} =
			options.details === true ? withoutDetails(rest) : {text: rest};
		return {
			stream,
			time: lastTime,
			text: sanitize(text),
			...task,
			...(omitted > 0 ? {omitted} : {}),
		};
	};

	/** A continuing message's text without the timestamp and details the engine put before it. */
	const continued = (head: string): string => {
		const rest = head.replace(timestampPrefix, '');
		return options.details === true ? rest.replace(detailsPrefix, '') : rest;
	};

	const splitter = (stream: LogLine['stream']): LineSplitter => {
		let decoder = new TextDecoder();
		let pending = '';
		let omitted = 0;
		// The start of a message that continues `pending`, until its prefix can be taken off.
		let head: string | undefined;
		const finish = (last: string, out: LogLine[]): void => {
			const room = maxLineLength - pending.length;
			out.push(
				toLine(
					stream,
					pending + last.slice(0, Math.max(0, room)),
					omitted + Math.max(0, last.length - room),
				),
			);
			pending = '';
			omitted = 0;
		};

		const take = (text: string, out: LogLine[]): void => {
			const parts = text.split('\n');
			const rest = parts.pop() ?? '';
			for (const part of parts) {
				finish(part, out);
			}

			const room = maxLineLength - pending.length;
			pending += rest.slice(0, Math.max(0, room));
			omitted += Math.max(0, rest.length - room);
		};

		const flushHead = (out: LogLine[]): void => {
			if (head !== undefined) {
				const text = continued(head);
				head = undefined;
				take(text, out);
			}
		};

		return {
			write(bytes, out) {
				// A full line's bytes up to its newline are only counted.
				if (head === undefined && pending.length >= maxLineLength) {
					const newline = bytes.indexOf(10);
					if (newline === -1) {
						omitted += bytes.length;
						return;
					}

					omitted += newline;
					decoder = new TextDecoder();
					bytes = bytes.subarray(newline);
				}

				const text = decoder.decode(bytes, {stream: true});
				if (head === undefined) {
					take(text, out);
					return;
				}

				head += text;
				if (head.length >= continuationHead || head.includes('\n')) {
					flushHead(out);
				}
			},
			startMessage() {
				if (pending !== '' || omitted > 0) {
					head = '';
				}
			},
			endMessage: flushHead,
			end(out) {
				flushHead(out);
				take(decoder.decode(), out);
				if (pending !== '' || omitted > 0) {
					finish('', out);
				}
			},
		};
	};

	const stdout = splitter('stdout');
	const stderr = splitter('stderr');
	const end = (): LogLine[] => {
		const out: LogLine[] = [];
		stdout.end(out);
		stderr.end(out);
		return out;
	};

	if (options.tty) {
		return {
			push(chunk) {
				const out: LogLine[] = [];
				stdout.write(chunk, out);
				return out;
			},
			end,
		};
	}

	const header = new Uint8Array(headerLength);
	let headerFill = 0;
	let remaining = 0;
	let current = stdout;
	return {
		push(chunk) {
			const out: LogLine[] = [];
			let offset = 0;
			while (offset < chunk.length) {
				if (remaining > 0) {
					const take = Math.min(remaining, chunk.length - offset);
					current.write(chunk.subarray(offset, offset + take), out);
					offset += take;
					remaining -= take;
					if (remaining === 0) {
						current.endMessage(out);
					}

					continue;
				}

				const take = Math.min(headerLength - headerFill, chunk.length - offset);
				header.set(chunk.subarray(offset, offset + take), headerFill);
				headerFill += take;
				offset += take;
				if (headerFill === headerLength) {
					headerFill = 0;
					current = header[0] === stderrFrame ? stderr : stdout;
					remaining = new DataView(header.buffer).getUint32(4);
					current.startMessage();
				}
			}

			return out;
		},
		end,
	};
}

/** Whether an inspect answer describes a container with a TTY. */
function hasTty(raw: unknown): boolean {
	return (
		isObject(raw) && isObject(raw['Config']) && raw['Config']['Tty'] === true
	);
}

/** The logs call of a container or a service, as dockerode makes it. */
export type LogsCall = (options: {
	readonly follow: true;
	readonly stdout: true;
	readonly stderr: true;
	readonly timestamps: true;
	readonly tail: number;
	/** A service's lines with their task, node and service ids. */
	readonly details?: boolean;
	readonly abortSignal: AbortSignal;
}) => Promise<Readable>;

/** The calls on one container that following its logs takes, as dockerode makes them. */
export type LogsApi = {
	inspect(options: {readonly abortSignal: AbortSignal}): Promise<unknown>;
	logs: LogsCall;
};

/**
 * Follows `GET /containers/{id}/logs?follow=1&stdout=1&stderr=1&timestamps=1&tail=N` until the
 * signal aborts or the container stops; a dropped connection ends it with `fail`'s error.
 * Timestamps are always asked for: they are what orders lines of several containers.
 */
export async function* followLogs(
	container: LogsApi,
	options: {
		readonly tail: number;
		readonly signal: AbortSignal;
		/** Asks for, and takes off, the details of a service's lines: see {@link createLogDecoder}. */
		readonly details?: boolean;
	},
	fail: (error: unknown) => never,
): AsyncGenerator<LogLine[]> {
	const {signal, tail, details = false} = options;
	const tty = hasTty(
		await container.inspect({abortSignal: signal}).catch(fail),
	);
	const stream = await container
		.logs({
			follow: true,
			stdout: true,
			stderr: true,
			timestamps: true,
			tail,
			...(details ? {details} : {}),
			abortSignal: signal,
		})
		.catch(fail);
	const decoder = createLogDecoder({tty, details});
	async function* batches(): AsyncGenerator<LogLine[]> {
		for await (const chunk of stream) {
			const lines = decoder.push(chunk as Uint8Array);
			if (lines.length > 0) {
				yield lines;
			}
		}

		const rest = decoder.end();
		if (rest.length > 0) {
			yield rest;
		}
	}

	yield* followStream(stream, signal, fail, batches());
}
