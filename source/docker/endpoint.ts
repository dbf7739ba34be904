import {statSync} from 'node:fs';
import path from 'node:path';
import {
	readCurrentContext,
	readStoredContext,
	type ContextOrigin,
} from './context-store.js';
import {formatHost, parseAddress, type HostOrigin} from './endpoint-address.js';
import {EndpointError, nonEmpty} from './endpoint-error.js';
import {
	contextTls,
	envTls,
	isFile,
	tlsFiles,
	type TlsFiles,
} from './endpoint-tls.js';

// The address parser, the TLS files and the context store live in modules of their own; this
// one applies the docker CLI's rules of precedence over them.
export {EndpointError} from './endpoint-error.js';
export type {ContextOrigin} from './context-store.js';
export type {TlsFiles} from './endpoint-tls.js';

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

const defaultSocketPath = '/var/run/docker.sock';
const defaultContextName = 'default';

type Settings = {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly configDir: string;
	readonly isSocket: (path: string) => boolean;
};

function isSocketFile(filePath: string): boolean {
	try {
		return statSync(filePath).isSocket();
	} catch {
		return false;
	}
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

function endpointFromContext(
	name: string,
	from: ContextOrigin,
	settings: Settings,
	configPath: string,
): Endpoint {
	if (name === defaultContextName) {
		return defaultContextEndpoint(settings);
	}

	const context = readStoredContext(name, from, settings.configDir, configPath);
	const origin: HostOrigin = {
		kind: 'context',
		name,
		from,
		tlsDir: context.tlsDir,
		skipTlsVerify: context.skipTlsVerify,
	};
	// The docker client falls back to its default socket when a context has an empty host.
	return endpointFromHost(
		context.host === '' ? `unix://${defaultSocketPath}` : context.host,
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
	/** In a fleet: refuse every action that changes this engine. */
	readonly readOnly?: boolean;
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
