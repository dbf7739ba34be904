import type {ImageDetails, ImageLayer} from '../../../docker/inspect.js';
import {
	formatAge,
	formatBytes,
	plural,
	shortId,
} from '../../../format/units.js';
import {fit} from '../cells.js';
import {dim, plain, row, section, type DetailLine} from './segments.js';
import {envLines, orDefault, pairsSection, startLines, when} from './values.js';

/** Columns of the history table: id, age and size fit; what made the layer takes the rest. */
function layerLine(layer: ImageLayer, now: number): DetailLine {
	return [
		{
			text: `${fit(layer.id === '' ? '<missing>' : shortId(layer.id), 12)}  `,
			tone: layer.id === '' ? 'dim' : 'plain',
		},
		plain(
			`${fit(formatAge(layer.createdAt, now), 7, 'right')}  ${fit(formatBytes(layer.size), 8, 'right')}  `,
		),
		plain(layer.createdBy),
		dim(layer.comment === '' ? '' : `  ${layer.comment}`),
	];
}

/** The summary of an image, then its history: each layer, newest first, as `docker history` lists them. */
export function imageLines(
	details: ImageDetails,
	history: readonly ImageLayer[],
	now: number,
): DetailLine[] {
	const platform = [details.os, details.architecture, details.variant]
		.filter(Boolean)
		.join('/');
	return [
		row('ID', plain(details.id)),
		row('Tags', orDefault(details.tags.join(', '), 'none (dangling)')),
		row('Digests', orDefault(details.digests.join(', '), 'none')),
		row('Created', plain(when(details.createdAt, now))),
		row(
			'Size',
			plain(formatBytes(details.size)),
			dim(` · ${plural(details.layerCount, 'layer')}`),
		),
		row('Platform', orDefault(platform, '?')),
		...(details.author === '' ? [] : [row('Author', plain(details.author))]),
		...startLines(details),
		row('Exposed ports', orDefault(details.exposedPorts.join(', '), 'none')),
		...section(`Environment (${details.env.length})`, envLines(details.env)),
		...pairsSection('Labels', details.labels),
		...section(
			`History (${plural(history.length, 'step')}, newest first)`,
			history.length === 0
				? []
				: [
						[
							{
								text: `${fit('IMAGE', 12)}  ${fit('CREATED', 7, 'right')}  ${fit('SIZE', 8, 'right')}  CREATED BY`,
								tone: 'dim',
							},
						],
						...history.map(layer => layerLine(layer, now)),
					],
		),
	];
}
