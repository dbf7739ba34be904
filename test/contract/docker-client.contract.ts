import assert from 'node:assert/strict';
import {Readable} from 'node:stream';
import {before, describe, it} from 'node:test';
import type {
	DockerClient,
	DockerEvent,
	LogLine,
} from '../../source/docker/docker-client.js';
import {DockerError} from '../../source/docker/errors.js';
import {listFolder, readFileHead} from '../../source/docker/container-files.js';
import {comparePorts} from '../../source/docker/to-domain.js';
import {tarEnd, tarHeader, tarPadding} from '../../source/docker/tar-writer.js';

/** A container the contract asks the engine to run from {@link ContractEngine.image}. */
export type ContractContainer = {
	readonly name: string;
	/** Written first, in this order, to stdout. */
	readonly stdout: readonly string[];
	/** Written after the stdout lines, to stderr. */
	readonly stderr: readonly string[];
	readonly tty: boolean;
	/** Keeps running after its output (true) or exits 0 (false). */
	readonly running: boolean;
};

/**
 * An engine under contract: the client, and a way to put state in it that does not go through the
 * client. Whoever arranges it also throws it away.
 */
export type ContractEngine = {
	readonly client: DockerClient;
	/** A tag of an image the engine holds, that no container uses yet. */
	readonly image: string;
	/**
	 * Runs a container of {@link ContractEngine.image} as the docker CLI would, and returns its id
	 * once it has written its output (and, when it is not to keep running, has exited).
	 */
	run(container: ContractContainer): Promise<string>;
};

/** How long the contract waits for a stream to deliver (the engine samples stats about once a second). */
const streamDeadlineMs = 10_000;

/**
 * The behaviour that dockmate relies on from every {@link DockerClient}: the real adapter on a
 * real engine and the fake that the UI tests use must both pass it, so that the fake cannot answer
 * otherwise than Docker does.
 */
export function dockerClientContract(
	label: string,
	arrange: () => ContractEngine | Promise<ContractEngine>,
): void {
	describe(`DockerClient contract: ${label}`, {timeout: 120_000}, () => {
		let engine: ContractEngine;
		let client: DockerClient;
		const ids: Record<string, string> = {};

		before(async () => {
			engine = await arrange();
			client = engine.client;
			// Created one after another, so the list's order is known; each writes its own words.
			ids['first'] = await engine.run({
				name: 'contract-first',
				stdout: ['first-out'],
				stderr: [],
				tty: false,
				running: false,
			});
			ids['plain'] = await engine.run({
				name: 'contract-plain',
				stdout: ['out-1', 'out-2'],
				stderr: ['err-1'],
				tty: false,
				running: true,
			});
			ids['tty'] = await engine.run({
				name: 'contract-tty',
				stdout: ['tty-out'],
				stderr: ['tty-err'],
				tty: true,
				running: true,
			});
			// Killed and started again by the events case, so no other case reads it.
			ids['events'] = await engine.run({
				name: 'contract-events',
				stdout: [],
				stderr: [],
				tty: false,
				running: true,
			});
		});

		it('lists containers newest first, with their image, state, and ports and volumes sorted', async () => {
			const containers = await client.listContainers();
			const ours = containers.filter(container =>
				container.name.startsWith('contract-'),
			);
			assert.deepEqual(
				ours.map(container => container.name),
				['contract-events', 'contract-tty', 'contract-plain', 'contract-first'],
			);
			const created = containers.map(container => container.createdAt);
			assert.deepEqual(
				created,
				[...created].sort((a, b) => b - a),
				'newest first',
			);
			for (const container of ours) {
				assert.equal(container.id.length, 64);
				assert.equal(container.image, engine.image);
				assert.match(container.imageId, /^sha256:/);
				assert.ok(container.status.length > 0);
				assert.ok(Math.abs(container.createdAt - Date.now()) < 600_000);
				assert.deepEqual(
					container.ports,
					[...container.ports].sort(comparePorts),
				);
				assert.deepEqual(container.volumes, [...container.volumes].sort());
			}

			const states = Object.fromEntries(
				ours.map(container => [container.name, container.state]),
			);
			assert.deepEqual(states, {
				'contract-first': 'exited',
				'contract-plain': 'running',
				'contract-tty': 'running',
				'contract-events': 'running',
			});
		});

		it('lists images newest first, the one the containers use by its tag', async () => {
			const images = await client.listImages();
			const created = images.map(image => image.createdAt);
			assert.deepEqual(
				created,
				[...created].sort((a, b) => b - a),
			);
			const image = images.find(candidate =>
				candidate.tags.includes(engine.image),
			);
			assert.ok(image, `no image tagged ${engine.image}`);
			assert.match(image.id, /^sha256:[\da-f]{64}$/);
			assert.ok(image.size > 0);
			const [container] = (await client.listContainers()).filter(
				candidate => candidate.name === 'contract-plain',
			);
			assert.equal(container?.imageId, image.id);
		});

		it('inspects a container by id and by name alike', async () => {
			const byId = await client.inspectContainer(ids['tty']!);
			const byName = await client.inspectContainer('contract-tty');
			assert.equal(byId.details.id, ids['tty']);
			assert.equal(byName.details.id, ids['tty']);
			assert.equal(byId.details.name, 'contract-tty');
			assert.equal(byId.details.tty, true);
			assert.equal(byId.details.state.status, 'running');
			assert.equal(byId.details.image, engine.image);
			const first = await client.inspectContainer(ids['first']!);
			assert.equal(first.details.tty, false);
			assert.equal(first.details.state.status, 'exited');
			assert.equal(first.details.state.exitCode, 0);
			assert.doesNotThrow(() => JSON.parse(byId.json) as unknown);
		});

		it('streams a kill as kill then die, and a start as start, named after the container', async () => {
			const controller = new AbortController();
			const seen: DockerEvent[] = [];
			const reading = (async () => {
				for await (const event of client.events(controller.signal)) {
					seen.push(event);
					if (event.id === ids['events'] && event.action === 'start') {
						return;
					}
				}
			})();
			try {
				// The stream is open once the engine has answered its request: an event of our own proves it.
				await client.containerAction(ids['events']!, 'kill');
				await client.containerAction(ids['events']!, 'start');
				await withDeadline(reading, 'a start event');
			} finally {
				controller.abort();
			}

			const ours = seen.filter(
				event => event.type === 'container' && event.id === ids['events'],
			);
			const actions = ours.map(event => event.action);
			assert.ok(
				actions.includes('die') &&
					actions.indexOf('die') < actions.indexOf('start'),
				`die before start: ${actions.join(', ')}`,
			);
			for (const event of ours) {
				assert.equal(event.name, 'contract-events');
				assert.ok(Math.abs(event.time - Date.now()) < 60_000);
				// Nanoseconds since the epoch are beyond a double's 53 bits, so the two agree to within
				// a millisecond, not exactly.
				assert.ok(Math.abs(event.timeNano / 1e6 - event.time) <= 1);
			}

			const state = await client.inspectContainer(ids['events']!);
			assert.equal(state.details.state.status, 'running');
		});

		it('streams stats of a running container with its memory and CPUs', async () => {
			const controller = new AbortController();
			try {
				const sample = await withDeadline(
					first(client.stats(ids['tty']!, controller.signal)),
					'a stats sample',
				);
				assert.ok(
					sample !== undefined,
					'the stats stream ended without a sample',
				);
				assert.ok(
					(sample.memoryUsage ?? 0) > 0,
					`memoryUsage: ${sample.memoryUsage}`,
				);
				assert.ok(
					(sample.memoryLimit ?? 0) > 0,
					`memoryLimit: ${sample.memoryLimit}`,
				);
				assert.ok(
					(sample.onlineCpus ?? 0) >= 1,
					`onlineCpus: ${sample.onlineCpus}`,
				);
				assert.ok((sample.pids ?? 0) >= 1, `pids: ${sample.pids}`);
				assert.ok(Math.abs(sample.time - Date.now()) < 60_000);
				assert.ok(
					sample.cpuPercent === undefined || sample.cpuPercent >= 0,
					String(sample.cpuPercent),
				);
			} finally {
				controller.abort();
			}
		});

		it('tells stdout from stderr in the logs of a container without a TTY', async () => {
			const lines = await readLogs(client, ids['plain']!, 3);
			// Each stream keeps its order; between them the engine promises none (two pipes, read apart).
			const of = (stream: LogLine['stream']) =>
				lines.filter(line => line.stream === stream).map(line => line.text);
			assert.deepEqual(of('stdout'), ['out-1', 'out-2']);
			assert.deepEqual(of('stderr'), ['err-1']);
			for (const line of lines) {
				assert.ok(Math.abs(line.time - Date.now()) < 600_000);
			}
		});

		it('reads the logs of a TTY container raw: one stream, without carriage returns', async () => {
			const lines = await readLogs(client, ids['tty']!, 2);
			assert.deepEqual(
				lines.map(line => [line.stream, line.text]),
				[
					['stdout', 'tty-out'],
					['stdout', 'tty-err'],
				],
			);
		});

		it('ends the logs of a stopped container after its last line', async () => {
			const controller = new AbortController();
			const lines: LogLine[] = [];
			try {
				await withDeadline(
					(async () => {
						for await (const chunk of client.logs(ids['first']!, {
							tail: 100,
							signal: controller.signal,
						})) {
							lines.push(...chunk);
						}
					})(),
					'the end of a stopped container’s logs',
				);
			} finally {
				controller.abort();
			}

			assert.deepEqual(
				lines.map(line => line.text),
				['first-out'],
			);
		});

		it('answers not-found for a container that is not there, whatever is asked', async () => {
			const missing = 'contract-missing';
			await assertDockerError(client.inspectContainer(missing), 'not-found');
			await assertDockerError(
				client.containerAction(missing, 'start'),
				'not-found',
			);
			await assertDockerError(
				client.removeContainer(missing, {force: true, volumes: false}),
				'not-found',
			);
			const controller = new AbortController();
			try {
				await assertDockerError(
					first(client.stats(missing, controller.signal)),
					'not-found',
				);
				await assertDockerError(
					first(client.logs(missing, {tail: 10, signal: controller.signal})),
					'not-found',
				);
			} finally {
				controller.abort();
			}
		});

		it("lists a container's folder from its archive and reads a file's first bytes; a missing path is not-found", async () => {
			const id = ids['plain']!;
			const listing = await listFolder(client, id, '/etc');
			const passwd = listing.entries.find(entry => entry.name === 'passwd');
			assert.equal(passwd?.type, 'file');
			assert.ok(passwd.size > 0);
			assert.equal(passwd.mode, 0o644);
			assert.equal(listing.isPartial, false);
			const head = await readFileHead(client, id, '/etc/passwd', 5);
			assert.equal(head?.bytes.toString(), 'root:');
			assert.equal(head.size, passwd.size);
			await assertDockerError(
				listFolder(client, id, '/no/such/folder'),
				'not-found',
			);
		});

		it('puts an archive into a folder of a container, readable back; a missing folder or container is not-found', async () => {
			const id = ids['plain']!;
			const archive = (path: string, text: string) => {
				const bytes = Buffer.from(text);
				return Readable.from([
					tarHeader({
						path,
						type: 'file',
						mode: 0o640,
						mtime: Date.UTC(2026, 0, 1),
						size: bytes.length,
					}),
					bytes,
					tarPadding(bytes.length),
					tarEnd(),
				]);
			};
			const signal = new AbortController().signal;
			await client.putArchive(
				id,
				'/etc',
				archive('put-in.txt', 'in\n'),
				signal,
			);
			const head = await readFileHead(client, id, '/etc/put-in.txt', 10);
			assert.equal(head?.bytes.toString(), 'in\n');
			const listing = await listFolder(client, id, '/etc');
			assert.equal(
				listing.entries.find(entry => entry.name === 'put-in.txt')?.size,
				3,
			);
			await assertDockerError(
				client.putArchive(id, '/no/such/folder', archive('x', 'x'), signal),
				'not-found',
			);
			await assertDockerError(
				client.putArchive(
					'contract-missing',
					'/etc',
					archive('x', 'x'),
					signal,
				),
				'not-found',
			);
		});

		it("lists a running container's processes with the PID inside it; kill of a PID not there fails", async () => {
			const id = ids['plain']!;
			const {processes} = await client.processes(id);
			const sleep = processes.find(process => process.command === 'sleep 600');
			assert.ok(sleep, JSON.stringify(processes));
			assert.ok(sleep.pid > 0);
			await assert.rejects(client.signalProcess(id, 99_999, 'TERM'), {
				code: 'bad-request',
			});
		});

		it('answers no changes for a container that wrote no file, and not-found for one not there', async () => {
			assert.deepEqual(await client.changes(ids['first']!), []);
			await assertDockerError(client.changes('contract-missing'), 'not-found');
		});

		it('refuses to remove a running container without force, and leaves it running', async () => {
			await assertDockerError(
				client.removeContainer(ids['tty']!, {force: false, volumes: false}),
				'conflict',
			);
			const state = await client.inspectContainer(ids['tty']!);
			assert.equal(state.details.state.status, 'running');
		});

		it('refuses to remove an image that containers use, by id or by its only tag, and keeps it', async () => {
			const image = (await client.listImages()).find(candidate =>
				candidate.tags.includes(engine.image),
			);
			assert.ok(image);
			await assertDockerError(
				client.removeImage(image.id, {force: false}),
				'conflict',
			);
			await assertDockerError(
				client.removeImage(engine.image, {force: false}),
				'conflict',
			);
			// Force cannot delete what a running container uses either.
			await assertDockerError(
				client.removeImage(image.id, {force: true}),
				'conflict',
			);
			const still = (await client.listImages()).find(
				candidate => candidate.id === image.id,
			);
			assert.deepEqual(still?.tags, [engine.image]);
		});
	});
}

/** The first value of a stream, undefined if it ends without one. */
async function first<T>(stream: AsyncIterable<T>): Promise<T | undefined> {
	for await (const value of stream) {
		return value;
	}

	return undefined;
}

/** Follows a container's logs until `count` lines are in, then closes the stream. */
async function readLogs(
	client: DockerClient,
	id: string,
	count: number,
): Promise<LogLine[]> {
	const controller = new AbortController();
	const lines: LogLine[] = [];
	try {
		await withDeadline(
			(async () => {
				for await (const chunk of client.logs(id, {
					tail: 100,
					signal: controller.signal,
				})) {
					lines.push(...chunk);
					if (lines.length >= count) {
						return;
					}
				}
			})(),
			`${count} log lines`,
		);
	} finally {
		controller.abort();
	}

	return lines;
}

async function withDeadline<T>(promise: Promise<T>, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			reject(new Error(`no ${what} within ${streamDeadlineMs} ms`));
		}, streamDeadlineMs);
	});
	try {
		return await Promise.race([promise, deadline]);
	} finally {
		clearTimeout(timer);
	}
}

async function assertDockerError(
	promise: Promise<unknown>,
	code: DockerError['code'],
): Promise<void> {
	await assert.rejects(promise, (error: unknown) => {
		assert.ok(error instanceof DockerError, String(error));
		assert.equal(error.code, code, error.message);
		return true;
	});
}
