import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Readable} from 'node:stream';
import {describe, it} from 'node:test';
import {buildImage, followBuild} from '../../source/docker/build.js';
import type {BuildEvent} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';

function fixture(name: string): Buffer {
	return readFileSync(
		new URL(`../fixtures/build/docker-20.10-${name}.jsonl`, import.meta.url),
	);
}

const noFail = (error: unknown): never => {
	throw new Error(`fail was called with ${String(error)}`);
};

async function run(
	chunks: readonly (Buffer | string)[],
): Promise<{events: BuildEvent[]; error: unknown}> {
	const events: BuildEvent[] = [];
	try {
		for await (const event of followBuild(
			Readable.from(chunks),
			new AbortController().signal,
			noFail,
		)) {
			events.push(event);
		}
	} catch (error) {
		return {events, error};
	}

	return {events, error: undefined};
}

const lines = (events: readonly BuildEvent[]): string[] =>
	events.flatMap(event => (event.kind === 'output' ? [event.text] : []));

describe('build output', () => {
	it('joins the builder’s pieces into lines and reports the image', async () => {
		const {events, error} = await run([fixture('build')]);
		assert.equal(error, undefined);
		assert.deepEqual(lines(events), [
			'Step 1/3 : FROM scratch',
			' ---> ',
			'Step 2/3 : COPY busybox /bin/busybox',
			' ---> 9b1c370afeac',
			'Step 3/3 : CMD ["/bin/busybox","sh"]',
			' ---> [Warning] IPv4 forwarding is disabled. Networking will not work.',
			' ---> Running in 280ac465a492',
			'Removing intermediate container 280ac465a492',
			' ---> 686f93f85539',
			'Successfully built 686f93f85539',
			'Successfully tagged rec/built:1',
		]);
		assert.deepEqual(
			events.filter(event => event.kind === 'image'),
			[
				{
					kind: 'image',
					id: 'sha256:686f93f855395022af117d0c53e8ed819c825339fdea0ac30e0e6d770496afda',
				},
			],
		);
	});

	it('ends with the builder’s error after the lines before it', async () => {
		const bytes = fixture('build-failed');
		// Chunked anywhere, as the socket may deliver it.
		const chunks = Array.from(
			{length: Math.ceil(bytes.length / 5)},
			(_, index) => bytes.subarray(index * 5, index * 5 + 5),
		);
		const {events, error} = await run(chunks);
		assert.deepEqual(lines(events), [
			'Step 1/2 : FROM scratch',
			' ---> ',
			'Step 2/2 : COPY nope /nope',
		]);
		assert.ok(error instanceof DockerError);
		assert.equal(
			error.message,
			'COPY failed: file not found in build context or excluded by .dockerignore: stat nope: file does not exist',
		);
	});

	it('keeps the last state of a line redrawn in place, without its escapes', async () => {
		const {events} = await run([
			'{"stream":"progress 10%\\rprogress 100%\\n"}\n',
			'{"stream":"\\u001b[31mred\\u001b[0m no newline"}\n',
			'{"status":"Downloading","id":"abc"}\n',
		]);
		assert.deepEqual(lines(events), [
			'progress 100%',
			'red no newline',
			'abc: Downloading',
		]);
	});
});

describe('sending a build', () => {
	it('sends the packed context with the options, and says how much went', async () => {
		const context = mkdtempSync(path.join(tmpdir(), 'dockmate-send-'));
		try {
			writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\n');
			writeFileSync(path.join(context, 'data'), 'x'.repeat(1000));
			let received = Buffer.alloc(0);
			let sentOptions: unknown;
			const events: BuildEvent[] = [];
			for await (const event of buildImage(
				{
					async buildImage(tar, options) {
						const chunks: Buffer[] = [];
						for await (const chunk of tar) {
							chunks.push(chunk as Buffer);
						}

						received = Buffer.concat(chunks);
						sentOptions = options;
						return Readable.from([fixture('build')]);
					},
				},
				{context, dockerfile: 'Dockerfile', tag: 'rec/built:1'},
				new AbortController().signal,
				noFail,
			)) {
				events.push(event);
			}

			assert.deepEqual(events[0], {kind: 'sent', bytes: received.length});
			// A header each, the Dockerfile in one block, the data in two, two end blocks.
			assert.equal(received.length, 512 * (2 + 1 + 2 + 2));
			assert.ok(received.includes('x'.repeat(1000)));
			assert.deepEqual(
				{...(sentOptions as object), abortSignal: undefined},
				{
					dockerfile: 'Dockerfile',
					t: 'rec/built:1',
					rm: true,
					abortSignal: undefined,
				},
			);
			assert.ok(events.some(event => event.kind === 'image'));
		} finally {
			rmSync(context, {recursive: true, force: true});
		}
	});
});
