import type {VolumeDetails} from '../../../docker/volumes-networks.js';
import {dim, plain, row, section, type DetailLine} from './segments.js';
import {orDefault, pairsSection, when} from './values.js';

/** The summary of a volume: where its data lives and who mounts it. */
export function volumeLines(
	details: VolumeDetails,
	usedBy: readonly string[],
	now: number,
): DetailLine[] {
	return [
		row('Name', plain(details.name)),
		row('Driver', plain(details.driver), dim(` · scope ${details.scope}`)),
		row('Mountpoint', orDefault(details.mountpoint, '-')),
		row('Created', plain(when(details.createdAt, now))),
		...section(
			`Used by (${usedBy.length})`,
			usedBy.map(name => [plain(name)]),
			'no container: prune or d may remove it',
		),
		...pairsSection('Options', details.options),
		...pairsSection('Labels', details.labels),
	];
}
