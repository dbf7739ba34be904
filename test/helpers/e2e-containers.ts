import {e2eLabel, type ThrowawayDaemon} from './throwaway-daemon.js';

/** A container for {@link runLabelled}. */
export type LabelledRun = {
	readonly name: string;
	readonly image: string;
	/** `docker run` options, put before the image (e.g. `--memory 32m`). */
	readonly options?: readonly string[];
	/** What it runs; `sleep 600` unless told. */
	readonly command?: readonly string[];
};

/**
 * Runs a detached container on `daemon`, labelled with {@link e2eLabel} so that clean-up finds it.
 * @returns its ID.
 */
export async function runLabelled(
	daemon: ThrowawayDaemon,
	container: LabelledRun,
): Promise<string> {
	return daemon.dockerOk([
		'run',
		'--detach',
		'--name',
		container.name,
		'--label',
		`${e2eLabel}=1`,
		...(container.options ?? []),
		container.image,
		...(container.command ?? ['sleep', '600']),
	]);
}

/**
 * Creates, without starting it, a container of `image` on `daemon` that would run `true`,
 * labelled with {@link e2eLabel} so that clean-up finds it.
 * @returns its ID.
 */
export async function createLabelled(
	daemon: ThrowawayDaemon,
	container: {readonly name: string; readonly image: string},
): Promise<string> {
	return daemon.dockerOk([
		'create',
		'--name',
		container.name,
		'--label',
		`${e2eLabel}=1`,
		container.image,
		'true',
	]);
}

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

/**
 * Removes the containers labelled `label` (any {@link e2eLabel} value unless told), 20 per `docker rm`
 * and several calls at once: many containers in one call can overrun the CLI's deadline.
 */
export async function removeLabelled(
	daemon: ThrowawayDaemon,
	label = e2eLabel,
): Promise<void> {
	const ids = (
		await daemon.dockerOk([
			'ps',
			'--all',
			'--quiet',
			'--filter',
			`label=${label}`,
		])
	)
		.split('\n')
		.filter(Boolean);
	const chunk = 20;
	await inBatches(Math.ceil(ids.length / chunk), 8, async index =>
		daemon.dockerOk([
			'rm',
			'--force',
			...ids.slice(index * chunk, (index + 1) * chunk),
		]),
	);
}
