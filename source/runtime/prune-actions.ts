import {errorMessage} from '../docker/errors.js';
import type {DockerClient} from '../docker/docker-client.js';
import {statusShown} from '../state/status.js';
import {
	pruneReported,
	prunePreviewed,
	pruneKey,
	pruneStaged,
	type PruneCategory,
	type PruneDialog,
	type PruneItem,
} from '../state/prune-dialog.js';
import {
	planPrune,
	recheckPrune,
	type PruneChoice,
	type PruneInventory,
} from '../state/prune-plan.js';
import type {Store} from '../state/store.js';
import type {AppState, Update} from '../state/app-state.js';
import {formatBytes, plural, shortId} from '../format/units.js';
import {shellWord} from '../format/shell-words.js';
import {eachLimited, loggedCalls} from './engine-calls.js';
import {relistAfterWork} from './relist.js';

/** `P`: the prune dialog's preview and removal; every removal records its docker CLI equivalent. */
export type PruneActions = {
	/** Lists what the engine's own prune would take, for the categories chosen. */
	readonly preview: () => Promise<void>;
	/** Removes the previewed items still marked, each only if a prune would still take it. */
	readonly run: () => Promise<void>;
};

/** Containers first: removing them is what frees images, volumes and networks. */
const removalOrder: readonly PruneCategory[] = [
	'containers',
	'dangling-images',
	'unused-images',
	'networks',
	'volumes',
	'build-cache',
];

/** Creates the prune actions over an engine and a store. */
export function createPruneActions(options: {
	readonly docker: DockerClient;
	readonly store: Store<AppState>;
	readonly dispatch: (update: Update) => void;
	readonly now: () => number;
}): PruneActions {
	const {docker, store, dispatch, now} = options;
	const logged = loggedCalls(dispatch, now, docker.fleet);

	const pruneDialog = (): PruneDialog | undefined => {
		const {dialog} = store.getState().ui;
		return dialog?.kind === 'prune' ? dialog : undefined;
	};

	return {
		async preview() {
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

		async run() {
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
						await logged(step.command, step.run, item.id);
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
						run: async () =>
							docker.removeImage(
								docker.fleet?.onEngineOf(item.id, tag) ?? tag,
								{
									force: false,
								},
							),
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
