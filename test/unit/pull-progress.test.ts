import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import type {PullEvent} from '../../source/docker/docker-client.js';
import {toPullEvent} from '../../source/docker/pull.js';
import {
	layerFraction,
	noPullProgress,
	pullProgressed,
	pullTotals,
	type PullProgress,
} from '../../source/state/pull-progress.js';

/** A recorded stream's messages, as the access layer hands them over. */
function recorded(name: string): PullEvent[] {
	return readFileSync(
		new URL(`../fixtures/pull/docker-20.10-${name}.jsonl`, import.meta.url),
		'utf8',
	)
		.trim()
		.split('\n')
		.map(line => toPullEvent(JSON.parse(line)))
		.filter(event => event !== undefined);
}

function fold(events: readonly PullEvent[]): PullProgress {
	return events.reduce(pullProgressed, noPullProgress);
}

function layer(progress: PullProgress, id: string) {
	const found = progress.layers.find(candidate => candidate.id === id);
	assert.ok(found, `layer ${id} is listed`);
	return found;
}

describe('pull progress', () => {
	it('follows one layer through download and extraction to the digest and outcome', () => {
		const events = recorded('fresh');
		const progress = fold(events);
		assert.deepEqual(
			progress.layers.map(({id, phase}) => ({id, phase})),
			[{id: '763d1924c950', phase: 'complete'}],
		);
		assert.equal(progress.note, 'Pulling from rec/busybox (1)');
		assert.equal(
			progress.digest,
			'sha256:68469aee8d28331c9e76880f73f592f5a60b1c07e0c3851f699837cc23b70618',
		);
		assert.equal(
			progress.outcome,
			'Downloaded newer image for 127.0.0.1:PORT/rec/busybox:1',
		);
		assert.deepEqual(pullTotals(progress), {
			layers: 1,
			done: 1,
			existing: 0,
			downloaded: 1_069_055,
			size: 1_069_055,
			fraction: 1,
		});
	});

	it('reports each step on the way: downloading counts bytes, extracting is the second half', () => {
		const events = recorded('fresh');
		// Pulling from, Pulling fs layer, the first Downloading message.
		const downloading = fold(events.slice(0, 3));
		assert.equal(layer(downloading, '763d1924c950').phase, 'downloading');
		const totals = pullTotals(downloading);
		assert.equal(totals.downloaded, 36_445);
		assert.equal(totals.size, 1_069_055);
		assert.equal(totals.done, 0);
		assert.ok(Math.abs(totals.fraction - 36_445 / 1_069_055 / 2) < 1e-9);

		// … Download complete: half way.
		const downloaded = fold(events.slice(0, 6));
		assert.equal(layer(downloaded, '763d1924c950').phase, 'downloaded');
		assert.equal(pullTotals(downloaded).fraction, 0.5);
		assert.equal(pullTotals(downloaded).downloaded, 1_069_055);

		// The first Extracting message.
		const extracting = fold(events.slice(0, 7));
		const extractingLayer = layer(extracting, '763d1924c950');
		assert.equal(extractingLayer.phase, 'extracting');
		assert.equal(extractingLayer.current, 32_768);
		assert.ok(
			Math.abs(
				layerFraction(extractingLayer) - (0.5 + 32_768 / 1_069_055 / 2),
			) < 1e-9,
		);
	});

	it('counts a layer the engine already has as done, and the others as they come', () => {
		const events = recorded('shared');
		const progress = fold(events);
		assert.deepEqual(
			progress.layers.map(({id, phase}) => [id, phase]),
			[
				['763d1924c950', 'exists'],
				['423bfd091956', 'complete'],
				['f3e27640719a', 'complete'],
			],
		);
		const totals = pullTotals(progress);
		assert.equal(totals.layers, 3);
		assert.equal(totals.done, 3);
		assert.equal(totals.existing, 1);
		// Only downloaded layers have a known size: the existing one was never sized.
		assert.equal(totals.size, 3_001_124 + 200_265);
		assert.equal(totals.fraction, 1);

		// Up to the big layer's first Downloading message: one done, the small one downloaded.
		const middle = fold(events.slice(0, 9));
		assert.deepEqual(
			middle.layers.map(({phase}) => phase),
			['exists', 'downloading', 'downloaded'],
		);
		const middleTotals = pullTotals(middle);
		assert.equal(middleTotals.done, 1);
		assert.equal(middleTotals.downloaded, 36_445 + 200_265);
		assert.ok(middleTotals.fraction > 0.5 && middleTotals.fraction < 0.6);
	});

	it('calls an image that is up to date complete, with no layers to show', () => {
		const progress = fold(recorded('uptodate'));
		assert.deepEqual(progress.layers, []);
		assert.equal(
			progress.outcome,
			'Image is up to date for 127.0.0.1:PORT/rec/multi:1',
		);
		assert.equal(pullTotals(progress).fraction, 1);
		assert.equal(pullTotals(noPullProgress).fraction, 0);
	});

	it('keeps the phase through a status it does not know, and shows the status', () => {
		const progress = fold([
			{
				kind: 'layer',
				id: 'a',
				status: 'Downloading',
				current: 10,
				total: 100,
			},
			{
				kind: 'layer',
				id: 'a',
				status: 'Retrying in 5 seconds',
				current: undefined,
				total: undefined,
			},
		]);
		const retrying = layer(progress, 'a');
		assert.equal(retrying.phase, 'downloading');
		assert.equal(retrying.status, 'Retrying in 5 seconds');
		assert.equal(retrying.size, 100);
	});
});
