import assert from 'node:assert/strict';
import {Readable} from 'node:stream';
import {describe, it} from 'node:test';
import type {LogLine} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {
	createLogDecoder,
	followLogs,
	maxLineLength,
	type LogsApi,
} from '../../source/docker/logs.js';

/** One multiplexed frame as the engine sends it: an 8-byte header, then the payload. */
function frame(stream: 1 | 2, payload: string): Buffer {
	const body = Buffer.from(payload, 'utf8');
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(body.length, 4);
	return Buffer.concat([header, body]);
}

const t1 = '2026-11-28T12:00:00.123456789Z';
const t2 = '2026-11-28T12:00:01.5Z';
const t3 = '2026-11-28T12:00:02Z';

/** Feeds `bytes` to a decoder cut at `cuts` (byte offsets), then ends it. */
function decode(
	bytes: Buffer,
	cuts: readonly number[],
	tty: boolean,
): LogLine[] {
	const decoder = createLogDecoder({tty});
	const lines: LogLine[] = [];
	let start = 0;
	for (const cut of [...cuts, bytes.length]) {
		lines.push(...decoder.push(bytes.subarray(start, cut)));
		start = cut;
	}

	lines.push(...decoder.end());
	return lines;
}

const multiplexed = Buffer.concat([
	frame(1, `${t1} first line\n`),
	frame(2, `${t2} an error: café 🐳\n`),
	frame(1, `${t3} third\n`),
]);
const expected: LogLine[] = [
	{stream: 'stdout', time: Date.parse(t1), text: 'first line'},
	{stream: 'stderr', time: Date.parse(t2), text: 'an error: café 🐳'},
	{stream: 'stdout', time: Date.parse(t3), text: 'third'},
];

describe('log frame decoder', () => {
	it('reads multiplexed frames in one chunk: stream, time from the RFC 3339 nano prefix, text', () => {
		assert.deepEqual(decode(multiplexed, [], false), expected);
		assert.equal(expected[0]?.time, Date.parse('2026-11-28T12:00:00.123Z'));
	});

	it('gives the same lines wherever the chunks are cut: inside a header, a payload, a character', () => {
		for (let cut = 1; cut < multiplexed.length; cut++) {
			assert.deepEqual(
				decode(multiplexed, [cut], false),
				expected,
				`cut at ${cut}`,
			);
		}

		// Every byte its own chunk.
		assert.deepEqual(
			decode(
				multiplexed,
				Array.from({length: multiplexed.length - 1}, (_, index) => index + 1),
				false,
			),
			expected,
		);
		// Two cuts in one header.
		assert.deepEqual(decode(multiplexed, [2, 5], false), expected);
	});

	it('joins a line split over frames, and keeps stdout and stderr lines apart while they interleave', () => {
		const bytes = Buffer.concat([
			frame(1, `${t1} out-`),
			frame(2, `${t2} err-whole\n`),
			frame(1, 'continued\n'),
		]);
		assert.deepEqual(decode(bytes, [], false), [
			{stream: 'stderr', time: Date.parse(t2), text: 'err-whole'},
			{stream: 'stdout', time: Date.parse(t1), text: 'out-continued'},
		]);
	});

	it('rejoins a long line the engine cut into messages, each with a timestamp of its own, wherever the chunks are cut', () => {
		// As the engine sends a 40-character line cut into pieces of 16 (16 KiB in life), between other lines.
		const bytes = Buffer.concat([
			frame(1, `${t1} ${'a'.repeat(16)}`),
			frame(2, `${t2} err\n`),
			frame(1, `${t2} ${'b'.repeat(16)}`),
			frame(1, `${t3} ${'c'.repeat(8)}\n`),
			frame(1, `${t3} next\n`),
		]);
		const lines: LogLine[] = [
			{stream: 'stderr', time: Date.parse(t2), text: 'err'},
			{
				stream: 'stdout',
				time: Date.parse(t1),
				text: `${'a'.repeat(16)}${'b'.repeat(16)}${'c'.repeat(8)}`,
			},
			{stream: 'stdout', time: Date.parse(t3), text: 'next'},
		];
		for (let cut = 1; cut < bytes.length; cut++) {
			assert.deepEqual(decode(bytes, [cut], false), lines, `cut at ${cut}`);
		}

		assert.deepEqual(
			decode(
				bytes,
				Array.from({length: bytes.length - 1}, (_, index) => index + 1),
				false,
			),
			lines,
		);
	});

	it('takes the details off each piece of a service’s long line', () => {
		const details = 'com.docker.swarm.task.id=pce12efp';
		const decoder = createLogDecoder({tty: false, details: true});
		assert.deepEqual(
			decoder.push(
				Buffer.concat([
					frame(1, `${t1} ${details} first `),
					frame(1, `${t2} ${details} second\n`),
				]),
			),
			[
				{
					stream: 'stdout',
					time: Date.parse(t1),
					text: 'first second',
					taskId: 'pce12efp',
				},
			],
		);
	});

	it('keeps the start of a line longer than the limit and counts the rest, in TTY and multiplexed streams alike', () => {
		const long = 'x'.repeat(maxLineLength + 5000);
		const expected: LogLine[] = [
			{
				stream: 'stdout',
				time: Date.parse(t1),
				text: long.slice(t1.length + 1, maxLineLength),
				omitted: 5000 + t1.length + 1,
			},
			{stream: 'stdout', time: Date.parse(t2), text: 'short'},
		];
		const raw = Buffer.from(`${t1} ${long}\n${t2} short\n`);
		assert.deepEqual(decode(raw, [100, 40_000], true), expected);
		const framed = Buffer.concat([
			frame(1, `${t1} ${long.slice(0, 30_000)}`),
			frame(1, `${t1} ${long.slice(30_000)}\n`),
			frame(1, `${t2} short\n`),
		]);
		assert.deepEqual(decode(framed, [100, 40_000], false), expected);
	});

	it('holds a partial last line until its end comes, and gives it up when the response ends', () => {
		const decoder = createLogDecoder({tty: false});
		assert.deepEqual(decoder.push(frame(1, `${t1} waiting`)), []);
		assert.deepEqual(decoder.push(frame(1, ' for the end')), []);
		assert.deepEqual(decoder.push(frame(1, '\n')), [
			{stream: 'stdout', time: Date.parse(t1), text: 'waiting for the end'},
		]);
		assert.deepEqual(decoder.push(frame(2, `${t2} no newline`)), []);
		assert.deepEqual(decoder.end(), [
			{stream: 'stderr', time: Date.parse(t2), text: 'no newline'},
		]);
	});

	it('reads a TTY container raw (no headers), all as stdout, CRLF endings and all, wherever cut', () => {
		const raw = Buffer.from(
			`${t1} prompt$ ls\r\n${t2} \u001B[31mred\u001B[0m\r\n${t3} tail`,
		);
		const lines = [
			{stream: 'stdout', time: Date.parse(t1), text: 'prompt$ ls'},
			{stream: 'stdout', time: Date.parse(t2), text: 'red'},
			{stream: 'stdout', time: Date.parse(t3), text: 'tail'},
		];
		for (let cut = 1; cut < raw.length; cut++) {
			assert.deepEqual(decode(raw, [cut], true), lines, `cut at ${cut}`);
		}
	});

	it('strips escape sequences and control characters from the text', () => {
		const [line] = decode(
			frame(
				1,
				`${t1} \u001B]0;pwned\u0007\u001B[2J\u001B[31mred\u001B[0m\u0008!\n`,
			),
			[],
			false,
		);
		assert.equal(line?.text, 'red!');
	});

	it('takes a service line’s task from its details, as `details=1` sends them', () => {
		const decoder = createLogDecoder({tty: false, details: true});
		const details =
			'com.docker.swarm.node.id=bcp1hcmv,com.docker.swarm.service.id=9g5hnt18,com.docker.swarm.task.id=pce12efp';
		assert.deepEqual(
			decoder.push(
				Buffer.concat([
					frame(1, `${t1} ${details} hello from 17a2 a=b\n`),
					frame(2, `${t2} ${details},extra=%20x oops\n`),
				]),
			),
			[
				{
					stream: 'stdout',
					time: Date.parse(t1),
					text: 'hello from 17a2 a=b',
					taskId: 'pce12efp',
				},
				{
					stream: 'stderr',
					time: Date.parse(t2),
					text: 'oops',
					taskId: 'pce12efp',
				},
			],
		);
		// A container's line that merely starts with `key=value ` keeps it.
		assert.deepEqual(
			createLogDecoder({tty: false}).push(frame(1, `${t1} a=b c\n`)),
			[{stream: 'stdout', time: Date.parse(t1), text: 'a=b c'}],
		);
	});

	it('a line without a timestamp is placed with the line before it', () => {
		const lines = decode(
			Buffer.concat([frame(1, `${t2} dated\n`), frame(1, 'undated\n')]),
			[],
			false,
		);
		assert.deepEqual(
			lines.map(line => line.time),
			[Date.parse(t2), Date.parse(t2)],
		);
		assert.equal(lines[1]?.text, 'undated');
	});

	it('holds a line that never ends at its limit, the rest counted, however much more comes', () => {
		const decoder = createLogDecoder({tty: true});
		for (let chunk = 0; chunk < 64; chunk++) {
			assert.deepEqual(decoder.push(Buffer.from('x'.repeat(16 * 1024))), []);
		}

		assert.deepEqual(
			decoder.end().map(line => [line.text.length, line.omitted]),
			[[maxLineLength, 1024 * 1024 - maxLineLength]],
		);
	});
});

describe('followLogs', () => {
	const fail = (error: unknown): never => {
		throw new DockerError('unreachable', String(error));
	};

	function api(
		tty: boolean,
		chunks: readonly Buffer[],
		seen: unknown[] = [],
	): LogsApi {
		return {
			inspect: async () => Promise.resolve({Config: {Tty: tty}}),
			logs(options) {
				seen.push(options);
				return Promise.resolve(Readable.from(chunks));
			},
		};
	}

	it('asks for follow, both streams, timestamps and the tail; demultiplexes a non-TTY container', async () => {
		const seen: unknown[] = [];
		const batches: LogLine[][] = [];
		const controller = new AbortController();
		for await (const batch of followLogs(
			api(false, [multiplexed.subarray(0, 11), multiplexed.subarray(11)], seen),
			{tail: 42, signal: controller.signal},
			fail,
		)) {
			batches.push(batch);
		}

		assert.deepEqual(batches.flat(), expected);
		assert.deepEqual(seen, [
			{
				follow: true,
				stdout: true,
				stderr: true,
				timestamps: true,
				tail: 42,
				abortSignal: controller.signal,
			},
		]);
	});

	it('reads a TTY container (Config.Tty) raw', async () => {
		const lines: LogLine[] = [];
		for await (const batch of followLogs(
			api(true, [Buffer.from(`${t1} a\r\n${t2} b`)]),
			{tail: 1, signal: new AbortController().signal},
			fail,
		)) {
			lines.push(...batch);
		}

		assert.deepEqual(
			lines.map(line => line.text),
			['a', 'b'],
		);
	});

	it('stops reading and closes the response when the signal aborts', async () => {
		const controller = new AbortController();
		// Pushed to by hand: reading asks for nothing.
		const response = new Readable({read: () => undefined});
		const logs = followLogs(
			{
				inspect: async () => Promise.resolve({}),
				logs: async () => Promise.resolve(response),
			},
			{tail: 1, signal: controller.signal},
			fail,
		);
		const first = logs.next();
		response.push(frame(1, `${t1} one\n`));
		assert.equal((await first).value?.[0]?.text, 'one');
		const second = logs.next();
		controller.abort();
		assert.equal((await second).done, true);
		assert.equal(response.destroyed, true);
	});
});
