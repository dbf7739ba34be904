import type {PortMapping} from './domain-types.js';
import {DockerError} from './errors.js';
import {isObject, jsonObject, type Json} from './json.js';
import {comparePorts, number, stringRecord, text, time} from './to-domain.js';

/** A port a service publishes: on the routing mesh (`ingress`) or on the node that runs a task (`host`). */
export type SwarmPort = PortMapping & {
	readonly publishMode: 'ingress' | 'host';
};

/** One row of `GET /services`, as `docker service ls` shows it. */
export type SwarmService = {
	readonly id: string;
	readonly name: string;
	readonly mode: 'replicated' | 'global' | 'replicated-job' | 'global-job';
	/** Tasks running now. */
	readonly running: number;
	/** Tasks wanted: the replica count, or for a global service one per eligible node. */
	readonly desired: number;
	readonly image: string;
	readonly ports: readonly SwarmPort[];
	readonly createdAt: number;
	readonly updatedAt: number;
	/** A rolling update's state (`updating`, `paused`, `completed`, `rollback_started`…), '' for none. */
	readonly updateState: string;
	readonly labels: Readonly<Record<string, string>>;
	/** Ids of the networks its tasks join: the engine keeps these through a network prune. */
	readonly networks: readonly string[];
};

/** One task of a service: a slot's container on a node, current or past. */
export type SwarmTask = {
	readonly id: string;
	readonly serviceId: string;
	/** A replicated service's slot (1, 2…); none for a global service, whose tasks go by node. */
	readonly slot?: number;
	readonly nodeId: string;
	/** What the orchestrator wants: `running`, `shutdown`… */
	readonly desiredState: string;
	/** Where it is: `running`, `failed`, `rejected`, `pending`… */
	readonly state: string;
	readonly message: string;
	/** Why it failed, e.g. `task: non-zero exit (3)`; '' when it did not. */
	readonly error: string;
	readonly containerId: string;
	/** When the orchestrator made it: the newest task of a slot is the one that counts. */
	readonly createdAt: number;
	/** When its state last changed. */
	readonly updatedAt: number;
};

/** Whether a node takes tasks: `drain` moves its tasks away, `pause` keeps them but adds none. */
export type NodeAvailability = 'active' | 'pause' | 'drain';

/** One row of `GET /nodes`. */
export type SwarmNode = {
	readonly id: string;
	readonly hostname: string;
	readonly role: 'manager' | 'worker';
	readonly availability: NodeAvailability;
	/** `ready`, `down`, `disconnected`, `unknown`. */
	readonly status: string;
	readonly address: string;
	readonly engineVersion: string;
	/** `leader`, `reachable`, `unreachable`; '' for a worker. */
	readonly managerStatus: string;
};

function list(value: unknown): Json[] {
	return Array.isArray(value) ? value.filter(isObject) : [];
}

function modeOf(spec: Json): SwarmService['mode'] {
	const mode = jsonObject(spec['Mode']);
	return isObject(mode['Global'])
		? 'global'
		: isObject(mode['ReplicatedJob'])
			? 'replicated-job'
			: isObject(mode['GlobalJob'])
				? 'global-job'
				: 'replicated';
}

function swarmPorts(endpoint: Json, spec: Json): SwarmPort[] {
	// The endpoint lists the ports in force (with the published ones the engine picked); the spec
	// is what was asked for, all an engine that has not converged yet can say.
	const actual = list(endpoint['Ports']);
	const raw =
		actual.length > 0
			? actual
			: list(jsonObject(spec['EndpointSpec'])['Ports']);
	return raw
		.map(port => {
			const publishedPort = number(port['PublishedPort']);
			return {
				privatePort: number(port['TargetPort']),
				protocol: text(port['Protocol']) || 'tcp',
				...(publishedPort > 0 ? {publicPort: publishedPort} : {}),
				publishMode: text(port['PublishMode']) === 'host' ? 'host' : 'ingress',
			} as const;
		})
		.sort(comparePorts);
}

/** Running tasks and the tasks wanted, per service id, for engines whose service list lacks them. */
export type TaskCounts = ReadonlyMap<
	string,
	{readonly running: number; readonly desired: number}
>;

/**
 * Counts what `ServiceStatus` says (API 1.41+) from a list of tasks whose desired state is
 * running, the way `docker service ls` does on older engines: a task counts as running when it
 * runs, and as wanted whatever its state.
 */
export function countTasks(tasks: readonly unknown[]): TaskCounts {
	const counts = new Map<string, {running: number; desired: number}>();
	for (const task of tasks.filter(isObject)) {
		if (text(task['DesiredState']) !== 'running') {
			continue;
		}

		const serviceId = text(task['ServiceID']);
		const count = counts.get(serviceId) ?? {running: 0, desired: 0};
		count.desired++;
		if (text(jsonObject(task['Status'])['State']) === 'running') {
			count.running++;
		}

		counts.set(serviceId, count);
	}

	return counts;
}

/** Maps one entry of `GET /services?status=true`; `counts` stands in for a missing `ServiceStatus`. */
export function toSwarmService(
	raw: unknown,
	counts?: TaskCounts,
): SwarmService | undefined {
	if (!isObject(raw) || typeof raw['ID'] !== 'string') {
		return undefined;
	}

	const id = text(raw['ID']);
	const spec = jsonObject(raw['Spec']);
	const mode = modeOf(spec);
	const containerSpec = jsonObject(
		jsonObject(spec['TaskTemplate'])['ContainerSpec'],
	);
	const status = isObject(raw['ServiceStatus'])
		? raw['ServiceStatus']
		: undefined;
	const counted = counts?.get(id);
	const replicas = number(
		jsonObject(jsonObject(spec['Mode'])['Replicated'])['Replicas'],
	);
	const updateStatus = jsonObject(raw['UpdateStatus']);
	return {
		id,
		name: text(spec['Name']) || id.slice(0, 12),
		mode,
		running:
			status === undefined
				? (counted?.running ?? 0)
				: number(status['RunningTasks']),
		desired:
			mode === 'replicated'
				? replicas
				: status === undefined
					? (counted?.desired ?? 0)
					: number(status['DesiredTasks']),
		image: text(containerSpec['Image']),
		ports: swarmPorts(jsonObject(raw['Endpoint']), spec),
		createdAt: time(raw['CreatedAt']),
		updatedAt: time(raw['UpdatedAt']),
		updateState: text(updateStatus['State']),
		labels: stringRecord(spec['Labels']),
		// The task template's list, or the deprecated one of the service's own spec.
		networks: [
			...list(jsonObject(spec['TaskTemplate'])['Networks']),
			...list(spec['Networks']),
		]
			.map(network => text(network['Target']))
			.filter(Boolean),
	};
}

/** Maps one entry of `GET /tasks`. */
export function toSwarmTask(raw: unknown): SwarmTask | undefined {
	if (!isObject(raw) || typeof raw['ID'] !== 'string') {
		return undefined;
	}

	const status = jsonObject(raw['Status']);
	const slot = number(raw['Slot']);
	return {
		id: text(raw['ID']),
		serviceId: text(raw['ServiceID']),
		...(slot > 0 ? {slot} : {}),
		nodeId: text(raw['NodeID']),
		desiredState: text(raw['DesiredState']),
		state: text(status['State']),
		message: text(status['Message']),
		error: text(status['Err']),
		containerId: text(jsonObject(status['ContainerStatus'])['ContainerID']),
		createdAt: time(raw['CreatedAt']),
		updatedAt: time(status['Timestamp']) || time(raw['UpdatedAt']),
	};
}

const availabilities = new Set<string>(['active', 'pause', 'drain']);

/** Maps one entry of `GET /nodes`. */
export function toSwarmNode(raw: unknown): SwarmNode | undefined {
	if (!isObject(raw) || typeof raw['ID'] !== 'string') {
		return undefined;
	}

	const spec = jsonObject(raw['Spec']);
	const description = jsonObject(raw['Description']);
	const manager = isObject(raw['ManagerStatus'])
		? raw['ManagerStatus']
		: undefined;
	const availability = text(spec['Availability']);
	return {
		id: text(raw['ID']),
		hostname: text(description['Hostname']) || text(raw['ID']).slice(0, 12),
		role: text(spec['Role']) === 'manager' ? 'manager' : 'worker',
		availability: availabilities.has(availability)
			? (availability as NodeAvailability)
			: 'active',
		status: text(jsonObject(raw['Status'])['State']) || 'unknown',
		address: text(jsonObject(raw['Status'])['Addr']),
		engineVersion: text(jsonObject(description['Engine'])['EngineVersion']),
		managerStatus:
			manager === undefined
				? ''
				: manager['Leader'] === true
					? 'leader'
					: text(manager['Reachability']),
	};
}

/**
 * The spec of a service inspected as `raw`, scaled to `replicas`; a global service has no
 * replica count to change, so that is refused in the engine's own words.
 */
export function scaledSpec(raw: unknown, replicas: number): Json {
	const spec = jsonObject(jsonObject(raw)['Spec']);
	if (modeOf(spec) !== 'replicated') {
		throw new DockerError(
			'bad-request',
			`${text(spec['Name'])}: scale can only be used with replicated mode`,
		);
	}

	return {...spec, Mode: {Replicated: {Replicas: replicas}}};
}
