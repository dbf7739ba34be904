import {isObject} from './docker/json.js';
import type {HostEntry} from './docker/endpoint.js';

/** What a host entry looks like, for error messages. */
const example =
	'{"name": "prod", "host": "ssh://me@server"} or {"name": "lab", "host": "tcp://10.0.0.5:2376", "certPath": "~/certs/lab"}';

const knownKeys = new Set([
	'name',
	'host',
	'certPath',
	'tlsVerify',
	'readOnly',
]);

/**
 * Reads the `hosts` list of the config file: engines the host switcher offers besides the docker
 * contexts. Names must be unique; the addresses are checked when the switcher resolves them.
 * @returns the entries, or the reason the list is wrong (one line, without the file name).
 */
export function parseHostEntries(value: unknown): HostEntry[] | string {
	if (!Array.isArray(value)) {
		return `"hosts" must be a list of hosts, e.g. [${example}]`;
	}

	const entries: HostEntry[] = [];
	const names = new Set<string>();
	for (const [index, item] of value.entries()) {
		const at = `"hosts"[${index}]`;
		if (!isObject(item)) {
			return `${at} must be an object, e.g. ${example}`;
		}

		const unknown = Object.keys(item).find(key => !knownKeys.has(key));
		if (unknown !== undefined) {
			return `${at} has an unknown key "${unknown}" (known: ${[...knownKeys].join(', ')})`;
		}

		const {name, host, certPath, tlsVerify, readOnly} = item;
		if (typeof name !== 'string' || name.trim() === '') {
			return `${at} needs a "name"`;
		}

		if (names.has(name)) {
			return `${at}: the name "${name}" is used twice`;
		}

		if (typeof host !== 'string' || host.trim() === '') {
			return `${at} ("${name}") needs a "host", e.g. ssh://me@server or tcp://10.0.0.5:2376`;
		}

		if (certPath !== undefined && typeof certPath !== 'string') {
			return `${at} ("${name}"): "certPath" must be a folder path`;
		}

		if (tlsVerify !== undefined && typeof tlsVerify !== 'boolean') {
			return `${at} ("${name}"): "tlsVerify" must be true or false`;
		}

		if (readOnly !== undefined && typeof readOnly !== 'boolean') {
			return `${at} ("${name}"): "readOnly" must be true or false`;
		}

		names.add(name);
		entries.push({
			name,
			host,
			...(certPath === undefined ? {} : {certPath}),
			...(tlsVerify === undefined ? {} : {tlsVerify}),
			...(readOnly === undefined ? {} : {readOnly}),
		});
	}

	return entries;
}

/** One engine of a fleet in the config file: a host entry, or a docker context by name. */
export type FleetEntry =
	| {readonly kind: 'host'; readonly entry: HostEntry}
	| {
			readonly kind: 'context';
			readonly name: string;
			readonly readOnly: boolean;
	  };

const fleetExample =
	'["prod", {"context": "lab"}, {"name": "db", "host": "ssh://me@db", "readOnly": true}]';

/**
 * One fleet's list: each item the name of a `hosts` entry or a docker context, or an object, a
 * host entry of its own or `{"context": NAME}`, either with `"readOnly"`.
 */
function parseFleetList(
	value: unknown,
	at: string,
	hosts: readonly HostEntry[],
): FleetEntry[] | string {
	if (!Array.isArray(value) || value.length === 0) {
		return `${at} must be a list of engines, e.g. ${fleetExample}`;
	}

	const entries: FleetEntry[] = [];
	for (const [index, item] of value.entries()) {
		const where = `${at}[${index}]`;
		if (typeof item === 'string') {
			const host = hosts.find(entry => entry.name === item);
			entries.push(
				host === undefined
					? {kind: 'context', name: item, readOnly: false}
					: {kind: 'host', entry: host},
			);
			continue;
		}

		if (!isObject(item)) {
			return `${where} must be a name or an object, e.g. ${fleetExample}`;
		}

		const {context, readOnly, ...rest} = item;
		if (readOnly !== undefined && typeof readOnly !== 'boolean') {
			return `${where}: "readOnly" must be true or false`;
		}

		if (context !== undefined) {
			if (typeof context !== 'string' || context === '') {
				return `${where}: "context" must name a docker context`;
			}

			entries.push({
				kind: 'context',
				name: context,
				readOnly: readOnly ?? false,
			});
			continue;
		}

		const parsed = parseHostEntries([
			{...rest, ...(readOnly === undefined ? {} : {readOnly})},
		]);
		if (typeof parsed === 'string') {
			return parsed.replace('"hosts"[0]', where);
		}

		for (const entry of parsed) {
			entries.push({kind: 'host', entry});
		}
	}

	return entries;
}

/**
 * Reads the `fleet` of the config file: a list of engines (the fleet dockmate opens without
 * flags), or named lists (`{"prod": [...], "lab": [...]}`, one chosen with `--fleet NAME`).
 * @returns the lists by name (the unnamed one under `""`), or the reason they are wrong.
 */
export function parseFleets(
	value: unknown,
	hosts: readonly HostEntry[],
): ReadonlyMap<string, readonly FleetEntry[]> | string {
	if (Array.isArray(value)) {
		const list = parseFleetList(value, '"fleet"', hosts);
		return typeof list === 'string' ? list : new Map([['', list]]);
	}

	if (!isObject(value)) {
		return `"fleet" must be a list of engines, e.g. ${fleetExample}, or named lists`;
	}

	const fleets = new Map<string, readonly FleetEntry[]>();
	for (const [name, list] of Object.entries(value)) {
		const parsed = parseFleetList(list, `"fleet"."${name}"`, hosts);
		if (typeof parsed === 'string') {
			return parsed;
		}

		fleets.set(name, parsed);
	}

	return fleets;
}
