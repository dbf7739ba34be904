import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** Folders laid out as DOCKER_CERT_PATH expects them: `ca.pem`, `cert.pem`, `key.pem`. */
export type TlsMaterial = {
	/** The engine's side: `ca.pem` (to check clients), and its own `cert.pem` and `key.pem`. */
	readonly serverDir: string;
	/** A client the engine trusts: its CA, and a client certificate that CA signed. */
	readonly clientDir: string;
	/** A client the engine does not trust: the right CA, but a certificate from another CA. */
	readonly strangerDir: string;
	/** A client that does not trust the engine: a good certificate, but another CA as `ca.pem`. */
	readonly untrustingDir: string;
};

function openssl(args: readonly string[], cwd: string): void {
	execFileSync('openssl', args, {cwd, stdio: ['ignore', 'ignore', 'pipe']});
}

function key(dir: string, name: string): void {
	openssl(
		[
			'genpkey',
			'-algorithm',
			'EC',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-out',
			name,
		],
		dir,
	);
}

function authority(dir: string, name: string): void {
	key(dir, `${name}-key.pem`);
	openssl(
		[
			'req',
			'-x509',
			'-new',
			'-key',
			`${name}-key.pem`,
			'-subj',
			`/CN=dockmate test ${name}`,
			'-days',
			'2',
			'-out',
			`${name}.pem`,
		],
		dir,
	);
}

/** Signs a new key's certificate with the CA `ca`; `extensions` go into the certificate as they are. */
function issue(
	dir: string,
	ca: string,
	name: string,
	subject: string,
	extensions: string,
): void {
	key(dir, `${name}-key.pem`);
	openssl(
		[
			'req',
			'-new',
			'-key',
			`${name}-key.pem`,
			'-subj',
			subject,
			'-out',
			`${name}.csr`,
		],
		dir,
	);
	writeFileSync(path.join(dir, `${name}.ext`), extensions);
	openssl(
		[
			'x509',
			'-req',
			'-in',
			`${name}.csr`,
			'-CA',
			`${ca}.pem`,
			'-CAkey',
			`${ca}-key.pem`,
			'-CAcreateserial',
			'-days',
			'2',
			'-extfile',
			`${name}.ext`,
			'-out',
			`${name}-cert.pem`,
		],
		dir,
	);
}

function certPathFolder(
	into: string,
	from: string,
	ca: string,
	client: string,
): string {
	mkdirSync(into);
	copyFileSync(path.join(from, `${ca}.pem`), path.join(into, 'ca.pem'));
	copyFileSync(
		path.join(from, `${client}-cert.pem`),
		path.join(into, 'cert.pem'),
	);
	copyFileSync(
		path.join(from, `${client}-key.pem`),
		path.join(into, 'key.pem'),
	);
	return into;
}

/**
 * Makes, with the openssl CLI, a CA with a server certificate for 127.0.0.1 (an IP SAN, as Node
 * checks) and a client certificate, plus a second CA whose client certificate the engine must
 * refuse. Everything lives under `dir` and expires in two days.
 */
export function makeTlsMaterial(dir: string): TlsMaterial {
	const work = path.join(dir, 'pki');
	mkdirSync(work, {recursive: true});
	authority(work, 'ca');
	authority(work, 'other-ca');
	issue(
		work,
		'ca',
		'server',
		'/CN=127.0.0.1',
		'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
	);
	issue(
		work,
		'ca',
		'client',
		'/CN=dockmate client',
		'extendedKeyUsage=clientAuth\n',
	);
	issue(
		work,
		'other-ca',
		'stranger',
		'/CN=dockmate stranger',
		'extendedKeyUsage=clientAuth\n',
	);
	return {
		serverDir: certPathFolder(path.join(dir, 'server'), work, 'ca', 'server'),
		clientDir: certPathFolder(path.join(dir, 'client'), work, 'ca', 'client'),
		strangerDir: certPathFolder(
			path.join(dir, 'stranger'),
			work,
			'ca',
			'stranger',
		),
		untrustingDir: certPathFolder(
			path.join(dir, 'untrusting'),
			work,
			'other-ca',
			'client',
		),
	};
}

/**
 * dockerd's flags to listen on `host` (`tcp://127.0.0.1:PORT`) too, taking only clients with a
 * certificate that the CA of `tls` signed: the `extraArgs` of a throwaway daemon.
 */
export function tlsListenArgs(tls: TlsMaterial, host: string): string[] {
	return [
		'--host',
		host,
		'--tlsverify',
		'--tlscacert',
		path.join(tls.serverDir, 'ca.pem'),
		'--tlscert',
		path.join(tls.serverDir, 'cert.pem'),
		'--tlskey',
		path.join(tls.serverDir, 'key.pem'),
	];
}
