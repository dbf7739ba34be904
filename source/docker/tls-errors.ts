import type {DockerErrorCode} from './error-code.js';

const certHint =
	'DOCKER_CERT_PATH (or the context or host entry) names the folder with ca.pem, cert.pem and key.pem';

/** Node's codes for a server certificate that our CA (ca.pem) did not sign. */
const untrustedServer = new Set([
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_SIGNATURE_FAILURE',
	'CERT_UNTRUSTED',
]);

/** What each TLS failure means for the user, and what to check. */
function describe(
	code: string,
	message: string,
): {readonly text: string; readonly hint: string} | undefined {
	if (untrustedServer.has(code)) {
		return {
			text: "the engine's TLS certificate is not signed by our CA (ca.pem)",
			hint: certHint,
		};
	}

	switch (code) {
		case 'CERT_HAS_EXPIRED': {
			return {
				text: "the engine's TLS certificate has expired",
				hint: 'renew the certificate on the engine (dockerd --tlscert)',
			};
		}

		case 'CERT_NOT_YET_VALID': {
			return {
				text: "the engine's TLS certificate is not valid yet",
				hint: "check this machine's clock",
			};
		}

		case 'ERR_TLS_CERT_ALTNAME_INVALID': {
			return {
				text: "the engine's TLS certificate is for another host name",
				hint: 'connect by a name or IP address the certificate lists',
			};
		}

		default: {
			break;
		}
	}

	// The alert the engine sent when it refused our client certificate, or our lack of one
	// (dockerd says "bad certificate" for both).
	if (
		/ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|CERTIFICATE_REQUIRED|UNSUPPORTED_CERTIFICATE)/.test(
			code,
		)
	) {
		return {
			text: 'the engine refused our TLS client certificate',
			hint: `it takes only a cert.pem signed by its own CA (dockerd --tlscacert); ${certHint}`,
		};
	}

	if (/wrong version number|packet length too long/i.test(message)) {
		return {
			text: 'the engine does not speak TLS on that port',
			hint: 'leave DOCKER_TLS_VERIFY unset for a plain tcp:// engine, or use its TLS port (usually 2376)',
		};
	}

	return undefined;
}

/** What went wrong in a TLS handshake, in the shape of errors.ts's socket hints. */
export type TlsFailure = {
	readonly code: DockerErrorCode;
	readonly text: string;
	readonly hint: string;
};

/**
 * Says what failed when a TLS connection to the engine did (certificates on either side, TLS
 * spoken to a plain port or the other way round); undefined for any other failure.
 */
export function describeTlsFailure(raw: {
	readonly code?: unknown;
	readonly message?: unknown;
	readonly statusCode?: unknown;
}): TlsFailure | undefined {
	const code = typeof raw.code === 'string' ? raw.code : '';
	const message = typeof raw.message === 'string' ? raw.message : '';
	// Go's TLS server answers a plain HTTP request with this 400 rather than a handshake.
	if (
		raw.statusCode === 400 &&
		message.includes('HTTP request to an HTTPS server')
	) {
		return {
			code: 'unreachable',
			text: 'the engine expects TLS',
			hint: 'set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem',
		};
	}

	const failure = describe(code, message);
	return failure === undefined
		? undefined
		: {code: 'permission-denied', ...failure};
}
