import {isIPv6} from 'node:net';
import type {ContextOrigin} from './context-store.js';
import {EndpointError} from './endpoint-error.js';
import type {TlsFiles} from './endpoint-tls.js';

// Engine addresses as `--host`, DOCKER_HOST, a context or a host entry give them: parsed and
// checked, with messages that name where the address came from.

/** Where a host string came from; decides both the error wording and which TLS settings apply. */
export type HostOrigin =
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

/** A parsed address; `port` only where it names one. */
export type Address =
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

export function describeOrigin(origin: HostOrigin): {
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
export function parseAddress(raw: string, origin: HostOrigin): Address {
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

/** A host for a URL: an IPv6 address in brackets. */
export function formatHost(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}
