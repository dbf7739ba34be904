import {statSync} from 'node:fs';
import path from 'node:path';
import {EndpointError, nonEmpty} from './endpoint-error.js';

// The TLS files of a tcp:// endpoint, found the way the docker CLI finds them: from the
// environment (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) or a context's TLS folder.

/** TLS for a tcp endpoint: the files that exist (`certPath` and `keyPath` come as a pair) and whether to verify the engine. */
export type TlsFiles = {
	readonly caPath?: string;
	readonly certPath?: string;
	readonly keyPath?: string;
	/** False for `DOCKER_TLS` without `DOCKER_TLS_VERIFY`, or a context with `SkipTLSVerify`: encrypt, but trust any certificate. */
	readonly verify: boolean;
};

export function isFile(filePath: string): boolean {
	try {
		return statSync(filePath).isFile();
	} catch {
		return false;
	}
}

/**
 * TLS as the docker CLI derives it from the environment: any non-empty `DOCKER_TLS_VERIFY` (even "0") verifies,
 * `DOCKER_TLS` alone encrypts without verifying. `isForced` is for https://, which means TLS whatever the env says.
 */
export function envTls(
	{
		env,
		configDir,
	}: {
		readonly env: Readonly<Record<string, string | undefined>>;
		readonly configDir: string;
	},
	isForced: boolean,
): TlsFiles | undefined {
	const isVerifySet = nonEmpty(env['DOCKER_TLS_VERIFY']) !== undefined;
	const isTlsSet = nonEmpty(env['DOCKER_TLS']) !== undefined;
	if (!isVerifySet && !isTlsSet && !isForced) {
		return undefined;
	}

	const certDir = nonEmpty(env['DOCKER_CERT_PATH']) ?? configDir;
	const caPath = path.join(certDir, 'ca.pem');
	const hasCa = isFile(caPath);
	// The docker CLI fails here too (it cannot load the CA), rather than falling back to the system roots.
	if (isVerifySet && !hasCa) {
		throw new EndpointError(
			`DOCKER_TLS_VERIFY is set but ${caPath} does not exist (set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem)`,
		);
	}

	return tlsFiles(certDir, hasCa, isVerifySet || !isTlsSet);
}

export function tlsFiles(
	folder: string,
	hasCa: boolean,
	verify: boolean,
): TlsFiles {
	const certPath = path.join(folder, 'cert.pem');
	const keyPath = path.join(folder, 'key.pem');
	// Like the docker CLI, half a client key pair is ignored rather than sent.
	const hasPair = isFile(certPath) && isFile(keyPath);
	return {
		...(hasCa ? {caPath: path.join(folder, 'ca.pem')} : {}),
		...(hasPair ? {certPath, keyPath} : {}),
		verify,
	};
}

/** A context turns TLS on when it has any TLS files or skips verification (docker/cli `Endpoint.tlsConfig`). */
export function contextTls(
	tlsDir: string,
	skipTlsVerify: boolean,
	isForced: boolean,
): TlsFiles | undefined {
	const hasAnyFile = ['ca.pem', 'cert.pem', 'key.pem'].some(file =>
		isFile(path.join(tlsDir, file)),
	);
	if (!hasAnyFile && !skipTlsVerify && !isForced) {
		return undefined;
	}

	return tlsFiles(tlsDir, isFile(path.join(tlsDir, 'ca.pem')), !skipTlsVerify);
}
