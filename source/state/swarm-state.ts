import type {
	NodeAvailability,
	SwarmNode,
	SwarmService,
	SwarmTask,
} from '../docker/swarm.js';
import type {Collection} from './app-state.js';
import type {ListView} from './list-view.js';
import type {Update} from './updates.js';

/** The tasks of the service selected in the Services pane. */
export type TaskList = {
	/** The service they belong to; undefined before any was listed. */
	readonly serviceId: string | undefined;
	/** Current tasks first (by slot), then past ones, newest first. */
	readonly tasks: readonly SwarmTask[];
};

/** What dockmate knows of the Swarm the engine manages. */
export type SwarmState = {
	/** The engine is a Swarm manager: the Services and Nodes panes exist. */
	readonly isManager: boolean;
	readonly services: Collection<SwarmService>;
	readonly nodes: Collection<SwarmNode>;
	readonly tasks: TaskList;
};

/** A number typed for `s` on a service: its new replica count. */
export type ScaleDialog = {
	readonly kind: 'scale';
	readonly serviceId: string;
	readonly name: string;
	readonly draft: string;
};

/** A Swarm change waiting for `y`. */
export type SwarmConfirmDialog = {
	readonly kind: 'swarm-confirm';
	readonly action:
		| {readonly kind: 'remove-service'}
		| {readonly kind: 'node-availability'; readonly to: NodeAvailability};
	/** Service or node id. */
	readonly id: string;
	/** Service name or node hostname. */
	readonly name: string;
	/** What the change does to running work, one line each. */
	readonly details: readonly string[];
	readonly list: ListView;
};

export function initialSwarm(now: number): SwarmState {
	return {
		isManager: false,
		services: {byId: new Map(), loaded: false, listedAt: now},
		nodes: {byId: new Map(), loaded: false, listedAt: now},
		tasks: {serviceId: undefined, tasks: []},
	};
}

const isCurrent = (task: SwarmTask): boolean => task.desiredState === 'running';

/** Current tasks by slot (a global service's by node), then the history, newest first. */
export function compareTasks(a: SwarmTask, b: SwarmTask): number {
	return (
		Number(isCurrent(b)) - Number(isCurrent(a)) ||
		(a.slot ?? 0) - (b.slot ?? 0) ||
		(isCurrent(a) ? a.nodeId.localeCompare(b.nodeId) : 0) ||
		b.updatedAt - a.updatedAt ||
		a.id.localeCompare(b.id)
	);
}

/** The label `D` gives a node: drain an active one, activate one that is drained or paused. */
export function nextAvailability(node: SwarmNode): NodeAvailability {
	return node.availability === 'active' ? 'drain' : 'active';
}

/** The scale prompt takes digits only: anything else could not be a replica count. */
export function scaleDraftChanged(change: (draft: string) => string): Update {
	return state => {
		const {dialog} = state.ui;
		if (dialog?.kind !== 'scale') {
			return state;
		}

		const draft = change(dialog.draft).replaceAll(/\D/g, '').slice(0, 6);
		return draft === dialog.draft
			? state
			: {...state, ui: {...state.ui, dialog: {...dialog, draft}}};
	};
}
