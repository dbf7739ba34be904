import type {ExecSession} from './docker-client.js';

/** The container calls `docker run -it` makes after creating the container, as dockerode offers them. */
export type AttachApi = {
	attach(options: {
		readonly stream: true;
		readonly stdin: true;
		readonly stdout: true;
		readonly stderr: true;
		readonly hijack: true;
	}): Promise<NodeJS.ReadWriteStream>;
	start(): Promise<unknown>;
	resize(options: {readonly h: number; readonly w: number}): Promise<unknown>;
	wait(options: {
		readonly condition: 'next-exit';
		readonly abortSignal: AbortSignal;
	}): Promise<{readonly StatusCode?: number}>;
};

/**
 * How long after its TTY closes a container may take to be reported as exited. The engine closes
 * the attach stream as the process ends, a moment before it records the exit; a container still
 * running after this was detached from and runs on. (A detach typed in dockmate is known at once,
 * see runtime/exec-session.ts, and does not wait for this.)
 */
const exitGraceMs = 2000;

/**
 * Attaches to a created container's TTY, waits for its exit and starts it, in `docker run -it`'s
 * order: nothing it prints early is missed, and an exit right after starting is still seen.
 */
export async function startAttached(
	container: AttachApi,
	size: {readonly columns: number; readonly rows: number},
	fail: (error: unknown) => never,
): Promise<ExecSession> {
	const stream = await container
		.attach({
			stream: true,
			stdin: true,
			stdout: true,
			stderr: true,
			hijack: true,
		})
		.catch(fail);
	const waiting = new AbortController();
	const exited = container
		.wait({condition: 'next-exit', abortSignal: waiting.signal})
		.then(
			answer =>
				typeof answer.StatusCode === 'number' ? answer.StatusCode : undefined,
			() => undefined,
		);
	try {
		await container.start();
	} catch (error) {
		waiting.abort();
		(stream as {destroy?: () => void}).destroy?.();
		return fail(error);
	}

	const resize = async (columns: number, rows: number): Promise<void> => {
		await container.resize({h: rows, w: columns}).catch(() => undefined);
	};

	await resize(size.columns, size.rows);
	return {
		stream,
		resize,
		async exitCode() {
			let timer: NodeJS.Timeout | undefined;
			const detached = new Promise<undefined>(resolve => {
				timer = setTimeout(() => {
					resolve(undefined);
				}, exitGraceMs);
			});
			try {
				return await Promise.race([exited, detached]);
			} finally {
				clearTimeout(timer);
				waiting.abort();
			}
		},
	};
}
