import {abortableRequest, type Abortable} from './abort-fanout.js';
import type {DockerClient} from './docker-client.js';
import type {LogLine} from './domain-types.js';
import {isObject, jsonObject} from './json.js';
import {followLogs, type LogsCall} from './logs.js';
import {
	countTasks,
	scaledSpec,
	toSwarmNode,
	toSwarmService,
	toSwarmTask,
} from './swarm.js';
import {number} from './to-domain.js';

// The Swarm part of the client, made with dockerode. Apart from the readers in swarm.ts, whose types
// the client interface names, so that neither imports the other.

/** How the engine wants an update: the version it last gave, in the query, and the whole new spec. */
type VersionedUpdate = {
	readonly _query: {readonly version: number};
	readonly _body: unknown;
};

/** The Swarm calls we make, typed as dockerode implements them. */
export type SwarmApi = {
	listServices(
		options: Abortable & {readonly status: boolean},
	): Promise<unknown[]>;
	listTasks(
		options: Abortable & {
			readonly filters: Readonly<Record<string, readonly string[]>>;
		},
	): Promise<unknown[]>;
	listNodes(options: Abortable): Promise<unknown[]>;
	getService(id: string): {
		inspect(options: Abortable): Promise<unknown>;
		update(options: VersionedUpdate): Promise<unknown>;
		remove(): Promise<unknown>;
		logs: LogsCall;
	};
	getNode(id: string): {
		inspect(options: Abortable): Promise<unknown>;
		update(options: VersionedUpdate): Promise<unknown>;
	};
};

/** The Swarm part of {@link DockerClient}. */
export type SwarmCalls = Pick<
	DockerClient,
	| 'listServices'
	| 'listTasks'
	| 'listNodes'
	| 'scaleService'
	| 'removeService'
	| 'setNodeAvailability'
	| 'serviceLogs'
>;

function versionOf(raw: unknown): number {
	return number(jsonObject(jsonObject(raw)['Version'])['Index']);
}

/** The service's own TTY setting decides how its logs come: raw, or in multiplexed frames. */
function serviceTty(raw: unknown): boolean {
	const containerSpec = jsonObject(
		jsonObject(jsonObject(jsonObject(raw)['Spec'])['TaskTemplate'])[
			'ContainerSpec'
		],
	);
	return containerSpec['TTY'] === true;
}

/** The Swarm calls of {@link DockerClient}, made with dockerode; `fail` turns errors into DockerErrors. */
export function swarmCalls(
	api: SwarmApi,
	fail: (error: unknown) => never,
): SwarmCalls {
	return {
		async listServices(signal) {
			const raw = await abortableRequest(signal, fail, async options =>
				api.listServices({status: true, ...options}),
			);
			// Engines before API 1.41 do not count tasks in the service list.
			const counts = raw.some(
				service => isObject(service) && !isObject(service['ServiceStatus']),
			)
				? countTasks(
						await abortableRequest(signal, fail, async options =>
							api.listTasks({
								filters: {'desired-state': ['running']},
								...options,
							}),
						),
					)
				: undefined;
			return raw
				.map(service => toSwarmService(service, counts))
				.filter(service => service !== undefined);
		},
		async listTasks(serviceId, signal) {
			const raw = await abortableRequest(signal, fail, async options =>
				api.listTasks({filters: {service: [serviceId]}, ...options}),
			);
			return raw.map(toSwarmTask).filter(task => task !== undefined);
		},
		async listNodes(signal) {
			const raw = await abortableRequest(signal, fail, async options =>
				api.listNodes(options),
			);
			return raw.map(toSwarmNode).filter(node => node !== undefined);
		},
		async scaleService(id, replicas) {
			const service = api.getService(id);
			const raw = await service.inspect({}).catch(fail);
			await service
				.update({
					_query: {version: versionOf(raw)},
					_body: scaledSpec(raw, replicas),
				})
				.catch(fail);
		},
		async removeService(id) {
			await api.getService(id).remove().catch(fail);
		},
		async setNodeAvailability(id, availability) {
			const node = api.getNode(id);
			const raw = await node.inspect({}).catch(fail);
			await node
				.update({
					_query: {version: versionOf(raw)},
					_body: {
						...jsonObject(jsonObject(raw)['Spec']),
						Availability: availability,
					},
				})
				.catch(fail);
		},
		serviceLogs(id, options): AsyncIterable<readonly LogLine[]> {
			const service = api.getService(id);
			return followLogs(
				{
					// The container logs decoder asks a container's Config whether it has a TTY.
					inspect: async ({abortSignal}) => ({
						Config: {
							Tty: serviceTty(await service.inspect({abortSignal})),
						},
					}),
					logs: async logOptions => service.logs(logOptions),
				},
				// Which task printed each line, as `docker service logs` shows it.
				{...options, details: true},
				fail,
			);
		},
	};
}
