import type {
	ContainerAction,
	ContainerSummary,
} from '../docker/docker-client.js';
import type {AppState} from './app-state.js';
import {isLive} from './liveness.js';
import type {Target} from './confirmation.js';

/** The keys that start, stop, restart or pause what is marked (or selected). */
export type LifecycleKey = 'start-stop' | 'restart' | 'pause' | 'kill';

/** A container a lifecycle key leaves alone, and why, in a few words. */
export type LeftAsIs = {
	readonly target: Target;
	readonly why: string;
};

/** One action over some containers, and those left as they are. */
export type LifecyclePlan = {
	readonly action: ContainerAction;
	readonly targets: readonly Target[];
	readonly left: readonly LeftAsIs[];
};

/**
 * A container's state as a dialog names it: `running`, `paused`, `restarting`, `created`, `dead`,
 * `exited (137)`; never `running` for one that is paused.
 */
export function stateLabel(container: ContainerSummary): string {
	switch (container.state) {
		case 'exited': {
			const code = /^exited \((-?\d+)\)/i.exec(container.status)?.[1];
			return code === undefined ? 'exited' : `exited (${code})`;
		}

		case 'removing': {
			return 'being removed';
		}

		case 'running':
		case 'paused':
		case 'restarting':
		case 'created':
		case 'dead': {
			return container.state;
		}
	}
}

/** The target a lifecycle action or a confirm dialog names a container by. */
export function containerTarget(container: ContainerSummary): Target {
	return {
		id: container.id,
		name: container.name,
		isRunning: isLive(container),
		state: stateLabel(container),
		usedBy: [],
		runningUsers: [],
		otherTags: [],
	};
}

/** Which containers one action takes, and the words for those it leaves. */
type Rule = {
	readonly action: ContainerAction;
	readonly takes: (container: ContainerSummary) => boolean;
};

const isStopped = (container: ContainerSummary): boolean =>
	!isLive(container) && container.state !== 'removing';

/**
 * The rules of each key, first that applies wins. None ever starts a stopped container while
 * anything marked runs: `s` on a mixed set means "stop these", and starting a one-off job or an
 * OOM-killed container again would be a surprise that cannot be undone. A stopped set is started
 * (by `s`, or by `r` as `docker restart` does), because then nothing else can have been meant.
 */
const rules: Readonly<Record<LifecycleKey, readonly Rule[]>> = {
	'start-stop': [
		{action: 'stop', takes: isLive},
		{action: 'start', takes: isStopped},
	],
	restart: [
		{action: 'restart', takes: isLive},
		{action: 'restart', takes: isStopped},
	],
	// The engine pauses only running containers, and unpauses only paused ones.
	pause: [
		{action: 'pause', takes: container => container.state === 'running'},
		{action: 'unpause', takes: container => container.state === 'paused'},
	],
	kill: [{action: 'kill', takes: isLive}],
};

/** Why a container is left as it is by an action that did not take it. */
function whyLeft(action: ContainerAction, container: ContainerSummary): string {
	if (container.state === 'removing') {
		return 'being removed';
	}

	if (!isLive(container)) {
		return action === 'stop' ? 'already stopped' : 'not running';
	}

	return container.state === 'paused' ? 'already paused' : container.state;
}

/**
 * What a lifecycle key does to the containers `ids`: the action of the first rule that takes any
 * of them, on those it takes; the others are left as they are. Undefined when no rule takes any.
 */
export function planLifecycle(
	state: AppState,
	key: LifecycleKey,
	ids: readonly string[],
): LifecyclePlan | undefined {
	const containers = ids.flatMap(id => {
		const container = state.containers.byId.get(id);
		return container === undefined ? [] : [container];
	});
	const rule = rules[key].find(({takes}) => containers.some(takes));
	if (rule === undefined) {
		return undefined;
	}

	return {
		action: rule.action,
		targets: containers.filter(rule.takes).map(containerTarget),
		left: containers
			.filter(container => !rule.takes(container))
			.map(container => ({
				target: containerTarget(container),
				why: whyLeft(rule.action, container),
			})),
	};
}

/** `; 1 already stopped, left as is: job-1`, for the message that reports what was done. */
export function leftAsIsNote(left: readonly LeftAsIs[]): string {
	const byWhy = new Map<string, LeftAsIs[]>();
	for (const item of left) {
		byWhy.set(item.why, [...(byWhy.get(item.why) ?? []), item]);
	}

	return [...byWhy]
		.map(
			([why, items]) =>
				`; ${items.length} ${why}, left as is: ${items.map(({target}) => target.name).join(', ')}`,
		)
		.join('');
}
