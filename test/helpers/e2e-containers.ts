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
