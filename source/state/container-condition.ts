import type {
	ContainerState,
	ContainerSummary,
} from '../docker/docker-client.js';

/**
 * What a container's state glyph says: its state, refined where the state alone hides trouble.
 * A running container may be `starting` or `unhealthy` by its health check; an exited one ended
 * well (`exited`, code 0), failed (`failed`, codes 1–128), was killed by a signal (`killed`,
 * codes above 128: `docker kill`, a stop that timed out) or by the kernel for want of memory
 * (`oom-killed`).
 */
export type Condition =
	| Exclude<ContainerState, 'exited'>
	| 'starting'
	| 'unhealthy'
	| 'exited'
	| 'failed'
	| 'killed'
	| 'oom-killed';

/** What a condition is read from: the list's status text, or inspect's fields. */
export type ConditionFacts = {
	readonly state: ContainerState;
	readonly exitCode: number | undefined;
	readonly health: string | undefined;
	readonly oomKilled: boolean;
};

const exitPattern = /^Exited \((-?\d+)\)/;
const healthPattern = /\((healthy|unhealthy|health: starting)\)/;

/** The exit code in a list status (`Exited (137) 2 hours ago`). */
export function exitCodeOf(status: string): number | undefined {
	const match = exitPattern.exec(status);
	return match === null ? undefined : Number(match[1]);
}

/** The health check's verdict in a list status (`Up 3 minutes (unhealthy)`). */
export function healthOf(status: string): string | undefined {
	const verdict = healthPattern.exec(status)?.[1];
	return verdict === 'health: starting' ? 'starting' : verdict;
}

/** The code the engine gives a container the kernel killed for memory: SIGKILL's. */
export const oomExitCode = 137;

/** The condition of a container, from what is known of it. */
export function conditionOf(facts: ConditionFacts): Condition {
	if (facts.state === 'running') {
		return facts.health === 'unhealthy'
			? 'unhealthy'
			: facts.health === 'starting'
				? 'starting'
				: 'running';
	}

	if (facts.state !== 'exited') {
		return facts.state;
	}

	const code = facts.exitCode ?? 0;
	if (facts.oomKilled) {
		return 'oom-killed';
	}

	return code === 0 ? 'exited' : code > 128 ? 'killed' : 'failed';
}

/**
 * The condition of a listed container. The list does not say whether the OOM killer ended it;
 * inspect does, and `isOomKilled` is what it said (see runtime/oom-probe.ts).
 */
export function containerCondition(
	container: ContainerSummary,
	isOomKilled: boolean,
): Condition {
	const exitCode = exitCodeOf(container.status);
	return conditionOf({
		state: container.state,
		exitCode,
		health: healthOf(container.status),
		oomKilled: isOomKilled && exitCode === oomExitCode,
	});
}

/** Conditions that mean something went wrong, worst first. */
const troubles: readonly Condition[] = [
	'oom-killed',
	'unhealthy',
	'failed',
	'killed',
	'dead',
];

/** The worst trouble among `conditions`, if any: what a compose project's glyph shows. */
export function worstTrouble(
	conditions: readonly Condition[],
): Condition | undefined {
	return troubles.find(trouble => conditions.includes(trouble));
}
