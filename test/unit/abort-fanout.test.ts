import assert from 'node:assert/strict';
import {getEventListeners} from 'node:events';
import {createServer, type ServerResponse} from 'node:http';
import {describe, it} from 'node:test';
import {childSignal} from '../../source/docker/abort-fanout.js';
import {createDockerodeClient} from '../../source/docker/dockerode-client.js';
import {waitFor} from '../helpers/wait-for.js';

const listeners = (signal: AbortSignal): number =>
	getEventListeners(signal, 'abort').length;

describe('abort listeners on a long-lived signal', () => {
	it('one listener for any number of children, none once they are released', () => {
		const parent = new AbortController();
		const children = Array.from({length: 50}, () => childSignal(parent.signal));
		assert.equal(listeners(parent.signal), 1);
		for (const child of children.slice(1)) {
			child.release();
		}

		assert.equal(listeners(parent.signal), 1);
		children[0]?.release();
		assert.equal(listeners(parent.signal), 0);
	});

	it('aborting the parent aborts every child under way, with its reason', () => {
		const parent = new AbortController();
		const [first, second] = [
			childSignal(parent.signal),
			childSignal(parent.signal),
		];
		parent.abort(new Error('gone'));
		assert.ok(first.signal.aborted && second.signal.aborted);
		assert.equal((second.signal.reason as Error).message, 'gone');
		assert.equal(listeners(parent.signal), 0);
		assert.ok(childSignal(parent.signal).signal.aborted, 'born aborted');
	});

	it('30 engine requests under way on one signal leave it one listener, and none after', async () => {
		const held: ServerResponse[] = [];
		const engine = createServer((_request, response) => {
			held.push(response);
		});
		await new Promise<void>(resolve => {
			engine.listen(0, '127.0.0.1', resolve);
		});
		try {
			const {port} = engine.address() as {port: number};
			const client = createDockerodeClient({
				kind: 'tcp',
				host: '127.0.0.1',
				port,
				url: `tcp://127.0.0.1:${port}`,
				source: {kind: 'flag'},
			});
			const feed = new AbortController();
			const lists = Array.from({length: 30}, async () =>
				client.listContainers(feed.signal),
			);
			await waitFor(() => held.length === 30, {
				timeoutMs: 5000,
				message: 'the requests never arrived',
			});
			// Node's HTTP client adds a listener per request to the signal it is given.
			assert.equal(listeners(feed.signal), 1);
			for (const response of held) {
				response.setHeader('content-type', 'application/json');
				response.end('[]');
			}

			await Promise.all(lists);
			assert.equal(listeners(feed.signal), 0);
		} finally {
			engine.closeAllConnections();
			engine.close();
		}
	});
});
