import {isObject} from './json.js';
import {errorMessage} from './errors.js';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {sanitize} from './sanitize.js';
import {
	dockerConfigDir,
	resolveEndpoint,
	resolveHostEntry,
	type Endpoint,
	type HostEntry,
	type ResolveEndpointInput,
} from './endpoint.js';

/** An engine the host switcher offers: a docker context, a host of dockmate's config, or `--host`. */
export type HostChoice = {
	/** Unique in the list, and the same for the same engine each time it is listed. */
	readonly id: string;
	/** `fleet`: the fleet dockmate started with, every engine at once. */
	readonly kind: 'context' | 'host' | 'flag' | 'fleet';
	readonly name: string;
	/** A context's description; empty for the others. */
	readonly description: string;
	/** Where it connects; undefined when its settings are wrong. */
	readonly endpoint: Endpoint | undefined;
	/** Why it cannot be used, in one line. */
	readonly error: string | undefined;
	/** Nothing on it is changed once switched to (`"readOnly": true` on a host or fleet engine). */
	readonly readOnly?: boolean;
};

/** What the list is made from. */
export type HostChoicesInput = Omit<
	ResolveEndpointInput,
	'host' | 'context'
> & {
	/** The host entries of dockmate's config file. */
	readonly hosts: readonly HostEntry[];
	/** The engine dockmate started with: offered again when `--host` chose it. */
	readonly startup: Endpoint;
};

/** The id of the choice that stands for `endpoint`; DOCKER_HOST and the local socket are the default context, as `docker context ls` shows them. */
export function choiceId(endpoint: Endpoint): string {
	switch (endpoint.source.kind) {
		case 'context': {
			return `context:${endpoint.source.contextName}`;
		}

		case 'host': {
			return `host:${endpoint.source.name}`;
		}

		case 'flag': {
			return 'flag';
		}

		case 'env':
		case 'default': {
			return 'context:default';
		}
	}
}

/** Names and descriptions of the contexts in the docker config folder; unreadable ones are left out. */
function readContexts(
	configDir: string,
): {readonly name: string; readonly description: string}[] {
	const metaDir = path.join(configDir, 'contexts', 'meta');
	let folders: string[];
	try {
		folders = readdirSync(metaDir);
	} catch {
		return [];
	}

	const contexts = [];
	for (const folder of folders) {
		let meta: unknown;
		try {
			meta = JSON.parse(
				readFileSync(path.join(metaDir, folder, 'meta.json'), 'utf8'),
			);
		} catch {
			continue;
		}

		const name = isObject(meta) ? meta['Name'] : undefined;
		const metadata = isObject(meta) ? meta['Metadata'] : undefined;
		const description = isObject(metadata) ? metadata['Description'] : '';
		if (typeof name === 'string' && name !== '' && name !== 'default') {
			contexts.push({
				name,
				description: typeof description === 'string' ? description : '',
			});
		}
	}

	return contexts.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function resolved(
	resolve: () => Endpoint,
): Pick<HostChoice, 'endpoint' | 'error'> {
	try {
		return {endpoint: resolve(), error: undefined};
	} catch (error) {
		return {endpoint: undefined, error: errorMessage(error)};
	}
}

/**
 * The engines to switch between, as `docker context ls` lists them (`default` first, the rest by
 * name), then the hosts of dockmate's config file in their order, and the `--host` dockmate
 * started with, if that is how it started. Reads the context store each time, so a context made
 * meanwhile shows up.
 */
export function listHostChoices(input: HostChoicesInput): HostChoice[] {
	const {hosts, startup, ...settings} = input;
	const contexts = [
		{name: 'default', description: 'DOCKER_HOST, else the local socket'},
		...readContexts(dockerConfigDir(settings.env, settings.homeDir)),
	];
	return [
		...(startup.source.kind === 'flag'
			? [
					{
						id: 'flag',
						kind: 'flag' as const,
						name: '--host',
						description: '',
						endpoint: startup,
						error: undefined,
					},
				]
			: []),
		...contexts.map(context => ({
			id: `context:${context.name}`,
			kind: 'context' as const,
			name: sanitize(context.name),
			description: sanitize(context.description),
			...resolved(() => resolveEndpoint({...settings, context: context.name})),
		})),
		...hosts.map(entry => ({
			id: `host:${entry.name}`,
			kind: 'host' as const,
			name: sanitize(entry.name),
			description: '',
			...resolved(() => resolveHostEntry(entry, settings)),
			...(entry.readOnly === true ? {readOnly: true} : {}),
		})),
	];
}
