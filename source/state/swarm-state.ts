import type {NodeAvailability, SwarmNode, SwarmTask} from '../docker/swarm.js';
import type {Update} from './app-state.js';
import {memoizeLast} from './memo.js';
import type {ListView} from './list-view.js';
import {updateDialog} from './dialog-slot.js';
import {lineEdited, type LineEdit, type TextField} from './text-field.js';

/** A number typed for `s` on a service: its new replica count. */
export type ScaleDialog = {
	readonly kind: 'scale';
	readonly serviceId: string;
	readonly name: string;
	readonly draft: TextField;
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

const isCurrent = (task: SwarmTask): boolean => task.desiredState === 'running';

/** Whether two tasks fill the same slot: a replicated service's slot, a global one's node. */
function sameSlot(a: SwarmTask, b: SwarmTask): boolean {
	return a.slot === b.slot && (a.slot !== undefined || a.nodeId === b.nodeId);
}

/**
 * As `docker service ps` lists them: by slot (a global service's by node), and within a slot the
 * newest task first, the ones it replaced after it.
 */
export function compareTasks(a: SwarmTask, b: SwarmTask): number {
	return (
		(a.slot ?? 0) - (b.slot ?? 0) ||
		(a.slot === undefined ? a.nodeId.localeCompare(b.nodeId) : 0) ||
		b.createdAt - a.createdAt ||
		Number(isCurrent(b)) - Number(isCurrent(a)) ||
		b.updatedAt - a.updatedAt ||
		a.id.localeCompare(b.id)
	);
}

/** The tasks of a list sorted by {@link compareTasks} that a newer task of their slot replaced. */
export const replacedTasks = memoizeLast(
	(tasks: readonly SwarmTask[]): ReadonlySet<string> =>
		new Set(
			tasks
				.filter((task, index) => {
					const newer = tasks[index - 1];
					return newer !== undefined && sameSlot(newer, task);
				})
				.map(task => task.id),
		),
);

/** The label `D` gives a node: drain an active one, activate one that is drained or paused. */
export function nextAvailability(node: SwarmNode): NodeAvailability {
	return node.availability === 'active' ? 'drain' : 'active';
}

/** The scale prompt takes digits only: anything else could not be a replica count. */
export function scaleDraftChanged(edit: LineEdit): Update {
	return updateDialog('scale', dialog => {
		const draft = lineEdited(
			dialog.draft,
			'insert' in edit ? {insert: edit.insert.replaceAll(/\D/g, '')} : edit,
		);
		return draft.text.length > 6 ? dialog : {...dialog, draft};
	});
}
