import {sanitize} from './sanitize.js';
import {withShortIds} from '../format/units.js';
import type {DockerErrorCode} from './error-code.js';
import {describeTlsFailure} from './tls-errors.js';

/** An error from the Docker access layer; `message` is one line fit for the status bar or stderr. */
export class DockerError extends Error {
	override readonly name = 'DockerError';

	constructor(
		readonly code: DockerErrorCode,
		message: string,
		readonly hint?: string,
	) {
		super(message);
	}
}

/** What an error says, whatever was thrown. */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

type RawError = {
	readonly code?: unknown;
	readonly errno?: unknown;
	readonly statusCode?: unknown;
	readonly json?: unknown;
	readonly message?: unknown;
	readonly reason?: unknown;
};

const socketHints: Readonly<
	Record<string, {code: DockerErrorCode; text: string; hint?: string}>
> = {
	ENOENT: {
		code: 'unreachable',
		text: 'no such file',
		hint: 'is the Docker daemon running? Start it, or pass --host / set DOCKER_HOST',
	},
	ECONNREFUSED: {
		code: 'unreachable',
		text: 'connection refused',
		hint: 'is the Docker daemon running and listening there?',
	},
	EACCES: {
		code: 'permission-denied',
		text: 'permission denied',
		hint: 'add your user to the "docker" group (then log in again), or run with sudo',
	},
	EPERM: {
		code: 'permission-denied',
		text: 'permission denied',
		hint: 'check the permissions of the socket',
	},
	ENOTFOUND: {
		code: 'unreachable',
		text: 'unknown host',
		hint: 'check the host name in --host / DOCKER_HOST',
	},
	EAI_AGAIN: {
		code: 'unreachable',
		text: 'host name lookup failed',
		hint: 'check the host name and your DNS',
	},
	ETIMEDOUT: {
		code: 'timeout',
		text: 'timed out',
		hint: 'is the host reachable?',
	},
	EHOSTUNREACH: {code: 'unreachable', text: 'host unreachable'},
	ECONNRESET: {code: 'unreachable', text: 'connection reset by the engine'},
	EPIPE: {code: 'unreachable', text: 'connection closed by the engine'},
	ENOTSOCK: {code: 'unreachable', text: 'not a socket'},
};

const statusCodes: Readonly<Record<number, DockerErrorCode>> = {
	400: 'bad-request',
	403: 'permission-denied',
	404: 'not-found',
	409: 'conflict',
	500: 'server',
};

/** The first line of an answer, sanitised and with the engine's full ids cut short: the engine's
 * words reach the status line. */
function firstLine(text: string): string {
	return withShortIds(sanitize(text.split('\n')[0] ?? '')).trim();
}

/**
 * A body that is a web page (a proxy's or web server's error page), which must never be shown as a
 * message: it says nothing and may fill the screen.
 */
function isMarkup(text: string): boolean {
	return /^\s*</.test(text);
}

/**
 * The engine's message in a refused streaming request (pull, build): docker-modem leaves the body
 * out of `json` then, and puts it in its own message, `(HTTP code 500) server error - …`.
 */
function streamedAnswer(raw: RawError): string | undefined {
	const cause =
		typeof raw.message === 'string'
			? /^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(raw.message)?.[1]?.trim()
			: undefined;
	return cause === undefined ||
		cause === '' ||
		cause === '[object Object]' ||
		isMarkup(cause)
		? undefined
		: cause;
}

function engineMessage(raw: RawError): string | undefined {
	const {json} = raw;
	if (
		json &&
		typeof json === 'object' &&
		'message' in json &&
		typeof json.message === 'string'
	) {
		return json.message;
	}

	if (typeof json === 'string' && json.trim() !== '' && !isMarkup(json)) {
		return json;
	}

	return undefined;
}

/**
 * Turns whatever dockerode or Node's sockets threw into a {@link DockerError}.
 * `endpoint` names where we tried to connect, so socket failures read like the docker CLI's.
 */
export function toDockerError(error: unknown, endpoint: string): DockerError {
	if (error instanceof DockerError) {
		return error;
	}

	const raw: RawError =
		typeof error === 'object' && error !== null
			? error
			: {message: String(error)};
	const errno = typeof raw.code === 'string' ? raw.code : undefined;
	const socket =
		describeTlsFailure(raw) ??
		(errno === undefined ? undefined : socketHints[errno]);
	if (socket) {
		return new DockerError(
			socket.code,
			`cannot connect to the Docker engine at ${endpoint}: ${socket.text}`,
			socket.hint,
		);
	}

	if (typeof raw.statusCode === 'number') {
		const message =
			engineMessage(raw) ??
			streamedAnswer(raw) ??
			(typeof raw.reason === 'string' ? raw.reason : `HTTP ${raw.statusCode}`);
		return new DockerError(
			statusCodes[raw.statusCode] ?? 'unknown',
			firstLine(message),
		);
	}

	const message =
		typeof raw.message === 'string' && raw.message !== ''
			? raw.message
			: String(error);
	return new DockerError('unknown', firstLine(`${endpoint}: ${message}`));
}

/**
 * Something answered HTTP at `endpoint`, but not as a Docker or Podman engine does (a registry, a
 * web server, a proxy): said as such, rather than with whatever page it sent.
 */
function notAnEngine(endpoint: string, answer: string): DockerError {
	return new DockerError(
		'not-an-engine',
		`${endpoint} answered, but it is not a Docker engine (${answer} for /_ping)`,
		"is that the engine's address and port? Something else (a registry, a web server) answers there",
	);
}

/**
 * Checks the answer of the engine's `/_ping`: Docker and Podman say `OK`; anything else answered
 * by something that is not an engine.
 */
export function checkPingAnswer(answer: unknown, endpoint: string): void {
	const text = Buffer.isBuffer(answer) ? answer.toString() : answer;
	if (typeof text !== 'string' || text.trim() !== 'OK') {
		throw notAnEngine(endpoint, 'an answer other than OK');
	}
}

/**
 * Like {@link toDockerError} for a failed `/_ping`: an HTTP error without the engine's JSON
 * message came from something that is not an engine (an engine answers `/_ping` with 200).
 */
export function toPingError(error: unknown, endpoint: string): DockerError {
	const raw: RawError =
		typeof error === 'object' &&
		error !== null &&
		!(error instanceof DockerError)
			? error
			: {};
	if (
		typeof raw.statusCode === 'number' &&
		engineMessage(raw) === undefined &&
		describeTlsFailure(raw) === undefined
	) {
		return notAnEngine(endpoint, `HTTP ${raw.statusCode}`);
	}

	return toDockerError(error, endpoint);
}
