import type {Readable} from 'node:stream';
import type {PullEvent} from './docker-client.js';
import type {DockerErrorCode} from './error-code.js';
import {DockerError, toDockerError} from './errors.js';
import {definedOf, followJsonLines} from './json-lines.js';
import {parseReference, registryOf} from '../format/image-reference.js';
import {sanitize} from './sanitize.js';

/** A pull the engine refused or gave up on: what went wrong in plain words, and the engine's own message. */
export class RegistryError extends DockerError {
	constructor(
		code: DockerErrorCode,
		message: string,
		/** The engine's message, word for word (cleaned of control characters). */
		readonly engineMessage: string,
		hint?: string,
	) {
		super(code, message, hint);
	}
}

type Diagnosis = {
	readonly pattern: RegExp;
	readonly code: DockerErrorCode;
	readonly message: (registry: string, reference: string) => string;
	readonly hint?: string;
};

/** What the engine's registry errors mean, most specific first. */
const diagnoses: readonly Diagnosis[] = [
	{
		pattern: /connection refused/i,
		code: 'unreachable',
		message: registry =>
			`cannot reach the registry ${registry}: connection refused`,
		hint: 'is a registry running at that address?',
	},
	{
		pattern: /no such host|server misbehaving/i,
		code: 'unreachable',
		message: registry => `unknown registry host ${registry}`,
		hint: 'check the registry name',
	},
	{
		pattern: /timeout|timed out|deadline exceeded/i,
		code: 'timeout',
		message: registry => `the registry ${registry} did not answer in time`,
	},
	{
		pattern: /network is unreachable|no route to host/i,
		code: 'unreachable',
		message: registry => `no route to the registry ${registry}`,
	},
	{
		pattern: /server gave HTTP response to HTTPS client/i,
		code: 'unreachable',
		message: registry => `the registry ${registry} speaks plain HTTP`,
		hint: 'add it to "insecure-registries" in the engine\'s daemon.json',
	},
	{
		pattern: /x509|certificate/i,
		code: 'unreachable',
		message: registry =>
			`the registry ${registry} has a certificate the engine does not trust`,
	},
	{
		pattern:
			/pull access denied|unauthorized|authentication required|no basic auth credentials|denied/i,
		code: 'permission-denied',
		message: (_registry, reference) =>
			`access denied to ${reference}: it does not exist, or the registry wants a login`,
		hint: 'dockmate pulls without credentials: for a private image, run docker pull after docker login',
	},
	{
		pattern: /manifest unknown|not found|no such image/i,
		code: 'not-found',
		message: (registry, reference) =>
			`no image ${reference} in the registry ${registry}`,
		hint: 'check the name and the tag',
	},
];

/** Turns the engine's message about a failed pull into a {@link RegistryError}. */
export function registryError(
	engineMessage: string,
	reference: string,
): RegistryError {
	const text = sanitize(engineMessage).trim();
	const parsed = parseReference(reference);
	const registry = 'problem' in parsed ? 'docker.io' : registryOf(parsed);
	const diagnosis = diagnoses.find(candidate => candidate.pattern.test(text));
	return diagnosis === undefined
		? new RegistryError('server', `pulling ${reference} failed`, text)
		: new RegistryError(
				diagnosis.code,
				diagnosis.message(registry, reference),
				text,
				diagnosis.hint,
			);
}

/** Whether `error` is an answer of the engine (an HTTP status), not a failure to reach the engine. */
export function isEngineAnswer(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		'statusCode' in error &&
		typeof error.statusCode === 'number'
	);
}

/** The engine's message in an error line of a progress stream, if `raw` is one. */
export function streamError(raw: unknown): string | undefined {
	if (typeof raw !== 'object' || raw === null) {
		return undefined;
	}

	if ('errorDetail' in raw && typeof raw.errorDetail === 'object') {
		const detail = raw.errorDetail;
		if (
			detail !== null &&
			'message' in detail &&
			typeof detail.message === 'string'
		) {
			return detail.message;
		}
	}

	return 'error' in raw && typeof raw.error === 'string'
		? raw.error
		: undefined;
}

function count(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0
		? value
		: undefined;
}

/** One message of `POST /images/create`; undefined for one that says nothing (no status). */
export function toPullEvent(raw: unknown): PullEvent | undefined {
	if (
		typeof raw !== 'object' ||
		raw === null ||
		!('status' in raw) ||
		typeof raw.status !== 'string'
	) {
		return undefined;
	}

	const status = sanitize(raw.status).trim();
	const id = 'id' in raw && typeof raw.id === 'string' ? sanitize(raw.id) : '';
	// "Pulling from library/busybox" carries the tag as its id: a line about the pull, not a layer.
	if (id === '' || status.startsWith('Pulling from')) {
		return {kind: 'status', text: id === '' ? status : `${status} (${id})`};
	}

	const detail =
		'progressDetail' in raw &&
		typeof raw.progressDetail === 'object' &&
		raw.progressDetail !== null
			? (raw.progressDetail as {current?: unknown; total?: unknown})
			: {};
	return {
		kind: 'layer',
		id,
		status,
		current: count(detail.current),
		total: count(detail.total),
	};
}

/**
 * Follows a pull's progress stream until it ends. An error line ends it with a
 * {@link RegistryError}; a broken stream with what `fail` makes of it, unless the signal aborted.
 */
export async function* followPull(
	stream: Readable,
	reference: string,
	signal: AbortSignal,
	fail: (error: unknown) => never,
): AsyncGenerator<PullEvent> {
	yield* followJsonLines(stream, signal, fail, {
		each(raw) {
			const failure = streamError(raw);
			if (failure !== undefined) {
				throw registryError(failure, reference);
			}

			return definedOf(toPullEvent)(raw);
		},
		isOwn: error => error instanceof RegistryError,
	});
}

/** The Engine API's parameters for pulling `reference`: a name, and a tag or digest (`latest` if none). */
export function pullParameters(reference: string): {
	readonly fromImage: string;
	readonly tag: string;
} {
	const parsed = parseReference(reference);
	if ('problem' in parsed) {
		throw new DockerError('bad-request', parsed.problem);
	}

	return {
		fromImage: parsed.name,
		tag: parsed.digest ?? parsed.tag ?? 'latest',
	};
}

/** The image create call a pull makes, as dockerode offers it. */
export type PullApi = {
	createImage(options: {
		readonly fromImage: string;
		readonly tag: string;
		readonly abortSignal: AbortSignal;
	}): Promise<Readable>;
};

/** Pulls `reference` and follows its progress, as `DockerClient.pullImage` promises. */
export async function* pullImage(
	api: PullApi,
	reference: string,
	signal: AbortSignal,
	fail: (error: unknown) => never,
): AsyncGenerator<PullEvent> {
	const stream = await api
		.createImage({...pullParameters(reference), abortSignal: signal})
		.catch((error: unknown) => {
			// The engine answers at once when it cannot even start (no such registry host, say).
			throw isEngineAnswer(error)
				? registryError(toDockerError(error, '').message, reference)
				: fail(error);
		});
	yield* followPull(stream, reference, signal, fail);
}
