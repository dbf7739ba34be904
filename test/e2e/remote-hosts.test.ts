import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {after, afterEach, before, describe, it} from 'node:test';
import {launchDockmate} from '../helpers/dockmate.js';
import {runLabelled} from '../helpers/e2e-containers.js';
import {freePort} from '../helpers/free-port.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import {startThrowawayDaemon} from '../helpers/throwaway-daemon.js';
import {
	makeTlsMaterial,
	tlsListenArgs,
	type TlsMaterial,
} from '../helpers/tls-certs.js';
import type {TmuxSession} from '../helpers/tmux.js';

const image = 'dockmate-e2e/busybox:remote';
const container = 'remote-one';

describe('remote engines over TLS', {timeout: 240_000}, () => {
	let tls: TlsMaterial;
	let pki: string;
	let tlsHost: string;
	// The engine also listens on a loopback port that takes only clients with a certificate.
	const daemon = engineFixture({
		image,
		async start() {
			pki = mkdtempSync('/tmp/dmt-tls-');
			tls = makeTlsMaterial(pki);
			tlsHost = `tcp://127.0.0.1:${await freePort()}`;
			return startThrowawayDaemon({extraArgs: tlsListenArgs(tls, tlsHost)});
		},
	});
	let screen: TmuxSession | undefined;

	/**
	 * Runs dockmate against `host` and waits for it to end: the failure it printed, one line and a
	 * hint, and nothing else.
	 */
	const failure = async (
		host: string,
		env: Readonly<Record<string, string>>,
	): Promise<string> => {
		// Wide enough that no message wraps: each must be one line.
		screen = await launchDockmate({host, env, columns: 400});
		const shown = await screen.waitForText(/AFTER-DOCKMATE exit=\d+/, 15_000);
		assert.match(shown, /AFTER-DOCKMATE exit=1/);
		assert.doesNotMatch(shown, /\n\s+at /, 'a stack trace');
		const lines = shown.split('\n');
		const first = lines.findIndex(line => line.startsWith('dockmate: '));
		assert.notEqual(first, -1, shown);
		assert.match(lines[first + 1] ?? '', /^hint: /);
		return `${lines[first]}\n${lines[first + 1]}`;
	};

	/** Waits until dockmate shows the engine's container, connected. */
	const connected = async (
		host: string,
		env: Readonly<Record<string, string>>,
	): Promise<string> => {
		screen = await launchDockmate({host, env});
		return screen.waitForText(
			text => text.includes('● connected') && text.includes(container),
			20_000,
		);
	};

	before(async () => {
		await runLabelled(daemon, {name: container, image});
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	after(() => {
		rmSync(pki, {recursive: true, force: true});
	});

	it('tcp:// with TLS: lists the containers with the certificates of DOCKER_CERT_PATH', async () => {
		const shown = await connected(tlsHost, {
			DOCKER_TLS_VERIFY: '1',
			DOCKER_CERT_PATH: tls.clientDir,
		});
		assert.match(shown, new RegExp(`Docker \\S+ @ ${tlsHost}`));
	});

	it('tcp:// with TLS: wrong certificates on either side, plain HTTP and a refused port each say so', async () => {
		const prefix = `dockmate: cannot connect to the Docker engine at ${tlsHost}: `;
		assert.match(
			await failure(tlsHost, {
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CERT_PATH: tls.strangerDir,
			}),
			new RegExp(
				`^${prefix}the engine refused our TLS client certificate\\nhint: it takes only a cert\\.pem signed by its own CA`,
			),
		);
		assert.match(
			await failure(tlsHost, {
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CERT_PATH: tls.untrustingDir,
			}),
			new RegExp(
				`^${prefix}the engine's TLS certificate is not signed by our CA \\(ca\\.pem\\)\\n`,
			),
		);
		assert.match(
			await failure(tlsHost, {}),
			new RegExp(
				`^${prefix}the engine expects TLS\\nhint: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH`,
			),
		);
		const closed = `tcp://127.0.0.1:${await freePort()}`;
		assert.match(
			await failure(closed, {
				DOCKER_TLS_VERIFY: '1',
				DOCKER_CERT_PATH: tls.clientDir,
			}),
			new RegExp(
				`^dockmate: cannot connect to the Docker engine at ${closed}: connection refused\\n`,
			),
		);
	});
});
