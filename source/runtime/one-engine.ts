import type {DockerClient, OneEngine} from '../docker/docker-client.js';

/**
 * The engine a call that makes something goes to: in a fleet, the engine `name` (the one chosen,
 * or the one of the row it starts from); else the one engine there is.
 * @throws {DockerError} in a fleet, for a read-only engine or one it lacks.
 */
export function oneEngine(
	docker: DockerClient,
	name: string | undefined,
): OneEngine {
	return docker.fleet === undefined || name === undefined
		? {name: undefined, client: docker, cli: 'docker', listedId: id => id}
		: docker.fleet.member(name);
}

/** A docker CLI command (`docker …`) as it reaches an engine: `docker --context lab pull …`. */
export function commandOn(words: string, cli: string): string {
	return words.replace(/^docker /, `${cli} `);
}
