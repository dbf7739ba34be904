import type {
	SwarmNode,
	SwarmService,
	SwarmTask,
} from '../../source/docker/swarm.js';
import type {FakeDockerClient} from './fake-docker-client.js';

/** A replicated service with defaults for every field a test does not care about. */
export function fakeService(
	fields: Partial<SwarmService> & {readonly name: string},
): SwarmService {
	return {
		id: `${fields.name}-service-id`,
		mode: 'replicated',
		running: 1,
		desired: 1,
		image: 'busybox:latest',
		ports: [],
		createdAt: Date.parse('2026-11-01T00:00:00Z'),
		updatedAt: Date.parse('2026-11-01T00:00:00Z'),
		updateState: '',
		labels: {},
		networks: [],
		...fields,
	};
}

/** A running task of `service` in `slot`. */
export function fakeTask(
	service: SwarmService,
	slot: number,
	fields: Partial<SwarmTask> = {},
): SwarmTask {
	return {
		id: `${service.name}-task-${slot}`,
		serviceId: service.id,
		slot,
		nodeId: 'node-1',
		desiredState: 'running',
		state: 'running',
		message: 'started',
		error: '',
		containerId: '',
		createdAt: Date.parse('2026-11-01T00:00:00Z'),
		updatedAt: Date.parse('2026-11-01T00:00:00Z'),
		...fields,
	};
}

/** An active, ready manager node. */
export function fakeNode(
	fields: Partial<SwarmNode> & {readonly hostname: string},
): SwarmNode {
	return {
		id: `${fields.hostname}-node-id`,
		role: 'manager',
		availability: 'active',
		status: 'ready',
		address: '127.0.0.1',
		engineVersion: '20.10.24',
		managerStatus: 'leader',
		...fields,
	};
}

/** Makes the fake engine a Swarm manager with these services, their tasks and nodes. */
export function makeManager(
	fake: FakeDockerClient,
	swarm: {
		readonly services: readonly SwarmService[];
		readonly tasks?: readonly SwarmTask[];
		readonly nodes: readonly SwarmNode[];
	},
): void {
	fake.system = {...fake.system, isSwarmManager: true};
	fake.services = [...swarm.services];
	fake.tasks = [...(swarm.tasks ?? [])];
	fake.nodes = [...swarm.nodes];
}
