import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, before, describe, it} from 'node:test';
import {launchDockmate} from '../helpers/dockmate.js';
import {createLabelled, runLabelled} from '../helpers/e2e-containers.js';
import {
	pruneCategories,
	type PruneCategory,
} from '../../source/state/prune-dialog.js';
import {startSwarmDaemon} from '../helpers/swarm-daemon.js';
import {engineFixture} from '../helpers/e2e-engine.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {waitFor} from '../helpers/wait-for.js';

const image = 'dockmate-e2e/busybox:prune';

/** What one preview lists, as the engine's output names the same things: tags, `<none> <short id>`, names. */
type Preview = ReadonlySet<string>;

/**
 * The prune on a Swarm manager against the engine's own: every preview of dockmate must list
 * exactly what `docker <kind> prune` removes from the same state. All networks made here are
 * internal: nothing the containers do can leave the host.
 */
describe('prune on a real Swarm manager', {timeout: 300_000}, () => {
	const daemon = engineFixture({
		image,
		start: startSwarmDaemon,
		// The host keeps a bridge for every network the daemon still has when it stops: remove them.
		async beforeStop(engine) {
			const ids = await engine.dockerOk(['ps', '--all', '--quiet']);
			if (ids !== '') {
				await engine.docker(['rm', '--force', ...ids.split('\n')]);
			}

			await engine.docker(['network', 'prune', '--force']);
		},
	});
	let screen: TmuxSession | undefined;
	/** Container names by full id, before anything is pruned. */
	const containerNames = new Map<string, string>();
	/** `<none> <short id>` of the dangling images, by full id, before anything is pruned. */
	const danglingNames = new Map<string, string>();

	/**
	 * Loads a copy of `image` created in 2020 (older than any age the dialog offers), tagged `tag`
	 * or dangling; `label` makes it an image of its own.
	 */
	const loadOldImage = async (
		tag: string | undefined,
		label: string,
	): Promise<void> => {
		const dir = path.join(daemon.dir, `old-${label}`);
		mkdirSync(path.join(dir, 'tree'), {recursive: true});
		await daemon.dockerOk(['save', image, '-o', path.join(dir, 'in.tar')]);
		execFileSync('tar', ['-xf', path.join(dir, 'in.tar'), '-C', `${dir}/tree`]);
		const manifestPath = path.join(dir, 'tree', 'manifest.json');
		const [manifest] = JSON.parse(readFileSync(manifestPath, 'utf8')) as [
			{Config: string; RepoTags: string[] | undefined},
		];
		const config = JSON.parse(
			readFileSync(path.join(dir, 'tree', manifest.Config), 'utf8'),
		) as {created: string; config: {Labels?: Record<string, string>}};
		config.created = '2020-01-01T00:00:00Z';
		config.config.Labels = {which: label};
		manifest.Config = `${label}.json`;
		manifest.RepoTags = tag === undefined ? undefined : [tag];
		writeFileSync(
			path.join(dir, 'tree', manifest.Config),
			JSON.stringify(config),
		);
		writeFileSync(manifestPath, JSON.stringify([manifest]));
		rmSync(path.join(dir, 'tree', 'repositories'));
		execFileSync('tar', [
			'-cf',
			path.join(dir, 'out.tar'),
			'-C',
			`${dir}/tree`,
			'.',
		]);
		await daemon.dockerOk(['load', '-i', path.join(dir, 'out.tar')]);
	};

	/** Local bridges get subnets of their own: the engine's default pools skip every subnet the host routes. */
	let subnets = 0;
	const bridge = async (name: string): Promise<void> => {
		subnets += 1;
		await internalNetwork(name, '--subnet', `10.213.${subnets}.0/24`);
	};

	const internalNetwork = async (
		name: string,
		...options: string[]
	): Promise<void> => {
		await daemon.dockerOk([
			'network',
			'create',
			'--internal',
			...options,
			name,
		]);
	};

	/**
	 * Opens the prune dialog, chooses only `category` (with named volumes too, or an age of 1h,
	 * when asked) and reads the whole preview.
	 */
	const preview = async (
		current: TmuxSession,
		category: PruneCategory,
		options: {readonly allVolumes?: boolean; readonly hour?: boolean} = {},
	): Promise<Preview> => {
		await current.sendKeys('P');
		await current.waitForText('[x] stopped containers');
		// a: everything, a again: nothing; then the one category.
		await current.sendKeys('a', 'a');
		await current.waitForText('[ ] stopped containers');
		for (let step = 0; step < pruneCategories.indexOf(category); step++) {
			await current.sendKeys('j');
		}

		await current.sendKeys(' ');
		if (options.allVolumes) {
			await current.sendKeys('A');
			await current.waitForText('volumes: named too');
		}

		if (options.hour) {
			await current.sendKeys('u');
			await current.waitForText('age: older than 1h');
		}

		await current.sendKeys('Enter');
		const screen = await current.waitForText(
			/items marked · reclaims|nothing to prune/,
			20_000,
		);
		await current.sendKeys('Escape');
		await current.waitForText(text => !text.includes('Prune'));
		return new Set(
			screen
				.split('\n')
				.filter(line => /^│\s+\[x\] /.test(line))
				.flatMap(line => {
					// Category, name (an image's tags, comma-separated), size, detail: columns two
					// spaces or more apart.
					const [, name = ''] = line.replace(/^│\s+\[x\] /, '').split(/\s{2,}/);
					return name.split(', ');
				}),
		);
	};

	/** What `docker <args>` says it removed: the lines after its heading, until a blank one. */
	const engineRemoves = async (args: readonly string[]): Promise<string[]> => {
		const output = await daemon.dockerOk([...args, '--force']);
		return output
			.split('\n')
			.filter(line => line.trim() !== '' && !/^(Deleted|Total)/.test(line))
			.map(line => line.trim());
	};

	/** The image rows an engine image prune removed: untagged tags, and dangling images deleted. */
	const imageRows = (lines: readonly string[]): Set<string> =>
		new Set(
			lines.flatMap(line => {
				const untagged = /^untagged: (.+)$/.exec(line)?.[1];
				if (untagged !== undefined) {
					return [untagged];
				}

				const deleted = /^deleted: (sha256:[\da-f]{64})$/.exec(line)?.[1];
				const name =
					deleted === undefined ? undefined : danglingNames.get(deleted);
				return name === undefined ? [] : [name];
			}),
		);

	const union = (...sets: ReadonlySet<string>[]): Set<string> =>
		new Set(sets.flatMap(set => [...set]));

	const sorted = (set: Iterable<string>): string[] => [...set].sort();

	before(async () => {
		// Networks: unused, with a running, a paused and a created container, config-only, and
		// Swarm ones unused and joined by a service with no replica.
		for (const name of ['n-free', 'n-run', 'n-paused', 'n-stopped']) {
			await bridge(name);
		}

		await daemon.dockerOk([
			'network',
			'create',
			'--config-only',
			'--subnet',
			'10.99.0.0/24',
			'n-cfg',
		]);
		await internalNetwork('ov-free', '--driver', 'overlay', '--attachable');
		await internalNetwork('ov-svc', '--driver', 'overlay');
		await daemon.dockerOk([
			'service',
			'create',
			'--detach',
			'--no-resolve-image',
			'--name',
			'svc',
			'--network',
			'ov-svc',
			'--replicas',
			'0',
			image,
			'sleep',
			'600',
		]);

		// Images: dangling, unused, used by a stopped container, with two tags, with three tags
		// and used, a parent of another, and old ones, tagged and dangling.
		const imported = async (tag: string, label: string): Promise<void> => {
			await daemon.dockerOk(
				[
					'import',
					'--change',
					`LABEL which=${label}`,
					path.join(daemon.dir, 'busybox-rootfs.tar'),
					...(tag === '' ? [] : [tag]),
				],
				{timeoutMs: 60_000},
			);
		};

		await imported('', 'dangling');
		await imported('t-free:1', 'free');
		await imported('t-stopped:1', 'stopped');
		await imported('t-multi:1', 'multi');
		await daemon.dockerOk(['tag', 't-multi:1', 't-multi:2']);
		await imported('t-mused:1', 'mused');
		await daemon.dockerOk(['tag', 't-mused:1', 't-mused:2']);
		// docker.io/library/t-mused:… sorts before localhost:5000/…: that tag is the one kept.
		await daemon.dockerOk(['tag', 't-mused:1', 'localhost:5000/t-mused:0']);
		// t-child:1 is built on an untagged image built on t-free:1, as a build's steps are.
		const commitOn = async (base: string, tag: string): Promise<void> => {
			await daemon.dockerOk(['create', '--name', 'committed', base, 'true']);
			await daemon.dockerOk(['commit', 'committed', tag]);
			await daemon.dockerOk(['rm', 'committed']);
		};

		await commitOn('t-free:1', 't-step:1');
		await commitOn('t-step:1', 't-child:1');
		await daemon.dockerOk(['rmi', 't-step:1']);
		await loadOldImage('t-old:1', 'old');
		await loadOldImage(undefined, 'old-dangling');

		// Volumes: anonymous unused, named unused, used by a created and by a running container.
		await daemon.dockerOk(['volume', 'create', 'v-free']);
		await daemon.dockerOk([
			'create',
			'--name',
			'anon-maker',
			'-v',
			'/data',
			image,
		]);
		await daemon.dockerOk(['rm', 'anon-maker']);

		// Containers: running, paused, exited, created, and created from the images above.
		await runLabelled(daemon, {
			name: 'c-run',
			image,
			options: ['--network', 'n-run', '-v', 'v-run:/data'],
		});
		await runLabelled(daemon, {
			name: 'c-paused',
			image,
			options: ['--network', 'n-paused'],
		});
		await daemon.dockerOk(['pause', 'c-paused']);
		await runLabelled(daemon, {
			name: 'c-exited',
			image,
			options: ['--network', 'none'],
			command: ['true'],
		});
		await daemon.dockerOk([
			'create',
			'--name',
			'c-created',
			'--network',
			'n-stopped',
			'-v',
			'v-stopped:/data',
			image,
			'true',
		]);
		await createLabelled(daemon, {name: 'c-img-stopped', image: 't-stopped:1'});
		await createLabelled(daemon, {name: 'c-img-mused', image: 't-mused:1'});
		await waitFor(
			async () =>
				(await daemon.dockerOk([
					'inspect',
					'--format',
					'{{.State.Status}}',
					'c-exited',
				])) === 'exited',
			{timeoutMs: 15_000, message: 'c-exited never exited'},
		);

		for (const line of (
			await daemon.dockerOk([
				'ps',
				'--all',
				'--no-trunc',
				'--format',
				'{{.ID}} {{.Names}}',
			])
		).split('\n')) {
			const [id = '', name = ''] = line.split(' ');
			containerNames.set(id, name);
		}

		for (const id of (
			await daemon.dockerOk([
				'images',
				'--quiet',
				'--no-trunc',
				'--filter',
				'dangling=true',
			])
		).split('\n')) {
			danglingNames.set(id, `<none> ${id.slice(7, 19)}`);
		}
	});

	afterEach(async () => {
		await screen?.kill();
		screen = undefined;
	});

	it('previews, for every category and age, exactly what the engine’s own prune removes', async () => {
		screen = await launchDockmate({host: daemon.host, columns: 200, rows: 60});
		await screen.waitForText('● connected');
		await screen.waitForText('c-img-mused');
		// Every preview first, on one and the same state.
		const seen = {
			containers: await preview(screen, 'containers'),
			containersHour: await preview(screen, 'containers', {hour: true}),
			dangling: await preview(screen, 'dangling-images'),
			danglingHour: await preview(screen, 'dangling-images', {hour: true}),
			images: await preview(screen, 'unused-images'),
			imagesHour: await preview(screen, 'unused-images', {hour: true}),
			anonymous: await preview(screen, 'volumes'),
			volumes: await preview(screen, 'volumes', {allVolumes: true}),
			networks: await preview(screen, 'networks'),
			networksHour: await preview(screen, 'networks', {hour: true}),
			cache: await preview(screen, 'build-cache'),
		};
		await screen.kill();
		screen = undefined;

		// Then the engine's own prunes, each of a kind that the ones before leave alone:
		// networks and volumes do not depend on images, images depend on containers.
		const networksHour = await engineRemoves([
			'network',
			'prune',
			'--filter',
			'until=1h',
		]);
		const networks = await engineRemoves(['network', 'prune']);
		assert.deepEqual(sorted(seen.networksHour), sorted(networksHour));
		assert.deepEqual(sorted(seen.networks), sorted(networks));
		assert.deepEqual(sorted(networks), ['n-free', 'n-stopped', 'ov-free']);

		// This engine (API 1.41) prunes named volumes too: dockmate's anonymous-only is the part of
		// that the engine named itself.
		// As dockmate names them: anonymous ones by the start of the name the engine gave them.
		const volumes = (await engineRemoves(['volume', 'prune'])).map(name =>
			/^[\da-f]{64}$/.test(name) ? `${name.slice(0, 12)} (anonymous)` : name,
		);
		assert.deepEqual(sorted(seen.volumes), sorted(volumes));
		assert.deepEqual(
			sorted(seen.anonymous),
			sorted(volumes.filter(name => name.endsWith(' (anonymous)'))),
		);
		assert.equal(
			volumes.length,
			2,
			`v-free and the anonymous one: ${volumes.join(', ')}`,
		);

		const danglingHour = imageRows(
			await engineRemoves(['image', 'prune', '--filter', 'until=1h']),
		);
		const imagesHour = imageRows(
			await engineRemoves(['image', 'prune', '--all', '--filter', 'until=1h']),
		);
		const dangling = imageRows(await engineRemoves(['image', 'prune']));
		const images = imageRows(await engineRemoves(['image', 'prune', '--all']));
		assert.deepEqual(sorted(seen.danglingHour), sorted(danglingHour));
		assert.deepEqual(
			sorted(seen.imagesHour),
			sorted(union(danglingHour, imagesHour)),
		);
		assert.deepEqual(
			sorted(seen.dangling),
			sorted(union(danglingHour, dangling)),
		);
		assert.deepEqual(
			sorted(seen.images),
			sorted(union(danglingHour, imagesHour, dangling, images)),
		);
		assert.deepEqual(
			sorted([...seen.images].filter(name => !name.startsWith('<none>'))),
			[
				't-child:1',
				't-free:1',
				't-multi:1',
				't-multi:2',
				't-mused:1',
				't-mused:2',
				't-old:1',
			],
		);
		assert.equal(seen.dangling.size, 2, 'one new, one old dangling image');
		const left = await daemon.dockerOk([
			'images',
			'--format',
			'{{.Repository}}:{{.Tag}}',
		]);
		assert.match(
			left,
			/localhost:5000\/t-mused:0/,
			'the tag a container keeps',
		);
		assert.doesNotMatch(left, /t-mused:[12]/);

		const containersHour = await engineRemoves([
			'container',
			'prune',
			'--filter',
			'until=1h',
		]);
		const containers = (await engineRemoves(['container', 'prune'])).map(
			id => containerNames.get(id) ?? id,
		);
		assert.deepEqual(sorted(seen.containersHour), sorted(containersHour));
		assert.deepEqual(sorted(seen.containers), sorted(containers));
		assert.deepEqual(sorted(containers), [
			'c-created',
			'c-exited',
			'c-img-mused',
			'c-img-stopped',
		]);

		// No buildx to build with BuildKit here: no build cache on either side (unit tests hold its rules).
		assert.deepEqual(
			sorted(seen.cache),
			sorted(await engineRemoves(['builder', 'prune'])),
		);
	});

	it('removes on y what the preview listed, never the Swarm’s networks, and says why what changed since stayed', async () => {
		await bridge('n-late');
		// The engine makes docker_gwbridge when this node first joins a Swarm sandbox to the host,
		// which may not have happened yet; made by hand, it is the same name on an idle network.
		if (
			(await daemon.docker(['network', 'inspect', 'docker_gwbridge'])).code !==
			0
		) {
			await bridge('docker_gwbridge');
		}
		for (const name of ['web-3', 'job-1']) {
			await daemon.dockerOk([
				'create',
				'--name',
				name,
				'--network',
				'none',
				image,
				'sleep',
				'600',
			]);
		}

		screen = await launchDockmate({host: daemon.host, columns: 200, rows: 60});
		await screen.waitForText('job-1');
		await screen.sendKeys('P', 'a');
		await screen.waitForText('[x] build cache not in use');
		await screen.sendKeys('Enter');
		const shown = await screen.waitForText(/items marked · reclaims/, 20_000);
		assert.match(shown, /\[x\] networks\s+n-late\s/);
		assert.match(shown, /\[x\] containers\s+web-3\s/);
		assert.doesNotMatch(shown, /ingress|docker_gwbridge/);
		assert.match(shown, /y remove the \d+ marked items/);
		await daemon.dockerOk(['start', 'web-3']);
		await screen.sendKeys('y');
		const done = await screen.waitForText('Enter or Esc closes', 20_000);
		assert.match(done, /kept web-3: started after the preview/);
		assert.equal(
			await daemon.dockerOk([
				'inspect',
				'--format',
				'{{.State.Status}}',
				'web-3',
			]),
			'running',
		);
		assert.notEqual((await daemon.docker(['inspect', 'job-1'])).code, 0);
		assert.notEqual(
			(await daemon.docker(['network', 'inspect', 'n-late'])).code,
			0,
		);
		const networks = await daemon.dockerOk([
			'network',
			'ls',
			'--format',
			'{{.Name}}',
		]);
		assert.match(networks, /^ingress$/m);
		assert.match(networks, /^docker_gwbridge$/m);

		await screen.sendKeys('Enter', 'L');
		const log = await screen.waitForText('Command log');
		assert.match(log, /✓ docker container rm job-1/);
		assert.match(log, /✓ docker network rm n-late/);
		assert.doesNotMatch(log, /[\da-f]{64}/);

		// d on ingress: refused in the dialog, before any y.
		await screen.sendKeys('Escape', '6', '/', 'ingress', 'Enter');
		await screen.waitForText('filter: ingress');
		await screen.sendKeys('d');
		// The whole dialog, down to its last line: a capture can catch a frame half drawn.
		const dialog = await screen.waitForText(
			/Remove 1 network\?[\s\S]*nothing here can be removed/,
		);
		assert.match(
			dialog,
			/✗ ingress is the Swarm's routing mesh: services with published ports need it/,
		);
		assert.doesNotMatch(dialog, /│ y yes/);
		await screen.sendKeys('y', 'Escape');
		await screen.waitForText(text => !text.includes('Remove 1 network?'));
		assert.equal(
			(await daemon.docker(['network', 'inspect', 'ingress'])).code,
			0,
		);
	});
});
