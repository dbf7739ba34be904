import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {ConfigError, configPath, readConfig} from '../../source/config.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dockmate-config-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

function file(name: string, text: string): string {
	const full = path.join(dir, name);
	writeFileSync(full, text);
	return full;
}

describe('config file', () => {
	it('lives under XDG_CONFIG_HOME, else ~/.config; an empty XDG_CONFIG_HOME is unset', () => {
		assert.equal(
			configPath({XDG_CONFIG_HOME: '/x'}, '/home/u'),
			'/x/dockmate/config.json',
		);
		assert.equal(
			configPath({}, '/home/u'),
			'/home/u/.config/dockmate/config.json',
		);
		assert.equal(
			configPath({XDG_CONFIG_HOME: ''}, '/home/u'),
			'/home/u/.config/dockmate/config.json',
		);
	});

	it('a missing file is an empty config', () => {
		assert.deepEqual(readConfig(path.join(dir, 'none.json')), {});
	});

	it('reads readOnly', () => {
		assert.deepEqual(readConfig(file('on.json', '{"readOnly": true}')), {
			readOnly: true,
		});
		assert.deepEqual(readConfig(file('off.json', '{"readOnly": false}')), {
			readOnly: false,
		});
		assert.deepEqual(readConfig(file('empty.json', '{}')), {});
	});

	it('reads mouse and theme', () => {
		assert.deepEqual(
			readConfig(file('look.json', '{"mouse": false, "theme": "light"}')),
			{mouse: false, theme: 'light'},
		);
		for (const [bad, message] of [
			['{"mouse": "no"}', '"mouse" must be true or false'],
			['{"theme": "blue"}', '"theme" must be "dark" or "light"'],
		] as const) {
			assert.throws(
				() => readConfig(file('bad-look.json', bad)),
				(error: unknown) =>
					error instanceof ConfigError && error.message.includes(message),
			);
		}
	});

	it('reads logTail: a whole number of lines, 0 or more', () => {
		assert.deepEqual(readConfig(file('tail.json', '{"logTail": 2000}')), {
			logTail: 2000,
		});
		assert.deepEqual(readConfig(file('tail0.json', '{"logTail": 0}')), {
			logTail: 0,
		});
		for (const bad of ['-1', '1.5', '"500"']) {
			assert.throws(
				() => readConfig(file('bad-tail.json', `{"logTail": ${bad}}`)),
				(error: unknown) =>
					error instanceof ConfigError &&
					error.message.includes('"logTail" must be a whole number of lines'),
			);
		}
	});

	it('hands "keys" on as written: the keymap checks them at start', () => {
		assert.deepEqual(
			readConfig(
				file('keys.json', '{"keys": {"item.remove": "x", "bogus": 1}}'),
			),
			{keys: {'item.remove': 'x', bogus: 1}},
		);
	});

	for (const [name, text, message] of [
		['broken.json', '{readOnly: true', /is not valid JSON/],
		['array.json', '[true]', /must hold a JSON object/],
		['string.json', '{"readOnly": "yes"}', /"readOnly" must be true or false/],
		['keys.json', '{"keys": ["x"]}', /"keys" must map command names to keys/],
	] as const) {
		it(`refuses ${name} with a clear message`, () => {
			assert.throws(
				() => readConfig(file(name, text)),
				(error: unknown) =>
					error instanceof ConfigError && message.test(error.message),
			);
		});
	}
});

describe('config file out of reach', () => {
	it('one that exists but cannot be read is a clear error', () => {
		assert.throws(
			() => readConfig(dir),
			(error: unknown) =>
				error instanceof ConfigError &&
				error.message.startsWith('cannot read '),
		);
	});

	it('a folder that is a file on the way is no config, not a crash', () => {
		const notFolder = file('plain.txt', 'x');
		assert.deepEqual(readConfig(path.join(notFolder, 'config.json')), {});
	});
});
