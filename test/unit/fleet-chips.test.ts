import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {FleetEngine} from '../../source/docker/docker-client.js';
import {
	chipLayout,
	chipParts,
	moreText,
	partsWidth,
	type ChipForm,
} from '../../source/ui/format/fleet-chips.js';

/** Engine `name`, connected, with Docker 27.3.1. */
function engine(name: string, state?: FleetEngine['state']): FleetEngine {
	return {
		name,
		readOnly: false,
		state: state ?? {status: 'connected'},
		product: 'Docker 27.3.1',
	};
}

const figures = {cpuPercent: 12.5, memory: 150 * 1024 * 1024, measured: 2};

/** The chip of `engines[index]` in `form`, as text. */
function chip(
	engines: readonly FleetEngine[],
	index: number,
	form: ChipForm,
): string {
	const each = engines[index];
	return each === undefined
		? ''
		: chipParts(each, form, {running: 2, total: 3}, figures, 0)
				.map(part => part.text)
				.join('');
}

function layoutOf(engines: readonly FleetEngine[], width: number) {
	return chipLayout(
		engines.length,
		(index, form) =>
			partsWidth(
				chipParts(
					engines[index] ?? engine(''),
					form,
					{running: 2, total: 3},
					figures,
					0,
				),
			),
		width,
		index => engines[index]?.state.status !== 'connected',
	);
}

describe('fleet chips', () => {
	it('say everything while every chip fits on one line', () => {
		const engines = [engine('lab'), engine('prod')];
		const layout = layoutOf(engines, 200);
		assert.equal(layout.form, 'full');
		assert.deepEqual(layout.shown, [0, 1]);
		assert.equal(
			chip(engines, 0, 'full'),
			'[lab ● connected Docker 27.3 2/3 CPU 12.5% MEM 150MiB]',
		);
	});

	it('grow brief, then least, before any chip is left out; a down engine keeps when it is retried', () => {
		const engines = [
			engine('alpha'),
			engine('bravo', {
				status: 'down',
				error: 'dial: connection refused',
				retryAt: 4000,
			}),
			engine('charlie'),
		];
		assert.equal(layoutOf(engines, 160).form, 'brief');
		assert.equal(
			chip(engines, 1, 'brief'),
			'[bravo ✕ retrying in 4s: connection refu… 2/3 CPU 12.5% MEM 150MiB]',
		);
		const least = layoutOf(engines, 60);
		assert.equal(least.form, 'least');
		assert.deepEqual(least.shown, [0, 1, 2]);
		assert.equal(chip(engines, 1, 'least'), '[bravo ✕ 4s 2/3]');
		assert.equal(least.hidden, 0);
	});

	it('say how many containers an engine has only when known: none for one never listed, 0/0 for one connected and empty', () => {
		const down = engine('db', {
			status: 'down',
			error: 'dial: connection refused',
			retryAt: 2000,
		});
		const text = (each: FleetEngine, form: ChipForm) =>
			chipParts(each, form, undefined, undefined, 0)
				.map(part => part.text)
				.join('');
		assert.equal(text(down, 'least'), '[db ✕ 2s]');
		assert.equal(
			text(down, 'brief'),
			'[db ✕ retrying in 2s: connection refu…]',
		);
		assert.equal(text(engine('db', {status: 'connecting'}), 'least'), '[db …]');
		assert.equal(text(engine('lab'), 'least'), '[lab ● 0/0]');
		assert.equal(
			chipParts(down, 'least', {running: 1, total: 4}, undefined, 0)
				.map(part => part.text)
				.join(''),
			'[db ✕ 2s 1/4]',
		);
	});

	it('cut a down engine’s reason by columns, never inside a character', () => {
		const down = engine('db', {
			status: 'down',
			error: 'dial: 接続が拒否されました🚫🚫🚫🚫',
			retryAt: 2000,
		});
		const parts = chipParts(down, 'brief', undefined, undefined, 0);
		const reason = parts.find(part => part.tone === 'down')?.text ?? '';
		assert.equal(reason, '✕ retrying in 2s: 接続が拒否され…');
		assert.ok(!/[\uD800-\uDFFF]/u.test(reason), reason);
	});

	it('show the chips that fit, engines in trouble first, the line ending with how many do not show', () => {
		const engines = Array.from({length: 9}, (_, index) =>
			engine(
				`engine-${index}`,
				index === 7 ? {status: 'connecting'} : undefined,
			),
		);
		assert.equal(layoutOf(engines.slice(0, 6), 80).form, 'bare');
		const layout = layoutOf(engines, 80);
		assert.equal(layout.form, 'bare');
		assert.deepEqual(layout.shown, [7, 0, 1, 2, 3]);
		assert.equal(layout.hidden, 4);
		const text =
			layout.shown.map(index => chip(engines, index, 'bare')).join('  ') +
			moreText(layout.hidden);
		assert.equal(
			text,
			'[engine-7 …]  [engine-0 ●]  [engine-1 ●]  [engine-2 ●]  [engine-3 ●]  +4 more',
		);
	});
});
