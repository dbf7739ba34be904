import path from 'node:path';
import type {NamedEngine} from './cli-flags.js';
import type {FleetEntry} from './config-hosts.js';
import type {FileConfig} from './config.js';
import {cliEnvironment} from './docker/cli-environment.js';
import {
	EndpointError,
	resolveEndpoint,
	resolveHostEntry,
	type Endpoint,
} from './docker/endpoint.js';
import {shellWord} from './format/shell-words.js';
import {choiceId, type HostChoice} from './docker/host-choices.js';

/** One engine of the fleet to open, resolved: where it is and how it is shown and reached. */
export type FleetTarget = {
	readonly name: string;
	readonly endpoint: Endpoint;
	readonly readOnly: boolean;
	/** The docker CLI's words for it, for the command log. */
	readonly cli: string;
};

type Input = {
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly homeDir: string;
};

/** The docker CLI reaching `endpoint`: by its context, else with the environment that names it. */
function cliWords(endpoint: Endpoint): string {
	if (endpoint.source.kind === 'context') {
		return `docker --context ${shellWord(endpoint.source.contextName)}`;
	}

	const environment = cliEnvironment(endpoint);
	return environment.ok
		? [
				...Object.entries(environment.variables).map(
					([name, value]) => `${name}=${shellWord(value)}`,
				),
				'docker',
			].join(' ')
		: `docker --host ${shellWord(endpoint.url)}`;
}

/** The sockets a local engine listens on unless told otherwise. */
const defaultSockets = new Set(['/var/run/docker.sock', '/run/docker.sock']);

/**
 * A short name for an engine given by address, for its chip and the ENGINE column: the address
 * without its scheme; for a socket, what tells it apart (`local` for the default one, `podman` for
 * …/podman/podman.sock, the folder of another docker.sock), since a whole path leaves no room.
 */
function hostName(url: string): string {
	const address = url.replace(/^[a-z]+:\/\//, '');
	if (!url.startsWith('unix://')) {
		return address;
	}

	if (defaultSockets.has(address)) {
		return 'local';
	}

	const file = path.posix.basename(address, '.sock');
	return file === 'docker' || file === ''
		? path.posix.basename(path.posix.dirname(address))
		: file;
}

/** Names made unique by a number where two engines would read the same. */
function uniqueNames(targets: readonly FleetTarget[]): FleetTarget[] {
	const seen = new Map<string, number>();
	return targets.map(target => {
		const count = (seen.get(target.name) ?? 0) + 1;
		seen.set(target.name, count);
		return count === 1 ? target : {...target, name: `${target.name}#${count}`};
	});
}

function fromEntry(entry: FleetEntry, input: Input): FleetTarget {
	if (entry.kind === 'context') {
		const endpoint = resolveEndpoint({...input, context: entry.name});
		return {
			name: entry.name,
			endpoint,
			readOnly: entry.readOnly,
			cli: cliWords(endpoint),
		};
	}

	const endpoint = resolveHostEntry(entry.entry, input);
	return {
		name: entry.entry.name,
		endpoint,
		readOnly: entry.entry.readOnly ?? false,
		cli: cliWords(endpoint),
	};
}

function fromFlag(engine: NamedEngine, input: Input): FleetTarget {
	const endpoint = resolveEndpoint({...input, [engine.kind]: engine.value});
	return {
		name: engine.kind === 'context' ? engine.value : hostName(endpoint.url),
		endpoint,
		readOnly: false,
		cli: cliWords(endpoint),
	};
}

/**
 * The fleet the command line and config file ask for, or undefined for one engine: engines named
 * on the command line (two or more), else `--fleet NAME`, else the config file's unnamed fleet
 * where no engine was named at all.
 * @throws {EndpointError} for a fleet name the config file lacks, or an engine that cannot be resolved.
 */
export function fleetTargets(
	flags: {
		readonly engines?: readonly NamedEngine[];
		readonly fleet?: string;
		readonly host?: string;
		readonly context?: string;
	},
	config: FileConfig,
	input: Input,
): FleetTarget[] | undefined {
	if (flags.engines !== undefined) {
		return uniqueNames(flags.engines.map(engine => fromFlag(engine, input)));
	}

	const named = flags.fleet;
	if (named !== undefined) {
		const entries = config.fleets?.get(named);
		if (entries === undefined) {
			const known = [...(config.fleets?.keys() ?? [])].filter(
				name => name !== '',
			);
			throw new EndpointError(
				`no fleet "${named}" in the config file${known.length === 0 ? '' : ` (known: ${known.join(', ')})`}`,
			);
		}

		return uniqueNames(entries.map(entry => fromEntry(entry, input)));
	}

	const unnamed = config.fleets?.get('');
	if (
		unnamed === undefined ||
		flags.host !== undefined ||
		flags.context !== undefined
	) {
		return undefined;
	}

	return uniqueNames(unnamed.map(entry => fromEntry(entry, input)));
}

/**
 * Each engine of the fleet as the host switcher (`c`) offers it alone: by the id its context or
 * host entry has in the list, so that it is listed once; by its address where --host gave it.
 */
export function fleetMemberChoices(
	targets: readonly FleetTarget[],
): HostChoice[] {
	return targets.map(({name, endpoint, readOnly}) => {
		const {source} = endpoint;
		return {
			id: source.kind === 'flag' ? `flag:${endpoint.url}` : choiceId(endpoint),
			kind:
				source.kind === 'context'
					? 'context'
					: source.kind === 'flag'
						? 'flag'
						: 'host',
			name,
			description: 'of the fleet',
			endpoint,
			error: undefined,
			...(readOnly ? {readOnly: true} : {}),
		};
	});
}
