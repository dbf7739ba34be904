import type {PullEvent} from '../docker/docker-client.js';

/** Where a layer is in a pull. */
export type LayerPhase =
	| 'waiting'
	| 'downloading'
	| 'downloaded'
	| 'extracting'
	| 'complete'
	| 'exists';

/** One layer of a pull, as its progress messages left it. */
export type LayerProgress = {
	readonly id: string;
	readonly phase: LayerPhase;
	/** The engine's last word on it, e.g. `Verifying Checksum`, `Retrying in 5 seconds`. */
	readonly status: string;
	/** Bytes done in the current phase (downloading or extracting), when the engine says. */
	readonly current: number | undefined;
	readonly total: number | undefined;
	/** The layer's download size, once a `Downloading` message told it. */
	readonly size: number | undefined;
};

/** Everything a pull has reported so far. */
export type PullProgress = {
	/** In the order the engine first mentioned them. */
	readonly layers: readonly LayerProgress[];
	/** `Pulling from library/busybox (latest)`, and the like. */
	readonly note: string | undefined;
	/** The manifest digest, once the engine reports it. */
	readonly digest: string | undefined;
	/** The closing status: `Downloaded newer image for …` or `Image is up to date for …`. */
	readonly outcome: string | undefined;
};

export const noPullProgress: PullProgress = {
	layers: [],
	note: undefined,
	digest: undefined,
	outcome: undefined,
};

/** The phase each known status moves a layer to; others leave the phase as it was. */
const phases: Readonly<Record<string, LayerPhase>> = {
	'Pulling fs layer': 'waiting',
	Waiting: 'waiting',
	Downloading: 'downloading',
	'Verifying Checksum': 'downloaded',
	'Download complete': 'downloaded',
	Extracting: 'extracting',
	'Pull complete': 'complete',
	'Already exists': 'exists',
};

function layerProgressed(
	layer: LayerProgress | undefined,
	id: string,
	event: Extract<PullEvent, {kind: 'layer'}>,
): LayerProgress {
	const phase = phases[event.status] ?? layer?.phase ?? 'waiting';
	const measured = phase === 'downloading' || phase === 'extracting';
	return {
		id,
		phase,
		status: event.status,
		current: measured ? event.current : undefined,
		total: measured ? event.total : undefined,
		size:
			phase === 'downloading' && event.total !== undefined
				? event.total
				: layer?.size,
	};
}

/** Folds one progress message into the pull's progress. */
export function pullProgressed(
	progress: PullProgress,
	event: PullEvent,
): PullProgress {
	if (event.kind === 'status') {
		const {text} = event;
		if (text.startsWith('Digest: ')) {
			return {...progress, digest: text.slice('Digest: '.length)};
		}

		if (text.startsWith('Status: ')) {
			return {...progress, outcome: text.slice('Status: '.length)};
		}

		return {...progress, note: text};
	}

	const index = progress.layers.findIndex(layer => layer.id === event.id);
	const layer = layerProgressed(progress.layers[index], event.id, event);
	const layers =
		index === -1
			? [...progress.layers, layer]
			: progress.layers.with(index, layer);
	return {...progress, layers};
}

/** How far along a layer is, 0 to 1: downloading is the first half of its way, extracting the second. */
export function layerFraction(layer: LayerProgress): number {
	const part =
		layer.current !== undefined && layer.total !== undefined && layer.total > 0
			? Math.min(1, layer.current / layer.total)
			: 0;
	switch (layer.phase) {
		case 'waiting': {
			return 0;
		}

		case 'downloading': {
			return part / 2;
		}

		case 'downloaded': {
			return 0.5;
		}

		case 'extracting': {
			return 0.5 + part / 2;
		}

		case 'complete':
		case 'exists': {
			return 1;
		}
	}
}

/** The whole pull in figures, for its overall progress line. */
export type PullTotals = {
	readonly layers: number;
	/** Layers pulled or already there. */
	readonly done: number;
	/** Of which already there. */
	readonly existing: number;
	/** Bytes downloaded so far, of the layers whose size is known. */
	readonly downloaded: number;
	/** The download size of the layers whose size is known so far. */
	readonly size: number;
	/** 0 to 1, each layer counting the same. */
	readonly fraction: number;
};

/** Sums up a pull's layers. */
export function pullTotals(progress: PullProgress): PullTotals {
	let done = 0;
	let existing = 0;
	let downloaded = 0;
	let size = 0;
	let fractions = 0;
	for (const layer of progress.layers) {
		fractions += layerFraction(layer);
		if (layer.phase === 'complete' || layer.phase === 'exists') {
			done++;
		}

		if (layer.phase === 'exists') {
			existing++;
		}

		if (layer.size !== undefined) {
			size += layer.size;
			downloaded +=
				layer.phase === 'downloading'
					? Math.min(layer.current ?? 0, layer.size)
					: layer.phase === 'waiting'
						? 0
						: layer.size;
		}
	}

	const count = progress.layers.length;
	return {
		layers: count,
		done,
		existing,
		downloaded,
		size,
		fraction:
			count === 0
				? progress.outcome === undefined
					? 0
					: 1
				: fractions / count,
	};
}
