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
import {statusShown} from '../state/status.js';
import {commandLogged} from '../state/command-log.js';
import {pendingCleared, pendingSet} from '../state/pending.js';
import {
	pruneReported,
	prunePreviewed,
	pruneKey,
	pruneStaged,
	type PruneCategory,
	type PruneDialog,
	type PruneItem,
} from '../state/prune-dialog.js';
import type {AppState, Update} from '../state/app-state.js';
import {
	leftAsIsNote,
	type LeftAsIs,
	type LifecyclePlan,
} from '../state/container-lifecycle.js';
import {
	planPrune,
	recheckPrune,
	type PruneChoice,
	type PruneInventory,
} from '../state/prune-plan.js';
import {imageRowId} from '../state/image-rows.js';
import type {Store} from '../state/store.js';
import {formatBytes, plural, shortId} from '../format/units.js';
import {shellWord} from '../format/shell-words.js';
import {relistAfterWork} from './relist.js';
import type {Target} from '../state/confirmation.js';
import {closeDialog} from '../state/dialog-slot.js';

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
		await docker.removeImage(tag, {force});
	}

	if (goes) {
		await docker.removeImage(target.id, {force});
	}
}

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
			const failures = await withPending(
				targets,
				'removing…',
				async target =>
					logged(
						`docker image rm${force ? ' --force' : ''} ${imageReferences(target).map(shellWord).join(' ')}`,
						async () => {
							await removeImageTarget(docker, target, force);
						},
					),
				imageTargetRows,
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
				const items = planPrune(
					await pruneInventory(docker, dialog),
					pruneChoice(dialog, now()),
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
			// Exactly the previewed items, and each only if the engine's own prune would still take
			// it: the engine is asked again first, and what changed since the preview (a container
			// started, an image or volume put to use) stays, with the reason. Removals are never
			// forced, so what changes in between is refused by the engine and reported too.
			let checked: ReturnType<typeof recheckPrune>;
			try {
				const inventory = await pruneInventory(docker, dialog);
				checked = recheckPrune(
					chosen,
					planPrune(inventory, pruneChoice(dialog, now())),
					inventory,
				);
			} catch (error) {
				dispatch(pruneReported([`nothing removed: ${errorMessage(error)}`]));
				dispatch(statusShown(`prune failed: ${errorMessage(error)}`, true));
				return;
			}

			const removed: PruneItem[] = [];
			const refused = checked.kept.map(
				({item, reason}) => `kept ${item.name}: ${reason}`,
			);
			for (const category of removalOrder) {
				const items = checked.go.filter(item => item.category === category);
				const failures = await eachLimited(items, async item => {
					for (const step of pruneSteps(docker, item)) {
						await logged(step.command, step.run);
					}

					removed.push(item);
				});
				refused.push(
					...failures.map(
						({item, error}) => `kept ${item.name}: ${refusalReason(error)}`,
					),
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
			await relistAfterWork(options);
		},
	};
}

/** Whether an engine's API version is at least `wanted`, both as `major.minor`. */
function apiAtLeast(version: string, wanted: string): boolean {
	const [major = 0, minor = 0] = version.split('.').map(Number);
	const [wantedMajor = 0, wantedMinor = 0] = wanted.split('.').map(Number);
	return major > wantedMajor || (major === wantedMajor && minor >= wantedMinor);
}

/** Everything the engine's own prune looks at, for the categories of `dialog`. */
async function pruneInventory(
	docker: DockerClient,
	dialog: PruneDialog,
): Promise<PruneInventory> {
	const wantsNetworks = dialog.categories.has('networks');
	const [containers, images, imageParents, networks, usage, engine, system] =
		await Promise.all([
			docker.listContainers(),
			docker.listImages(),
			docker.imageParentIds(),
			wantsNetworks ? docker.listNetworks() : Promise.resolve([]),
			docker.diskUsage(),
			docker.engineInfo(),
			docker.systemInfo(),
		]);
	const isSwarmManager = wantsNetworks && system.isSwarmManager;
	const [services, endpoints] = await Promise.all([
		isSwarmManager ? docker.listServices() : Promise.resolve([]),
		// What has an endpoint on a network is what the engine's prune looks at; only an
		// inspection says (a paused container, the Swarm's own sandboxes).
		Promise.all(
			networks.map(async network => {
				try {
					const {details} = await docker.inspectNetwork(network.id);
					return [
						network.id,
						details.containers.map(container => container.name),
					] as const;
				} catch {
					// Gone since the list: nothing to offer.
					return undefined;
				}
			}),
		),
	]);
	return {
		containers,
		images,
		imageParents,
		networks,
		networkEndpoints: new Map(endpoints.filter(entry => entry !== undefined)),
		isSwarmManager,
		services,
		anonymousVolumesLabelled: apiAtLeast(engine.apiVersion, '1.42'),
		usage,
	};
}

/** What the dialog chose, as the plan takes it. */
function pruneChoice(dialog: PruneDialog, time: number): PruneChoice {
	return {
		categories: dialog.categories,
		olderThanHours: dialog.olderThanHours,
		allVolumes: dialog.allVolumes,
		label: dialog.label,
		now: time,
	};
}

/** Why the engine refused a removal, in words, with no full id in them. */
function refusalReason(error: string): string {
	return /no such|not found/i.test(error)
		? 'gone already'
		: `the engine refused: ${error.replaceAll(/[\da-f]{64}/g, id => shortId(id))}`;
}

/**
 * The engine calls that remove one previewed item, each with the docker command that does the
 * same, naming the item as the user knows it. An image goes tag by tag, as the engine's own prune
 * removes it (the last tag takes the image with it, where nothing is built on it); a dangling one
 * by its id.
 */
function pruneSteps(
	docker: DockerClient,
	item: PruneItem,
): {readonly command: string; readonly run: () => Promise<unknown>}[] {
	switch (item.category) {
		case 'containers': {
			return [
				{
					command: `docker container rm ${shellWord(item.name)}`,
					run: async () =>
						docker.removeContainer(item.id, {force: false, volumes: false}),
				},
			];
		}

		case 'dangling-images':
		case 'unused-images': {
			return item.tags.length === 0
				? [
						{
							command: `docker image rm ${shortId(item.id)}`,
							run: async () => docker.removeImage(item.id, {force: false}),
						},
					]
				: item.tags.map(tag => ({
						command: `docker image rm ${shellWord(tag)}`,
						run: async () => docker.removeImage(tag, {force: false}),
					}));
		}

		case 'volumes': {
			return [
				{
					command: `docker volume rm ${shellWord(item.id)}`,
					run: async () => docker.removeVolume(item.id),
				},
			];
		}

		case 'networks': {
			return [
				{
					command: `docker network rm ${shellWord(item.name)}`,
					run: async () => docker.removeNetwork(item.id),
				},
			];
		}

		case 'build-cache': {
			return [
				{
					command: `docker builder prune --force --filter id=${shellWord(item.id)}`,
					run: async () => docker.removeBuildCache([item.id]),
				},
			];
		}
	}
}
