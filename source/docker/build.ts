import {Transform, type Readable} from 'node:stream';
import type {BuildEvent, BuildOptions} from './docker-client.js';
import {packBuildContext} from './build-context.js';
import {DockerError} from './errors.js';
import {followJsonLines} from './json-lines.js';
import {streamError} from './pull.js';
import {sanitize} from './sanitize.js';

/** Output text split into lines, holding back an unfinished last line until the rest of it arrives. */
export class LineSplitter {
	private pending = '';

	/** The complete lines in `text` and what came before it. */
	push(text: string): string[] {
		const lines = (this.pending + text).split(/\r?\n/);
		this.pending = lines.pop() ?? '';
		return lines;
	}

	/** The unfinished line, if any, once the output has ended. */
	flush(): string[] {
		const rest = this.pending;
		this.pending = '';
		return rest === '' ? [] : [rest];
	}
}

function output(lines: readonly string[]): BuildEvent[] {
	// A carriage return redraws a line in place (progress meters): only its last state is kept.
	return lines.map(line => ({
		kind: 'output',
		text: sanitize(line.slice(line.lastIndexOf('\r') + 1)),
	}));
}

/** What one message of `POST /build` says, given the lines still unfinished before it. */
export function toBuildEvents(raw: unknown, lines: LineSplitter): BuildEvent[] {
	if (typeof raw !== 'object' || raw === null) {
		return [];
	}

	if ('stream' in raw && typeof raw.stream === 'string') {
		return output(lines.push(raw.stream));
	}

	if ('status' in raw && typeof raw.status === 'string') {
		// Progress of a base image's pull during the build; one line per message.
		const id = 'id' in raw && typeof raw.id === 'string' ? `${raw.id}: ` : '';
		return output([...lines.flush(), `${id}${raw.status}`]);
	}

	if (
		'aux' in raw &&
		typeof raw.aux === 'object' &&
		raw.aux !== null &&
		'ID' in raw.aux &&
		typeof raw.aux.ID === 'string'
	) {
		return [{kind: 'image', id: sanitize(raw.aux.ID)}];
	}

	return [];
}

/**
 * Follows a build's output until it ends. An error line ends it with a {@link DockerError}
 * carrying the builder's message; a broken stream with what `fail` makes of it, unless the signal
 * aborted.
 */
export async function* followBuild(
	stream: Readable,
	signal: AbortSignal,
	fail: (error: unknown) => never,
): AsyncGenerator<BuildEvent> {
	const lines = new LineSplitter();
	yield* followJsonLines(stream, signal, fail, {
		*each(raw) {
			const failure = streamError(raw);
			if (failure !== undefined) {
				yield* output(lines.flush());
				throw new DockerError(
					'bad-request',
					sanitize(failure.split('\n')[0] ?? '').trim(),
				);
			}

			yield* toBuildEvents(raw, lines);
		},
		end: () => output(lines.flush()),
		isOwn: error => error instanceof DockerError,
	});
}

/** The build call, as dockerode offers it. */
export type BuildApi = {
	buildImage(
		context: Readable,
		options: {
			readonly dockerfile: string;
			readonly t?: string;
			readonly rm: true;
			readonly abortSignal: AbortSignal;
		},
	): Promise<Readable>;
};

/** Sends the context and follows the build, as `DockerClient.buildImage` promises. */
export async function* buildImage(
	api: BuildApi,
	options: BuildOptions,
	signal: AbortSignal,
	fail: (error: unknown) => never,
): AsyncGenerator<BuildEvent> {
	const context = packBuildContext(options.context, options.dockerfile);
	let sent = 0;
	const counted = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			sent += chunk.length;
			done(null, chunk);
		},
	});
	context.pipe(counted);
	// A file that cannot be read ends the upload: the build is called off and the reason told.
	const unreadable = new AbortController();
	let readError: Error | undefined;
	context.once('error', error => {
		readError = error;
		unreadable.abort();
	});
	const both = AbortSignal.any([signal, unreadable.signal]);
	try {
		const stream = await api
			.buildImage(counted, {
				dockerfile: options.dockerfile,
				...(options.tag === undefined ? {} : {t: options.tag}),
				rm: true,
				abortSignal: both,
			})
			.catch((error: unknown) => {
				if (readError === undefined && !signal.aborted) {
					fail(error);
				}

				return undefined;
			});
		if (stream !== undefined) {
			// The builder answers once it has the whole context.
			yield {kind: 'sent', bytes: sent};
			yield* followBuild(stream, both, fail);
		}
	} finally {
		context.destroy();
		counted.destroy();
	}

	if (readError !== undefined) {
		throw new DockerError(
			'bad-request',
			`cannot read the build context: ${sanitize(readError.message)}`,
		);
	}
}
