import type {SwarmNode, SwarmService, SwarmTask} from '../docker/swarm.js';
import {sliceChanged, type Update} from './app-state.js';
import {compareTasks, type SwarmConfirmDialog} from './swarm-state.js';
import {collectionListed, sameJson} from './collections.js';
import {listViewAtTop} from './list-view.js';
import {initialSwarm, type SwarmState} from './slices.js';
import {dialogOpened} from './dialog-slot.js';
import {textField} from './text-field.js';

/**
 * The engine said whether it manages a Swarm. A node that stopped being a manager keeps no
 * services or nodes on screen: they are no longer this engine's to show.
 */
export function swarmDetected(isManager: boolean, now: number): Update {
	return state =>
		state.swarm.isManager === isManager
			? state
			: {
					...state,
					swarm: isManager ? {...state.swarm, isManager} : initialSwarm(now),
					ui:
						!isManager &&
						(state.ui.focus === 'services' || state.ui.focus === 'nodes')
							? {...state.ui, focus: 'containers'}
							: state.ui,
				};
}

const listServices = collectionListed(
	(swarm: SwarmState) => swarm.services,
	(swarm, services) => ({...swarm, services}),
	(service: SwarmService) => service.id,
);

const listNodes = collectionListed(
	(swarm: SwarmState) => swarm.nodes,
	(swarm, nodes) => ({...swarm, nodes}),
	(node: SwarmNode) => node.id,
);

export function servicesListed(
	list: readonly SwarmService[],
	listedAt: number,
): Update {
	return sliceChanged('swarm', listServices(list, listedAt));
}

export function nodesListed(
	list: readonly SwarmNode[],
	listedAt: number,
): Update {
	return sliceChanged('swarm', listNodes(list, listedAt));
}

export function tasksListed(
	serviceId: string,
	tasks: readonly SwarmTask[],
): Update {
	return sliceChanged('swarm', swarm => {
		const sorted = [...tasks].sort(compareTasks);
		const current = swarm.tasks;
		return current.serviceId === serviceId && sameJson(current.tasks, sorted)
			? swarm
			: {...swarm, tasks: {serviceId, tasks: sorted}};
	});
}

/** Opens the replica count prompt on a service, starting from its current count. */
export function scaleOpened(service: SwarmService): Update {
	return dialogOpened({
		kind: 'scale',
		serviceId: service.id,
		name: service.name,
		draft: textField(String(service.desired)),
	});
}

/** Opens the confirm dialog of a Swarm change. */
export function swarmConfirmOpened(
	dialog: Omit<SwarmConfirmDialog, 'kind' | 'list'>,
): Update {
	return dialogOpened({kind: 'swarm-confirm', list: listViewAtTop, ...dialog});
}
