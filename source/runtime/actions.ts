import {splitFleetId} from '../docker/fleet-ids.js';
import {errorMessage} from '../docker/errors.js';
import type {
	OneEngine,
	ContainerAction,
	DockerClient,
	NetworkCreation,
	VolumeCreation,
} from '../docker/docker-client.js';
import {
	createChecked,
	createStarted,
	refusalErrors,
	type CreateOrder,
} from '../state/create-form.js';
import {
	networksListed,
	selectionSet,
	volumesListed,
} from '../state/volumes-networks.js';
import {dialogClosed} from '../state/dialog-slot.js';
import {statusShown} from '../state/status.js';
import {pendingCleared, pendingSet} from '../state/pending.js';
import type {Target} from '../state/confirmation.js';
import {
	leftAsIsNote,
	type LeftAsIs,
	type LifecyclePlan,
} from '../state/container-lifecycle.js';
import {imageRowId} from '../state/image-rows.js';
import type {Update} from '../state/app-state.js';
import {shellWord} from '../format/shell-words.js';
import {eachLimited, loggedCalls, recordedCalls} from './engine-calls.js';
import {oneEngine} from './one-engine.js';

/** What the keys ask for; every call records its docker CLI equivalent and reports its outcome. */
export type Actions = {
	/** Runs one action on the planned containers and reports once, naming those left as they are. */
	readonly lifecycle: (plan: LifecyclePlan) => Promise<void>;
	/** Each removal reports once, naming the targets `left` as they are (refused up front). */
	readonly removeContainers: (
		targets: readonly Target[],
		options: {readonly force: boolean; readonly volumes: boolean},
		left?: readonly LeftAsIs[],
	) => Promise<void>;
	readonly removeImages: (
		targets: readonly Target[],
		options: {readonly force: boolean},
		left?: readonly LeftAsIs[],
	) => Promise<void>;
	/** Removes volumes by name; the engine keeps any a container mounts. */
	readonly removeVolumes: (
		targets: readonly Target[],
		left?: readonly LeftAsIs[],
	) => Promise<void>;
	readonly removeNetworks: (
		targets: readonly Target[],
		left?: readonly LeftAsIs[],
	) => Promise<void>;
	/**
	 * Creates what the create form asks for and selects it; if the engine refuses, the form stays
	 * open with its answer on the field it is about.
	 */
	readonly create: (request: CreateOrder) => Promise<void>;
};

const pendingLabels: Readonly<Record<ContainerAction, string>> = {
	start: 'starting…',
	stop: 'stopping…',
	restart: 'restarting…',
	pause: 'pausing…',
	unpause: 'unpausing…',
	kill: 'killing…',
};

const pastTense: Readonly<Record<ContainerAction, string>> = {
	start: 'started',
	stop: 'stopped',
	restart: 'restarted',
	pause: 'paused',
	unpause: 'unpaused',
	kill: 'killed',
};

/** A volume or network just created, as its pane lists it. */
type Created = {
	readonly pane: 'volumes' | 'networks';
	readonly id: string;
	readonly name: string;
};

function volumeCreateCommand({name, driver}: VolumeCreation): string {
	return [
		'docker volume create',
		...(driver === 'local' ? [] : [`--driver ${shellWord(driver)}`]),
		...(name === '' ? [] : [shellWord(name)]),
	].join(' ');
}

function networkCreateCommand(network: NetworkCreation): string {
	return [
		'docker network create',
		...(network.driver === 'bridge'
			? []
			: [`--driver ${shellWord(network.driver)}`]),
		...(network.subnet === undefined
			? []
			: [`--subnet ${shellWord(network.subnet)}`]),
		...(network.internal ? ['--internal'] : []),
		shellWord(network.name),
	].join(' ');
}

/** What an image target is named by on the command line: its tags, else its short id. */
function imageReferences(target: Target): readonly string[] {
	const tags = target.tags ?? [];
	return tags.length === 0 ? [target.name] : tags;
}

/** The Images pane rows of an image target: its tags' rows, or the dangling image's row. */
function imageTargetRows(target: Target): readonly string[] {
	const tags = target.tags ?? [];
	return tags.length === 0
		? [imageRowId(target.id, undefined)]
		: tags.map(tag => imageRowId(target.id, tag));
}

/**
 * Untags the target's tags one at a time. When no other tag stays, the image goes: the last step
 * removes it by id, which the engine refuses (unless forced) if a tag was added meanwhile.
 */
async function removeImageTarget(
	docker: DockerClient,
	target: Target,
	force: boolean,
): Promise<void> {
	const tags = target.tags ?? [];
	const goes = target.otherTags.length === 0;
	for (const tag of goes ? tags.slice(0, -1) : tags) {
		await docker.removeImage(docker.fleet?.onEngineOf(target.id, tag) ?? tag, {
			force,
		});
	}

	if (goes) {
		await docker.removeImage(target.id, {force});
	}
}

/** Creates the actions over an engine. */
export function createActions(options: {
	readonly docker: DockerClient;
	readonly dispatch: (update: Update) => void;
	readonly now: () => number;
}): Actions {
	const {docker, dispatch, now} = options;
	const logged = loggedCalls(dispatch, now, docker.fleet);

	/**
	 * Says what happened to a bulk action: all of it, or which items failed and why; and which
	 * were left as they are.
	 */
	const report = (
		done: string,
		targets: readonly Target[],
		failures: readonly {item: Target; error: string}[],
		left: readonly LeftAsIs[] = [],
	): void => {
		const note = leftAsIsNote(left);
		if (failures.length === 0) {
			dispatch(
				statusShown(
					(targets.length === 1 && left.length === 0
						? `${done} ${targets[0]?.name ?? ''}`
						: `${done} ${targets.length}: ${targets.map(target => target.name).join(', ')}`) +
						note,
				),
			);
			return;
		}

		const details = failures
			.map(({item, error}) => `${item.name}: ${error}`)
			.join('; ');
		dispatch(
			statusShown(
				(targets.length === 1
					? details
					: `${failures.length} of ${targets.length} failed: ${details}`) +
					note,
				true,
			),
		);
	};

	/** Runs `work` on each target, its rows (`rowsOf`) showing `label` meanwhile. */
	const withPending = async (
		targets: readonly Target[],
		label: string,
		work: (target: Target) => Promise<void>,
		rowsOf: (target: Target) => readonly string[] = target => [target.id],
	): Promise<{item: Target; error: string}[]> => {
		const ids = targets.flatMap(rowsOf);
		dispatch(pendingSet(ids, label));
		try {
			return await eachLimited(targets, work);
		} finally {
			dispatch(pendingCleared(ids));
		}
	};

	const record = recordedCalls(dispatch, now);

	// Each lists its kind again once created, so that the new row is there to be selected.
	const createVolume = async (
		volume: VolumeCreation,
		engine: OneEngine,
	): Promise<Created> => {
		let name = volume.name;
		await record(
			volumeCreateCommand(volume),
			async () => {
				name = await engine.client.createVolume(volume);
			},
			engine,
		);
		dispatch(volumesListed(await docker.listVolumes(), now()));
		return {pane: 'volumes', id: engine.listedId(name), name};
	};

	const createNetwork = async (
		network: NetworkCreation,
		engine: OneEngine,
	): Promise<Created> => {
		let id = '';
		await record(
			networkCreateCommand(network),
			async () => {
				id = await engine.client.createNetwork(network);
			},
			engine,
		);
		dispatch(networksListed(await docker.listNetworks(), now()));
		return {pane: 'networks', id: engine.listedId(id), name: network.name};
	};

	return {
		async lifecycle({action, targets, left}) {
			dispatch(
				pendingSet(
					targets.map(target => target.id),
					pendingLabels[action],
				),
			);
			// Each row shows its new state as soon as its own call ends.
			const failures = await eachLimited(targets, async target => {
				try {
					await logged(
						`docker container ${action} ${shellWord(target.name)}`,
						async () => docker.containerAction(target.id, action),
						target.id,
					);
				} finally {
					dispatch(pendingCleared([target.id]));
				}
			});
			report(pastTense[action], targets, failures, left);
		},

		async removeContainers(targets, {force, volumes}, left) {
			const flags = `${force ? ' --force' : ''}${volumes ? ' --volumes' : ''}`;
			const failures = await withPending(targets, 'removing…', async target =>
				logged(
					`docker container rm${flags} ${shellWord(target.name)}`,
					async () => docker.removeContainer(target.id, {force, volumes}),
					target.id,
				),
			);
			report('removed', targets, failures, left);
		},

		async removeImages(targets, {force}, left) {
			const failures = await withPending(
				targets,
				'removing…',
				async target =>
					logged(
						`docker image rm${force ? ' --force' : ''} ${imageReferences(target).map(shellWord).join(' ')}`,
						async () => {
							await removeImageTarget(docker, target, force);
						},
						target.id,
					),
				imageTargetRows,
			);
			report('removed', targets, failures, left);
		},

		async removeVolumes(targets, left) {
			const failures = await withPending(targets, 'removing…', async target =>
				logged(
					`docker volume rm ${shellWord(splitFleetId(target.id)?.id ?? target.id)}`,
					async () => docker.removeVolume(target.id),
					target.id,
				),
			);
			report('removed', targets, failures, left);
		},

		async removeNetworks(targets, left) {
			const failures = await withPending(targets, 'removing…', async target =>
				logged(
					`docker network rm ${shellWord(target.name)}`,
					async () => docker.removeNetwork(target.id),
					target.id,
				),
			);
			report('removed', targets, failures, left);
		},

		async create(order) {
			dispatch(createStarted);
			try {
				const engine = oneEngine(docker, order.engine);
				const {pane, id, name} =
					order.object === 'volume'
						? await createVolume(order.volume, engine)
						: await createNetwork(order.network, engine);
				dispatch(dialogClosed);
				dispatch(selectionSet(pane, id));
				dispatch(statusShown(`created ${order.object} ${name}`));
			} catch (error) {
				dispatch(
					createChecked(refusalErrors(order.object, errorMessage(error))),
				);
			}
		},
	};
}
