import type {
	FleetList,
	FleetRows,
	ContainerSummary,
	DiskUsage,
	DockerClient,
	DockerEvent,
	EngineTag,
	FleetEngine,
	FleetEngineState,
} from './docker-client.js';
import {answeredWithin} from './answered-within.js';
import {DockerError, errorMessage} from './errors.js';
import {fleetId, splitFleetId} from './fleet-ids.js';

/** One engine of a fleet, as the command line or the config file named it. */
export type FleetMember = {
	readonly name: string;
	readonly client: DockerClient;
	/** Refuse every call that changes this engine. */
	readonly readOnly: boolean;
	/** What reaches it from the docker CLI: `docker --context lab`, `DOCKER_HOST=ssh://a docker`. */
	readonly cli: string;
};

/**
 * How long an engine may take to answer a list before its rows show as stale (its last list, dimmed):
 * it is slow or out of reach.
 */
export const defaultListWaitMs = 1500;

/**
 * Once one engine has answered a list, how long the others are waited for before the list is shown
 * without them: rows appear as each engine answers, and those answering within this come in one frame.
 */
const defaultGraceMs = 100;

/** How long an engine's list is waited for at most before it is asked again. */
const defaultAbandonMs = 30_000;

/**
 * How long an engine is given to say what it is, each time it is (re)connected: one that takes a
 * connection and never answers is shown down, with why, and tried again like one that refused.
 */
const defaultAnswerWaitMs = 10_000;

/** How an engine's event stream is retried after it dropped. */
const retryMs = {first: 500, max: 8000};

/** A member's last good lists, kept to show while it is out of reach. */
type Lists = {-readonly [K in FleetList]?: FleetRows[K]};

const listKinds: readonly FleetList[] = [
	'containers',
	'images',
	'volumes',
	'networks',
];

/** What a promise is settled with, when only its settling counts. */
const settled = (): void => undefined;

/** Calls on one engine that change it: refused on a read-only member. */
const readOnlyRefusal = (name: string): DockerError =>
	new DockerError(
		'permission-denied',
		`${name} is read-only: nothing on it is changed`,
	);

/**
 * A {@link DockerClient} over several engines at once: lists are every engine's rows together,
 * each tagged with its engine and its id made unique ({@link fleetId}); a call on one object goes
 * to the engine its id names. An engine that does not answer keeps its last rows, marked stale,
 * while the others carry on; its event stream is retried on its own.
 */
export function createFleetClient(
	members: readonly FleetMember[],
	options: {
		readonly listWaitMs?: number;
		readonly graceMs?: number;
		readonly abandonMs?: number;
		readonly answerWaitMs?: number;
		readonly now?: () => number;
	} = {},
): DockerClient {
	const listWaitMs = options.listWaitMs ?? defaultListWaitMs;
	const graceMs = options.graceMs ?? defaultGraceMs;
	const abandonMs = options.abandonMs ?? defaultAbandonMs;
	const answerWaitMs = options.answerWaitMs ?? defaultAnswerWaitMs;
	const now = options.now ?? Date.now;
	const states: FleetEngineState[] = members.map(() => ({
		status: 'connecting',
	}));
	const products: (string | undefined)[] = members.map(() => undefined);
	// Which members manage a Swarm, and which Swarm, as their last systemInfo said.
	const managers: boolean[] = members.map(() => false);
	const clusters: (string | undefined)[] = members.map(() => undefined);
	/**
	 * Whether member `index` lists its Swarm's services and nodes: it manages one, and is the one
	 * manager of that Swarm in the fleet chosen to (two would list it twice), a writable one where
	 * there is one, so that scaling or removing from the list is not refused.
	 */
	const listsSwarm = (index: number): boolean => {
		const cluster = clusters[index];
		if (managers[index] !== true || cluster === undefined) {
			return managers[index] === true;
		}

		const same = members
			.map((_member, each) => each)
			.filter(each => managers[each] === true && clusters[each] === cluster);
		return (
			(same.find(each => members[each]?.readOnly !== true) ?? same[0]) === index
		);
	};
	const lists: Lists[] = members.map(() => ({}));
	const listeners = new Set<(list?: FleetList) => void>();
	const notify = (list?: FleetList): void => {
		for (const listener of listeners) {
			listener(list);
		}
	};

	const setState = (index: number, state: FleetEngineState): void => {
		states[index] = state;
		if (state.status === 'down') {
			// Its lists under way will not come, or come stale: it is listed again once it is back.
			for (const kind of listKinds) {
				asking.get(`${index}:${kind}`)?.controller.abort();
			}
		}

		notify();
	};

	/** The member an id names, with the engine's own id; a {@link DockerError} if none. */
	const route = (
		id: string,
	): {readonly member: FleetMember; readonly id: string} => {
		const split = splitFleetId(id);
		const member = split === undefined ? undefined : members[split.engine];
		if (split === undefined || member === undefined) {
			throw new DockerError(
				'bad-request',
				`${id} names no engine of the fleet: press c to choose one engine for this`,
			);
		}

		return {member, id: split.id};
	};

	/** The member an id names, refusing a read-only one: for calls that change the engine. */
	const routeChange = (
		id: string,
	): {readonly member: FleetMember; readonly id: string} => {
		const routed = route(id);
		if (routed.member.readOnly) {
			throw readOnlyRefusal(routed.member.name);
		}

		return routed;
	};

	/** A call on one object, made on the engine its id names with that engine's own id. */
	const onEngine = <T>(
		id: string,
		call: (client: DockerClient, own: string) => T,
	): T => {
		const routed = route(id);
		return call(routed.member.client, routed.id);
	};

	/** As {@link onEngine}, for a call that changes the engine: refused on a read-only one. */
	const onEngineChanged = <T>(
		id: string,
		call: (client: DockerClient, own: string) => T,
	): T => {
		const routed = routeChange(id);
		return call(routed.member.client, routed.id);
	};

	/** What `asked` answers within {@link listWaitMs}; undefined if it fails or is later. */
	const withinWait = async <T>(asked: Promise<T>): Promise<T | undefined> =>
		answeredWithin(async () => asked, listWaitMs).catch(() => undefined);

	/**
	 * `ask` of every member, each within {@link listWaitMs}: a member that fails or is late is
	 * left out, and holds up no other.
	 */
	const askEach = async <T>(
		ask: (member: FleetMember, index: number) => Promise<T>,
	): Promise<(T | undefined)[]> =>
		Promise.all(
			members.map(async (member, index) => withinWait(ask(member, index))),
		);

	/** Each member's Swarm objects of one kind, their ids and the ids they name made the fleet's. */
	const listSwarm = async <T>(
		list: (client: DockerClient) => Promise<T[]>,
		tag: (item: T, index: number) => T,
	): Promise<T[]> => {
		const parts = await askEach(async (member, index) =>
			listsSwarm(index)
				? (await list(member.client)).map(item => tag(item, index))
				: [],
		);
		return parts.flatMap(part => part ?? []);
	};

	const tagOf = (index: number, stale: boolean): EngineTag => ({
		engine: members[index]?.name ?? '',
		...(stale ? {stale: true} : {}),
	});

	/**
	 * The lists (`<member>:<kind>`) asked for {@link listWaitMs} ago and not answered yet: their rows
	 * show as stale. A timer says so, not a clock read against the time asked: a timer may fire a
	 * little before the clock says its time is up.
	 */
	const late = new Set<string>();
	/** The lists (`<member>:<kind>`) whose last asking failed. */
	const failed = new Set<string>();
	/** Each list under way (`<member>:<kind>`), and the one asked for to follow it. */
	const asking = new Map<
		string,
		{
			readonly current: Promise<unknown[]>;
			readonly controller: AbortController;
			next?: Promise<unknown[]>;
		}
	>();

	const listers: {
		readonly [K in FleetList]: (
			client: DockerClient,
			signal: AbortSignal,
		) => Promise<FleetRows[K]>;
	} = {
		containers: async (client, signal) => client.listContainers(signal),
		images: async (client, signal) => client.listImages(signal),
		volumes: async (client, signal) => client.listVolumes(signal),
		networks: async (client, signal) => client.listNetworks(signal),
	};

	const tagContainer = (
		container: ContainerSummary,
		index: number,
		tag: EngineTag,
	): ContainerSummary => ({
		...container,
		...tag,
		id: fleetId(container.id, index),
		imageId: fleetId(container.imageId, index),
	});
	const taggers: {
		readonly [K in FleetList]: (
			item: FleetRows[K][number],
			index: number,
			tag: EngineTag,
		) => FleetRows[K][number];
	} = {
		containers: tagContainer,
		images: (image, index, tag) => ({
			...image,
			...tag,
			id: fleetId(image.id, index),
		}),
		volumes: (volume, index, tag) => ({
			...volume,
			...tag,
			id: fleetId(volume.name, index),
		}),
		networks: (network, index, tag) => ({
			...network,
			...tag,
			id: fleetId(network.id, index),
		}),
	};

	/** Asks member `index` for its list of `kind` now, keeping the answer (or that it failed). */
	const begin = (
		member: FleetMember,
		index: number,
		kind: FleetList,
	): Promise<unknown[]> => {
		const key = `${index}:${kind}`;
		const timer = setTimeout(() => {
			late.add(key);
			notify(kind);
		}, listWaitMs);
		timer.unref();
		// Aborted when the member goes down; a list that never comes (a connection gone silent) is
		// given up at {@link abandonMs}, so that the next is asked.
		const controller = new AbortController();
		const current = answeredWithin(
			async signal => listers[kind](member.client, signal),
			abandonMs,
			{signal: controller.signal, background: true},
		).then(
			items => {
				(lists[index] as Record<FleetList, unknown>)[kind] = items;
				failed.delete(key);
				late.delete(key);
				return items;
			},
			(error: unknown) => {
				failed.add(key);
				throw error;
			},
		);
		asking.set(key, {current, controller});
		void current.then(settled, settled).then(() => {
			clearTimeout(timer);
			if (asking.get(key)?.current === current) {
				asking.delete(key);
			}
		});
		return current;
	};

	/**
	 * Member `index`'s list of `kind`, asked for now; while one is under way, the one that follows
	 * it. That one under way may have been asked before what this list is wanted for happened, so
	 * it is not enough; but every list wanted while it is under way shares the one that follows: a
	 * slow engine is asked no more often than it answers.
	 */
	const ask = async (
		member: FleetMember,
		index: number,
		kind: FleetList,
	): Promise<unknown[]> => {
		const slot = asking.get(`${index}:${kind}`);
		if (slot === undefined) {
			return begin(member, index, kind);
		}

		slot.next ??= slot.current
			.then(settled, settled)
			.then(async () => begin(member, index, kind));
		return slot.next;
	};

	/** Whether member `index`'s rows of `kind` show as stale: it is down, failed, or late. */
	const isStale = (index: number, kind: FleetList): boolean =>
		states[index]?.status === 'down' ||
		failed.has(`${index}:${kind}`) ||
		late.has(`${index}:${kind}`);

	/**
	 * Each member's rows of each kind as last tagged, with the list and the staleness they were
	 * tagged from: rows shown again unchanged are the same objects, which the state keeps as they are.
	 */
	const tagged = new Map<
		string,
		{readonly from: unknown; readonly stale: boolean; readonly rows: unknown[]}
	>();

	/** Every member's last list of `kind`, each row tagged with its engine, stale where so. */
	const shown = <K extends FleetList>(kind: K): FleetRows[K] =>
		members.flatMap((_member, index) => {
			const key = `${index}:${kind}`;
			const stale = isStale(index, kind);
			const from = (lists[index] as Record<FleetList, unknown>)[kind];
			const last = tagged.get(key);
			if (last !== undefined && last.from === from && last.stale === stale) {
				return last.rows;
			}

			const tag = tagOf(index, stale);
			const rows = ((from ?? []) as FleetRows[K]).map(item =>
				taggers[kind](item as never, index, tag),
			);
			tagged.set(key, {from, stale, rows});
			return rows;
		}) as FleetRows[K];

	/**
	 * Every member's list of one kind. The list is given once every member answered, or {@link graceMs}
	 * after the first did, or at {@link listWaitMs}: a member that has not answered yet shows its last
	 * list, marked stale once it failed, is down, or has left a list unanswered for {@link listWaitMs}.
	 * Its answer, whenever it comes, is told (naming its list) for {@link Fleet.shown} to show, and so
	 * is its turning stale.
	 */
	const listAll = async <K extends FleetList>(
		kind: K,
		signal?: AbortSignal,
	): Promise<FleetRows[K]> => {
		let firstAnswer: () => void = () => undefined;
		const answered = new Promise<void>(resolve => {
			firstAnswer = resolve;
		});
		const timers: NodeJS.Timeout[] = [];
		let isGiven = false;
		const asked = members.map(async (member, index) =>
			ask(member, index, kind).then(
				() => {
					firstAnswer();
					if (isGiven) {
						// Its rows show with the fleet's rows as they stand, which this tells to look at.
						notify(kind);
					}
				},
				() => undefined,
			),
		);
		const waited = (delayMs: number): Promise<void> =>
			new Promise(resolve => {
				timers.push(setTimeout(resolve, delayMs));
			});
		let stopWaiting: () => void = () => undefined;
		const aborted = new Promise<void>(resolve => {
			stopWaiting = resolve;
		});
		signal?.addEventListener('abort', stopWaiting, {once: true});
		await Promise.race([
			Promise.all(asked),
			answered.then(async () => waited(graceMs)),
			waited(listWaitMs),
			aborted,
		]);
		signal?.removeEventListener('abort', stopWaiting);
		for (const timer of timers) {
			clearTimeout(timer);
		}

		signal?.throwIfAborted();
		isGiven = true;
		return shown(kind);
	};

	/** An event of one member, as the fleet shows it: its object's id made unique, its engine named. */
	const tagEvent = (event: DockerEvent, index: number): DockerEvent => ({
		...event,
		id: fleetId(event.id, index),
		engine: members[index]?.name ?? '',
	});

	/** Follows one member's events into `push`, reconnecting with backoff until `signal` aborts. */
	const follow = async (
		index: number,
		member: FleetMember,
		push: (event: DockerEvent) => void,
		signal: AbortSignal,
	): Promise<void> => {
		// A function, not `signal.aborted` inline: the compiler would keep its narrowing across awaits.
		const isStopped = (): boolean => signal.aborted;
		let backoff = retryMs.first;
		while (!signal.aborted) {
			try {
				const info = await answeredWithin(
					async asked => member.client.engineInfo(asked),
					answerWaitMs,
					{signal},
				);
				products[index] = `${info.product} ${info.version}`;
				setState(index, {status: 'connected'});
				// Its lists again, as it is now that it is back (or first up): what changed while it was
				// away came with no event, and only its own lists can have.
				for (const kind of listKinds) {
					void ask(member, index, kind).then(() => {
						notify(kind);
					}, settled);
				}

				backoff = retryMs.first;
				for await (const event of member.client.events(signal)) {
					push(tagEvent(event, index));
				}

				if (!isStopped()) {
					throw new DockerError(
						'unreachable',
						`${member.name} closed the event stream`,
					);
				}
			} catch (error) {
				if (isStopped()) {
					return;
				}

				setState(index, {
					status: 'down',
					error: errorMessage(error),
					retryAt: now() + backoff,
				});
				await new Promise<void>(resolve => {
					const timer = setTimeout(resolve, backoff);
					signal.addEventListener(
						'abort',
						() => {
							clearTimeout(timer);
							resolve();
						},
						{once: true},
					);
				});
				backoff = Math.min(backoff * 2, retryMs.max);
			}
		}
	};

	const notInFleet = (what: string): DockerError =>
		new DockerError(
			'bad-request',
			`${what} needs one engine: press c to choose one of the fleet`,
		);

	const first = members[0];
	if (first === undefined) {
		throw new Error('a fleet needs at least one engine');
	}

	const engineAt = (member: FleetMember, index: number): FleetEngine => ({
		name: member.name,
		readOnly: member.readOnly,
		state: states[index] ?? {status: 'connecting'},
		product: products[index],
	});

	const client: DockerClient = {
		endpoint: `fleet of ${members.length}: ${members.map(member => member.name).join(', ')}`,
		fleet: {
			engines: (): readonly FleetEngine[] => members.map(engineAt),
			members: () =>
				members.map((member, index) => ({
					engine: engineAt(member, index),
					client: member.client,
					cli: member.cli,
				})),
			subscribe(listener) {
				listeners.add(listener);
				return () => {
					listeners.delete(listener);
				};
			},
			shown,
			engineOf: id => {
				const split = splitFleetId(id);
				return split === undefined ? undefined : members[split.engine]?.name;
			},
			onEngineOf: (id, reference) => {
				const split = splitFleetId(id);
				return split === undefined
					? reference
					: fleetId(reference, split.engine);
			},
			member(name) {
				const index = members.findIndex(member => member.name === name);
				const member = members[index];
				if (member === undefined) {
					throw new DockerError(
						'bad-request',
						`${name} is no engine of the fleet`,
					);
				}

				if (member.readOnly) {
					throw readOnlyRefusal(name);
				}

				return {
					name,
					client: member.client,
					cli: member.cli,
					listedId: id => fleetId(id, index),
				};
			},
			cliOf: id => {
				const split = splitFleetId(id);
				return (
					(split === undefined ? undefined : members[split.engine]?.cli) ??
					'docker'
				);
			},
		},
		// The fleet answers when any engine does: the others join as they come.
		async ping(signal) {
			await Promise.any(
				members.map(async member => member.client.ping(signal)),
			).catch((error: unknown) => {
				throw error instanceof AggregateError
					? (error.errors[0] as Error)
					: error;
			});
		},
		engineInfo: async () =>
			Promise.resolve({
				product: 'fleet',
				version: `of ${members.length}`,
				apiVersion: '',
				os: '',
				arch: '',
			}),
		listContainers: async signal => listAll('containers', signal),
		listImages: async signal => listAll('images', signal),
		listVolumes: async signal => listAll('volumes', signal),
		listNetworks: async signal => listAll('networks', signal),
		async *events(signal) {
			// Every engine's stream into one queue; the merged stream ends only when told to.
			const queue: DockerEvent[] = [];
			let wake: (() => void) | undefined;
			const push = (event: DockerEvent): void => {
				queue.push(event);
				wake?.();
			};

			const done = Promise.all(
				members.map(async (member, index) =>
					follow(index, member, push, signal),
				),
			);
			const stopped = new Promise<void>(resolve => {
				signal.addEventListener('abort', () => {
					resolve();
				});
			});
			while (!signal.aborted) {
				const event = queue.shift();
				if (event === undefined) {
					await Promise.race([
						new Promise<void>(resolve => {
							wake = resolve;
						}),
						stopped,
					]);
					wake = undefined;
					continue;
				}

				yield event;
			}

			await done;
		},
		async pastEvents(span) {
			const parts = await Promise.all(
				members.map(async (member, index) =>
					member.client.pastEvents(span).then(
						events => events.map(event => tagEvent(event, index)),
						() => [],
					),
				),
			);
			return parts.flat().sort((a, b) => a.timeNano - b.timeNano);
		},
		async inspectContainer(id) {
			return onEngine(id, (client, own) => client.inspectContainer(own));
		},
		async inspectImage(reference) {
			return onEngine(reference, (client, own) => client.inspectImage(own));
		},
		async imageHistory(reference) {
			return onEngine(reference, (client, own) => client.imageHistory(own));
		},
		// Figures are measured against each container's own engine; the fleet's host is no host. A
		// fleet manages a Swarm where one of its engines does: the Swarm calls go to those.
		async systemInfo(signal) {
			const infos = await askEach(async member =>
				member.client.systemInfo(signal),
			);
			infos.forEach((info, index) => {
				if (info !== undefined) {
					managers[index] = info.isSwarmManager;
					clusters[index] = info.swarmCluster;
				}
			});
			return {
				cpus: 0,
				memory: 0,
				cgroupDriver: undefined,
				cgroupVersion: '',
				isSwarmManager: managers.includes(true),
			};
		},
		async containerLimits(id, signal) {
			return onEngine(id, (client, own) => client.containerLimits(own, signal));
		},
		stats(id, signal) {
			return onEngine(id, (client, own) => client.stats(own, signal));
		},
		logs(id, options) {
			return onEngine(id, (client, own) => client.logs(own, options));
		},
		openCgroupMeter: () => undefined,
		hostShell: () => undefined,
		async containerAction(id, action) {
			await onEngineChanged(id, (client, own) =>
				client.containerAction(own, action),
			);
		},
		async removeContainer(id, options) {
			await onEngineChanged(id, (client, own) =>
				client.removeContainer(own, options),
			);
		},
		async removeImage(reference, options) {
			return onEngineChanged(reference, (client, own) =>
				client.removeImage(own, options),
			);
		},
		async imageParentIds(signal) {
			const parts = await Promise.all(
				members.map(async (member, index) =>
					member.client.imageParentIds(signal).then(
						ids => [...ids].map(id => fleetId(id, index)),
						() => [],
					),
				),
			);
			return new Set(parts.flat());
		},
		async removeVolume(id) {
			await onEngineChanged(id, (client, own) => client.removeVolume(own));
		},
		async removeNetwork(id) {
			await onEngineChanged(id, (client, own) => client.removeNetwork(own));
		},
		createVolume: async () => Promise.reject(notInFleet('creating a volume')),
		createNetwork: async () => Promise.reject(notInFleet('creating a network')),
		async inspectVolume(id) {
			return onEngine(id, (client, own) => client.inspectVolume(own));
		},
		async inspectNetwork(id) {
			return onEngine(id, (client, own) => client.inspectNetwork(own));
		},
		async systemDetails(signal) {
			return first.client.systemDetails(signal);
		},
		// Each engine removes its own records, refusing where read-only; the bytes are summed.
		async removeBuildCache(ids) {
			const byMember = new Map<FleetMember, string[]>();
			for (const id of ids) {
				const routed = routeChange(id);
				byMember.set(routed.member, [
					...(byMember.get(routed.member) ?? []),
					routed.id,
				]);
			}

			const reclaimed = await Promise.all(
				[...byMember].map(async ([member, own]) =>
					member.client.removeBuildCache(own),
				),
			);
			return reclaimed.reduce((sum, bytes) => sum + bytes, 0);
		},
		async diskUsage(signal) {
			const parts = await Promise.all(
				members.map(async (member, index) =>
					member.client.diskUsage(signal).then(usage => ({usage, index})),
				),
			);
			const retag = <V>(map: ReadonlyMap<string, V>, index: number) =>
				[...map].map(([id, value]): [string, V] => [fleetId(id, index), value]);
			const usage: DiskUsage = {
				containerSizes: new Map(
					parts.flatMap(({usage, index}) => retag(usage.containerSizes, index)),
				),
				imageSizes: new Map(
					parts.flatMap(({usage, index}) => retag(usage.imageSizes, index)),
				),
				volumes: parts.flatMap(({usage, index}) =>
					usage.volumes.map(volume => ({
						...volume,
						id: fleetId(volume.name, index),
					})),
				),
				buildCache: parts.flatMap(({usage, index}) =>
					usage.buildCache.map(record => ({
						...record,
						id: fleetId(record.id, index),
					})),
				),
				layersSize: parts.every(({usage}) => usage.layersSize !== undefined)
					? parts.reduce((sum, {usage}) => sum + (usage.layersSize ?? 0), 0)
					: undefined,
			};
			return usage;
		},
		async readFile(id, path) {
			return onEngine(id, (client, own) => client.readFile(own, path));
		},
		getArchive(id, path, signal) {
			return onEngine(id, (client, own) =>
				client.getArchive(own, path, signal),
			);
		},
		async putArchive(id, path, archive, signal) {
			await onEngineChanged(id, (client, own) =>
				client.putArchive(own, path, archive, signal),
			);
		},
		async processes(id, signal) {
			return onEngine(id, (client, own) => client.processes(own, signal));
		},
		async signalProcess(id, pid, signal) {
			await onEngineChanged(id, (client, own) =>
				client.signalProcess(own, pid, signal),
			);
		},
		async isolation(id) {
			return onEngine(id, (client, own) => client.isolation(own));
		},
		async changes(id, signal) {
			return onEngine(id, (client, own) => client.changes(own, signal));
		},
		async fileExists(id, path) {
			return onEngine(id, (client, own) => client.fileExists(own, path));
		},
		async containerUser(id) {
			return onEngine(id, (client, own) => client.containerUser(own));
		},
		async listServices(signal) {
			return listSwarm(
				async engine => engine.listServices(signal),
				(service, index) => ({
					...service,
					id: fleetId(service.id, index),
					networks: service.networks.map(id => fleetId(id, index)),
				}),
			);
		},
		async listTasks(serviceId, signal) {
			const routed = route(serviceId);
			const index = members.indexOf(routed.member);
			const tasks = await routed.member.client.listTasks(routed.id, signal);
			return tasks.map(task => ({
				...task,
				id: fleetId(task.id, index),
				serviceId: fleetId(task.serviceId, index),
				nodeId: fleetId(task.nodeId, index),
				containerId:
					task.containerId === '' ? '' : fleetId(task.containerId, index),
			}));
		},
		async listNodes(signal) {
			return listSwarm(
				async engine => engine.listNodes(signal),
				(node, index) => ({...node, id: fleetId(node.id, index)}),
			);
		},
		async scaleService(id, replicas) {
			await onEngineChanged(id, (client, own) =>
				client.scaleService(own, replicas),
			);
		},
		async removeService(id) {
			await onEngineChanged(id, (client, own) => client.removeService(own));
		},
		async setNodeAvailability(id, availability) {
			await onEngineChanged(id, (client, own) =>
				client.setNodeAvailability(own, availability),
			);
		},
		async *serviceLogs(id, options) {
			const routed = route(id);
			const index = members.indexOf(routed.member);
			for await (const lines of routed.member.client.serviceLogs(
				routed.id,
				options,
			)) {
				yield lines.map(line =>
					line.taskId === undefined
						? line
						: {...line, taskId: fleetId(line.taskId, index)},
				);
			}
		},
		cliEnvironment: () => ({
			ok: false,
			reason: 'compose needs one engine: press c to choose one of the fleet',
		}),
		pullImage() {
			throw notInFleet('pulling an image');
		},
		buildImage() {
			throw notInFleet('building an image');
		},
		createContainer: async () =>
			Promise.reject(notInFleet('creating a container')),
		async startAttached(id, size) {
			return onEngineChanged(id, (client, own) =>
				client.startAttached(own, size),
			);
		},
		async exec(id, options) {
			return onEngineChanged(id, (client, own) => client.exec(own, options));
		},
	};
	return client;
}
