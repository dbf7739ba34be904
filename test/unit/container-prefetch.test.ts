import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import http from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {
	prefetchContainers,
	withPrefetchedContainers,
	type ContainerPrefetch,
} from '../../source/docker/container-prefetch.js';
import type {Endpoint} from '../../source/docker/endpoint.js';
import {toContainerSummary} from '../../source/docker/to-domain.js';
import {FakeDockerClient, fakeContainer} from '../fakes/fake-docker-client.js';

const recorded = JSON.parse(
	readFileSync(
		new URL('../fixtures/api/docker-20.10-containers.json', import.meta.url),
		'utf8',
	),
) as unknown[];
const recordedNames = recorded.map(raw => toContainerSummary(raw)?.name);

function unixEndpoint(socketPath: string): Endpoint {
	return {
		kind: 'unix',
		socketPath,
		url: `unix://${socketPath}`,
		source: {kind: 'default'},
	};
}

describe('prefetchContainers', () => {
	let dir: string;
	let server: http.Server;
	let status = 200;
	const paths: string[] = [];

	before(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'dockmate-prefetch-'));
		server = http.createServer((request, response) => {
			paths.push(request.url ?? '');
			response.writeHead(status, {'content-type': 'application/json'});
			response.end(JSON.stringify(status === 200 ? recorded : {message: 'no'}));
		});
		await new Promise<void>(resolve => {
			server.listen(path.join(dir, 'docker.sock'), resolve);
		});
	});

	after(() => {
		server.close();
		rmSync(dir, {recursive: true, force: true});
	});

	it('asks a local engine for every container and gives its raw answer', async () => {
		status = 200;
		const prefetch = prefetchContainers(
			unixEndpoint(path.join(dir, 'docker.sock')),
			{interactive: false},
		);
		assert.deepEqual(await prefetch?.answer, recorded);
		assert.equal(paths.at(-1), '/containers/json?all=1');
	});

	it('gives no answer when the engine refuses', async () => {
		status = 500;
		const prefetch = prefetchContainers(
			unixEndpoint(path.join(dir, 'docker.sock')),
			{interactive: false},
		);
		assert.equal(await prefetch?.answer, undefined);
	});

	it('gives no answer when nothing listens', async () => {
		const prefetch = prefetchContainers(
			unixEndpoint(path.join(dir, 'nothing.sock')),
			{interactive: false},
		);
		assert.equal(await prefetch?.answer, undefined);
	});

	it('asks nothing of a tcp engine', () => {
		assert.equal(
			prefetchContainers(
				{
					kind: 'tcp',
					host: '127.0.0.1',
					port: 9,
					url: 'tcp://127.0.0.1:9',
					source: {kind: 'default'},
				},
				{interactive: false},
			),
			undefined,
		);
	});
});

describe('withPrefetchedContainers', () => {
	const endpoint = unixEndpoint('/run/docker.sock');
	const live = new FakeDockerClient({
		containers: [fakeContainer({name: 'live'})],
	});
	const prefetched = (answer: unknown[] | undefined, url = endpoint.url) =>
		({url, answer: Promise.resolve(answer)}) satisfies ContainerPrefetch;
	const names = async (client: ReturnType<typeof withPrefetchedContainers>) =>
		(await client.listContainers()).map(container => container.name);

	it('answers the first list from the prefetch, and asks the engine after that', async () => {
		const client = withPrefetchedContainers(
			live.with({}),
			endpoint,
			prefetched(recorded),
		);
		assert.deepEqual(await names(client), recordedNames);
		assert.deepEqual(await names(client), ['live']);
	});

	it('takes the prefetched list as the first ping, and pings the engine after that', async () => {
		const down = live.with({
			async ping() {
				throw await Promise.resolve(new Error('down'));
			},
		});
		const client = withPrefetchedContainers(
			down,
			endpoint,
			prefetched(recorded),
		);
		await client.ping();
		await assert.rejects(client.ping(), /down/);
	});

	it('pings the engine when the prefetch got no answer', async () => {
		const client = withPrefetchedContainers(
			live.with({
				async ping() {
					throw await Promise.resolve(new Error('down'));
				},
			}),
			endpoint,
			prefetched(undefined),
		);
		await assert.rejects(client.ping(), /down/);
	});

	it('asks the engine when the prefetch got no answer', async () => {
		const client = withPrefetchedContainers(
			live.with({}),
			endpoint,
			prefetched(undefined),
		);
		assert.deepEqual(await names(client), ['live']);
	});

	it('never uses a list from another engine', async () => {
		const client = withPrefetchedContainers(
			live.with({}),
			endpoint,
			prefetched(recorded, 'unix:///elsewhere.sock'),
		);
		assert.deepEqual(await names(client), ['live']);
	});
});
