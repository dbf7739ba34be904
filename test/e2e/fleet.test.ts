import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, before, describe, it} from 'node:test';
import {launchDockmate} from '../helpers/dockmate.js';
import {createLabelled, runLabelled} from '../helpers/e2e-containers.js';
import {attributesAt, lineWith} from '../helpers/frame.js';
import {freePort} from '../helpers/free-port.js';
import {
	startPodmanService,
	type PodmanService,
} from '../helpers/podman-service.js';
import {startSshd, type Sshd} from '../helpers/sshd.js';
import {
	startThrowawayDaemon,
	type ThrowawayDaemon,
} from '../helpers/throwaway-daemon.js';
import {makeTlsMaterial, tlsListenArgs} from '../helpers/tls-certs.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:fleet';
/** The same image in Podman's storage, which names local images under localhost/. */
const podmanImage = `localhost/${image}`;
const suffix = randomBytes(3).toString('hex');
/** Ends at once on SIGTERM, unlike a bare `sleep` as PID 1, which waits out the stop timeout. */
const stoppable = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done'];
/** A container name of this run. */
const named = (name: string): string => `fl-${name}-${suffix}`;

/** The screen line that lists `name`. */
function rowOf(screen: string, name: string): string {
	return (
		screen
			.split('\n')
			.find(line => line.startsWith('│') && line.includes(name)) ?? ''
	);
}

/** The screen lines that list `name`, one per engine that has it. */
function rowsOf(screen: string, name: string): string[] {
	return screen
		.split('\n')
		.filter(line => line.startsWith('│') && line.includes(name));
}

/**
 * The marked items the prune preview shows under each engine's heading, as `category name`;
 * an engine left out (read-only) has a heading and no items.
 */
function previewItems(screen: string): Map<string, string[]> {
	const items = new Map<string, string[]>();
	let engine: string | undefined;
	for (const line of screen.split('\n')) {
		const heading = /── (\w+):/.exec(line)?.[1];
		if (heading !== undefined) {
			engine = heading;
			items.set(engine, []);
			continue;
		}

		const item = /\[x\] ([a-z ]+?)\s{2,}(\S+)/.exec(line);
		if (item !== null && engine !== undefined) {
			items.get(engine)?.push(`${item[1]} ${item[2]}`);
		}
	}

	return items;
}

/** The chip of `engine` in the header: from its name to the closing bracket. */
function chipOf(screen: string, engine: string): string {
	return new RegExp(`\\[${engine}[^\\]]*\\]`).exec(screen)?.[0] ?? '';
}

// The fleet reaches each engine another way: alpha through its unix socket, beta through ssh to
// an sshd on 127.0.0.1, gamma through tcp with TLS on 127.0.0.1, and Podman's service through its
// socket. The tests' own docker CLI calls reach beta and gamma through their sockets.
describe('the fleet view', {timeout: 300_000}, () => {
	let alpha: ThrowawayDaemon;
	let beta: ThrowawayDaemon;
	let gamma: ThrowawayDaemon;
	let podman: PodmanService;
	let sshd: Sshd;
	let home: string;
	let screen: TmuxSession | undefined;

	/** Whether the container exists on `daemon`, and its state there. */
	const stateOn = async (
		daemon: ThrowawayDaemon,
		name: string,
	): Promise<string> => {
		const result = await daemon.docker([
			'inspect',
			'--format',
			'{{.State.Status}}',
			name,
		]);
		return result.code === 0 ? result.stdout.trim() : 'gone';
	};

	/** The container's state on every engine, asked of each with its own CLI. */
	const statesOf = async (name: string): Promise<Record<string, string>> => {
		const [onAlpha, onBeta, onGamma, onPodman] = await Promise.all([
			stateOn(alpha, name),
			stateOn(beta, name),
			stateOn(gamma, name),
			podman
				.podman(['inspect', '--format', '{{.State.Status}}', name])
				.then(result => (result.code === 0 ? result.stdout.trim() : 'gone')),
		]);
		return {alpha: onAlpha, beta: onBeta, gamma: onGamma, podman: onPodman};
	};

	/** Runs `name` on every engine: a loop that ends on SIGTERM, so that a stop takes no stop timeout. */
	const runEverywhere = async (name: string): Promise<void> => {
		await Promise.all([
			runLabelled(alpha, {name, image, command: stoppable}),
			runLabelled(beta, {name, image, command: stoppable}),
			runLabelled(gamma, {name, image, command: stoppable}),
			podman.run(name, podmanImage, stoppable),
		]);
	};

	const launch = async (fleet: string): Promise<TmuxSession> => {
		screen = await launchDockmate({
			host: undefined,
			args: ['--fleet', fleet],
			// Room for four chips in the header.
			columns: 240,
			env: {HOME: home, DOCKER_CONFIG: path.join(home, '.docker')},
			// Where ssh finds the key that the sshd takes.
			loginHome: home,
		});
		return screen;
	};

	before(async () => {
		home = mkdtempSync(path.join(os.tmpdir(), 'dmt-fleet-'));
		mkdirSync(path.join(home, '.docker'));
		mkdirSync(path.join(home, '.config', 'dockmate'), {recursive: true});
		const tls = makeTlsMaterial(path.join(home, 'tls'));
		const gammaHost = `tcp://127.0.0.1:${await freePort()}`;
		// All at once; each engine is kept as soon as it runs, so that `after` stops it whatever failed.
		const started = await Promise.allSettled([
			(async () => {
				alpha = await startThrowawayDaemon();
				await alpha.importBusyboxImage(image);
			})(),
			(async () => {
				beta = await startThrowawayDaemon();
				await beta.importBusyboxImage(image);
				sshd = await startSshd({dockerHost: beta.host});
			})(),
			(async () => {
				gamma = await startThrowawayDaemon({
					extraArgs: tlsListenArgs(tls, gammaHost),
				});
				await gamma.importBusyboxImage(image);
			})(),
			(async () => {
				podman = await startPodmanService();
				await podman.importBusyboxImage(image);
			})(),
		]);
		for (const outcome of started) {
			if (outcome.status === 'rejected') {
				throw outcome.reason;
			}
		}

		cpSync(path.join(sshd.trustedHome, '.ssh'), path.join(home, '.ssh'), {
			recursive: true,
		});
		const engines = [
			{name: 'alpha', host: alpha.host},
			{name: 'beta', host: sshd.url},
			{name: 'gamma', host: gammaHost, certPath: tls.clientDir},
			{name: 'podman', host: podman.host},
		];
		writeFileSync(
			path.join(home, '.config', 'dockmate', 'config.json'),
			JSON.stringify({
				// One engine of the fleet to switch to with c.
				hosts: [{name: 'alpha-one', host: alpha.host}],
				fleet: {
					// alpha and beta alone, for tests that need no more than two engines.
					lab: engines.slice(0, 2),
					all: engines,
					guarded: engines.map(engine =>
						engine.name === 'alpha' ? {...engine, readOnly: true} : engine,
					),
				},
			}),
		);
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	after(async () => {
		// Each may be missing when the set-up failed.
		try {
			/* eslint-disable @typescript-eslint/no-unnecessary-condition */
			await Promise.all([
				alpha?.stop(),
				beta?.stop(),
				gamma?.stop(),
				podman?.stop(),
				sshd?.stop(),
			]);
			/* eslint-enable @typescript-eslint/no-unnecessary-condition */
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});

	it('lists every engine’s rows with their ENGINE; s stops a container on its own engine only', async () => {
		const web = named('web');
		await runEverywhere(web);
		const current = await launch('all');
		const listed = await current.waitForText(
			text =>
				rowsOf(text, web).length === 4 &&
				['alpha', 'beta', 'gamma', 'podman'].every(engine =>
					new RegExp(`\\[${engine}[^\\]]*● connected`).test(text),
				),
			20_000,
		);
		assert.match(listed, /ENGINE/);
		const rows = rowsOf(listed, web);
		for (const engine of ['alpha', 'beta', 'gamma', 'podman']) {
			assert.equal(
				rows.filter(line => new RegExp(`${engine}\\s`).test(line)).length,
				1,
				`${engine}’s web row:\n${rows.join('\n')}`,
			);
		}

		// Created on Podman: listed under podman, and only there.
		const late = named('late');
		await podman.run(late, podmanImage);
		const withLate = await current.waitForText(late);
		assert.deepEqual(
			rowsOf(withLate, late).map(
				line => /(alpha|beta|gamma|podman)\s/.exec(line)?.[1],
			),
			['podman'],
		);

		// `/` matches the engine's name.
		await current.sendKeys('/', ...Array.from('beta'), 'Enter');
		const betaOnly = await current.waitForText(/Containers 1\/1 of \d+/);
		assert.ok(
			!betaOnly
				.split('\n')
				.some(
					line => line.includes(suffix) && /(alpha|gamma|podman)\s/.test(line),
				),
			'other engines’ containers pass a filter on beta',
		);

		// The four webs; the cursor onto beta's (reached through ssh), then s.
		await current.sendKeys('/', 'C-u', ...Array.from(web), 'Enter');
		const all = await current.waitForText(/Containers \d\/4 of \d+/);
		const at = Number(/Containers (\d)\/4/.exec(all)?.[1]);
		const betaAt = rowsOf(all, web).findIndex(line => /beta\s/.test(line)) + 1;
		if (betaAt !== at) {
			await current.sendKeys(
				...Array.from({length: Math.abs(betaAt - at)}, () =>
					betaAt > at ? 'j' : 'k',
				),
			);
			await current.waitForText(`Containers ${betaAt}/4 of`);
		}

		await current.sendKeys('s');
		await waitFor(async () => (await stateOn(beta, web)) === 'exited', {
			timeoutMs: 20_000,
			message: 'beta’s web stopped',
		});
		assert.deepEqual(await statesOf(web), {
			alpha: 'running',
			beta: 'exited',
			gamma: 'running',
			podman: 'running',
		});
		await current.sendKeys('L');
		const log = await current.waitForText(/container stop/);
		assert.ok(
			log.includes(`DOCKER_HOST=${sshd.url} docker container stop ${web}`),
			log,
		);
	});

	it('c switches to one engine of the fleet, and back to the whole fleet', async () => {
		const solo = named('solo');
		await runLabelled(beta, {name: solo, image});
		const current = await launch('lab');
		await current.waitForText(
			text => text.includes(solo) && /\[alpha[^\]]*● connected/.test(text),
			15_000,
		);
		await current.sendKeys('c');
		const list = await current.waitForText(/Engines ·/);
		assert.match(list, /● lab\s+fleet\s+alpha, beta/);
		// The fleet, the default context, then the config's hosts.
		await current.sendKeys('Down', 'Down', 'Enter');
		const single = await current.waitForText(
			text => text.includes('switched to') && !text.includes('Engines ·'),
			15_000,
		);
		assert.doesNotMatch(single, /ENGINE|fl-solo/);
		await current.sendKeys('c');
		const again = await current.waitForText(/ {2}lab\s+fleet/);
		assert.match(again, /● alpha-one\s+host/);
		await current.sendKeys('Up', 'Up', 'Enter');
		const back = await current.waitForText(
			text =>
				text.includes(solo) &&
				text.includes('ENGINE') &&
				!text.includes('Engines ·'),
			15_000,
		);
		assert.match(rowOf(back, solo), /beta\s/);
	});

	it('a marked set spanning the TLS engine and Podman is removed from each', async () => {
		const gone = named('gone');
		await Promise.all([
			createLabelled(gamma, {name: gone, image}),
			// Exits at once: a stopped container, as the one created on gamma.
			podman.run(gone, podmanImage, ['true']),
		]);
		const current = await launch('all');
		await current.waitForText(text => rowsOf(text, gone).length === 2, 20_000);
		await current.sendKeys('/', ...Array.from(gone), 'Enter');
		await current.waitForText(/Containers 1\/2( of \d+)?/);
		await current.sendKeys('*', 'd');
		await current.waitForText(/Remove 2 containers\?/);
		await current.sendKeys('y');
		await waitFor(
			async () => {
				const states = await statesOf(gone);
				return states['gamma'] === 'gone' && states['podman'] === 'gone';
			},
			{timeoutMs: 20_000, message: 'removed from gamma and podman'},
		);
		await current.waitForText(/removed 2/);
	});

	it('a read-only engine refuses, the others act', async () => {
		const kept = named('kept');
		await Promise.all([
			createLabelled(alpha, {name: kept, image}),
			createLabelled(beta, {name: kept, image}),
			createLabelled(gamma, {name: kept, image}),
			podman.run(kept, podmanImage, ['true']),
		]);
		const current = await launch('guarded');
		const started = await current.waitForText(
			text => rowsOf(text, kept).length === 4,
			20_000,
		);
		assert.match(chipOf(started, 'alpha'), /read-only/);
		assert.doesNotMatch(chipOf(started, 'gamma'), /read-only/);
		await current.sendKeys('/', ...Array.from(kept), 'Enter');
		await current.waitForText(/Containers 1\/4( of \d+)?/);
		await current.sendKeys('*', 'd');
		await current.waitForText(/Remove 4 containers\?/);
		await current.sendKeys('y');
		await current.waitForText(/1 of 4 failed: .*alpha is read-only/, 20_000);
		assert.deepEqual(await statesOf(kept), {
			alpha: 'created',
			beta: 'gone',
			gamma: 'gone',
			podman: 'gone',
		});
	});

	it('a dead engine is shown down within 2 s, its rows stay stale, the others keep updating, and it comes back', async () => {
		const steady = named('steady');
		await runEverywhere(steady);
		const current = await launch('all');
		// Every chip connected too: an engine's rows can show before its event stream is up.
		await current.waitForText(
			text =>
				rowsOf(text, steady).length === 4 &&
				['alpha', 'beta', 'gamma', 'podman'].every(engine =>
					chipOf(text, engine).includes('● connected'),
				),
			20_000,
		);
		const killedAt = performance.now();
		await gamma.kill();
		try {
			const down = await current.waitForText(/\[gamma[^\]]*✕ retrying/, 5000);
			const ms = performance.now() - killedAt;
			assert.ok(ms < 2000, `gamma shown down after ${Math.round(ms)} ms`);
			for (const engine of ['alpha', 'beta', 'podman']) {
				assert.match(chipOf(down, engine), /● connected/);
			}

			// Its rows stay, in the theme's grey (SGR 90), while the others' are news.
			assert.ok(
				rowsOf(down, steady).some(line => /gamma\s/.test(line)),
				'gamma’s rows vanished while it is down',
			);
			let coloured = '';
			const greyOn = (engine: string): boolean =>
				attributesAt(
					lineWith(coloured, new RegExp(`^(?=.*${steady})(?=.*${engine}\\s)`)),
					steady,
				).includes('90');
			await waitFor(
				async () => {
					coloured = await current.capture({colours: true});
					return greyOn('gamma');
				},
				{
					timeoutMs: 5000,
					message: 'gamma’s rows did not turn grey',
					describe: () => `\n${coloured}`,
				},
			);
			assert.ok(!greyOn('podman'), 'podman’s row is grey');

			const during = named('during');
			await Promise.all([
				runLabelled(beta, {name: during, image}),
				podman.run(during, podmanImage),
			]);
			const updated = await current.waitForText(
				text => rowsOf(text, during).length === 2,
				20_000,
			);
			assert.equal(
				rowsOf(updated, steady).length,
				4,
				'gamma’s rows vanished while it is down',
			);
		} finally {
			await gamma.start();
		}

		const back = named('back');
		await runLabelled(gamma, {name: back, image});
		const relisted = await current.waitForText(
			text => /\[gamma[^\]]*● connected/.test(text) && text.includes(back),
			20_000,
		);
		assert.match(rowOf(relisted, back), /gamma\s/);
	});

	it('measures both engines’ containers from their cgroup files, and totals each engine in Resources', async () => {
		const busy = named('busy');
		const burn = {
			name: busy,
			image,
			// A fifth of a core each: a CPU figure well above zero, and the machine left alone.
			options: ['--cpus', '0.2', '--network', 'none'],
			command: ['sh', '-c', 'while :; do :; done'],
		};
		await Promise.all([runLabelled(alpha, burn), runLabelled(beta, burn)]);
		const current = await launch('lab');
		await current.waitForText(
			text => text.split('\n').filter(line => line.includes(busy)).length === 2,
			15_000,
		);
		await current.sendKeys('3');
		const measured = await current.waitForText(
			text =>
				['alpha', 'beta'].every(engine =>
					text
						.split('\n')
						.some(
							line =>
								line.includes(busy) &&
								new RegExp(`${engine}\\s`).test(line) &&
								/\s(?:[1-9]\d*|0\.[1-9])\.?\d*%/.test(line),
						),
				) &&
				/^\s*alpha\s+CPU.*measured\s+cgroup v[12]\s*$/m.test(text) &&
				/^\s*beta\s+CPU.*measured\s+cgroup v[12] via ssh\s*$/m.test(text),
			20_000,
		);
		// Not through the stats API: the pane names no other source.
		assert.doesNotMatch(measured, /engine API/);
	});

	it('the prune preview groups the items by engine and removes exactly the shown ones on each', async () => {
		const [oldA, oldB, volumeA, volumeB] = [
			named('pa'),
			named('pb'),
			named('va'),
			named('vb'),
		];
		await Promise.all([
			createLabelled(alpha, {name: oldA, image}),
			createLabelled(beta, {name: oldB, image}),
			alpha.dockerOk(['volume', 'create', volumeA]),
			beta.dockerOk(['volume', 'create', volumeB]),
		]);
		/** What a prune may take on `daemon`: its containers and volumes, as `category name`. */
		const inventory = async (daemon: ThrowawayDaemon): Promise<string[]> => {
			const [containers, volumes] = await Promise.all([
				daemon.dockerOk(['ps', '--all', '--format', '{{.Names}}']),
				daemon.dockerOk(['volume', 'ls', '--quiet']),
			]);
			return [
				...containers.split('\n').map(name => `containers ${name}`),
				...volumes.split('\n').map(name => `volumes ${name}`),
			].filter(entry => !entry.endsWith(' '));
		};

		const current = await launch('lab');
		await current.waitForText(
			text =>
				text.includes(oldA) &&
				text.includes(oldB) &&
				/\[beta[^\]]*● connected/.test(text),
			15_000,
		);
		// Stopped containers and volumes, named ones too.
		await current.sendKeys('P', 'j', 'j', 'j', 'Space', 'A', 'Enter');
		const preview = await current.waitForText(
			text =>
				/── alpha: \d+ of \d+ marked · reclaims/.test(text) &&
				/── beta: \d+ of \d+ marked · reclaims/.test(text),
			15_000,
		);
		assert.match(preview, /items marked on 2 engines · reclaims/);
		const shown = previewItems(preview);
		const shownA = shown.get('alpha') ?? [];
		const shownB = shown.get('beta') ?? [];
		assert.ok(shownA.includes(`containers ${oldA}`), preview);
		assert.ok(shownA.includes(`volumes ${volumeA}`), preview);
		assert.ok(shownB.includes(`containers ${oldB}`), preview);
		assert.ok(shownB.includes(`volumes ${volumeB}`), preview);
		assert.ok(
			!shownA.includes(`containers ${oldB}`),
			'beta’s item under alpha',
		);

		// Made on alpha after the preview was drawn: not in it, so not removed.
		const [lateContainer, lateVolume] = [named('late-c'), named('late-v')];
		await createLabelled(alpha, {name: lateContainer, image});
		await alpha.dockerOk(['volume', 'create', lateVolume]);
		const [beforeA, beforeB] = await Promise.all([
			inventory(alpha),
			inventory(beta),
		]);
		await current.sendKeys('y');
		const report = await current.waitForText(/Enter or Esc closes/, 20_000);
		assert.match(report, new RegExp(`alpha: removed ${shownA.length} item`));
		assert.match(report, new RegExp(`beta: removed ${shownB.length} item`));
		const [afterA, afterB] = await Promise.all([
			inventory(alpha),
			inventory(beta),
		]);
		const removed = (before: string[], after: string[]): string[] =>
			before.filter(entry => !after.includes(entry)).sort();
		assert.deepEqual(removed(beforeA, afterA), shownA.toSorted());
		assert.deepEqual(removed(beforeB, afterB), shownB.toSorted());
		assert.ok(afterA.includes(`containers ${lateContainer}`));
		assert.ok(afterA.includes(`volumes ${lateVolume}`));

		// Each removal logged with the engine it went to.
		await current.sendKeys('Enter', 'L');
		const log = await current.waitForText(/volume rm/);
		assert.match(
			log,
			new RegExp(`DOCKER_HOST=${alpha.host} docker container rm ${oldA}`),
		);
	});

	it('n on Volumes asks which engine; the volume is created on the one chosen only', async () => {
		const volume = named('vol');
		const current = await launch('lab');
		await current.waitForText(
			text =>
				/\[alpha[^\]]*● connected/.test(text) &&
				/\[beta[^\]]*● connected/.test(text),
			15_000,
		);
		await current.sendKeys('5', 'n');
		await current.waitForText(/Create a volume on which engine\?/);
		await current.sendKeys('j', 'Enter');
		await current.waitForText(/Create a volume on beta/);
		await current.sendKeys(...Array.from(volume), 'C-g');
		await current.waitForText(`created volume ${volume}`, 15_000);
		const onBeta = await beta.docker(['volume', 'inspect', volume]);
		const onAlpha = await alpha.docker(['volume', 'inspect', volume]);
		await beta.docker(['volume', 'rm', volume]);
		assert.equal(onBeta.code, 0, 'beta has no such volume');
		assert.notEqual(onAlpha.code, 0, 'alpha has the volume too');
	});
});
