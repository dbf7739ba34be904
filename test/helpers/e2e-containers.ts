import {inBatches, removeContainers} from './container-removal.js';
import {e2eLabel, type ThrowawayDaemon} from './throwaway-daemon.js';

/**
 * BusyBox's `sleep` as PID 1 ignores SIGTERM, so the engine stops it by killing it after its stop
 * timeout: 1 s here rather than the engine's 10 s, which every stop and restart would wait out.
 */
export const quickStop = ['--stop-timeout', '1'] as const;

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
		...quickStop,
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

/**
 * Runs many containers of `image` (`sleep 600` unless told), without a network, named by
 * `nameOf(index)` and labelled `label`: created a few at a time (what the engine serialises), then
 * started 20 ids per call.
 */
export async function runMany(
	daemon: ThrowawayDaemon,
	options: {
		readonly count: number;
		readonly image: string;
		readonly nameOf: (index: number) => string;
		readonly label?: string;
		readonly command?: readonly string[];
	},
): Promise<void> {
	const ids: string[] = [];
	await inBatches(options.count, 6, async index => {
		ids.push(
			await daemon.dockerOk([
				'create',
				'--name',
				options.nameOf(index),
				'--label',
				options.label ?? `${e2eLabel}=1`,
				'--network',
				'none',
				...quickStop,
				options.image,
				...(options.command ?? ['sleep', '600']),
			]),
		);
	});
	// As for removing: many ids in one call can overrun the CLI's deadline on a busy machine.
	const chunk = 20;
	await inBatches(Math.ceil(ids.length / chunk), 3, async batch =>
		daemon.dockerOk([
			'start',
			...ids.slice(batch * chunk, (batch + 1) * chunk),
		]),
	);
}

/** Removes the containers labelled `label` (any {@link e2eLabel} value unless told). */
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
	await removeContainers(daemon.dockerOk.bind(daemon), ids);
}
