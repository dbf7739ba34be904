import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, describe, it} from 'node:test';
import {
	checkPingAnswer,
	toDockerError,
	toPingError,
} from '../../source/docker/errors.js';
import {createSshAccess} from '../../source/docker/ssh-access.js';

const url = 'tcp://10.0.0.5:2376';

function tlsError(code: string, message = ''): Error {
	return Object.assign(new Error(message), {code});
}

describe('TLS failures', () => {
	for (const [what, error, message, hint] of [
		[
			'a server certificate from another CA',
			tlsError('SELF_SIGNED_CERT_IN_CHAIN'),
			"the engine's TLS certificate is not signed by our CA (ca.pem)",
			/DOCKER_CERT_PATH/,
		],
		[
			'an expired server certificate',
			tlsError('CERT_HAS_EXPIRED'),
			"the engine's TLS certificate has expired",
			/renew/,
		],
		[
			'a certificate for another name',
			tlsError('ERR_TLS_CERT_ALTNAME_INVALID'),
			"the engine's TLS certificate is for another host name",
			/name or IP address/,
		],
		[
			'our client certificate refused (dockerd sends "bad certificate")',
			tlsError(
				'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
				'805C2A3B997F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42\n',
			),
			'the engine refused our TLS client certificate',
			/signed by its own CA/,
		],
		[
			'TLS spoken to a plain port',
			tlsError(
				'EPROTO',
				'write EPROTO 804C2ED2B17F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n',
			),
			'the engine does not speak TLS on that port',
			/DOCKER_TLS_VERIFY/,
		],
		[
			'plain HTTP spoken to a TLS port',
			{
				statusCode: 400,
				message:
					'(HTTP code 400) unexpected - Client sent an HTTP request to an HTTPS server.\n ',
				json: Buffer.from('Client sent an HTTP request to an HTTPS server.\n'),
			},
			'the engine expects TLS',
			/DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH/,
		],
	] as const) {
		it(`explains ${what} in one line`, () => {
			const explained = toDockerError(error, url);
			assert.equal(
				explained.message,
				`cannot connect to the Docker engine at ${url}: ${message}`,
			);
			assert.match(explained.hint ?? '', hint);
		});
	}

	it('leaves a refused connection and engine errors as they were', () => {
		assert.match(
			toDockerError(tlsError('ECONNREFUSED'), url).message,
			/connection refused$/,
		);
		assert.equal(
			toDockerError(
				{statusCode: 400, json: {message: 'invalid reference format'}},
				url,
			).message,
			'invalid reference format',
		);
	});
});

describe('something other than an engine', () => {
	const page = '<!DOCTYPE HTML>\n<html><body>Error 404</body></html>\n';
	const answered = (statusCode: number, body: string): object => ({
		statusCode,
		message: `(HTTP code ${statusCode}) unexpected - ${body} `,
		json: Buffer.from(body),
	});

	it('says that an endpoint answering /_ping with an HTTP error is not an engine', () => {
		for (const body of ['404 page not found\n', page]) {
			const error = toPingError(answered(404, body), url);
			assert.equal(error.code, 'not-an-engine');
			assert.equal(
				error.message,
				`${url} answered, but it is not a Docker engine (HTTP 404 for /_ping)`,
			);
			assert.match(error.hint ?? '', /address and port/);
		}
	});

	it('keeps an engine refusing /_ping with its own message as the engine said it', () => {
		const error = toPingError(
			{statusCode: 403, json: {message: 'authorization denied by plugin'}},
			url,
		);
		assert.equal(error.code, 'permission-denied');
		assert.equal(error.message, 'authorization denied by plugin');
	});

	it('accepts only OK as the answer to /_ping', () => {
		checkPingAnswer(Buffer.from('OK'), url);
		checkPingAnswer('OK', url);
		for (const answer of [
			Buffer.from('<!DOCTYPE html><html></html>'),
			{},
			'',
		]) {
			assert.throws(
				() => {
					checkPingAnswer(answer, url);
				},
				{message: /answered, but it is not a Docker engine/},
			);
		}
	});

	it('never shows a web page as the message of a failed call', () => {
		const error = toDockerError(answered(502, page), url);
		assert.equal(error.message, 'HTTP 502');
	});
});

describe('ssh access', () => {
	const home = mkdtempSync(path.join(os.tmpdir(), 'dockmate-ssh-'));
	after(() => {
		rmSync(home, {recursive: true, force: true});
	});

	const keyBlob = Buffer.concat([
		Buffer.from([0, 0, 0, 11]),
		Buffer.from('ssh-ed25519'),
		Buffer.from('the key'),
	]);
	mkdirSync(path.join(home, '.ssh'));
	writeFileSync(
		path.join(home, '.ssh', 'known_hosts'),
		`[127.0.0.1]:2222 ssh-ed25519 ${keyBlob.toString('base64')}\nold-host ssh-rsa AAAA\n`,
	);
	writeFileSync(path.join(home, '.ssh', 'id_ed25519'), 'a private key');
	const target = {host: '127.0.0.1', port: 2222, username: 'deploy'};
	const sshUrl = 'ssh://deploy@127.0.0.1:2222';

	it('logs in with the agent first, then the default key files', () => {
		const access = createSshAccess(target, {SSH_AUTH_SOCK: '/agent'}, home);
		assert.equal(access.username, 'deploy');
		assert.deepEqual(access.options.authHandler, [
			{type: 'agent', username: 'deploy', agent: '/agent'},
			{
				type: 'publickey',
				username: 'deploy',
				key: Buffer.from('a private key'),
			},
		]);
	});

	it('asks for the host key type known_hosts holds', () => {
		const access = createSshAccess(target, {}, home);
		assert.deepEqual(access.options.algorithms, {
			serverHostKey: {
				remove: ['ssh-ed25519'],
				append: [],
				prepend: ['ssh-ed25519'],
			},
		});
		const rsa = createSshAccess({host: 'old-host', port: 22}, {}, home);
		assert.deepEqual(rsa.options.algorithms?.serverHostKey, {
			remove: ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
			append: [],
			prepend: ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
		});
		const unknown = createSshAccess({host: 'new', port: 22}, {}, home);
		assert.equal(unknown.options.algorithms, undefined);
	});

	it('accepts only the known key, and says what to do about another', () => {
		const verify = (access: ReturnType<typeof createSshAccess>, key: Buffer) =>
			(access.options.hostVerifier as (key: Buffer) => boolean)(key);
		const hostDenied = Object.assign(
			new Error('Host denied (verification failed)'),
			{level: 'handshake'},
		);

		const known = createSshAccess(target, {}, home);
		assert.equal(verify(known, keyBlob), true);
		assert.equal(known.explain(new Error('socket hang up'), sshUrl), undefined);

		const changed = createSshAccess(target, {}, home);
		const otherKey = Buffer.concat([keyBlob, Buffer.from('!')]);
		assert.equal(verify(changed, otherKey), false);
		const changedError = changed.explain(hostDenied, sshUrl);
		assert.equal(
			changedError?.message,
			`cannot connect to the Docker engine at ${sshUrl}: the ssh host key of [127.0.0.1]:2222 does not match ~/.ssh/known_hosts`,
		);
		assert.match(
			changedError.hint ?? '',
			/ssh-keygen -R '\[127\.0\.0\.1\]:2222'/,
		);

		const stranger = createSshAccess(
			{host: '127.0.0.1', port: 2200, username: 'deploy'},
			{},
			home,
		);
		assert.equal(verify(stranger, keyBlob), false);
		const unknownError = stranger.explain(hostDenied, sshUrl);
		assert.match(
			unknownError?.message ?? '',
			/the ssh host key of \[127\.0\.0\.1\]:2200 is not in ~\/\.ssh\/known_hosts$/,
		);
		assert.equal(
			unknownError?.hint,
			"check the server's key and add it by logging in once: ssh -p 2200 deploy@127.0.0.1",
		);
	});

	it('blames ssh, not the Docker daemon, when the ssh connection fails', () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED'), {
			code: 'ECONNREFUSED',
		});
		const error = createSshAccess(target, {}, home).explain(refused, sshUrl);
		assert.match(error?.message ?? '', /: connection refused \(ssh to /);
		assert.match(
			error?.hint ?? '',
			/^is the ssh server \(sshd\) running there/,
		);
		assert.doesNotMatch(error?.hint ?? '', /Docker/);
	});

	it('says which keys it tried when the login fails', () => {
		const failure = Object.assign(
			new Error('All configured authentication methods failed'),
			{level: 'client-authentication'},
		);
		const withKey = createSshAccess(target, {}, home).explain(failure, sshUrl);
		assert.equal(
			withKey?.message,
			`cannot connect to the Docker engine at ${sshUrl}: ssh authentication as deploy failed`,
		);
		assert.match(withKey.hint ?? '', /^tried ~\/\.ssh\/id_ed25519;/);
		const withNothing = createSshAccess(
			target,
			{},
			path.join(home, 'nowhere'),
		).explain(failure, sshUrl);
		assert.match(withNothing?.hint ?? '', /^no ssh agent \(SSH_AUTH_SOCK\)/);
	});
});
