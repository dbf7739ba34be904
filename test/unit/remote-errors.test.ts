import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
	checkPingAnswer,
	toDockerError,
	toPingError,
} from '../../source/docker/errors.js';
import {sshFailure, sshMessage} from '../../source/docker/ssh-errors.js';

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

describe('ssh failures, in the words of ssh', () => {
	const sshUrl = 'ssh://deploy@127.0.0.1:2222';
	const target = {host: '127.0.0.1', port: 2222, username: 'deploy'};
	const failed = (stderr: string, exitCode: number | null, ofMaster = true) =>
		sshFailure(sshUrl, target, {stderr, exitCode, ofMaster});
	const prefix = `cannot connect to the Docker engine at ${sshUrl}: `;

	// What OpenSSH 9.2 prints on standard error in each case.
	for (const [what, stderr, message, code, hint] of [
		[
			'an unknown host key where nobody can answer',
			'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\r\nHost key verification failed.\r\n',
			'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking. Host key verification failed.',
			'permission-denied',
			/^run ssh -p 2222 deploy@127\.0\.0\.1 once to check and accept/,
		],
		[
			'a changed host key',
			'@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\nHost key verification failed.\n',
			'@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @ Host key verification failed.',
			'permission-denied',
			/ssh-keygen -R 127\.0\.0\.1/,
		],
		[
			'a key the server refuses',
			'deploy@127.0.0.1: Permission denied (publickey).\r\n',
			'deploy@127.0.0.1: Permission denied (publickey).',
			'permission-denied',
			/IdentityFile.*ssh-add/,
		],
		[
			'sshd down',
			'ssh: connect to host 127.0.0.1 port 2222: Connection refused\r\n',
			'ssh: connect to host 127.0.0.1 port 2222: Connection refused',
			'unreachable',
			/^is the host up and its ssh server \(sshd\) running/,
		],
		[
			'an alias ~/.ssh/config does not know',
			'ssh: Could not resolve hostname nowhere: Name or service not known\r\n',
			'ssh: Could not resolve hostname nowhere: Name or service not known',
			'unreachable',
			/~\/\.ssh\/config/,
		],
	] as const) {
		it(`shows ${what} as ssh said it, with what to run`, () => {
			const error = failed(stderr, 255);
			assert.equal(error.message, prefix + message);
			assert.equal(error.code, code);
			assert.match(error.hint ?? '', hint);
		});
	}

	it('blames the far side, not ssh, when docker there ends without reaching an engine', () => {
		const missing = failed('sh: 1: docker: not found\n', 127, false);
		assert.equal(missing.message, `${prefix}sh: 1: docker: not found`);
		assert.match(missing.hint ?? '', /docker CLI must be installed/);
		const noEngine = failed(
			'error during connect: dial unix /x.sock: connect: connection refused\n',
			1,
			false,
		);
		assert.match(
			noEngine.hint ?? '',
			/^is the Docker daemon running on that host\? Try: ssh -p 2222 deploy@127\.0\.0\.1 docker version$/,
		);
	});

	it('says so when ssh ends without a word, and keeps control characters off the screen', () => {
		assert.equal(
			failed('', 255).message,
			`${prefix}ssh ended with status 255 and said nothing`,
		);
		assert.equal(
			sshMessage('bad \u001B[2Jnews\nWarning: Permanently added x\n'),
			'bad news',
		);
	});
});
