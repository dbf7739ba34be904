import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {
	describeEndpoint,
	EndpointError,
	resolveEndpoint,
	resolveHostEntry,
	type Endpoint,
} from '../../source/docker/endpoint.js';
import {choiceId, listHostChoices} from '../../source/docker/host-choices.js';

const fixtures = fileURLToPath(
	new URL('../fixtures/docker-config/', import.meta.url),
);
const home = path.join(fixtures, 'home');
const certs = path.join(fixtures, 'certs');
const caOnly = path.join(fixtures, 'certs-ca-only');
const emptyHome = path.join(fixtures, 'no-such-home');

const noSockets = (): boolean => false;

function socketsAt(...paths: string[]): (file: string) => boolean {
	return file => paths.includes(file);
}

describe('Podman as the engine of last resort', () => {
	const resolve = (
		isSocket: (file: string) => boolean,
		env: Record<string, string> = {},
	): Endpoint => resolveEndpoint({env, homeDir: emptyHome, isSocket});

	it('takes the Docker socket when there is one, even with Podman beside it', () => {
		const endpoint = resolve(
			socketsAt('/var/run/docker.sock', '/run/podman/podman.sock'),
		);
		assert.equal(endpoint.url, 'unix:///var/run/docker.sock');
	});

	it("takes the user's Podman socket before the system's", () => {
		const endpoint = resolve(
			socketsAt('/run/user/1000/podman/podman.sock', '/run/podman/podman.sock'),
			{XDG_RUNTIME_DIR: '/run/user/1000'},
		);
		assert.deepEqual(endpoint, {
			kind: 'unix',
			socketPath: '/run/user/1000/podman/podman.sock',
			url: 'unix:///run/user/1000/podman/podman.sock',
			source: {kind: 'default'},
		});
	});

	it("takes the system's Podman socket without XDG_RUNTIME_DIR", () => {
		const endpoint = resolve(socketsAt('/run/podman/podman.sock'));
		assert.equal(endpoint.url, 'unix:///run/podman/podman.sock');
	});

	it('names the Docker socket when there is neither, so the error says where it looked first', () => {
		assert.equal(resolve(noSockets).url, 'unix:///var/run/docker.sock');
	});

	it('never replaces an engine the user named', () => {
		const isSocket = socketsAt('/run/podman/podman.sock');
		assert.equal(
			resolveEndpoint({
				host: 'unix:///var/run/docker.sock',
				env: {},
				homeDir: emptyHome,
				isSocket,
			}).url,
			'unix:///var/run/docker.sock',
		);
		assert.equal(
			resolve(isSocket, {DOCKER_HOST: 'tcp://10.0.0.1:2375'}).url,
			'tcp://10.0.0.1:2375',
		);
		assert.equal(
			resolveEndpoint({
				context: 'rootless',
				env: {},
				homeDir: home,
				isSocket,
			}).url,
			'unix:///run/user/1000/docker.sock',
		);
	});
});

describe('host entries of the config file', () => {
	const settings = {env: {}, homeDir: '/home/u', isSocket: noSockets};

	it('takes ssh and unix addresses as they are, named by the entry', () => {
		const endpoint = resolveHostEntry(
			{name: 'prod', host: 'ssh://me@server:2222'},
			settings,
		);
		assert.deepEqual(endpoint, {
			kind: 'ssh',
			host: 'server',
			port: 2222,
			username: 'me',
			url: 'ssh://me@server:2222',
			source: {kind: 'host', name: 'prod'},
		});
		assert.equal(describeEndpoint(endpoint), 'prod (ssh://me@server:2222)');
	});

	it('turns TLS on with a certPath, verifying unless told not to', () => {
		const verified = resolveHostEntry(
			{name: 'lab', host: 'tcp://10.0.0.5', certPath: certs},
			settings,
		);
		assert.deepEqual(verified.kind === 'tcp' && verified.tls, {
			caPath: path.join(certs, 'ca.pem'),
			certPath: path.join(certs, 'cert.pem'),
			keyPath: path.join(certs, 'key.pem'),
			verify: true,
		});
		assert.equal(
			verified.url,
			'tcp://10.0.0.5:2376',
			'the TLS port by default',
		);
		const unverified = resolveHostEntry(
			{name: 'lab', host: 'tcp://10.0.0.5', certPath: caOnly, tlsVerify: false},
			settings,
		);
		assert.equal(unverified.kind === 'tcp' && unverified.tls?.verify, false);
	});

	it('ignores the DOCKER_TLS variables, which belong to DOCKER_HOST', () => {
		const endpoint = resolveHostEntry(
			{name: 'plain', host: 'tcp://10.0.0.5:2375'},
			{
				...settings,
				env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs},
			},
		);
		assert.equal(endpoint.kind === 'tcp' && endpoint.tls, undefined);
	});

	it('expands ~/ in certPath to the home folder', () => {
		const endpoint = resolveHostEntry(
			{
				name: 'lab',
				host: 'tcp://10.0.0.5:2376',
				certPath: '~/certs',
				tlsVerify: false,
			},
			{...settings, homeDir: fixtures},
		);
		assert.equal(
			endpoint.kind === 'tcp' && endpoint.tls?.caPath,
			path.join(certs, 'ca.pem'),
		);
	});

	it('says which entry is wrong', () => {
		assert.throws(
			() => resolveHostEntry({name: 'x', host: 'tcp//oops'}, settings),
			(error: unknown) =>
				error instanceof EndpointError &&
				error.message ===
					'malformed host "tcp//oops" in host "x": missing "://" (expected e.g. unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host)',
		);
		assert.throws(
			() =>
				resolveHostEntry(
					{name: 'x', host: 'tcp://h:2376', certPath: '/nowhere'},
					settings,
				),
			/^EndpointError: host "x": \/nowhere\/ca\.pem does not exist/,
		);
	});
});

describe('listHostChoices', () => {
	const startup = resolveEndpoint({
		host: 'unix:///tmp/engine.sock',
		env: {},
		homeDir: home,
	});

	it('lists --host, the default context, the other contexts by name, then the config hosts', () => {
		const choices = listHostChoices({
			env: {},
			homeDir: home,
			isSocket: noSockets,
			startup,
			hosts: [{name: 'lab', host: 'ssh://me@lab'}],
		});
		assert.deepEqual(
			choices.map(choice => choice.id),
			[
				'flag',
				'context:default',
				'context:bad-host',
				'context:bad-scheme',
				'context:bad-skip',
				'context:half-tls',
				'context:insecure',
				'context:no-docker',
				'context:no-host',
				'context:plain',
				'context:prod',
				'context:remote',
				'context:rootless',
				'host:lab',
			],
			'the unreadable context is left out',
		);
		const byId = new Map(choices.map(choice => [choice.id, choice]));
		assert.equal(byId.get('flag')?.endpoint, startup);
		assert.equal(
			byId.get('context:remote')?.endpoint?.url,
			'ssh://deploy@build.example.com:2222',
		);
		assert.equal(byId.get('context:remote')?.description, 'fixture');
		assert.equal(byId.get('host:lab')?.endpoint?.url, 'ssh://me@lab');
		const bad = byId.get('context:bad-scheme');
		assert.equal(bad?.endpoint, undefined);
		assert.match(bad?.error ?? '', /unsupported scheme "fd"/);
	});

	it('leaves --host out when dockmate did not start with it', () => {
		const choices = listHostChoices({
			env: {},
			homeDir: emptyHome,
			isSocket: noSockets,
			startup: resolveEndpoint({env: {}, homeDir: emptyHome}),
			hosts: [],
		});
		assert.deepEqual(
			choices.map(choice => choice.id),
			['context:default'],
		);
	});

	it('marks the choice of each way of starting', () => {
		const resolve = (input: {host?: string; context?: string}, env = {}) =>
			choiceId(resolveEndpoint({...input, env, homeDir: home}));
		assert.equal(resolve({host: 'tcp://a:1'}), 'flag');
		assert.equal(resolve({context: 'prod'}), 'context:prod');
		assert.equal(resolve({}), 'context:prod', 'the current context');
		assert.equal(
			resolve({}, {DOCKER_HOST: 'tcp://a:1'}),
			'context:default',
			'DOCKER_HOST is what the default context means',
		);
		assert.equal(
			choiceId(
				resolveHostEntry(
					{name: 'lab', host: 'ssh://lab'},
					{env: {}, homeDir: home},
				),
			),
			'host:lab',
		);
	});
});
