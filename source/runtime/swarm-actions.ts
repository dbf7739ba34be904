import {errorMessage} from '../docker/errors.js';
import type {DockerClient} from '../docker/docker-client.js';
import type {NodeAvailability} from '../docker/swarm.js';
import {statusShown} from '../state/status.js';
import {pendingCleared, pendingSet} from '../state/pending.js';
import {shellWord} from '../format/shell-words.js';
import {loggedCalls} from './engine-calls.js';
import type {Update} from '../state/app-state.js';

/** What the Services and Nodes panes' keys ask of the engine. */
export type SwarmActions = {
	readonly scale: (
		service: {readonly id: string; readonly name: string},
		replicas: number,
	) => Promise<void>;
	readonly removeService: (service: {
		readonly id: string;
		readonly name: string;
	}) => Promise<void>;
	readonly setAvailability: (
		node: {readonly id: string; readonly name: string},
		availability: NodeAvailability,
	) => Promise<void>;
};

/** Each action marks its row as pending, logs its docker CLI equivalent and reports its outcome. */
export function createSwarmActions(options: {
	readonly docker: DockerClient;
	readonly dispatch: (update: Update) => void;
	readonly now: () => number;
}): SwarmActions {
	const {docker, dispatch, now} = options;
	const logged = loggedCalls(dispatch, now, docker.fleet);

	const perform = async (step: {
		readonly id: string;
		readonly pending: string;
		readonly command: string;
		readonly done: string;
		readonly call: () => Promise<void>;
	}): Promise<void> => {
		dispatch(pendingSet([step.id], step.pending));
		try {
			await logged(step.command, step.call, step.id);
			dispatch(statusShown(step.done));
		} catch (error) {
			dispatch(statusShown(errorMessage(error), true));
		} finally {
			dispatch(pendingCleared([step.id]));
		}
	};

	return {
		async scale(service, replicas) {
			await perform({
				id: service.id,
				pending: 'scaling…',
				command: `docker service scale ${shellWord(`${service.name}=${replicas}`)}`,
				done: `scaled ${service.name} to ${replicas}`,
				call: async () => docker.scaleService(service.id, replicas),
			});
		},
		async removeService(service) {
			await perform({
				id: service.id,
				pending: 'removing…',
				command: `docker service rm ${shellWord(service.name)}`,
				done: `removed ${service.name}`,
				call: async () => docker.removeService(service.id),
			});
		},
		async setAvailability(node, availability) {
			await perform({
				id: node.id,
				pending: availability === 'drain' ? 'draining…' : 'activating…',
				command: `docker node update --availability ${availability} ${shellWord(node.name)}`,
				done: `${node.name} is now ${availability}`,
				call: async () => docker.setNodeAvailability(node.id, availability),
			});
		},
	};
}
