import {inBatches} from '../test/helpers/container-removal.js';
import {removeLabelled} from '../test/helpers/e2e-containers.js';
import {
	e2eLabel,
	type ThrowawayDaemon,
} from '../test/helpers/throwaway-daemon.js';

/** The label value of every bench container; `stop()` removes them with the daemon. */
export const benchLabel = `${e2eLabel}=bench`;

/**
 * docker CLI calls at once: dockerd serialises much of container creation, so more than this
 * only queues up (8 and 16 took about as long as 4 in a trial, ~70 ms a container).
 */
const concurrency = 8;

/** How many containers of `total` burn CPU. */
export function burnerCount(total: number): number {
	return Math.max(1, Math.floor(total / 50));
}

/**
 * The `--cpus` of each burner: 0.5 at most, and all of them together no more than `budget`
 * cores, so that the machine keeps a core for dockmate and the daemon.
 */
export function cpusPerBurner(burners: number, budget: number): number {
	// docker accepts a quota down to 1 ms per 100 ms period.
	return Math.max(
		0.01,
		Math.min(0.5, Math.floor((budget / burners) * 100) / 100),
	);
}

export function containerName(index: number): string {
	return `bench-${String(index).padStart(4, '0')}`;
}

/** The sleeper that sorts last by name in a fleet of `total`: the bottom of a list sorted by CPU. */
export function lastSleeper(total: number): string {
	return containerName(total - burnerCount(total) - 1);
}

export function burnerName(index: number): string {
	return `bench-burn-${String(index).padStart(2, '0')}`;
}

/** What the daemon runs now; filled in as {@link scaleFleet} goes. */
export type Fleet = {
	sleepers: number;
	burners: number;
};

/**
 * Adds running containers until there are `total`, `burnerCount(total)` of them burning CPU, and
 * gives every burner `cpus`. Only ever adds: sizes are measured from small to large.
 * @returns how long it took, in ms.
 */
export async function scaleFleet(
	daemon: ThrowawayDaemon,
	fleet: Fleet,
	options: {
		readonly image: string;
		readonly total: number;
		readonly cpus: number;
	},
): Promise<number> {
	const started = performance.now();
	const burners = burnerCount(options.total);
	const sleepers = options.total - burners;
	const run = async (name: string, args: readonly string[]): Promise<void> => {
		await daemon.dockerOk([
			'run',
			'--detach',
			'--name',
			name,
			'--label',
			benchLabel,
			...args,
		]);
	};

	const firstNewBurner = fleet.burners;
	await inBatches(burners - fleet.burners, concurrency, async index =>
		run(burnerName(firstNewBurner + index), [
			'--cpus',
			String(options.cpus),
			options.image,
			'sh',
			'-c',
			'while :; do :; done',
		]),
	);
	// Burners made for a smaller size get the share of the new count.
	await inBatches(firstNewBurner, concurrency, async index =>
		daemon.dockerOk([
			'update',
			'--cpus',
			String(options.cpus),
			burnerName(index),
		]),
	);
	fleet.burners = burners;
	const firstNewSleeper = fleet.sleepers;
	await inBatches(sleepers - fleet.sleepers, concurrency, async index =>
		run(containerName(firstNewSleeper + index), [
			options.image,
			'sleep',
			'100000',
		]),
	);
	fleet.sleepers = Math.max(fleet.sleepers, sleepers);
	return performance.now() - started;
}

/**
 * Runs `count` containers that each burn a hundredth of a core, so that their CPU figures change
 * with every sample. Named `tick-NN`, labelled as the fleet, and removed with it.
 */
export async function createTicking(
	daemon: ThrowawayDaemon,
	image: string,
	count: number,
): Promise<void> {
	await inBatches(count, concurrency, async index =>
		daemon.dockerOk([
			'run',
			'--detach',
			'--name',
			`tick-${String(index).padStart(2, '0')}`,
			'--label',
			benchLabel,
			'--cpus',
			'0.01',
			image,
			'sh',
			'-c',
			'while :; do :; done',
		]),
	);
}

/**
 * Removes every bench container, several `docker rm` calls at once: `stop()` removes them all in
 * one call with a 30 s deadline, which 300 containers can overrun.
 */
export async function removeFleet(daemon: ThrowawayDaemon): Promise<void> {
	await removeLabelled(daemon, benchLabel);
}
