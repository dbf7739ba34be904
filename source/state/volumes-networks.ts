import type {
	ContainerSummary,
	NetworkSummary,
	VolumeSummary,
} from '../docker/docker-client.js';
import {shortId} from '../format/units.js';
import type {AppState, Sort, Update} from './app-state.js';
import {memoizeLast} from './memo.js';
import {matchesFilter} from './text-filter.js';
import {isLive} from './liveness.js';
import {collectionListed} from './collections.js';
import {listedTargets, type Refusal, type Target} from './confirmation.js';

const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});

/** A volume as the user knows it: anonymous ones by the start of their generated name. */
export function volumeName(volume: VolumeSummary): string {
	return volume.isAnonymous
		? `${shortId(volume.name)} (anonymous)`
		: volume.name;
}

/**
 * Why a network belongs to the engine rather than the user, or undefined for the user's own:
 * the engine's own prune keeps these, and dockmate never offers to remove them.
 */
export function engineNetworkReason(
	network: NetworkSummary,
): string | undefined {
	if (network.isBuiltIn) {
		return 'comes with the engine and cannot be removed';
	}

	if (network.isIngress) {
		return "is the Swarm's routing mesh: services with published ports need it";
	}

	// The engine makes it when the Swarm starts, and joins each Swarm container to the host with it.
	return network.name === 'docker_gwbridge'
		? 'links Swarm containers to this host: the engine manages it'
		: undefined;
}

/** How the state knows a volume: by its name, made unique across the engines of a fleet. */
export function volumeId(volume: VolumeSummary): string {
	return volume.id ?? volume.name;
}

export const volumesListed = collectionListed(
	(state: AppState) => state.volumes,
	(state, volumes) => ({...state, volumes}),
	volumeId,
);

export const networksListed = collectionListed(
	(state: AppState) => state.networks,
	(state, networks) => ({...state, networks}),
	(network: NetworkSummary) => network.id,
);

/** The containers that use something, by name, and those of them that run. */
export type Users = {
	readonly all: readonly string[];
	readonly running: readonly string[];
};

/** Nobody: the same object every time, so selectors of it stay stable. */
export const noUsers: Users = {all: [], running: []};

function usersBy(
	pick: (container: ContainerSummary) => readonly string[],
): (
	containers: ReadonlyMap<string, ContainerSummary>,
) => ReadonlyMap<string, Users> {
	return memoizeLast(containers => {
		const users = new Map<string, {all: string[]; running: string[]}>();
		const sorted = [...containers.values()].sort((a, b) =>
			collator.compare(a.name, b.name),
		);
		for (const container of sorted) {
			for (const key of pick(container)) {
				const entry = users.get(key) ?? {all: [], running: []};
				entry.all.push(container.name);
				if (isLive(container)) {
					entry.running.push(container.name);
				}

				users.set(key, entry);
			}
		}

		return users;
	});
}

/** A volume of one engine: same-named volumes of two engines of a fleet are two volumes. */
const volumeOnEngine = (engine: string | undefined, name: string): string =>
	engine === undefined ? name : `${engine}/${name}`;

const volumeUsersOf = usersBy(container =>
	container.volumes.map(name => volumeOnEngine(container.engine, name)),
);
const networkUsersOf = usersBy(container => container.networks);

/** Containers mounting a volume, by its id ({@link volumeId}), on its own engine. */
export function volumeUsers(state: AppState, id: string): Users {
	const volume = state.volumes.byId.get(id);
	return volume === undefined
		? noUsers
		: (volumeUsersOf(state.containers.byId).get(
				volumeOnEngine(volume.engine, volume.name),
			) ?? noUsers);
}

/** Containers attached to a network, by its name (which is how a container lists its networks). */
export function networkUsers(state: AppState, name: string): Users {
	return networkUsersOf(state.containers.byId).get(name) ?? noUsers;
}

/** Named volumes by name, then anonymous ones, newest first. */
function compareVolumes(a: VolumeSummary, b: VolumeSummary): number {
	return (
		Number(a.isAnonymous) - Number(b.isAnonymous) ||
		(a.isAnonymous ? b.createdAt - a.createdAt : 0) ||
		collator.compare(a.name, b.name)
	);
}

/**
 * The order of volumes for `sort`: by name, or by size, largest first when descending; volumes
 * not measured go last. Ties in the name order.
 */
function volumeOrder(
	sort: Sort,
): (a: VolumeSummary, b: VolumeSummary) => number {
	const direction = sort.descending ? -1 : 1;
	if (sort.key === 'engine') {
		return (a, b) =>
			collator.compare(a.engine ?? '', b.engine ?? '') * direction ||
			compareVolumes(a, b);
	}

	if (sort.key !== 'size') {
		return (a, b) => compareVolumes(a, b) * direction;
	}

	return (a, b) =>
		(a.size === undefined ? 1 : 0) - (b.size === undefined ? 1 : 0) ||
		((a.size ?? 0) - (b.size ?? 0)) * direction ||
		compareVolumes(a, b);
}

const byName: Sort = {key: 'name', descending: false};

/** Volume names in display order, after the filter (on name and driver). */
export const visibleVolumes = memoizeLast(
	(
		volumes: ReadonlyMap<string, VolumeSummary>,
		filter: string,
		sort: Sort = byName,
	): readonly string[] => {
		return [...volumes.values()]
			.filter(volume =>
				matchesFilter(filter, [
					volume.name,
					volume.driver,
					volume.engine ?? '',
				]),
			)
			.sort(volumeOrder(sort))
			.map(volumeId);
	},
);

/** Network ids, user networks by name first and the engine's own last, after the filter. */
export const visibleNetworks = memoizeLast(
	(
		byId: ReadonlyMap<string, NetworkSummary>,
		filter: string,
	): readonly string[] => {
		return [...byId.values()]
			.filter(network =>
				matchesFilter(filter, [
					network.name,
					network.driver,
					...network.subnets,
					network.engine ?? '',
				]),
			)
			.sort(
				(a, b) =>
					Number(a.isBuiltIn) - Number(b.isBuiltIn) ||
					collator.compare(a.name, b.name),
			)
			.map(network => network.id);
	},
);

/** A volume or network to remove, and the containers that use it. */
function usedTarget(id: string, name: string, users: Users): Target {
	return {
		id,
		name,
		isRunning: false,
		usedBy: users.all,
		runningUsers: users.running,
		otherTags: [],
	};
}

/** The targets of a volume removal: every container mounting it, running or not, keeps it. */
export function volumeTargets(
	state: AppState,
	names: readonly string[],
): Target[] {
	return listedTargets(state.volumes.byId, names, (volume, id) =>
		usedTarget(id, volumeName(volume), volumeUsers(state, id)),
	);
}

/** The targets of a network removal, with the containers attached to each. */
export function networkTargets(
	state: AppState,
	ids: readonly string[],
): Target[] {
	return listedTargets(state.networks.byId, ids, (network, id) =>
		usedTarget(id, network.name, networkUsers(state, network.name)),
	);
}

export function pronoun(names: readonly string[]): string {
	return names.length === 1 ? 'it' : 'them';
}

/**
 * Why the removal of one volume or network cannot go ahead, or undefined when it can. The engine
 * keeps a volume any container mounts, even a stopped one, and force does not change that. It
 * keeps a network with running containers attached; it would remove one that only stopped
 * containers are attached to, and they could not start again, so that takes force.
 */
export function volumeNetworkRefusal(
	state: AppState,
	action: 'remove-volumes' | 'remove-networks',
	target: Target,
): Refusal | undefined {
	if (action === 'remove-volumes') {
		return target.usedBy.length === 0
			? undefined
			: {
					reason: `is used by ${target.usedBy.join(', ')}: remove ${pronoun(target.usedBy)} first`,
					forcible: false,
				};
	}

	const network = state.networks.byId.get(target.id);
	const engineReason =
		network === undefined ? undefined : engineNetworkReason(network);
	if (engineReason !== undefined) {
		return {reason: engineReason, forcible: false};
	}

	if (target.runningUsers.length > 0) {
		return {
			reason: `has running ${target.runningUsers.join(', ')} attached: stop or disconnect ${pronoun(target.runningUsers)} first`,
			forcible: false,
		};
	}

	return target.usedBy.length === 0
		? undefined
		: {
				reason: `is attached to stopped ${target.usedBy.join(', ')}: press f to force (${target.usedBy.length === 1 ? 'it' : 'they'} will not start without it)`,
				forcible: true,
			};
}

/** Puts a pane's cursor on a row, e.g. one just created. */
export function selectionSet(pane: 'volumes' | 'networks', id: string): Update {
	return state => ({
		...state,
		ui: {...state.ui, selection: {...state.ui.selection, [pane]: id}},
	});
}
