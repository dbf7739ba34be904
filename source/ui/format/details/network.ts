import type {NetworkDetails} from '../../../docker/volumes-networks.js';
import {dim, plain, row, section, type DetailLine} from './segments.js';
import {pairsSection, when, yesNo} from './values.js';

/** The summary of a network: its addressing and who is attached (with addresses, while running). */
export function networkLines(
	details: NetworkDetails,
	attached: readonly string[],
	now: number,
): DetailLine[] {
	const addresses = new Map(
		details.containers.map(container => [
			container.name,
			[container.ipv4, container.ipv6].filter(Boolean).join(' '),
		]),
	);
	return [
		row('Name', plain(details.name)),
		row('ID', plain(details.id)),
		row('Driver', plain(details.driver), dim(` · scope ${details.scope}`)),
		row(
			'Internal',
			plain(yesNo(details.internal)),
			dim(
				` · attachable ${yesNo(details.attachable)} · IPv6 ${yesNo(details.ipv6)}`,
			),
		),
		row('Created', plain(when(details.createdAt, now))),
		...section(
			'IPAM',
			details.ipam.map(entry => [
				plain(entry.subnet),
				dim(
					`${entry.gateway === '' ? '' : ` gateway ${entry.gateway}`}${entry.ipRange === '' ? '' : ` range ${entry.ipRange}`}`,
				),
			]),
			'no subnet',
		),
		...section(
			`Containers (${attached.length})`,
			attached.map(name => [
				plain(name),
				dim(
					addresses.has(name)
						? ` ${addresses.get(name) ?? ''}`
						: ' (not running)',
				),
			]),
		),
		...pairsSection('Options', details.options),
		...pairsSection('Labels', details.labels),
	];
}
