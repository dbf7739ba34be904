import assert from 'node:assert/strict';
import {createHmac} from 'node:crypto';
import {describe, it} from 'node:test';
import {
	checkHostKey,
	knownHostName,
	knownKeyTypes,
} from '../../source/docker/known-hosts.js';

/** An ssh public key blob: the type as a length-prefixed string, then some key bytes. */
function blob(type: string, body: string): Buffer {
	const name = Buffer.from(type, 'latin1');
	const length = Buffer.alloc(4);
	length.writeUInt32BE(name.length);
	return Buffer.concat([length, name, Buffer.from(body)]);
}

const ed = blob('ssh-ed25519', 'key-one');
const edOther = blob('ssh-ed25519', 'key-two');
const ecdsa = blob('ecdsa-sha2-nistp256', 'key-three');

function line(hosts: string, key: Buffer, type = 'ssh-ed25519'): string {
	return `${hosts} ${type} ${key.toString('base64')} comment`;
}

function hashed(name: string): string {
	const salt = Buffer.from('0123456789abcdefghij');
	const hash = createHmac('sha1', salt).update(name).digest('base64');
	return `|1|${salt.toString('base64')}|${hash}`;
}

describe('known_hosts', () => {
	it('names a host as OpenSSH writes it: bare on port 22, [host]:port otherwise', () => {
		assert.equal(knownHostName('server', 22), 'server');
		assert.equal(knownHostName('127.0.0.1', 2222), '[127.0.0.1]:2222');
	});

	it('trusts the key written for the host, on its port', () => {
		const text = line('[127.0.0.1]:2222', ed);
		assert.equal(checkHostKey([text], '127.0.0.1', 2222, ed), 'trusted');
		assert.equal(
			checkHostKey([text], '127.0.0.1', 22, ed),
			'unknown',
			'another port is another host',
		);
	});

	it('tells a changed key from an unknown host', () => {
		const text = line('server', ed);
		assert.equal(checkHostKey([text], 'server', 22, edOther), 'changed');
		assert.equal(
			checkHostKey([text], 'server', 22, ecdsa),
			'unknown',
			'no line of that type',
		);
		assert.equal(checkHostKey([text], 'other', 22, ed), 'unknown');
	});

	it('reads comma lists, wildcards, negations and hashed names, case-insensitively', () => {
		assert.equal(
			checkHostKey([line('a,Server,b', ed)], 'server', 22, ed),
			'trusted',
		);
		assert.equal(
			checkHostKey([line('*.example.com', ed)], 'db.example.com', 22, ed),
			'trusted',
		);
		assert.equal(
			checkHostKey([line('db?.example.com', ed)], 'db1.example.com', 22, ed),
			'trusted',
		);
		assert.equal(
			checkHostKey(
				[line('*.example.com,!evil.example.com', ed)],
				'evil.example.com',
				22,
				ed,
			),
			'unknown',
		);
		assert.equal(
			checkHostKey([line(hashed('[10.0.0.1]:2222'), ed)], '10.0.0.1', 2222, ed),
			'trusted',
		);
		assert.equal(
			checkHostKey([line(hashed('10.0.0.2'), ed)], '10.0.0.1', 22, ed),
			'unknown',
		);
	});

	it('refuses a revoked key even where another line trusts it', () => {
		const texts = [line('server', ed), `@revoked * ${line('', ed).trim()}`];
		assert.equal(checkHostKey(texts, 'server', 22, ed), 'revoked');
	});

	it('skips comments, blank and short lines, and reads every file given', () => {
		const texts = ['# a comment\n\nserver\n', `\n${line('server', ed)}\n`];
		assert.equal(checkHostKey(texts, 'server', 22, ed), 'trusted');
	});

	it('lists the key types known for a host, once each, without revoked or CA lines', () => {
		const texts = [
			[
				line('server', ed),
				line('server', edOther),
				line('server', ecdsa, 'ecdsa-sha2-nistp256'),
				`@cert-authority server ${line('', ed, 'ssh-rsa').trim()}`,
				line('other', ed, 'ssh-rsa'),
			].join('\n'),
		];
		assert.deepEqual(knownKeyTypes(texts, 'server', 22), [
			'ssh-ed25519',
			'ecdsa-sha2-nistp256',
		]);
	});
});
