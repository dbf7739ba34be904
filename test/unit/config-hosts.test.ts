import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {ConfigError, readConfig} from '../../source/config.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'dockmate-config-hosts-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

let count = 0;
function configWith(hosts: unknown): string {
	const file = path.join(dir, `config-${++count}.json`);
	writeFileSync(file, JSON.stringify({hosts}));
	return file;
}

describe('hosts in the config file', () => {
	it('reads names, addresses and TLS settings', () => {
		const hosts = [
			{name: 'prod', host: 'ssh://me@server'},
			{
				name: 'lab',
				host: 'tcp://10.0.0.5:2376',
				certPath: '~/certs/lab',
				tlsVerify: false,
			},
		];
		assert.deepEqual(readConfig(configWith(hosts)), {hosts});
	});

	for (const [what, hosts, message] of [
		['not a list', {prod: 'ssh://x'}, /"hosts" must be a list of hosts/],
		[
			'an entry that is not an object',
			['ssh://x'],
			/"hosts"\[0\] must be an object/,
		],
		['a missing name', [{host: 'ssh://x'}], /"hosts"\[0\] needs a "name"/],
		[
			'a missing host',
			[{name: 'prod'}],
			/"hosts"\[0\] \("prod"\) needs a "host"/,
		],
		[
			'a name used twice',
			[
				{name: 'a', host: 'ssh://x'},
				{name: 'a', host: 'ssh://y'},
			],
			/"hosts"\[1\]: the name "a" is used twice/,
		],
		[
			'a misspelt key',
			[{name: 'a', host: 'tcp://x:2376', certpath: '/c'}],
			/"hosts"\[0\] has an unknown key "certpath"/,
		],
		[
			'a tlsVerify that is not a boolean',
			[{name: 'a', host: 'tcp://x:2376', tlsVerify: 'yes'}],
			/"tlsVerify" must be true or false/,
		],
	] as const) {
		it(`refuses ${what}, naming the file`, () => {
			const file = configWith(hosts);
			assert.throws(
				() => readConfig(file),
				(error: unknown) =>
					error instanceof ConfigError &&
					error.message.startsWith(`${file}: `) &&
					message.test(error.message),
			);
		});
	}
});
