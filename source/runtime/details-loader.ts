import {splitFleetId} from '../docker/fleet-ids.js';
import {errorMessage} from '../docker/errors.js';
import type {DockerClient} from '../docker/docker-client.js';
import {
	detailsLoaded,
	detailsOpened,
	type DetailsPayload,
	type DetailsTarget,
} from '../state/details.js';
import type {Update} from '../state/app-state.js';

/** How each kind of object is looked up: one entry per kind in {@link DetailsPayload}. */
const loaders: {
	readonly [K in DetailsPayload['kind']]: (
		docker: DockerClient,
		id: string,
	) => Promise<Extract<DetailsPayload, {kind: K}>>;
} = {
	async container(docker, id) {
		return {kind: 'container', inspected: await docker.inspectContainer(id)};
	},
	async image(docker, id) {
		const [inspected, history] = await Promise.all([
			docker.inspectImage(id),
			docker.imageHistory(id),
		]);
		return {kind: 'image', inspected, history};
	},
	// The engine's answer names only running users of a network and none of a volume: the list tells all.
	async volume(docker, name) {
		const [inspected, containers] = await Promise.all([
			docker.inspectVolume(name),
			docker.listContainers(),
		]);
		// In a fleet: the containers of the volume's own engine that mount it by its own name.
		const engine = splitFleetId(name)?.engine;
		const usedBy = containers
			.filter(
				container =>
					container.volumes.includes(inspected.details.name) &&
					splitFleetId(container.id)?.engine === engine,
			)
			.map(container => container.name);
		return {kind: 'volume', inspected, usedBy};
	},
	async network(docker, id) {
		const [inspected, containers] = await Promise.all([
			docker.inspectNetwork(id),
			docker.listContainers(),
		]);
		const attached = containers
			.filter(container => container.networks.includes(inspected.details.name))
			.map(container => container.name);
		return {kind: 'network', inspected, attached};
	},
};

/** Opens details dialogs (`i`) and fills them with what the engine says. */
export type Details = {
	readonly open: (target: DetailsTarget) => void;
};

export function createDetails(options: {
	readonly docker: DockerClient;
	readonly dispatch: (update: Update) => void;
}): Details {
	const {docker, dispatch} = options;
	return {
		open(target) {
			dispatch(detailsOpened(target));
			const load = loaders[target.kind] as (
				docker: DockerClient,
				id: string,
			) => Promise<DetailsPayload>;
			load(docker, target.id).then(
				payload => {
					dispatch(detailsLoaded(target, {status: 'loaded', payload}));
				},
				(error: unknown) => {
					dispatch(
						detailsLoaded(target, {
							status: 'failed',
							error: errorMessage(error),
						}),
					);
				},
			);
		},
	};
}
