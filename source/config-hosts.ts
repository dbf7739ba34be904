import {isObject} from './docker/json.js';
import type {HostEntry} from './docker/endpoint.js';

/** What a host entry looks like, for error messages. */
const example =
	'{"name": "prod", "host": "ssh://me@server"} or {"name": "lab", "host": "tcp://10.0.0.5:2376", "certPath": "~/certs/lab"}';

const knownKeys = new Set(['name', 'host', 'certPath', 'tlsVerify']);

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

		const {name, host, certPath, tlsVerify} = item;
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

		names.add(name);
		entries.push({
			name,
			host,
			...(certPath === undefined ? {} : {certPath}),
			...(tlsVerify === undefined ? {} : {tlsVerify}),
		});
	}

	return entries;
}
