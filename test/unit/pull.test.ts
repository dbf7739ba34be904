import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {PassThrough, Readable} from 'node:stream';
import {describe, it} from 'node:test';
import type {PullEvent} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {
	followPull,
	pullImage,
	pullParameters,
	registryError,
	RegistryError,
} from '../../source/docker/pull.js';
import {
	formatReference,
	parseReference,
	registryOf,
} from '../../source/format/image-reference.js';

const fresh = readFileSync(
	new URL('../fixtures/pull/docker-20.10-fresh.jsonl', import.meta.url),
);

/** The bytes in chunks of `size`, cutting lines (and values) anywhere. */
function chunked(bytes: Buffer, size: number): Readable {
	const chunks: Buffer[] = [];
	for (let offset = 0; offset < bytes.length; offset += size) {
		chunks.push(bytes.subarray(offset, offset + size));
	}

	return Readable.from(chunks);
}

const noFail = (error: unknown): never => {
	throw new Error(`fail was called with ${String(error)}`);
};

async function collect(events: AsyncIterable<PullEvent>): Promise<PullEvent[]> {
	const seen: PullEvent[] = [];
	for await (const event of events) {
		seen.push(event);
	}

	return seen;
}

describe('image references', () => {
	it('splits registry, path, tag and digest as Docker does', () => {
		assert.deepEqual(parseReference('busybox'), {
			name: 'busybox',
			tag: undefined,
			digest: undefined,
		});
		assert.deepEqual(parseReference('127.0.0.1:5000/tools/busybox:1.36'), {
			name: '127.0.0.1:5000/tools/busybox',
			tag: '1.36',
			digest: undefined,
		});
		const digest = `sha256:${'a'.repeat(64)}`;
		assert.deepEqual(parseReference(`localhost/x@${digest}`), {
			name: 'localhost/x',
			tag: undefined,
			digest,
		});
		assert.equal(
			registryOf(parseReference('127.0.0.1:9/x:1') as never),
			'127.0.0.1:9',
		);
		assert.equal(
			registryOf(parseReference('library/busybox') as never),
			'docker.io',
		);
		assert.equal(
			formatReference(parseReference('busybox') as never),
			'busybox:latest',
		);
	});

	it('says what is wrong with a reference the engine would refuse', () => {
		const problems = [
			'',
			'BusyBox',
			'busybox:',
			'busybox:-x',
			'bad name',
			'a//b',
			'x@sha256:short',
			'-leading/x',
		].map(text => {
			const parsed = parseReference(text);
			return 'problem' in parsed ? parsed.problem : undefined;
		});
		assert.deepEqual(problems, [
			'type an image reference, e.g. busybox:latest',
			'repository names must be lowercase: "BusyBox"',
			'invalid tag ""',
			'invalid tag "-x"',
			'invalid repository name "bad name"',
			'invalid repository name "a//b"',
			'invalid digest "sha256:short"',
			'invalid repository name "-leading/x"',
		]);
	});

	it('pulls the latest tag when none is given, and a digest when one is', () => {
		assert.deepEqual(pullParameters('busybox'), {
			fromImage: 'busybox',
			tag: 'latest',
		});
		assert.deepEqual(pullParameters('127.0.0.1:5000/x:1'), {
			fromImage: '127.0.0.1:5000/x',
			tag: '1',
		});
		const digest = `sha256:${'b'.repeat(64)}`;
		assert.deepEqual(pullParameters(`x:1@${digest}`), {
			fromImage: 'x',
			tag: digest,
		});
		assert.throws(() => pullParameters('Bad'), DockerError);
	});
});

describe('pull errors', () => {
	it('says in plain words what the engine reported, keeping its message', () => {
		const closed = registryError(
			'Get "http://127.0.0.1:9/v2/": dial tcp 127.0.0.1:9: connect: connection refused',
			'127.0.0.1:9/x:1',
		);
		assert.equal(closed.code, 'unreachable');
		assert.equal(
			closed.message,
			'cannot reach the registry 127.0.0.1:9: connection refused',
		);
		assert.match(closed.engineMessage, /dial tcp 127\.0\.0\.1:9/);

		const unknown = registryError(
			'manifest for 127.0.0.1:5000/rec/nope:1 not found: manifest unknown: manifest unknown',
			'127.0.0.1:5000/rec/nope:1',
		);
		assert.equal(unknown.code, 'not-found');
		assert.equal(
			unknown.message,
			'no image 127.0.0.1:5000/rec/nope:1 in the registry 127.0.0.1:5000',
		);

		const denied = registryError(
			"pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
			'nosuch',
		);
		assert.equal(denied.code, 'permission-denied');
		assert.match(
			denied.message,
			/does not exist, or the registry wants a login/,
		);
		assert.match(denied.hint ?? '', /docker login/);

		const other = registryError('something odd\u001B[31m', 'x');
		assert.equal(other.code, 'server');
		assert.equal(other.engineMessage, 'something odd');
	});

	it('maps an engine answer at the start of a pull, and leaves a failed connection to the engine alone', async () => {
		const answered = pullImage(
			{
				async createImage() {
					return Promise.reject(
						Object.assign(new Error('(HTTP code 500) server error'), {
							statusCode: 500,
							json: {
								message:
									'Get "http://127.0.0.1:9/v2/": dial tcp 127.0.0.1:9: connect: connection refused',
							},
						}),
					);
				},
			},
			'127.0.0.1:9/x:1',
			new AbortController().signal,
			noFail,
		);
		await assert.rejects(collect(answered), (error: unknown) => {
			assert.ok(error instanceof RegistryError);
			assert.equal(error.code, 'unreachable');
			return true;
		});

		// A refused streaming request, as docker-modem reports it: the body only in its message.
		const streamed = pullImage(
			{
				async createImage() {
					return Promise.reject(
						Object.assign(
							new Error(
								'(HTTP code 404) unexpected - manifest for 127.0.0.1:5000/rec/nope:1 not found: manifest unknown: manifest unknown ',
							),
							{statusCode: 404, reason: undefined, json: null},
						),
					);
				},
			},
			'127.0.0.1:5000/rec/nope:1',
			new AbortController().signal,
			noFail,
		);
		await assert.rejects(collect(streamed), (error: unknown) => {
			assert.ok(error instanceof RegistryError);
			assert.equal(error.code, 'not-found');
			assert.equal(
				error.engineMessage,
				'manifest for 127.0.0.1:5000/rec/nope:1 not found: manifest unknown: manifest unknown',
			);
			return true;
		});

		const engineDown = new DockerError('unreachable', 'engine down');
		const unreached = pullImage(
			{
				async createImage() {
					return Promise.reject(
						Object.assign(new Error('connect ENOENT'), {code: 'ENOENT'}),
					);
				},
			},
			'x',
			new AbortController().signal,
			() => {
				throw engineDown;
			},
		);
		await assert.rejects(collect(unreached), engineDown);
	});
});

describe('following a pull', () => {
	it('yields the recorded messages whatever the chunk boundaries', async () => {
		const whole = await collect(
			followPull(
				Readable.from([fresh]),
				'x',
				new AbortController().signal,
				noFail,
			),
		);
		assert.equal(whole.length, 12);
		assert.deepEqual(whole[0], {
			kind: 'status',
			text: 'Pulling from rec/busybox (1)',
		});
		assert.deepEqual(whole[2], {
			kind: 'layer',
			id: '763d1924c950',
			status: 'Downloading',
			current: 36_445,
			total: 1_069_055,
		});
		assert.deepEqual(whole.at(-1), {
			kind: 'status',
			text: 'Status: Downloaded newer image for 127.0.0.1:PORT/rec/busybox:1',
		});
		for (const size of [1, 7, 100]) {
			assert.deepEqual(
				await collect(
					followPull(
						chunked(fresh, size),
						'x',
						new AbortController().signal,
						noFail,
					),
				),
				whole,
			);
		}
	});

	it('ends with a RegistryError at an error line, after what came before it', async () => {
		const lines = [
			'{"status":"Pulling from rec/multi","id":"1"}',
			'{"errorDetail":{"message":"unauthorized: authentication required"},"error":"unauthorized: authentication required"}',
			'{"status":"never seen"}',
		].join('\n');
		const seen: PullEvent[] = [];
		await assert.rejects(
			(async () => {
				for await (const event of followPull(
					Readable.from([lines]),
					'127.0.0.1:5000/rec/multi:1',
					new AbortController().signal,
					noFail,
				)) {
					seen.push(event);
				}
			})(),
			(error: unknown) => {
				assert.ok(error instanceof RegistryError);
				assert.equal(error.code, 'permission-denied');
				assert.equal(
					error.engineMessage,
					'unauthorized: authentication required',
				);
				return true;
			},
		);
		assert.equal(seen.length, 1);
	});

	it('ends quietly when the signal aborts, and destroys the stream', async () => {
		const stream = new PassThrough();
		stream.write('{"status":"Pulling from x","id":"1"}\n');
		const controller = new AbortController();
		const seen: PullEvent[] = [];
		for await (const event of followPull(
			stream,
			'x',
			controller.signal,
			noFail,
		)) {
			seen.push(event);
			controller.abort();
		}

		assert.equal(seen.length, 1);
		assert.ok(stream.destroyed);
	});
});
