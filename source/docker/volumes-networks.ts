import type {NetworkCreation} from './domain-types.js';
import {sanitize} from './sanitize.js';
import {isObject, jsonObject, type Json} from './json.js';
import {stringRecord, text, time} from './to-domain.js';

/** `GET /volumes/{name}`, reduced to what the details view shows. */
export type VolumeDetails = {
	readonly name: string;
	readonly driver: string;
	readonly scope: string;
	/** Where its data lives on the engine's host. */
	readonly mountpoint: string;
	readonly createdAt: number;
	readonly labels: Readonly<Record<string, string>>;
	/** Driver options, e.g. `type=tmpfs`. */
	readonly options: Readonly<Record<string, string>>;
};

/** `GET /networks/{id}`, reduced to what the details view shows. */
export type NetworkDetails = {
	readonly id: string;
	readonly name: string;
	readonly driver: string;
	readonly scope: string;
	readonly internal: boolean;
	readonly attachable: boolean;
	readonly ipv6: boolean;
	readonly createdAt: number;
	readonly ipam: readonly {
		readonly subnet: string;
		readonly gateway: string;
		readonly ipRange: string;
	}[];
	/** The containers with an endpoint on it (running ones), by name, with their addresses. */
	readonly containers: readonly {
		readonly name: string;
		readonly ipv4: string;
		readonly ipv6: string;
	}[];
	readonly options: Readonly<Record<string, string>>;
	readonly labels: Readonly<Record<string, string>>;
};

/** Maps `GET /volumes/{name}`. */
export function toVolumeDetails(raw: unknown): VolumeDetails {
	const root = jsonObject(raw);
	return {
		name: text(root['Name']),
		driver: text(root['Driver']),
		scope: text(root['Scope']),
		mountpoint: text(root['Mountpoint']),
		createdAt: time(root['CreatedAt']),
		labels: stringRecord(root['Labels']),
		options: stringRecord(root['Options']),
	};
}

/** Maps `GET /networks/{id}`. */
export function toNetworkDetails(raw: unknown): NetworkDetails {
	const root = jsonObject(raw);
	const ipam = jsonObject(root['IPAM']);
	const config = Array.isArray(ipam['Config'])
		? ipam['Config'].filter(isObject)
		: [];
	return {
		id: text(root['Id']),
		name: text(root['Name']),
		driver: text(root['Driver']),
		scope: text(root['Scope']),
		internal: root['Internal'] === true,
		attachable: root['Attachable'] === true,
		ipv6: root['EnableIPv6'] === true,
		createdAt: time(root['Created']),
		ipam: config.map(entry => ({
			subnet: text(entry['Subnet']),
			gateway: text(entry['Gateway']),
			ipRange: text(entry['IPRange']),
		})),
		containers: Object.entries(jsonObject(root['Containers']))
			.map(([id, endpoint]) => {
				const fields = jsonObject(endpoint);
				return {
					name: text(fields['Name']) || sanitize(id).slice(0, 12),
					ipv4: text(fields['IPv4Address']),
					ipv6: text(fields['IPv6Address']),
				};
			})
			.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
		options: stringRecord(root['Options']),
		labels: stringRecord(root['Labels']),
	};
}

/** The body of `POST /networks/create`: the engine picks the subnet where none is given. */
export function networkCreateBody(options: NetworkCreation): Json {
	return {
		Name: options.name,
		Driver: options.driver,
		Internal: options.internal,
		// Engines before API 1.44 would otherwise create a second network of the same name.
		CheckDuplicate: true,
		...(options.subnet === undefined
			? {}
			: {IPAM: {Driver: 'default', Config: [{Subnet: options.subnet}]}}),
	};
}
