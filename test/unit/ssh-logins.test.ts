import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {Endpoint} from '../../source/docker/endpoint.js';
import {DockerError} from '../../source/docker/errors.js';
import type {SshConnection} from '../../source/docker/ssh-connection.js';
import {logInToSshEngines} from '../../source/docker/ssh-logins.js';

function ssh(host: string): Endpoint {
	return {kind: 'ssh', host, url: `ssh://${host}`, source: {kind: 'flag'}};
}

const local: Endpoint = {
	kind: 'unix',
	socketPath: '/var/run/docker.sock',
	url: 'unix:///var/run/docker.sock',
	source: {kind: 'flag'},
};

/**
 * Fake connections by host: a batch login (asking nothing) settles when the test says so, with
 * what `batch` gives; every open is recorded in order, with whether it may ask.
 */
function fakeConnections(
	batch: Readonly<Record<string, DockerError | undefined>>,
) {
	const opens: string[] = [];
	const pending = new Map<string, () => void>();
	const connectionTo = (endpoint: {readonly host: string}): SshConnection =>
		({
			async open(options: {readonly interactive?: boolean} = {}) {
				const {host} = endpoint;
				opens.push(`${host}${options.interactive === true ? ' asking' : ''}`);
				if (options.interactive === true) {
					return;
				}

				await new Promise<void>(resolve => {
					pending.set(host, resolve);
				});
				const failure = batch[host];
				if (failure !== undefined) {
					throw failure;
				}
			},
		}) as unknown as SshConnection;
	const settleAll = (): void => {
		for (const resolve of pending.values()) {
			resolve();
		}
	};

	return {opens, connectionTo, settleAll};
}

/**
 * Logs in to `endpoints` over fakes whose batch logins give what `batch` says: the opens made
 * before any batch login had answered, and all of them.
 */
async function logIn(
	endpoints: readonly Endpoint[],
	batch: Readonly<Record<string, DockerError | undefined>>,
	isTerminal: boolean,
): Promise<{beforeAnswers: string[]; opens: string[]}> {
	const fake = fakeConnections(batch);
	const done = logInToSshEngines(endpoints, {
		isTerminal,
		connectionTo: fake.connectionTo,
	});
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	const beforeAnswers = [...fake.opens];
	fake.settleAll();
	await done;
	return {beforeAnswers, opens: fake.opens};
}

const refused = new DockerError(
	'permission-denied',
	'Permission denied (publickey,password)',
);
const unreachable = new DockerError('unreachable', 'Connection refused');

describe('logging in to a fleet’s ssh engines', () => {
	it('logs in to every ssh engine at once, asking nothing, before any of them has answered', async () => {
		const {beforeAnswers, opens} = await logIn(
			[ssh('a'), local, ssh('b'), ssh('c')],
			{},
			true,
		);
		// One after another, only the first would have been opened by then.
		assert.deepEqual(beforeAnswers, ['a', 'b', 'c']);
		assert.deepEqual(opens, ['a', 'b', 'c']);
	});

	it('then asks on the terminal, one at a time, only where ssh refused for want of an answer', async () => {
		const {opens} = await logIn(
			[ssh('a'), ssh('b'), ssh('c')],
			{a: refused, b: unreachable, c: refused},
			true,
		);
		assert.deepEqual(opens, ['a', 'b', 'c', 'a asking', 'c asking']);
	});

	it('asks nothing without a terminal', async () => {
		const {opens} = await logIn([ssh('a')], {a: refused}, false);
		assert.deepEqual(opens, ['a']);
	});
});
