import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {parseCliFlags} from '../../source/cli-flags.js';

/** The error for `args`, failing the test when they were accepted. */
function refusal(...args: string[]): string {
	const parsed = parseCliFlags(args);
	assert.ok('error' in parsed, `accepted: ${args.join(' ')}`);
	return parsed.error;
}

describe('command line', () => {
	it('reads every flag, long and short', () => {
		assert.deepEqual(
			parseCliFlags(['-H', 'tcp://127.0.0.1:9', '--read-only', '--tail=20']),
			{
				host: 'tcp://127.0.0.1:9',
				readOnly: true,
				tail: 20,
				help: false,
				version: false,
				printKeys: false,
			},
		);
		assert.deepEqual(parseCliFlags(['-c', 'prod', '--no-read-only', '-hv']), {
			context: 'prod',
			readOnly: false,
			help: true,
			version: true,
			printKeys: false,
		});
		assert.deepEqual(parseCliFlags(['--print-keys']), {
			help: false,
			version: false,
			printKeys: true,
		});
	});

	it('reads --no-mouse and --theme, and refuses a theme it has no colours for', () => {
		assert.deepEqual(parseCliFlags(['--no-mouse', '--theme', 'light']), {
			mouse: false,
			theme: 'light',
			help: false,
			version: false,
			printKeys: false,
		});
		assert.equal(
			refusal('--theme=blue'),
			'--theme takes dark or light (not "blue")',
		);
		assert.equal(refusal('--theme'), '--theme needs a value');
	});

	it('refuses an unknown flag or a stray argument, naming it', () => {
		assert.equal(refusal('--bogus'), 'unknown flag --bogus');
		assert.equal(refusal('-x'), 'unknown flag -x');
		assert.match(refusal('stray'), /^unexpected argument "stray"/);
		assert.match(refusal('--', 'stray'), /^unexpected argument "stray"/);
	});

	it('reads engines named more than once as a fleet, in their order', () => {
		assert.deepEqual(
			parseCliFlags(['-H', 'ssh://a', '--host', 'ssh://b', '-c', 'lab']),
			{
				engines: [
					{kind: 'host', value: 'ssh://a'},
					{kind: 'host', value: 'ssh://b'},
					{kind: 'context', value: 'lab'},
				],
				help: false,
				version: false,
				printKeys: false,
			},
		);
		assert.deepEqual(parseCliFlags(['--fleet', 'prod']), {
			fleet: 'prod',
			help: false,
			version: false,
			printKeys: false,
		});
	});

	it('refuses a flag given twice, and a fleet by name with engines', () => {
		assert.equal(refusal('--tail', '1', '--tail', '2'), '--tail given twice');
		assert.equal(
			refusal('--fleet', 'a', '--fleet', 'b'),
			'--fleet given twice',
		);
		assert.match(
			refusal('--read-only', '--no-read-only'),
			/contradict each other/,
		);
		assert.equal(
			refusal('--fleet', 'prod', '-c', 'b'),
			'--fleet and --context cannot be given together',
		);
	});

	it('refuses a missing or malformed value', () => {
		assert.equal(refusal('--host'), '--host needs a value');
		assert.equal(refusal('--context='), '--context needs a value');
		assert.equal(
			refusal('--host', '--context', 'prod'),
			'--host needs a value before --context',
		);
		assert.equal(refusal('--read-only=yes'), '--read-only takes no value');
		for (const tail of [
			'abc',
			'-1',
			'1.5',
			'1e3',
			'',
			'99999999999999999999',
		]) {
			assert.match(
				refusal(`--tail=${tail}`),
				/^--tail (takes a whole number|needs a value)/,
			);
		}
	});
});
