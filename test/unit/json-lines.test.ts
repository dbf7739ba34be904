import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {jsonLines} from '../../source/docker/json-lines.js';

/** Three lines of `GET /v1.41/events`, byte for byte as the dev daemon sent them. */
const recordedEvents = readFileSync(
	new URL('../fixtures/events/docker-20.10.jsonl', import.meta.url),
);
const recordedValues: unknown[] = recordedEvents
	.toString('utf8')
	.trim()
	.split('\n')
	.map(line => JSON.parse(line) as unknown);

/** A stream with multi-byte UTF-8 (2, 3 and 4 bytes per character) inside the values. */
const multiByteValues: unknown[] = [
	{Type: 'container', Actor: {Attributes: {name: 'café-é'}}},
	{Type: 'container', Actor: {Attributes: {name: '日本語のコンテナ'}}},
	{Type: 'image', Actor: {Attributes: {name: '🐳-whale 👨‍👩‍👧'}}},
];
const multiByteStream = Buffer.from(
	multiByteValues.map(value => JSON.stringify(value) + '\n').join(''),
	'utf8',
);

async function* from<T>(chunks: readonly T[]): AsyncGenerator<T> {
	for (const chunk of chunks) {
		yield await Promise.resolve(chunk);
	}
}

async function collect(
	chunks: readonly (Uint8Array | string)[],
): Promise<unknown[]> {
	const values: unknown[] = [];
	for await (const value of jsonLines(from(chunks))) {
		values.push(value);
	}

	return values;
}

function bytes(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

describe('jsonLines', () => {
	it('parses the recorded event stream in one chunk', async () => {
		assert.equal(recordedValues.length, 3);
		assert.deepEqual(await collect([recordedEvents]), recordedValues);
	});

	it('parses the recorded event stream split in two at every byte position', async () => {
		for (let cut = 0; cut <= recordedEvents.length; cut++) {
			const values = await collect([
				recordedEvents.subarray(0, cut),
				recordedEvents.subarray(cut),
			]);
			assert.deepEqual(values, recordedValues, `cut at byte ${cut}`);
		}
	});

	it('parses a stream with multi-byte characters split at every byte position', async () => {
		let cutsInsideACharacter = 0;
		for (let cut = 0; cut <= multiByteStream.length; cut++) {
			const byte = multiByteStream[cut];
			// 0b10xxxxxx is a continuation byte: the cut falls inside a character.
			if (byte !== undefined && (byte & 0xc0) === 0x80) {
				cutsInsideACharacter++;
			}

			const values = await collect([
				multiByteStream.subarray(0, cut),
				multiByteStream.subarray(cut),
			]);
			assert.deepEqual(values, multiByteValues, `cut at byte ${cut}`);
		}

		// The loop above really did cut through characters, not only between them.
		assert.ok(cutsInsideACharacter > 10);
	});

	it('parses a stream fed one byte at a time', async () => {
		const single = [...multiByteStream].map(byte => Uint8Array.of(byte));
		assert.deepEqual(await collect(single), multiByteValues);
		const recorded = [...recordedEvents].map(byte => Uint8Array.of(byte));
		assert.deepEqual(await collect(recorded), recordedValues);
	});

	it('parses a stream split into three at every pair of positions', async () => {
		const stream = bytes('{"a":"é"}\n{"b":"🐳"}\n');
		for (let first = 0; first <= stream.length; first++) {
			for (let second = first; second <= stream.length; second++) {
				const values = await collect([
					stream.subarray(0, first),
					stream.subarray(first, second),
					stream.subarray(second),
				]);
				assert.deepEqual(values, [{a: 'é'}, {b: '🐳'}], `${first}/${second}`);
			}
		}
	});

	const cases: readonly {
		readonly name: string;
		readonly chunks: readonly (Uint8Array | string)[];
		readonly values: readonly unknown[];
	}[] = [
		{
			name: 'several values in one chunk',
			chunks: [bytes('{"a":1}\n{"b":2}\n{"c":3}\n')],
			values: [{a: 1}, {b: 2}, {c: 3}],
		},
		{
			name: 'blank and whitespace-only lines',
			chunks: [bytes('\n\n{"a":1}\n   \n\t\n{"b":2}\n\n')],
			values: [{a: 1}, {b: 2}],
		},
		{
			name: 'CRLF line endings',
			chunks: [bytes('{"a":1}\r\n{"b":2}\r\n')],
			values: [{a: 1}, {b: 2}],
		},
		{
			name: 'a trailing value without a newline',
			chunks: [bytes('{"a":1}\n{"b":2}')],
			values: [{a: 1}, {b: 2}],
		},
		{
			name: 'a trailing value without a newline, split',
			chunks: [bytes('{"a":1}\n{"b"'), bytes(':2}')],
			values: [{a: 1}, {b: 2}],
		},
		{
			name: 'a trailing multi-byte character cut across the last two chunks',
			chunks: [
				bytes('{"a":"'),
				Uint8Array.of(0xf0, 0x9f),
				Uint8Array.of(0x90, 0xb3),
				bytes('"}'),
			],
			values: [{a: '🐳'}],
		},
		{
			name: 'string chunks',
			chunks: ['{"a":', '1}\n{"b":"日本', '"}\n', '{"c":3}'],
			values: [{a: 1}, {b: '日本'}, {c: 3}],
		},
		{
			name: 'string and byte chunks mixed',
			chunks: ['{"a":', bytes('1}\n'), '{"b":2}\n'],
			values: [{a: 1}, {b: 2}],
		},
		{
			name: 'empty chunks',
			chunks: [bytes(''), '', bytes('{"a":1}'), bytes(''), '\n', ''],
			values: [{a: 1}],
		},
		{
			name: 'non-object JSON values',
			chunks: ['1\n"two"\n[3]\nnull\ntrue\n'],
			values: [1, 'two', [3], null, true],
		},
		{name: 'no chunks at all', chunks: [], values: []},
		{name: 'only newlines', chunks: ['\n\n', bytes('\n')], values: []},
	];

	for (const {name, chunks, values} of cases) {
		it(name, async () => {
			assert.deepEqual(await collect(chunks), values);
		});
	}

	it('yields each value as soon as its line is complete', async () => {
		const seen: unknown[] = [];
		let release: (() => void) | undefined;
		const gate = new Promise<void>(resolve => {
			release = resolve;
		});
		async function* chunks(): AsyncGenerator<string> {
			yield '{"a":1}\n{"b"';
			await gate;
			yield ':2}\n';
		}

		const iterator = jsonLines(chunks());
		const first = await iterator.next();
		seen.push(first.value);
		assert.deepEqual(seen, [{a: 1}]);
		release?.();
		assert.deepEqual((await iterator.next()).value, {b: 2});
		assert.equal((await iterator.next()).done, true);
	});

	it('rejects a line that is not JSON', async () => {
		await assert.rejects(collect(['{"a":1}\n{not json}\n']), SyntaxError);
	});
});
