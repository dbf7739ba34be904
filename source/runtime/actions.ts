import {errorMessage} from '../docker/errors.js';
import type {
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
import {closeDialog} from '../state/updates.js';
import {
	commandLogged,
	pendingCleared,
	pendingSet,
	pruneReported,
	prunePreviewed,
	pruneKey,
	pruneStaged,
	statusShown,
} from '../state/action-updates.js';
import type {
	AppState,
	PruneCategory,
	PruneDialog,
	PruneItem,
	Target,
} from '../state/app-state.js';
import {
	leftAsIsNote,
	type LeftAsIs,
	type LifecyclePlan,
} from '../state/container-lifecycle.js';
import {planPrune} from '../state/prune-plan.js';
import type {Store} from '../state/store.js';
import type {Update} from '../state/updates.js';
import {formatBytes, plural} from '../format/units.js';

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
	readonly previewPrune: () => Promise<void>;
	readonly runPrune: () => Promise<void>;
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

/** How many engine calls a bulk action keeps in flight. */
const concurrency = 8;

/** Quotes a CLI argument only where a shell would need it. */
export function shellWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word)
		? word
		: `'${word.replaceAll("'", String.raw`'\''`)}'`;
}

/** Runs `work` for each item, a few at a time; resolves with the failures. */
async function eachLimited<T>(
	items: readonly T[],
	work: (item: T) => Promise<void>,
): Promise<{item: T; error: string}[]> {
	const failures: {item: T; error: string}[] = [];
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const item = items[next++] as T;
			try {
				await work(item);
			} catch (error) {
				failures.push({item, error: errorMessage(error)});
			}
		}
	};

	await Promise.all(
		Array.from({length: Math.min(concurrency, items.length)}, worker),
	);
	return failures;
}

const categoryCommands: Readonly<
	Record<PruneCategory, (id: string) => string>
> = {
	containers: id => `docker container rm ${shellWord(id)}`,
	'dangling-images': id => `docker image rm ${shellWord(id)}`,
	'unused-images': id => `docker image rm ${shellWord(id)}`,
	volumes: id => `docker volume rm ${shellWord(id)}`,
	networks: id => `docker network rm ${shellWord(id)}`,
	'build-cache': id =>
		`docker builder prune --force --filter id=${shellWord(id)}`,
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

/** Containers first: removing them is what frees images, volumes and networks. */
const removalOrder: readonly PruneCategory[] = [
	'containers',
	'dangling-images',
	'unused-images',
	'networks',
	'volumes',
	'build-cache',
];

/** Creates the actions over an engine and a store. */
export function createActions(options: {
	readonly docker: DockerClient;
	readonly store: Store<AppState>;
	readonly dispatch: (update: Update) => void;
	readonly now: () => number;
}): Actions {
	const {docker, store, dispatch, now} = options;

	/** Runs one engine call, logging the CLI equivalent with its outcome. */
	const logged = async (
		command: string,
		call: () => Promise<unknown>,
	): Promise<void> => {
		try {
			await call();
			dispatch(commandLogged({time: now(), command, error: undefined}));
		} catch (error) {
			dispatch(
				commandLogged({time: now(), command, error: errorMessage(error)}),
			);
			throw error;
		}
	};

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

	const withPending = async (
		targets: readonly Target[],
		label: string,
		work: (target: Target) => Promise<void>,
	): Promise<{item: Target; error: string}[]> => {
		const ids = targets.map(target => target.id);
		dispatch(pendingSet(ids, label));
		try {
			return await eachLimited(targets, work);
		} finally {
			dispatch(pendingCleared(ids));
		}
	};

	const pruneDialog = (): PruneDialog | undefined => {
		const {dialog} = store.getState().ui;
		return dialog?.kind === 'prune' ? dialog : undefined;
	};

	// Each lists its kind again once created, so that the new row is there to be selected.
	const createVolume = async (volume: VolumeCreation): Promise<Created> => {
		let name = volume.name;
		await logged(volumeCreateCommand(volume), async () => {
			name = await docker.createVolume(volume);
		});
		dispatch(volumesListed(await docker.listVolumes(), now()));
		return {pane: 'volumes', id: name, name};
	};

	const createNetwork = async (network: NetworkCreation): Promise<Created> => {
		let id = '';
		await logged(networkCreateCommand(network), async () => {
			id = await docker.createNetwork(network);
		});
		dispatch(networksListed(await docker.listNetworks(), now()));
		return {pane: 'networks', id, name: network.name};
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
				),
			);
			report('removed', targets, failures, left);
		},

		async removeImages(targets, {force}, left) {
			const failures = await withPending(targets, 'removing…', async target =>
				logged(
					`docker image rm${force ? ' --force' : ''} ${shellWord(target.name)}`,
					async () =>
						docker.removeImage(
							target.otherTags.length > 0 ? target.name : target.id,
							{force},
						),
				),
			);
			report('removed', targets, failures, left);
		},

		async removeVolumes(targets, left) {
			const failures = await withPending(targets, 'removing…', async target =>
				logged(`docker volume rm ${shellWord(target.id)}`, async () =>
					docker.removeVolume(target.id),
				),
			);
			report('removed', targets, failures, left);
		},

		async removeNetworks(targets, left) {
			const failures = await withPending(targets, 'removing…', async target =>
				logged(`docker network rm ${shellWord(target.name)}`, async () =>
					docker.removeNetwork(target.id),
				),
			);
			report('removed', targets, failures, left);
		},

		async create(order) {
			dispatch(createStarted);
			try {
				const {pane, id, name} =
					order.object === 'volume'
						? await createVolume(order.volume)
						: await createNetwork(order.network);
				dispatch(closeDialog);
				dispatch(selectionSet(pane, id));
				dispatch(statusShown(`created ${order.object} ${name}`));
			} catch (error) {
				dispatch(
					createChecked(refusalErrors(order.object, errorMessage(error))),
				);
			}
		},

		async previewPrune() {
			const dialog = pruneDialog();
			if (dialog === undefined) {
				return;
			}

			dispatch(pruneStaged('loading'));
			try {
				const [containers, images, networks, usage] = await Promise.all([
					docker.listContainers(),
					docker.listImages(),
					dialog.categories.has('networks')
						? docker.listNetworks()
						: Promise.resolve([]),
					docker.diskUsage(),
				]);
				const networksInUse = new Set(
					containers
						.filter(container => container.state === 'running')
						.flatMap(container => container.networks),
				);
				const items = planPrune(
					{containers, images, networks, networksInUse, usage},
					{
						categories: dialog.categories,
						olderThanHours: dialog.olderThanHours,
						allVolumes: dialog.allVolumes,
						label: dialog.label,
						now: now(),
					},
				);
				dispatch(prunePreviewed(items));
			} catch (error) {
				dispatch(pruneStaged('choose'));
				dispatch(
					statusShown(`prune preview failed: ${errorMessage(error)}`, true),
				);
			}
		},

		async runPrune() {
			const dialog = pruneDialog();
			if (dialog?.stage !== 'preview') {
				return;
			}

			const chosen = dialog.items.filter(
				item => !dialog.skipped.has(pruneKey(item)),
			);
			dispatch(pruneStaged('running'));
			// Exactly the previewed items, and each only if the engine still agrees it may go:
			// removals are never forced, so a container started since, or an image or volume put
			// to use since, is refused and reported rather than removed.
			const removed: PruneItem[] = [];
			const refused: string[] = [];
			for (const category of removalOrder) {
				const items = chosen.filter(item => item.category === category);

				const failures = await eachLimited(items, async item => {
					await logged(categoryCommands[category](item.id), async () =>
						removePruneItem(docker, item),
					);
					removed.push(item);
				});
				refused.push(
					...failures.map(({item, error}) => `kept ${item.name}: ${error}`),
				);
			}

			const reclaimed = removed.reduce(
				(sum, item) => sum + (item.size ?? 0),
				0,
			);
			const summary = `removed ${plural(removed.length, 'item')}, reclaimed ${formatBytes(reclaimed)}`;
			dispatch(pruneReported([summary, ...refused]));
			dispatch(
				statusShown(
					refused.length > 0 ? `${summary}; ${refused.length} kept` : summary,
					refused.length > 0,
				),
			);
		},
	};
}

async function removePruneItem(
	docker: DockerClient,
	item: PruneItem,
): Promise<void> {
	switch (item.category) {
		case 'containers': {
			await docker.removeContainer(item.id, {force: false, volumes: false});
			return;
		}

		case 'dangling-images':
		case 'unused-images': {
			if (item.tags.length > 1) {
				for (const tag of item.tags) {
					await docker.removeImage(tag, {force: false});
				}

				return;
			}

			await docker.removeImage(item.id, {force: false});
			return;
		}

		case 'volumes': {
			await docker.removeVolume(item.id);
			return;
		}

		case 'networks': {
			await docker.removeNetwork(item.id);
			return;
		}

		case 'build-cache': {
			await docker.removeBuildCache([item.id]);
		}
	}
}
