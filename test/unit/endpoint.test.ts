import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import path from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import type {
	Endpoint,
	EndpointSource,
	TlsFiles,
} from '../../source/docker/endpoint.js';
import {
	describeEndpoint,
	EndpointError,
	resolveEndpoint,
} from '../../source/docker/endpoint.js';

const fixtures = fileURLToPath(
	new URL('../fixtures/docker-config/', import.meta.url),
);
const home = path.join(fixtures, 'home');
const dockerDir = path.join(home, '.docker');
// Nothing exists under it: no config.json, no contexts, no certificates.
const emptyHome = path.join(fixtures, 'no-such-home');
const noConfig = path.join(fixtures, 'no-config');

function contextId(name: string): string {
	return createHash('sha256').update(name).digest('hex');
}

function pems(
	folder: string,
	files: {ca?: boolean; pair?: boolean},
	verify: boolean,
): TlsFiles {
	return {
		...(files.ca ? {caPath: path.join(folder, 'ca.pem')} : {}),
		...(files.pair
			? {
					certPath: path.join(folder, 'cert.pem'),
					keyPath: path.join(folder, 'key.pem'),
				}
			: {}),
		verify,
	};
}

function contextTlsDir(name: string): string {
	return path.join(dockerDir, 'contexts', 'tls', contextId(name), 'docker');
}

const defaultSocket: Endpoint = {
	kind: 'unix',
	socketPath: '/var/run/docker.sock',
	url: 'unix:///var/run/docker.sock',
	source: {kind: 'default'},
};

function context(
	name: string,
	from: 'flag' | 'env' | 'config',
): EndpointSource {
	return {kind: 'context', contextName: name, from};
}

function prod(from: 'flag' | 'env' | 'config'): Endpoint {
	return {
		kind: 'tcp',
		host: 'prod.example.com',
		port: 2376,
		tls: pems(contextTlsDir('prod'), {ca: true, pair: true}, true),
		url: 'tcp://prod.example.com:2376',
		source: context('prod', from),
	};
}

function remote(from: 'flag' | 'env' | 'config'): Endpoint {
	return {
		kind: 'ssh',
		host: 'build.example.com',
		port: 2222,
		username: 'deploy',
		url: 'ssh://deploy@build.example.com:2222',
		source: context('remote', from),
	};
}

function tcp(
	host: string,
	port: number,
	source: EndpointSource,
	tls?: TlsFiles,
): Endpoint {
	const urlHost = host.includes(':') ? `[${host}]` : host;
	return {
		kind: 'tcp',
		host,
		port,
		...(tls === undefined ? {} : {tls}),
		url: `tcp://${urlHost}:${port}`,
		source,
	};
}

type Case = {
	readonly name: string;
	readonly host?: string;
	readonly context?: string;
	readonly env?: Readonly<Record<string, string>>;
	/** Defaults to the fixture home whose config.json names the `prod` context. */
	readonly homeDir?: string;
} & ({readonly expected: Endpoint} | {readonly error: string | RegExp});

function run(testCase: Case): Endpoint {
	return resolveEndpoint({
		host: testCase.host,
		context: testCase.context,
		env: testCase.env ?? {},
		homeDir: testCase.homeDir ?? home,
	});
}

function runTable(cases: readonly Case[]): void {
	for (const testCase of cases) {
		it(testCase.name, () => {
			if ('expected' in testCase) {
				assert.deepEqual(run(testCase), testCase.expected);
				return;
			}

			assert.throws(
				() => run(testCase),
				(error: unknown) => {
					assert.ok(
						error instanceof EndpointError,
						`expected an EndpointError, got ${String(error)}`,
					);
					assert.equal(error.name, 'EndpointError');
					if (typeof testCase.error === 'string') {
						assert.equal(error.message, testCase.error);
					} else {
						assert.match(error.message, testCase.error);
					}

					return true;
				},
			);
		});
	}
}

describe('resolveEndpoint precedence', () => {
	runTable([
		{
			name: 'nothing set: the local socket',
			homeDir: emptyHome,
			expected: defaultSocket,
		},
		{name: 'currentContext in ~/.docker/config.json', expected: prod('config')},
		{
			name: 'DOCKER_CONTEXT beats currentContext',
			env: {DOCKER_CONTEXT: 'remote'},
			expected: remote('env'),
		},
		{
			name: 'DOCKER_HOST beats DOCKER_CONTEXT and currentContext',
			env: {
				DOCKER_HOST: 'tcp://env.example.com:2375',
				DOCKER_CONTEXT: 'remote',
			},
			expected: tcp('env.example.com', 2375, {kind: 'env'}),
		},
		{
			name: '--host beats DOCKER_HOST',
			host: 'unix:///tmp/flag.sock',
			env: {DOCKER_HOST: 'tcp://env.example.com:2375'},
			expected: {
				kind: 'unix',
				socketPath: '/tmp/flag.sock',
				url: 'unix:///tmp/flag.sock',
				source: {kind: 'flag'},
			},
		},
		{
			name: '--context beats DOCKER_HOST',
			context: 'remote',
			env: {DOCKER_HOST: 'tcp://env.example.com:2375'},
			expected: remote('flag'),
		},
		{
			name: '--context beats DOCKER_CONTEXT',
			context: 'prod',
			env: {DOCKER_CONTEXT: 'remote'},
			expected: prod('flag'),
		},
		{
			name: '--host with --context is an error, as in the docker CLI',
			host: 'tcp://flag.example.com:2375',
			context: 'prod',
			error:
				'conflicting options: either specify --host or --context, not both',
		},
		{
			name: 'an empty --host still conflicts with --context',
			host: '',
			context: 'prod',
			error:
				'conflicting options: either specify --host or --context, not both',
		},
		{
			name: 'an empty --context counts as not given',
			host: 'tcp://flag.example.com:2375',
			context: '',
			expected: tcp('flag.example.com', 2375, {kind: 'flag'}),
		},
		{
			name: 'empty DOCKER_HOST and DOCKER_CONTEXT count as unset',
			env: {DOCKER_HOST: '', DOCKER_CONTEXT: ''},
			expected: prod('config'),
		},
		{
			name: 'DOCKER_CONFIG replaces ~/.docker',
			env: {DOCKER_CONFIG: noConfig, DOCKER_CONTEXT: 'staging'},
			expected: tcp('staging.example.com', 2375, context('staging', 'env')),
		},
		{
			name: 'a DOCKER_CONFIG without config.json has no current context',
			env: {DOCKER_CONFIG: noConfig},
			expected: defaultSocket,
		},
		{
			name: 'an unparsable config.json counts as no current context',
			env: {DOCKER_CONFIG: path.join(fixtures, 'bad-config')},
			expected: defaultSocket,
		},
	]);
});

describe('resolveEndpoint default context', () => {
	runTable([
		{
			name: '--context default is the local socket, not currentContext',
			context: 'default',
			expected: defaultSocket,
		},
		{
			name: '--context default uses DOCKER_HOST, like the docker CLI',
			context: 'default',
			env: {DOCKER_HOST: 'ssh://ops@jump.example.com'},
			expected: {
				kind: 'ssh',
				host: 'jump.example.com',
				username: 'ops',
				url: 'ssh://ops@jump.example.com',
				source: {kind: 'env'},
			},
		},
		{
			name: 'DOCKER_CONTEXT=default is the local socket',
			env: {DOCKER_CONTEXT: 'default'},
			expected: defaultSocket,
		},
		{
			name: 'currentContext "default" is the local socket',
			env: {DOCKER_CONFIG: path.join(fixtures, 'default-current')},
			expected: defaultSocket,
		},
	]);
});

describe('resolveEndpoint contexts', () => {
	runTable([
		{
			name: 'SkipTLSVerify without TLS files still means TLS, on port 2376',
			context: 'insecure',
			expected: tcp('10.0.0.9', 2376, context('insecure', 'flag'), {
				verify: false,
			}),
		},
		{
			name: 'no TLS files and no SkipTLSVerify: plain tcp on port 2375',
			context: 'plain',
			expected: tcp('10.0.0.8', 2375, context('plain', 'flag')),
		},
		{
			name: 'a lone cert.pem without key.pem is not used',
			context: 'half-tls',
			expected: tcp(
				'half.example.com',
				2376,
				context('half-tls', 'flag'),
				pems(contextTlsDir('half-tls'), {ca: true}, true),
			),
		},
		{
			name: 'TLS env variables do not apply to a context',
			context: 'plain',
			env: {
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CERT_PATH: path.join(fixtures, 'certs'),
			},
			expected: tcp('10.0.0.8', 2375, context('plain', 'flag')),
		},
		{
			name: 'a unix socket context',
			context: 'rootless',
			expected: {
				kind: 'unix',
				socketPath: '/run/user/1000/docker.sock',
				url: 'unix:///run/user/1000/docker.sock',
				source: context('rootless', 'flag'),
			},
		},
		{
			name: 'a context with an empty Host uses the local socket',
			context: 'no-host',
			expected: {...defaultSocket, source: context('no-host', 'flag')},
		},
		{
			name: 'unknown --context',
			context: 'ghost',
			error: `context "ghost" not found (named by --context, looked in ${path.join(dockerDir, 'contexts', 'meta')})`,
		},
		{
			name: 'unknown DOCKER_CONTEXT',
			env: {DOCKER_CONTEXT: 'ghost'},
			error: `context "ghost" not found (named by DOCKER_CONTEXT, looked in ${path.join(dockerDir, 'contexts', 'meta')})`,
		},
		{
			name: 'unknown currentContext',
			env: {DOCKER_CONFIG: path.join(fixtures, 'missing-current')},
			error: `context "ghost" not found (named by currentContext in ${path.join(fixtures, 'missing-current', 'config.json')}, looked in ${path.join(fixtures, 'missing-current', 'contexts', 'meta')})`,
		},
		{
			name: 'unparsable meta.json',
			context: 'broken',
			error: `context "broken" has a malformed ${path.join(dockerDir, 'contexts', 'meta', contextId('broken'), 'meta.json')}: Expected double-quoted property name in JSON at position 63`,
		},
		{
			name: 'meta.json without a docker endpoint',
			context: 'no-docker',
			error: `context "no-docker" has no docker endpoint (in ${path.join(dockerDir, 'contexts', 'meta', contextId('no-docker'), 'meta.json')})`,
		},
		{
			name: 'meta.json with a non-boolean SkipTLSVerify',
			context: 'bad-skip',
			error:
				/^context "bad-skip" has a malformed .*meta\.json: Host must be a string and SkipTLSVerify a boolean$/,
		},
		{
			name: 'a malformed host in a context names the context',
			context: 'bad-host',
			error:
				/^malformed host "tcp\/\/x" in context "bad-host": missing ":\/\/"/,
		},
		{
			name: 'an unsupported scheme in a context names the context',
			context: 'bad-scheme',
			error:
				'unsupported scheme "fd" in context "bad-scheme" (expected unix, tcp, http, https or ssh)',
		},
	]);

	it('finds context folders by the sha256 of the name, as the docker CLI does', () => {
		// Computed with `printf '%s' prod | sha256sum`, independently of node:crypto.
		assert.equal(
			contextId('prod'),
			'6754af9632a2745e85c293e5aac0863370d9bd3330b9938c00cadfd215227d77',
		);
		const endpoint = resolveEndpoint({context: 'prod', env: {}, homeDir: home});
		assert.equal(
			endpoint.kind === 'tcp' ? endpoint.tls?.caPath : undefined,
			path.join(
				dockerDir,
				'contexts',
				'tls',
				contextId('prod'),
				'docker',
				'ca.pem',
			),
		);
	});
});

describe('resolveEndpoint schemes', () => {
	const flag: EndpointSource = {kind: 'flag'};
	runTable([
		{
			name: 'unix socket',
			host: 'unix:///var/run/custom.sock',
			expected: {
				kind: 'unix',
				socketPath: '/var/run/custom.sock',
				url: 'unix:///var/run/custom.sock',
				source: flag,
			},
		},
		{
			name: 'tcp with a port',
			host: 'tcp://1.2.3.4:12375',
			expected: tcp('1.2.3.4', 12_375, flag),
		},
		{
			name: 'tcp without a port defaults to 2375',
			host: 'tcp://1.2.3.4',
			expected: tcp('1.2.3.4', 2375, flag),
		},
		{
			name: 'tcp with a trailing slash',
			host: 'tcp://docker.local:2375/',
			expected: tcp('docker.local', 2375, flag),
		},
		{
			name: 'tcp with an IPv6 address',
			host: 'tcp://[::1]:2375',
			expected: tcp('::1', 2375, flag),
		},
		{
			name: 'surrounding whitespace is ignored',
			host: '  tcp://1.2.3.4:2375\n',
			expected: tcp('1.2.3.4', 2375, flag),
		},
		{
			name: 'the scheme is case-insensitive',
			host: 'TCP://1.2.3.4:2375',
			expected: tcp('1.2.3.4', 2375, flag),
		},
		{
			name: 'http is plain tcp',
			host: 'http://1.2.3.4:8080',
			expected: tcp('1.2.3.4', 8080, flag),
		},
		{
			name: 'https is TLS with verification, on port 2376',
			host: 'https://docker.example.com',
			homeDir: emptyHome,
			expected: tcp('docker.example.com', 2376, flag, {verify: true}),
		},
		{
			name: 'https with DOCKER_TLS alone does not verify',
			host: 'https://docker.example.com:443',
			homeDir: emptyHome,
			env: {DOCKER_TLS: '1'},
			expected: tcp('docker.example.com', 443, flag, {verify: false}),
		},
		{
			name: 'ssh without user or port',
			host: 'ssh://build.example.com',
			expected: {
				kind: 'ssh',
				host: 'build.example.com',
				url: 'ssh://build.example.com',
				source: flag,
			},
		},
		{
			name: 'ssh with user and port, from DOCKER_HOST',
			env: {DOCKER_HOST: 'ssh://me@[2001:db8::1]:2200'},
			expected: {
				kind: 'ssh',
				host: '2001:db8::1',
				port: 2200,
				username: 'me',
				url: 'ssh://me@[2001:db8::1]:2200',
				source: {kind: 'env'},
			},
		},
		{
			name: 'npipe is refused',
			env: {DOCKER_HOST: 'npipe:////./pipe/docker_engine'},
			error: 'npipe:// in DOCKER_HOST is not supported on this platform',
		},
		{
			name: 'fd is refused',
			host: 'fd://3',
			error:
				'unsupported scheme "fd" in --host (expected unix, tcp, http, https or ssh)',
		},
		{
			name: 'an unknown scheme is refused',
			host: 'foo://bar',
			error:
				'unsupported scheme "foo" in --host (expected unix, tcp, http, https or ssh)',
		},
	]);
});

describe('resolveEndpoint malformed hosts', () => {
	const cases: readonly (readonly [string, string])[] = [
		[
			'tcp//x',
			'missing "://" (expected e.g. unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host)',
		],
		[
			'1.2.3.4:2375',
			'missing "://" (expected e.g. unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host)',
		],
		['://1.2.3.4', 'missing scheme before "://"'],
		['tcp://', 'empty host'],
		['tcp://:2375', 'empty host'],
		['ssh://', 'empty host'],
		['tcp://host:', 'empty port after ":"'],
		['tcp://host:abc', 'invalid port "abc"'],
		['tcp://host:-1', 'invalid port "-1"'],
		['tcp://host:0', 'port 0 is out of range (1-65535)'],
		['tcp://host:65536', 'port 65536 is out of range (1-65535)'],
		['tcp://host:2375/v1.41', 'unexpected "/v1.41" after the host'],
		['tcp://host:2375?tls=1', 'unexpected "?tls=1" after the host'],
		[
			'ssh://me@host/var/run/docker.sock',
			'unexpected "/var/run/docker.sock" after the host',
		],
		['tcp://me@host:2375', 'a user name is only allowed for ssh://'],
		[
			'ssh://me:secret@host',
			'passwords in the URL are not supported; use an ssh key or agent',
		],
		['ssh://@host', 'invalid user name ""'],
		[
			'tcp://::1:2375',
			'put an IPv6 address in brackets, e.g. tcp://[::1]:2375',
		],
		['tcp://[::1:2375', 'missing "]" after the IPv6 address'],
		['tcp://[not-ip]:2375', 'invalid IPv6 address "not-ip"'],
		['tcp://[::1]2375', 'unexpected "2375" after the IPv6 address'],
		['tcp://bad host:2375', 'invalid host name "bad host"'],
		['tcp://-host:2375', 'invalid host name "-host"'],
		[
			'unix://',
			'the socket path must be absolute, e.g. unix:///var/run/docker.sock',
		],
		[
			'unix://var/run/docker.sock',
			'the socket path must be absolute, e.g. unix:///var/run/docker.sock',
		],
	];

	runTable(
		cases.flatMap(([value, reason]): Case[] => [
			{
				name: `--host ${JSON.stringify(value)}`,
				host: value,
				error: `malformed --host "${value}": ${reason}`,
			},
			{
				name: `DOCKER_HOST ${JSON.stringify(value)}`,
				env: {DOCKER_HOST: value},
				error: `malformed DOCKER_HOST "${value}": ${reason}`,
			},
		]),
	);

	runTable([
		{
			name: 'an empty --host',
			host: '',
			error: 'malformed --host "": empty value',
		},
		{
			name: 'a blank --host',
			host: ' ',
			error: 'malformed --host " ": empty value',
		},
		{
			name: 'a blank DOCKER_HOST is set, so it is validated',
			env: {DOCKER_HOST: '  '},
			error: 'malformed DOCKER_HOST "  ": empty value',
		},
	]);
});

describe('resolveEndpoint TLS from the environment', () => {
	const certs = path.join(fixtures, 'certs');
	const env: EndpointSource = {kind: 'env'};
	runTable([
		{
			name: 'DOCKER_TLS_VERIFY reads certificates from ~/.docker by default',
			env: {
				DOCKER_HOST: 'tcp://docker.example.com:2376',
				DOCKER_TLS_VERIFY: '1',
			},
			expected: tcp(
				'docker.example.com',
				2376,
				env,
				pems(dockerDir, {ca: true, pair: true}, true),
			),
		},
		{
			name: 'the default certificate folder follows DOCKER_CONFIG',
			env: {
				DOCKER_HOST: 'tcp://docker.example.com:2376',
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CONFIG: certs,
			},
			expected: tcp(
				'docker.example.com',
				2376,
				env,
				pems(certs, {ca: true, pair: true}, true),
			),
		},
		{
			name: 'DOCKER_CERT_PATH names the certificate folder',
			homeDir: emptyHome,
			env: {
				DOCKER_HOST: 'tcp://docker.example.com',
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CERT_PATH: certs,
			},
			expected: tcp(
				'docker.example.com',
				2376,
				env,
				pems(certs, {ca: true, pair: true}, true),
			),
		},
		{
			name: 'any non-empty DOCKER_TLS_VERIFY verifies, even "0" (docker CLI semantics)',
			env: {
				DOCKER_HOST: 'tcp://docker.example.com:2376',
				DOCKER_TLS_VERIFY: '0',
				DOCKER_CERT_PATH: certs,
			},
			expected: tcp(
				'docker.example.com',
				2376,
				env,
				pems(certs, {ca: true, pair: true}, true),
			),
		},
		{
			name: 'a CA without a client key pair',
			env: {
				DOCKER_HOST: 'tcp://docker.example.com:2376',
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CERT_PATH: path.join(fixtures, 'certs-ca-only'),
			},
			expected: tcp(
				'docker.example.com',
				2376,
				env,
				pems(path.join(fixtures, 'certs-ca-only'), {ca: true}, true),
			),
		},
		{
			name: 'DOCKER_TLS without DOCKER_TLS_VERIFY encrypts without verifying',
			env: {
				DOCKER_HOST: 'tcp://docker.example.com',
				DOCKER_TLS: '1',
				DOCKER_CERT_PATH: certs,
			},
			expected: tcp(
				'docker.example.com',
				2376,
				env,
				pems(certs, {ca: true, pair: true}, false),
			),
		},
		{
			name: 'DOCKER_TLS needs no certificate files',
			homeDir: emptyHome,
			env: {DOCKER_HOST: 'tcp://docker.example.com', DOCKER_TLS: '1'},
			expected: tcp('docker.example.com', 2376, env, {verify: false}),
		},
		{
			name: 'DOCKER_TLS_VERIFY without a ca.pem is an error',
			homeDir: emptyHome,
			env: {DOCKER_HOST: 'tcp://docker.example.com', DOCKER_TLS_VERIFY: '1'},
			error: `DOCKER_TLS_VERIFY is set but ${path.join(emptyHome, '.docker', 'ca.pem')} does not exist (set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem)`,
		},
		{
			name: 'TLS env applies to --host too',
			host: 'tcp://flag.example.com:2376',
			env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs},
			expected: tcp(
				'flag.example.com',
				2376,
				{kind: 'flag'},
				pems(certs, {ca: true, pair: true}, true),
			),
		},
		{
			name: 'TLS env with no host at all means tcp://localhost:2376, like the docker CLI',
			homeDir: emptyHome,
			env: {DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs},
			expected: tcp(
				'localhost',
				2376,
				{kind: 'default'},
				pems(certs, {ca: true, pair: true}, true),
			),
		},
		{
			name: 'TLS env is ignored for a unix socket, even without a ca.pem',
			homeDir: emptyHome,
			env: {DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_TLS_VERIFY: '1'},
			expected: {...defaultSocket, source: env},
		},
		{
			name: 'TLS env is ignored for ssh',
			homeDir: emptyHome,
			env: {DOCKER_HOST: 'ssh://build.example.com', DOCKER_TLS_VERIFY: '1'},
			expected: {
				kind: 'ssh',
				host: 'build.example.com',
				url: 'ssh://build.example.com',
				source: env,
			},
		},
	]);
});

describe('describeEndpoint', () => {
	type DescribeCase = {
		readonly name: string;
		readonly endpoint: Endpoint;
		readonly expected: string;
	};
	const cases: readonly DescribeCase[] = [
		{
			name: 'a context shows its name and url',
			endpoint: prod('config'),
			expected: 'ctx prod (tcp://prod.example.com:2376)',
		},
		{
			name: 'an ssh context',
			endpoint: remote('env'),
			expected: 'ctx remote (ssh://deploy@build.example.com:2222)',
		},
		{
			name: 'the default socket shows the url',
			endpoint: defaultSocket,
			expected: 'unix:///var/run/docker.sock',
		},
		{
			name: 'DOCKER_HOST shows the url',
			endpoint: tcp('::1', 2375, {kind: 'env'}),
			expected: 'tcp://[::1]:2375',
		},
	];

	for (const {name, endpoint, expected} of cases) {
		it(name, () => {
			assert.equal(describeEndpoint(endpoint), expected);
		});
	}

	it('describes what resolveEndpoint returns for the current context', () => {
		assert.equal(
			describeEndpoint(resolveEndpoint({env: {}, homeDir: home})),
			'ctx prod (tcp://prod.example.com:2376)',
		);
	});
});
