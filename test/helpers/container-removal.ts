/** Runs `count` jobs, at most `limit` at once, in order of index. */
export async function inBatches(
	count: number,
	limit: number,
	job: (index: number) => Promise<unknown>,
): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count) {
			const index = next++;
			await job(index);
		}
	};

	await Promise.all(
		Array.from({length: Math.min(limit, count)}, async () => worker()),
	);
}

/** The docker CLI of one engine, throwing unless it exits 0. */
type DockerOk = (
	args: readonly string[],
	options?: {readonly timeoutMs?: number},
) => Promise<string>;

/**
 * Force-removes `ids`, with their anonymous volumes, 10 per `docker rm` and 3 calls at once. The
 * engine kills and removes containers largely one at a time: more calls at once only queue up
 * inside it, and one call of 20 overran two minutes on a slow machine with 100 running.
 * `timeoutMs` bounds each call.
 */
export async function removeContainers(
	dockerOk: DockerOk,
	ids: readonly string[],
	timeoutMs = 120_000,
): Promise<void> {
	const chunk = 10;
	await inBatches(Math.ceil(ids.length / chunk), 3, async index =>
		dockerOk(
			[
				'rm',
				'--force',
				'--volumes',
				...ids.slice(index * chunk, (index + 1) * chunk),
			],
			{timeoutMs},
		),
	);
}
