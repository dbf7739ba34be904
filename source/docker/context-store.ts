import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {EndpointError, nonEmpty} from './endpoint-error.js';
import {isObject} from './json.js';

// The docker CLI's context store, read as the CLI reads it: config.json's currentContext and each
// context's meta.json under ~/.docker/contexts (or $DOCKER_CONFIG).

/** Where a context's name came from, for error messages and the header. */
export type ContextOrigin = 'flag' | 'env' | 'config';

/** A context's docker endpoint as the context store holds it. */
export type StoredContext = {
	/** The engine's address; empty means the default socket. */
	readonly host: string;
	readonly skipTlsVerify: boolean;
	/** The folder of the context's TLS files. */
	readonly tlsDir: string;
};

function firstLine(text: string): string {
	return (text.split('\n')[0] ?? '').trim();
}

function errorCode(error: unknown): string | undefined {
	return isObject(error) && typeof error['code'] === 'string'
		? error['code']
		: undefined;
}

/** The current context that the docker CLI's config.json names, if any. */
export function readCurrentContext(configPath: string): string | undefined {
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

/**
 * Reads context `name` from the docker CLI's context store in `configDir` (meta.json under the
 * sha256 of the name); `from` and `configPath` say what named it, for the messages.
 */
export function readStoredContext(
	name: string,
	from: ContextOrigin,
	configDir: string,
	configPath: string,
): StoredContext {
	const namedBy = {
		flag: '--context',
		env: 'DOCKER_CONTEXT',
		config: `currentContext in ${configPath}`,
	}[from];
	// The context store keys folders by the sha256 of the name, so any name is safe to put in a path.
	const id = createHash('sha256').update(name).digest('hex');
	const metaPath = path.join(configDir, 'contexts', 'meta', id, 'meta.json');
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

	return {
		host,
		skipTlsVerify,
		tlsDir: path.join(configDir, 'contexts', 'tls', id, 'docker'),
	};
}
