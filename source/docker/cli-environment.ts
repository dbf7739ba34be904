import path from 'node:path';
import type {Endpoint, TlsFiles} from './endpoint.js';

/** How to point a docker CLI tool (compose) at the engine dockmate is connected to. */
export type CliEnvironment =
	| {
			readonly ok: true;
			/** Set on top of the user's environment, after {@link engineVariables} are removed from it. */
			readonly variables: Readonly<Record<string, string>>;
	  }
	| {readonly ok: false; readonly reason: string};

/** The variables that choose an engine: none of the user's may leak into a tool's environment. */
export const engineVariables: readonly string[] = [
	'DOCKER_HOST',
	'DOCKER_CONTEXT',
	'DOCKER_TLS',
	'DOCKER_TLS_VERIFY',
	'DOCKER_CERT_PATH',
];

/** The one folder that holds the TLS files under the names the CLI looks for, if there is one. */
function certFolder(tls: TlsFiles): string | undefined {
	const files = [
		[tls.caPath, 'ca.pem'],
		[tls.certPath, 'cert.pem'],
		[tls.keyPath, 'key.pem'],
	].filter((file): file is [string, string] => file[0] !== undefined);
	const folders = new Set(files.map(([file]) => path.dirname(file)));
	const [folder] = folders;
	return folders.size === 1 &&
		files.every(([file, name]) => path.basename(file) === name)
		? folder
		: undefined;
}

/**
 * The environment for a CLI tool that must reach `endpoint`. The CLI reads TLS files only from
 * a folder (`DOCKER_CERT_PATH`) under fixed names; where dockmate's files are elsewhere, a
 * context still works (by name), anything else cannot be passed on.
 */
export function cliEnvironment(endpoint: Endpoint): CliEnvironment {
	const tls = endpoint.kind === 'tcp' ? endpoint.tls : undefined;
	if (tls === undefined) {
		return {ok: true, variables: {DOCKER_HOST: endpoint.url}};
	}

	const folder = certFolder(tls);
	if (folder !== undefined) {
		return {
			ok: true,
			variables: {
				DOCKER_HOST: endpoint.url,
				...(tls.verify ? {DOCKER_TLS_VERIFY: '1'} : {DOCKER_TLS: '1'}),
				DOCKER_CERT_PATH: folder,
			},
		};
	}

	if (endpoint.source.kind === 'context') {
		return {ok: true, variables: {DOCKER_CONTEXT: endpoint.source.contextName}};
	}

	return {
		ok: false,
		reason: `compose cannot reach ${endpoint.url}: it reads TLS files only as ca.pem, cert.pem and key.pem in one folder`,
	};
}
