// Whether a container has processes: lists sort by it, and only live ones have figures to show.

import type {
	ContainerState,
	ContainerSummary,
} from '../docker/docker-client.js';

/** How lists order container states: 0 for those with processes, 1 for the rest. */
export const stateRank: Readonly<Record<ContainerState, number>> = {
	running: 0,
	restarting: 0,
	paused: 0,
	removing: 1,
	created: 1,
	exited: 1,
	dead: 1,
};

/** Running, paused or restarting: a container with processes, and so with figures. */
export function isLive(container: ContainerSummary): boolean {
	return stateRank[container.state] === 0;
}
