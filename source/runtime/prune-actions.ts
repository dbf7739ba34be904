import {answeredWithin} from '../docker/answered-within.js';
import {errorMessage} from '../docker/errors.js';
import type {DockerClient} from '../docker/docker-client.js';
import {statusShown} from '../state/status.js';
import {
	pruneReported,
	prunePreviewed,
	pruneKey,
	pruneStaged,
	pruneBytes,
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
import {eachLimited, recordedCalls} from './engine-calls.js';
import {oneEngine} from './one-engine.js';
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

/**
 * One engine a prune plans and removes on, on its own facts (its API version, its Swarm, its
 * build cache) and through its own client: in a fleet, every engine alike, all at once.
 */
type PruneEngine = {
	/** In a fleet, its name; undefined for the one engine. */
	readonly name: string | undefined;
	readonly client: DockerClient;
	/** What reaches it from the docker CLI, for the command log. */
	readonly cli: string;
	/** Why it is not planned at all: read-only, or down when the preview is asked for. */
	readonly note: string | undefined;
	readonly readOnly: boolean;
};

/** What a prune did on one engine. */
type PruneOutcome = {
	readonly removed: readonly PruneItem[];
	readonly kept: readonly string[];
	/** Why nothing was removed there, where the engine could not be asked again. */
	readonly failure: string | undefined;
};

/**
 * The engines a prune goes to: the one engine, or every engine of a fleet, or the one the panes
 * show alone (`shown`): a prune touches nothing the user is not looking at.
 */
function pruneEngines(
	docker: DockerClient,
	shown: string | undefined,
): readonly PruneEngine[] {
	if (docker.fleet === undefined) {
		return [
			{...oneEngine(docker, undefined), note: undefined, readOnly: false},
		];
	}

	return docker.fleet
		.members()
		.filter(({engine}) => shown === undefined || engine.name === shown)
		.map(({engine, client, cli}) => ({
			name: engine.name,
			client,
			cli,
			note: engine.readOnly
				? 'read-only, not pruned'
				: engine.state.status === 'down'
					? `not reached, not pruned: ${engine.state.error}`
					: engine.state.status === 'connecting'
						? // A silent engine would hold the preview for its whole wait.
							'not connected yet, not pruned'
						: undefined,
			readOnly: engine.readOnly,
		}));
}

/** How long a fleet's preview waits for one engine's answer: a slower one is named and left out. */
const previewWaitMs = 15_000;

/** Creates the prune actions over an engine (or a fleet's engines) and a store. */
export function createPruneActions(options: {
	readonly docker: DockerClient;
	readonly store: Store<AppState>;
	readonly dispatch: (update: Update) => void;
	readonly now: () => number;
	/** How long a fleet's preview waits for one engine. */
	readonly previewWaitMs?: number;
}): PruneActions {
	const {docker, store, dispatch, now} = options;
	const record = recordedCalls(dispatch, now);

	const pruneDialog = (): PruneDialog | undefined => {
		const {dialog} = store.getState().ui;
		return dialog?.kind === 'prune' ? dialog : undefined;
	};

	/** What the engine's own prune would take there now, each item naming the engine in a fleet. */
	const planOn = (
		engine: Pick<PruneEngine, 'name'>,
		dialog: PruneDialog,
		inventory: PruneInventory,
	): PruneItem[] =>
		planPrune(inventory, pruneChoice(dialog, now())).map(item =>
			engine.name === undefined ? item : {...item, engine: engine.name},
		);

	/**
	 * Removes exactly the previewed `chosen` items of one engine, and each only if the engine's own
	 * prune would still take it: the engine is asked again first, and what changed since the
	 * preview (a container started, an image or volume put to use) stays, with the reason.
	 * Removals are never forced, so what changes in between is refused by the engine and reported.
	 */
	const pruneOn = async (
		engine: PruneEngine,
		dialog: PruneDialog,
		chosen: readonly PruneItem[],
	): Promise<PruneOutcome> => {
		if (engine.readOnly) {
			return {removed: [], kept: [], failure: 'read-only, not pruned'};
		}

		let checked: ReturnType<typeof recheckPrune>;
		try {
			const inventory = await pruneInventory(engine.client, dialog);
			checked = recheckPrune(
				chosen,
				planOn(engine, dialog, inventory),
				inventory,
			);
		} catch (error) {
			return {removed: [], kept: [], failure: errorMessage(error)};
		}

		const removed: PruneItem[] = [];
		const kept = checked.kept.map(
			({item, reason}) => `kept ${item.name}: ${reason}`,
		);
		for (const category of removalOrder) {
			const items = checked.go.filter(item => item.category === category);
			const failures = await eachLimited(items, async item => {
				for (const step of pruneSteps(engine.client, item)) {
					await record(step.command, step.run, engine);
				}

				removed.push(item);
			});
			kept.push(
				...failures.map(
					({item, error}) => `kept ${item.name}: ${refusalReason(error)}`,
				),
			);
		}

		return {removed, kept, failure: undefined};
	};

	return {
		async preview() {
			const dialog = pruneDialog();
			if (dialog === undefined) {
				return;
			}

			dispatch(pruneStaged('loading'));
			if (docker.fleet === undefined) {
				const engine = oneEngine(docker, undefined);
				try {
					dispatch(
						prunePreviewed(
							planOn(
								engine,
								dialog,
								await pruneInventory(engine.client, dialog),
							),
						),
					);
				} catch (error) {
					dispatch(pruneStaged('choose'));
					dispatch(
						statusShown(`prune preview failed: ${errorMessage(error)}`, true),
					);
				}

				return;
			}

			// Every engine at once; one that is read-only, down, fails or is slow is named, with why,
			// and left out: it holds up no other.
			const planned = await Promise.all(
				pruneEngines(docker, store.getState().ui.engine).map(async engine => {
					const name = engine.name ?? '';
					if (engine.note !== undefined) {
						return {engine: {name, note: engine.note}, items: []};
					}

					try {
						return {
							engine: {name, note: undefined},
							items: planOn(
								engine,
								dialog,
								await answeredWithin(
									async () => pruneInventory(engine.client, dialog),
									options.previewWaitMs ?? previewWaitMs,
								),
							),
						};
					} catch (error) {
						return {
							engine: {name, note: `not pruned: ${errorMessage(error)}`},
							items: [],
						};
					}
				}),
			);
			dispatch(
				prunePreviewed(
					planned.flatMap(({items}) => items),
					planned.map(({engine}) => engine),
				),
			);
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
			// Each engine with its own items, all at once: one slow engine holds up no other.
			const outcomes = new Map(
				await Promise.all(
					pruneEngines(docker, store.getState().ui.engine).map(async engine => {
						const items = chosen.filter(item => item.engine === engine.name);
						return [
							engine.name,
							items.length === 0
								? undefined
								: await pruneOn(engine, dialog, items),
						] as const;
					}),
				),
			);
			const done = [...outcomes.values()];
			const removed = done.flatMap(outcome => outcome?.removed ?? []);
			const summary = removedText(removed);
			const failure = done.find(
				outcome => outcome?.failure !== undefined,
			)?.failure;
			if (docker.fleet === undefined && failure !== undefined) {
				dispatch(pruneReported([`nothing removed: ${failure}`]));
				dispatch(statusShown(`prune failed: ${failure}`, true));
				return;
			}

			const kept = chosen.length - removed.length;
			dispatch(
				pruneReported(
					docker.fleet === undefined
						? [summary, ...done.flatMap(outcome => outcome?.kept ?? [])]
						: [
								summary,
								...dialog.engines.flatMap(({name, note}) =>
									engineReport(name, note, outcomes.get(name)),
								),
							],
				),
			);
			dispatch(
				statusShown(kept > 0 ? `${summary}; ${kept} kept` : summary, kept > 0),
			);
			await relistAfterWork(options);
		},
	};
}

/** `removed 3 items, reclaimed 14MB`. */
function removedText(removed: readonly PruneItem[]): string {
	return `removed ${plural(removed.length, 'item')}, reclaimed ${formatBytes(pruneBytes(removed))}`;
}

/** One engine's part of a fleet's prune report: what it removed and kept, item by item. */
function engineReport(
	name: string,
	note: string | undefined,
	outcome: PruneOutcome | undefined,
): string[] {
	if (outcome === undefined) {
		return [`${name}: ${note ?? 'nothing removed'}`];
	}

	if (outcome.failure !== undefined) {
		return [`${name}: nothing removed: ${outcome.failure}`];
	}

	return [
		`${name}: ${removedText(outcome.removed)}`,
		...outcome.removed.map(item => `  removed ${item.name}`),
		...outcome.kept.map(line => `  ${line}`),
	];
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
 * The calls on the item's own engine that remove one previewed item, each with the docker command that does the
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
