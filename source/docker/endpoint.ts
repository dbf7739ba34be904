import {isObject} from './json.js';
import {createHash} from 'node:crypto';
import {readFileSync, statSync} from 'node:fs';
import {isIPv6} from 'node:net';
import path from 'node:path';

/** TLS for a tcp endpoint: the files that exist (`certPath` and `keyPath` come as a pair) and whether to verify the engine. */
export type TlsFiles = {
	readonly caPath?: string;
	readonly certPath?: string;
	readonly keyPath?: string;
	/** False for `DOCKER_TLS` without `DOCKER_TLS_VERIFY`, or a context with `SkipTLSVerify`: encrypt, but trust any certificate. */
	readonly verify: boolean;
};

/** Where a context's name came from, for error messages and the header. */
export type ContextOrigin = 'flag' | 'env' | 'config';

/** Which rule of the docker CLI's precedence picked the endpoint. */
export type EndpointSource =
	| {readonly kind: 'flag'}
	| {readonly kind: 'env'}
	| {
			readonly kind: 'context';
			readonly contextName: string;
			readonly from: ContextOrigin;
	  }
	| {readonly kind: 'default'}
	/** A host entry in dockmate's own config file. */
	| {readonly kind: 'host'; readonly name: string};

/** A Docker engine to connect to; `url` is the normalised address, e.g. `tcp://10.0.0.5:2376`. */
export type Endpoint =
	| {
			readonly kind: 'unix';
			readonly socketPath: string;
			readonly url: string;
			readonly source: EndpointSource;
	  }
	| {
			readonly kind: 'tcp';
			readonly host: string;
			readonly port: number;
			readonly tls?: TlsFiles;
			readonly url: string;
			readonly source: EndpointSource;
	  }
	| {
			readonly kind: 'ssh';
			/** A host name or address, or a `Host` alias of ~/.ssh/config. */
			readonly host: string;
			/** Only when the address names one: otherwise ssh's own setting (~/.ssh/config, or 22) applies. */
			readonly port?: number;
			readonly username?: string;
			readonly url: string;
			readonly source: EndpointSource;
	  };

/** What {@link resolveEndpoint} looks at: the `--host`/`--context` flags, the environment and the home folder. */
export type ResolveEndpointInput = {
	readonly host?: string | undefined;
	readonly context?: string | undefined;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly homeDir: string;
	/** Whether a path is a socket; looks at the file system unless told. */
	readonly isSocket?: (path: string) => boolean;
};

/** The endpoint settings are wrong; `message` is one line that names the flag, variable or file at fault. */
export class EndpointError extends Error {
	override readonly name = 'EndpointError';

	constructor(
		message: string,
		/** The fault is in `--host` itself: a usage error rather than a setting elsewhere. */
		readonly isFlagFault = false,
	) {
		super(message);
	}
}

const defaultSocketPath = '/var/run/docker.sock';
const defaultContextName = 'default';

/** Where a host string came from; decides both the error wording and which TLS settings apply. */
type HostOrigin =
	| {readonly kind: 'flag'}
	| {readonly kind: 'env'}
	| {
			readonly kind: 'context';
			readonly name: string;
			readonly from: ContextOrigin;
			readonly tlsDir: string;
			readonly skipTlsVerify: boolean;
	  }
	| {
			readonly kind: 'entry';
			readonly name: string;
			readonly tls: TlsFiles | undefined;
	  };

type Address =
	| {readonly kind: 'unix'; readonly socketPath: string}
	| {
			readonly kind: 'tcp';
			readonly isHttps: boolean;
			readonly host: string;
			readonly port?: number;
	  }
	| {
			readonly kind: 'ssh';
			readonly host: string;
			readonly port?: number;
			readonly username?: string;
	  };

type Authority = {
	readonly host: string;
	readonly port?: number;
	readonly username?: string;
};

type Settings = {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly configDir: string;
	readonly isSocket: (path: string) => boolean;
};

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value === '' ? undefined : value;
}

function isFile(filePath: string): boolean {
	try {
		return statSync(filePath).isFile();
	} catch {
		return false;
	}
}

function isSocketFile(filePath: string): boolean {
	try {
		return statSync(filePath).isSocket();
	} catch {
		return false;
	}
}

function firstLine(text: string): string {
	return (text.split('\n')[0] ?? '').trim();
}

function errorCode(error: unknown): string | undefined {
	return isObject(error) && typeof error['code'] === 'string'
		? error['code']
		: undefined;
}

function originSource(origin: HostOrigin): EndpointSource {
	switch (origin.kind) {
		case 'context': {
			return {kind: 'context', contextName: origin.name, from: origin.from};
		}

		case 'entry': {
			return {kind: 'host', name: origin.name};
		}

		case 'flag':
		case 'env': {
			return {kind: origin.kind};
		}
	}
}

function describeOrigin(origin: HostOrigin): {
	readonly subject: string;
	readonly where: string;
} {
	switch (origin.kind) {
		case 'flag': {
			return {subject: '--host', where: '--host'};
		}

		case 'env': {
			return {subject: 'DOCKER_HOST', where: 'DOCKER_HOST'};
		}

		case 'context': {
			return {subject: 'host', where: `context "${origin.name}"`};
		}

		case 'entry': {
			return {subject: 'host', where: `host "${origin.name}"`};
		}
	}
}

function malformed(
	origin: HostOrigin,
	raw: string,
	reason: string,
): EndpointError {
	const {subject} = describeOrigin(origin);
	const suffix =
		origin.kind === 'context' || origin.kind === 'entry'
			? ` in ${describeOrigin(origin).where}`
			: '';
	return new EndpointError(
		`malformed ${subject} "${raw}"${suffix}: ${reason}`,
		origin.kind === 'flag',
	);
}

function parsePort(text: string): number | string {
	if (text === '') {
		return 'empty port after ":"';
	}

	if (!/^\d+$/.test(text)) {
		return `invalid port "${text}"`;
	}

	const port = Number(text);
	return port >= 1 && port <= 65_535
		? port
		: `port ${text} is out of range (1-65535)`;
}

/** Returns the parsed authority, or the reason it is malformed. */
function parseAuthority(rest: string, allowsUser: boolean): Authority | string {
	const end = rest.search(/[/?#]/);
	const authority = end === -1 ? rest : rest.slice(0, end);
	const tail = end === -1 ? '' : rest.slice(end);
	// A trailing slash is what people paste from browsers; a real path would be silently ignored by the client.
	if (tail !== '' && tail !== '/') {
		return `unexpected "${tail}" after the host`;
	}

	const at = authority.lastIndexOf('@');
	let username: string | undefined;
	if (at !== -1) {
		if (!allowsUser) {
			return 'a user name is only allowed for ssh://';
		}

		username = authority.slice(0, at);
		if (username.includes(':')) {
			return 'passwords in the URL are not supported; use an ssh key or agent';
		}

		if (!/^[^\s/@]+$/.test(username)) {
			return `invalid user name "${username}"`;
		}
	}

	const hostPort = authority.slice(at + 1);
	let host: string;
	let portText: string | undefined;
	if (hostPort.startsWith('[')) {
		const close = hostPort.indexOf(']');
		if (close === -1) {
			return 'missing "]" after the IPv6 address';
		}

		host = hostPort.slice(1, close);
		if (!isIPv6(host)) {
			return `invalid IPv6 address "${host}"`;
		}

		const after = hostPort.slice(close + 1);
		if (after !== '' && !after.startsWith(':')) {
			return `unexpected "${after}" after the IPv6 address`;
		}

		portText = after === '' ? undefined : after.slice(1);
	} else {
		const parts = hostPort.split(':');
		if (parts.length > 2) {
			return 'put an IPv6 address in brackets, e.g. tcp://[::1]:2375';
		}

		host = parts[0] ?? '';
		portText = parts[1];
		if (host === '') {
			return 'empty host';
		}

		if (!/^[\w][\w.-]*$/.test(host)) {
			return `invalid host name "${host}"`;
		}
	}

	const port = portText === undefined ? undefined : parsePort(portText);
	if (typeof port === 'string') {
		return port;
	}

	return {
		host,
		...(port === undefined ? {} : {port}),
		...(username === undefined ? {} : {username}),
	};
}

/** Validates a host the way `docker -H` would, but stricter: no scheme-less `host:port`, no empty host or port. */
function parseAddress(raw: string, origin: HostOrigin): Address {
	const value = raw.trim();
	if (value === '') {
		throw malformed(origin, raw, 'empty value');
	}

	const separator = value.indexOf('://');
	if (separator === -1) {
		throw malformed(
			origin,
			raw,
			'missing "://" (expected e.g. unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host)',
		);
	}

	const scheme = value.slice(0, separator).toLowerCase();
	const rest = value.slice(separator + 3);
	const {where} = describeOrigin(origin);
	switch (scheme) {
		case 'unix': {
			// `unix://var/run/docker.sock` (two slashes) is a common typo that would resolve against the working directory.
			if (!rest.startsWith('/')) {
				throw malformed(
					origin,
					raw,
					'the socket path must be absolute, e.g. unix:///var/run/docker.sock',
				);
			}

			return {kind: 'unix', socketPath: rest};
		}

		case 'tcp':
		case 'http':
		case 'https':
		case 'ssh': {
			const authority = parseAuthority(rest, scheme === 'ssh');
			if (typeof authority === 'string') {
				throw malformed(origin, raw, authority);
			}

			return scheme === 'ssh'
				? {kind: 'ssh', ...authority}
				: {kind: 'tcp', isHttps: scheme === 'https', ...authority};
		}

		case 'npipe': {
			throw new EndpointError(
				`npipe:// in ${where} is not supported on this platform`,
			);
		}

		case '': {
			throw malformed(origin, raw, 'missing scheme before "://"');
		}

		default: {
			throw new EndpointError(
				`unsupported scheme "${scheme}" in ${where} (expected unix, tcp, http, https or ssh)`,
			);
		}
	}
}

/**
 * TLS as the docker CLI derives it from the environment: any non-empty `DOCKER_TLS_VERIFY` (even "0") verifies,
 * `DOCKER_TLS` alone encrypts without verifying. `isForced` is for https://, which means TLS whatever the env says.
 */
function envTls(
	{env, configDir}: Settings,
	isForced: boolean,
): TlsFiles | undefined {
	const isVerifySet = nonEmpty(env['DOCKER_TLS_VERIFY']) !== undefined;
	const isTlsSet = nonEmpty(env['DOCKER_TLS']) !== undefined;
	if (!isVerifySet && !isTlsSet && !isForced) {
		return undefined;
	}

	const certDir = nonEmpty(env['DOCKER_CERT_PATH']) ?? configDir;
	const caPath = path.join(certDir, 'ca.pem');
	const hasCa = isFile(caPath);
	// The docker CLI fails here too (it cannot load the CA), rather than falling back to the system roots.
	if (isVerifySet && !hasCa) {
		throw new EndpointError(
			`DOCKER_TLS_VERIFY is set but ${caPath} does not exist (set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem)`,
		);
	}

	return tlsFiles(certDir, hasCa, isVerifySet || !isTlsSet);
}

function tlsFiles(folder: string, hasCa: boolean, verify: boolean): TlsFiles {
	const certPath = path.join(folder, 'cert.pem');
	const keyPath = path.join(folder, 'key.pem');
	// Like the docker CLI, half a client key pair is ignored rather than sent.
	const hasPair = isFile(certPath) && isFile(keyPath);
	return {
		...(hasCa ? {caPath: path.join(folder, 'ca.pem')} : {}),
		...(hasPair ? {certPath, keyPath} : {}),
		verify,
	};
}

/** A context turns TLS on when it has any TLS files or skips verification (docker/cli `Endpoint.tlsConfig`). */
function contextTls(
	tlsDir: string,
	skipTlsVerify: boolean,
	isForced: boolean,
): TlsFiles | undefined {
	const hasAnyFile = ['ca.pem', 'cert.pem', 'key.pem'].some(file =>
		isFile(path.join(tlsDir, file)),
	);
	if (!hasAnyFile && !skipTlsVerify && !isForced) {
		return undefined;
	}

	return tlsFiles(tlsDir, isFile(path.join(tlsDir, 'ca.pem')), !skipTlsVerify);
}

function formatHost(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}

function tcpEndpoint(
	host: string,
	port: number | undefined,
	tls: TlsFiles | undefined,
	source: EndpointSource,
): Endpoint {
	const resolvedPort = port ?? (tls === undefined ? 2375 : 2376);
	return {
		kind: 'tcp',
		host,
		port: resolvedPort,
		...(tls === undefined ? {} : {tls}),
		url: `tcp://${formatHost(host)}:${resolvedPort}`,
		source,
	};
}

function endpointFromHost(
	raw: string,
	origin: HostOrigin,
	settings: Settings,
): Endpoint {
	const address = parseAddress(raw, origin);
	const source = originSource(origin);
	switch (address.kind) {
		case 'unix': {
			return {
				kind: 'unix',
				socketPath: address.socketPath,
				url: `unix://${address.socketPath}`,
				source,
			};
		}

		case 'tcp': {
			const tls =
				origin.kind === 'context'
					? contextTls(origin.tlsDir, origin.skipTlsVerify, address.isHttps)
					: origin.kind === 'entry'
						? (origin.tls ?? (address.isHttps ? {verify: true} : undefined))
						: envTls(settings, address.isHttps);
			return tcpEndpoint(address.host, address.port, tls, source);
		}

		case 'ssh': {
			const {port, username} = address;
			const user = username === undefined ? '' : `${username}@`;
			return {
				kind: 'ssh',
				host: address.host,
				...(port === undefined ? {} : {port}),
				...(username === undefined ? {} : {username}),
				url: `ssh://${user}${formatHost(address.host)}${port === undefined ? '' : `:${port}`}`,
				source,
			};
		}
	}
}

/** The docker CLI's default context: DOCKER_HOST if set, else the local socket, or `tcp://localhost:2376` when the env asks for TLS. */
function defaultContextEndpoint(settings: Settings): Endpoint {
	const envHost = nonEmpty(settings.env['DOCKER_HOST']);
	if (envHost !== undefined) {
		return endpointFromHost(envHost, {kind: 'env'}, settings);
	}

	const tls = envTls(settings, false);
	if (tls !== undefined) {
		return tcpEndpoint('localhost', undefined, tls, {kind: 'default'});
	}

	// Without a Docker engine here, Podman's Docker-compatible socket is the engine there is.
	const socketPath =
		[defaultSocketPath, ...podmanSockets(settings.env)].find(file =>
			settings.isSocket(file),
		) ?? defaultSocketPath;
	return {
		kind: 'unix',
		socketPath,
		url: `unix://${socketPath}`,
		source: {kind: 'default'},
	};
}

/** Where Podman's service listens: the user's own (rootless), then the system's. */
function podmanSockets(
	env: Readonly<Record<string, string | undefined>>,
): string[] {
	const runtimeDir = nonEmpty(env['XDG_RUNTIME_DIR']);
	return [
		...(runtimeDir === undefined
			? []
			: [path.join(runtimeDir, 'podman', 'podman.sock')]),
		'/run/podman/podman.sock',
	];
}

function readCurrentContext(configPath: string): string | undefined {
	try {
		const config: unknown = JSON.parse(readFileSync(configPath, 'utf8'));
		// A broken config.json is the docker CLI's problem to report; here it just means "no current context".
		return isObject(config) && typeof config['currentContext'] === 'string'
			? nonEmpty(config['currentContext'])
			: undefined;
	} catch {
		return undefined;
	}
}

function readContextMeta(
	metaPath: string,
	name: string,
	namedBy: string,
): unknown {
	let text: string;
	try {
		text = readFileSync(metaPath, 'utf8');
	} catch (error) {
		const code = errorCode(error);
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			throw new EndpointError(
				`context "${name}" not found (named by ${namedBy}, looked in ${path.dirname(path.dirname(metaPath))})`,
			);
		}

		throw new EndpointError(
			`cannot read context "${name}": ${code ?? 'error'} on ${metaPath}`,
		);
	}

	try {
		return JSON.parse(text);
	} catch (error) {
		const reason =
			error instanceof Error ? firstLine(error.message) : 'invalid JSON';
		throw new EndpointError(
			`context "${name}" has a malformed ${metaPath}: ${reason}`,
		);
	}
}

function endpointFromContext(
	name: string,
	from: ContextOrigin,
	settings: Settings,
	configPath: string,
): Endpoint {
	if (name === defaultContextName) {
		return defaultContextEndpoint(settings);
	}

	const namedBy = {
		flag: '--context',
		env: 'DOCKER_CONTEXT',
		config: `currentContext in ${configPath}`,
	}[from];
	// The context store keys folders by the sha256 of the name, so any name is safe to put in a path.
	const id = createHash('sha256').update(name).digest('hex');
	const metaPath = path.join(
		settings.configDir,
		'contexts',
		'meta',
		id,
		'meta.json',
	);
	const meta = readContextMeta(metaPath, name, namedBy);
	const endpoints = isObject(meta) ? meta['Endpoints'] : undefined;
	const docker = isObject(endpoints) ? endpoints['docker'] : undefined;
	if (!isObject(docker)) {
		throw new EndpointError(
			`context "${name}" has no docker endpoint (in ${metaPath})`,
		);
	}

	const host = docker['Host'] ?? '';
	const skipTlsVerify = docker['SkipTLSVerify'] ?? false;
	if (typeof host !== 'string' || typeof skipTlsVerify !== 'boolean') {
		throw new EndpointError(
			`context "${name}" has a malformed ${metaPath}: Host must be a string and SkipTLSVerify a boolean`,
		);
	}

	const origin: HostOrigin = {
		kind: 'context',
		name,
		from,
		tlsDir: path.join(settings.configDir, 'contexts', 'tls', id, 'docker'),
		skipTlsVerify,
	};
	// The docker client falls back to its default socket when a context has an empty host.
	return endpointFromHost(
		host === '' ? `unix://${defaultSocketPath}` : host,
		origin,
		settings,
	);
}

/** The docker CLI's config folder: `$DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(
	env: Readonly<Record<string, string | undefined>>,
	homeDir: string,
): string {
	return nonEmpty(env['DOCKER_CONFIG']) ?? path.join(homeDir, '.docker');
}

function settingsOf(input: ResolveEndpointInput): Settings {
	return {
		env: input.env,
		configDir: dockerConfigDir(input.env, input.homeDir),
		isSocket: input.isSocket ?? isSocketFile,
	};
}

/** A host from dockmate's config file: a name, an address, and for tcp:// its TLS folder. */
export type HostEntry = {
	readonly name: string;
	readonly host: string;
	/** The folder with `ca.pem`, `cert.pem` and `key.pem`, as DOCKER_CERT_PATH; `~/` is the home folder. */
	readonly certPath?: string;
	/** Check the engine's certificate against `ca.pem`; true unless told. */
	readonly tlsVerify?: boolean;
};

/**
 * The endpoint of a host entry. A `certPath` turns TLS on, as DOCKER_CERT_PATH with
 * DOCKER_TLS_VERIFY does; the environment's DOCKER_* variables play no part.
 */
export function resolveHostEntry(
	entry: HostEntry,
	input: Omit<ResolveEndpointInput, 'host' | 'context'>,
): Endpoint {
	const settings = settingsOf(input);
	const verify = entry.tlsVerify ?? true;
	let tls: TlsFiles | undefined;
	if (entry.certPath !== undefined) {
		const folder = entry.certPath.replace(/^~(?=\/|$)/, input.homeDir);
		const hasCa = isFile(path.join(folder, 'ca.pem'));
		if (verify && !hasCa) {
			throw new EndpointError(
				`host "${entry.name}": ${path.join(folder, 'ca.pem')} does not exist (certPath names the folder with ca.pem, cert.pem and key.pem; "tlsVerify": false skips the check)`,
			);
		}

		tls = tlsFiles(folder, hasCa, verify);
	}

	return endpointFromHost(
		entry.host,
		{kind: 'entry', name: entry.name, tls},
		settings,
	);
}

/**
 * Picks the engine the docker CLI would talk to: `--context`, then `--host`, `DOCKER_HOST`, `DOCKER_CONTEXT`,
 * `currentContext` in `$DOCKER_CONFIG/config.json`, then the local socket (docker/cli `resolveContextName`).
 * Reads the context store synchronously; throws {@link EndpointError} when the settings are wrong.
 */
export function resolveEndpoint(input: ResolveEndpointInput): Endpoint {
	const {env} = input;
	const context = nonEmpty(input.context);
	if (context !== undefined && input.host !== undefined) {
		throw new EndpointError(
			'conflicting options: either specify --host or --context, not both',
		);
	}

	const settings = settingsOf(input);
	const configPath = path.join(settings.configDir, 'config.json');
	if (context !== undefined) {
		return endpointFromContext(context, 'flag', settings, configPath);
	}

	if (input.host !== undefined) {
		return endpointFromHost(input.host, {kind: 'flag'}, settings);
	}

	// DOCKER_HOST beats DOCKER_CONTEXT and config.json so that scripts written before contexts keep working.
	if (nonEmpty(env['DOCKER_HOST']) !== undefined) {
		return defaultContextEndpoint(settings);
	}

	const envContext = nonEmpty(env['DOCKER_CONTEXT']);
	if (envContext !== undefined) {
		return endpointFromContext(envContext, 'env', settings, configPath);
	}

	const currentContext = readCurrentContext(configPath);
	if (currentContext !== undefined) {
		return endpointFromContext(currentContext, 'config', settings, configPath);
	}

	return defaultContextEndpoint(settings);
}

/** A short name for the header: `ctx prod (tcp://10.0.0.5:2376)` for a context, `prod (…)` for a host entry, else the url. */
export function describeEndpoint(endpoint: Endpoint): string {
	switch (endpoint.source.kind) {
		case 'context': {
			return `ctx ${endpoint.source.contextName} (${endpoint.url})`;
		}

		case 'host': {
			return `${endpoint.source.name} (${endpoint.url})`;
		}

		case 'flag':
		case 'env':
		case 'default': {
			return endpoint.url;
		}
	}
}
