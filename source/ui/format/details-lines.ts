import type {DetailsDialog, DetailsPayload} from '../../state/details.js';
import {memoizeLast} from '../../state/memo.js';
import {containerLines} from './details/container.js';
import {imageLines} from './details/image.js';
import {jsonLine} from './details/json.js';
import {networkLines} from './details/network.js';
import {alignFields, type DetailLine} from './details/segments.js';
import {volumeLines} from './details/volume.js';

// The pieces of a line and how a wrapped one hangs, for the dialog and the view that draw them.
export {
	hangingIndent,
	lineText,
	type DetailLine,
	type DetailSegment,
	type DetailTone,
} from './details/segments.js';

const summaries: {
	readonly [K in DetailsPayload['kind']]: (
		payload: Extract<DetailsPayload, {kind: K}>,
		now: number,
	) => DetailLine[];
} = {
	container: (payload, now) => containerLines(payload.inspected.details, now),
	image: (payload, now) =>
		imageLines(payload.inspected.details, payload.history, now),
	volume: (payload, now) =>
		volumeLines(payload.inspected.details, payload.usedBy, now),
	network: (payload, now) =>
		networkLines(payload.inspected.details, payload.attached, now),
};

function summaryOf(payload: DetailsPayload, now: number): DetailLine[] {
	const render = summaries[payload.kind] as (
		payload: DetailsPayload,
		now: number,
	) => DetailLine[];
	return alignFields(render(payload, now));
}

/** The lines a details dialog shows in its current view; empty until loaded. */
export const detailsLines = memoizeLast(
	(
		content: DetailsDialog['content'],
		view: DetailsDialog['view'],
		now: number,
	): readonly DetailLine[] => {
		if (content.status !== 'loaded') {
			return [];
		}

		return view === 'json'
			? content.payload.inspected.json.split('\n').map(jsonLine)
			: summaryOf(content.payload, now);
	},
);
