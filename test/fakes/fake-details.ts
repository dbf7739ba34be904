import type {
	ContainerLimits,
	ContainerSummary,
	ImageSummary,
} from '../../source/docker/docker-client.js';
import type {
	ContainerDetails,
	ImageDetails,
	Inspected,
} from '../../source/docker/inspect.js';

/** What the fake engine's inspect answers with: the details, and them as the JSON. */
export function fakeInspected<T>(details: T): Inspected<T> {
	return {details, json: JSON.stringify(details, null, 2)};
}

/** A container's details as its list row implies them, with what a test sets on top. */
export function fakeContainerDetails(
	container: ContainerSummary,
	limits: ContainerLimits | undefined,
	extra: Partial<ContainerDetails> = {},
): ContainerDetails {
	const exited = /^Exited \((\d+)\)/.exec(container.status);
	return {
		id: container.id,
		name: container.name,
		createdAt: container.createdAt,
		image: container.image,
		imageId: container.imageId,
		entrypoint: [],
		cmd: container.command.split(' '),
		workingDir: '',
		user: '',
		tty: false,
		env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
		labels: container.labels,
		mounts: [],
		ports: container.ports,
		networks: container.networks.map(name => ({name, ipAddress: ''})),
		restartPolicy: {name: 'no', maximumRetryCount: 0},
		restartCount: 0,
		state: {
			status: container.state,
			exitCode: Number(exited?.[1] ?? 0),
			oomKilled: false,
			error: '',
			pid: container.state === 'running' ? 4242 : 0,
			startedAt: container.createdAt,
			finishedAt: 0,
		},
		health: undefined,
		limits: {
			cpus: limits?.cpus,
			memory: limits?.memory,
			pids: limits?.pids,
			memorySwap: undefined,
			memoryReservation: undefined,
			cpuShares: undefined,
			cpusetCpus: '',
		},
		namespaces: {
			pid: '',
			ipc: 'private',
			uts: '',
			network: 'default',
			user: '',
			cgroup: 'private',
		},
		cgroupParent: '',
		privileged: false,
		readOnlyRootfs: false,
		capAdd: [],
		capDrop: [],
		logDriver: 'json-file',
		...extra,
	};
}

/** An image's details as its list row implies them. */
export function fakeImageDetails(image: ImageSummary): ImageDetails {
	return {
		id: image.id,
		tags: image.tags,
		digests: [],
		createdAt: image.createdAt,
		size: image.size,
		architecture: 'amd64',
		os: 'linux',
		variant: '',
		author: '',
		entrypoint: [],
		cmd: ['/bin/sh'],
		workingDir: '',
		user: '',
		env: [],
		exposedPorts: [],
		labels: image.labels,
		layerCount: 1,
	};
}

/** What inspect says of a container the OOM killer ended: exit code 137 and `OOMKilled`. */
export const oomKilledDetails: Partial<ContainerDetails> = {
	state: {
		status: 'exited',
		exitCode: 137,
		oomKilled: true,
		error: '',
		pid: 0,
		startedAt: 0,
		finishedAt: 0,
	},
};
