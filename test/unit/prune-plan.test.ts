import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import type {
	DiskUsage,
	VolumeSummary,
} from '../../source/docker/docker-client.js';
import {toSwarmService} from '../../source/docker/swarm.js';
import {toNetworkSummary} from '../../source/docker/to-domain.js';
import {toNetworkDetails} from '../../source/docker/volumes-networks.js';
import {
	hasLabel,
	planPrune,
	recheckPrune,
	type PruneChoice,
	type PruneInventory,
} from '../../source/state/prune-plan.js';
import {
	fakeContainer,
	fakeImage,
	fakeNetwork,
} from '../fakes/fake-docker-client.js';
import type {PruneCategory} from '../../source/state/prune-dialog.js';

const now = Date.parse('2026-11-28T12:00:00Z');
const hour = 3_600_000;

function volume(
	fields: Partial<VolumeSummary> & {readonly name: string},
): VolumeSummary {
	return {
		driver: 'local',
		size: 1000,
		refCount: 0,
		isAnonymous: false,
		createdAt: now - 48 * hour,
		labels: {},
		...fields,
	};
}

const running = fakeContainer({
	name: 'web',
	imageId: 'sha256:used',
	networks: ['backend'],
});
const exited = fakeContainer({
	name: 'old-job',
	state: 'exited',
	status: 'Exited (0) 2 days ago',
	createdAt: now - 48 * hour,
	labels: {team: 'data'},
});
const fresh = fakeContainer({
	name: 'new-job',
	state: 'created',
	status: 'Created',
	createdAt: now - 10 * 60_000,
});

const usage: DiskUsage = {
	layersSize: 12_000,
	containerSizes: new Map([[exited.id, 4096]]),
	imageSizes: new Map([
		['sha256:dangling', {size: 5000, unique: 3000}],
		['sha256:tagged', {size: 7000, unique: 7000}],
	]),
	volumes: [
		volume({name: 'a'.repeat(64), isAnonymous: true}),
		volume({name: 'pgdata', labels: {team: 'data'}}),
		volume({name: 'in-use', refCount: 1}),
	],
	buildCache: [
		{
			id: 'cache-1',
			type: 'regular',
			description: 'COPY . /app',
			size: 900,
			inUse: false,
			shared: false,
			lastUsedAt: now - 48 * hour,
		},
		{
			id: 'cache-2',
			type: 'regular',
			description: 'RUN make',
			size: 800,
			inUse: true,
			shared: false,
			lastUsedAt: now,
		},
	],
};

const inventory: PruneInventory = {
	containers: [running, exited, fresh],
	images: [
		fakeImage({id: 'sha256:used', tags: ['web:1']}),
		fakeImage({id: 'sha256:dangling', createdAt: now - 48 * hour}),
		fakeImage({
			id: 'sha256:tagged',
			tags: ['tool:2', 'tool:latest'],
			createdAt: now - 48 * hour,
			labels: {team: 'data'},
		}),
	],
	networks: [
		fakeNetwork({id: 'n1', name: 'bridge', createdAt: 0}),
		fakeNetwork({id: 'n2', name: 'backend', createdAt: 0}),
		fakeNetwork({id: 'n3', name: 'old-net', createdAt: 0}),
	],
	networkEndpoints: new Map([
		['n1', []],
		['n2', ['web']],
		['n3', []],
	]),
	imageParents: new Set(),
	isSwarmManager: false,
	services: [],
	anonymousVolumesLabelled: false,
	usage,
};

function plan(
	categories: readonly PruneCategory[],
	fields: Partial<PruneChoice> = {},
): string[] {
	return planPrune(inventory, {
		categories: new Set(categories),
		olderThanHours: 0,
		allVolumes: false,
		label: '',
		now,
		...fields,
	}).map(item => `${item.category}:${item.name}:${item.size ?? '-'}`);
}

describe('planPrune', () => {
	it('lists stopped containers with their writable size, never running ones', () => {
		assert.deepEqual(plan(['containers']), [
			'containers:old-job:4096',
			'containers:new-job:-',
		]);
	});

	it('dangling images only, or unused tagged ones too; an image in use never', () => {
		assert.deepEqual(plan(['dangling-images']), [
			'dangling-images:<none> dangling:3000',
		]);
		assert.deepEqual(plan(['unused-images']), [
			'dangling-images:<none> dangling:3000',
			'unused-images:tool:2:7000',
		]);
	});

	it('keeps every tag of an image, so that it can be removed tag by tag', () => {
		const [item] = planPrune(inventory, {
			categories: new Set(['unused-images']),
			olderThanHours: 0,
			allVolumes: false,
			label: 'team=data',
			now,
		});
		assert.deepEqual(item?.tags, ['tool:2', 'tool:latest']);
	});

	it('anonymous unused volumes, or named ones too; a volume in use never', () => {
		assert.deepEqual(plan(['volumes']), [
			`volumes:${'a'.repeat(12)} (anonymous):1000`,
		]);
		assert.deepEqual(plan(['volumes'], {allVolumes: true}), [
			`volumes:${'a'.repeat(12)} (anonymous):1000`,
			'volumes:pgdata:1000',
		]);
	});

	it('networks no running container uses, never the built-in ones', () => {
		assert.deepEqual(plan(['networks']), ['networks:old-net:-']);
	});

	it('build cache not in use', () => {
		assert.deepEqual(plan(['build-cache']), ['build-cache:COPY . /app:900']);
	});

	it('an age leaves out what is younger', () => {
		assert.deepEqual(plan(['containers'], {olderThanHours: 1}), [
			'containers:old-job:4096',
		]);
	});

	it('a label filter keeps only labelled items and leaves out the build cache, which has no labels', () => {
		const all: PruneCategory[] = [
			'containers',
			'dangling-images',
			'unused-images',
			'volumes',
			'networks',
			'build-cache',
		];
		assert.deepEqual(plan(all, {label: 'team=data', allVolumes: true}), [
			'containers:old-job:4096',
			'unused-images:tool:2:7000',
			'volumes:pgdata:1000',
		]);
		assert.deepEqual(
			plan(all, {label: 'team', allVolumes: true}),
			plan(all, {label: 'team=data', allVolumes: true}),
		);
		assert.deepEqual(plan(all, {label: 'team=web'}), []);
	});
});

function fixture(name: string): unknown[] {
	return JSON.parse(
		readFileSync(new URL(`../fixtures/api/${name}`, import.meta.url), 'utf8'),
	) as unknown[];
}

describe('planPrune, as the engine’s own prune decides', () => {
	// A Swarm manager with ingress and docker_gwbridge, a running, a paused and a stopped
	// container on networks of their own, a config-only network, an unused overlay network and
	// one a service with no replica joins: `docker network prune` removed n-free, n-stopped and ov-free.
	const swarmNetworks = fixture('docker-20.10-swarm-networks.json')
		.map(toNetworkSummary)
		.filter(network => network !== undefined);
	const swarmEndpoints = new Map(
		fixture('docker-20.10-swarm-network-inspect.json')
			.map(toNetworkDetails)
			.map(details => [
				details.id,
				details.containers.map(container => container.name),
			]),
	);
	const swarmServices = fixture('docker-20.10-swarm-network-services.json')
		.map(raw => toSwarmService(raw))
		.filter(service => service !== undefined);
	const onSwarm = (fields: Partial<PruneInventory>): string[] =>
		planPrune(
			{
				...inventory,
				networks: swarmNetworks,
				networkEndpoints: swarmEndpoints,
				isSwarmManager: true,
				services: swarmServices,
				...fields,
			},
			{
				categories: new Set(['networks']),
				olderThanHours: 0,
				allVolumes: false,
				label: '',
				now,
			},
		).map(item => item.name);

	it('networks: never ingress, docker_gwbridge, the predefined or config-only ones, nor one with an endpoint or a service', () => {
		assert.deepEqual(onSwarm({}).sort(), ['n-free', 'n-stopped', 'ov-free']);
	});

	it('networks: Swarm ones only through a manager; any network not inspected stays', () => {
		assert.deepEqual(onSwarm({isSwarmManager: false}).sort(), [
			'n-free',
			'n-stopped',
		]);
		assert.deepEqual(onSwarm({networkEndpoints: new Map()}), []);
	});

	it('networks: ingress is kept by its flag, whatever its name', () => {
		const mesh = fakeNetwork({
			id: 'mesh',
			name: 'mesh',
			scope: 'swarm',
			isIngress: true,
		});
		assert.deepEqual(
			onSwarm({
				networks: [mesh],
				networkEndpoints: new Map([['mesh', []]]),
				services: [],
			}),
			[],
		);
	});

	const imagePlan = (
		fields: Partial<PruneInventory>,
		categories: readonly PruneCategory[] = ['unused-images'],
	): string[] =>
		planPrune(
			{...inventory, ...fields},
			{
				categories: new Set(categories),
				olderThanHours: 0,
				allVolumes: false,
				label: '',
				now,
			},
		).map(
			item => `${item.name}:${item.tags.join(',')}:${item.size}:${item.detail}`,
		);

	it('images: a parent is only untagged, and an untagged one is never offered', () => {
		const images = [
			fakeImage({id: 'sha256:base', tags: ['base:1']}),
			fakeImage({id: 'sha256:hidden'}),
		];
		const imageParents = new Set(['sha256:base', 'sha256:hidden']);
		assert.deepEqual(imagePlan({images, imageParents}), [
			'base:1:base:1:0:untag only: other images are built on it',
		]);
		assert.deepEqual(
			imagePlan({images, imageParents}, ['dangling-images']),
			[],
		);
	});

	it('images: of one a container uses, every tag but the one the engine tries last goes', () => {
		const images = [
			fakeImage({
				id: 'sha256:used',
				tags: ['web:2', 'web:1', 'localhost:5000/web:1'],
			}),
		];
		// docker.io/library/web:… sorts before localhost:5000/web:1, which is tried last.
		assert.deepEqual(imagePlan({images}), [
			'web:2:web:2,web:1:0:untag only: localhost:5000/web:1 stays, used by web',
		]);
		assert.deepEqual(
			imagePlan({images: [fakeImage({id: 'sha256:used', tags: ['web:1']})]}),
			[],
		);
		assert.deepEqual(
			imagePlan({images: [fakeImage({id: 'sha256:used', tags: ['web:1']})]}, [
				'dangling-images',
			]),
			[],
		);
	});

	it('volumes: only local ones; anonymous ones by label where the engine labels them', () => {
		const volumes = [
			volume({name: 'b'.repeat(64), isAnonymous: true}),
			volume({
				name: 'c'.repeat(64),
				isAnonymous: true,
				labels: {'com.docker.volume.anonymous': ''},
			}),
			volume({name: 'plugin-data', driver: 'rexray'}),
		];
		const volumePlan = (labelled: boolean, allVolumes: boolean): string[] =>
			planPrune(
				{
					...inventory,
					usage: {...usage, volumes},
					anonymousVolumesLabelled: labelled,
				},
				{
					categories: new Set(['volumes']),
					olderThanHours: 0,
					allVolumes,
					label: '',
					now,
				},
			).map(item => item.id.slice(0, 12));
		assert.deepEqual(volumePlan(false, false), [
			'b'.repeat(12),
			'c'.repeat(12),
		]);
		assert.deepEqual(volumePlan(true, false), ['c'.repeat(12)]);
		assert.deepEqual(volumePlan(true, true), ['b'.repeat(12), 'c'.repeat(12)]);
	});

	it('build cache: not the shared, internal or frontend records, as docker builder prune', () => {
		const record = usage.buildCache[0]!;
		const buildCache = [
			record,
			{...record, id: 'shared', shared: true},
			{...record, id: 'internal', type: 'internal'},
			{...record, id: 'frontend', type: 'frontend'},
		];
		assert.deepEqual(
			planPrune(
				{...inventory, usage: {...usage, buildCache}},
				{
					categories: new Set(['build-cache']),
					olderThanHours: 0,
					allVolumes: false,
					label: '',
					now,
				},
			).map(item => item.id),
			['cache-1'],
		);
	});
});

describe('recheckPrune', () => {
	const choice: PruneChoice = {
		categories: new Set<PruneCategory>([
			'containers',
			'unused-images',
			'volumes',
			'networks',
			'build-cache',
		]),
		olderThanHours: 0,
		allVolumes: true,
		label: '',
		now,
	};
	const previewed = planPrune(inventory, choice);

	it('lets go what the engine would still take, and says why the rest stays', () => {
		const job = fakeContainer({
			name: 'late-user',
			state: 'exited',
			imageId: 'sha256:tagged',
			volumes: ['pgdata'],
		});
		const now = {
			...inventory,
			containers: [running, {...exited, state: 'running' as const}, fresh, job],
			networkEndpoints: new Map([
				['n1', []],
				['n2', ['web']],
			]),
			usage: {
				...usage,
				volumes: usage.volumes.map(entry =>
					entry.name === 'pgdata' ? {...entry, refCount: 1} : entry,
				),
				buildCache: [],
			},
		};
		const {go, kept} = recheckPrune(previewed, planPrune(now, choice), now);
		assert.deepEqual(
			go.map(item => item.name),
			['new-job', '<none> dangling', `${'a'.repeat(12)} (anonymous)`],
		);
		assert.deepEqual(
			kept.map(({item, reason}) => `${item.name}: ${reason}`),
			[
				'old-job: started after the preview',
				'tool:2: used by late-user since the preview',
				'pgdata: used by late-user since the preview',
				'old-net: gone already',
				'COPY . /app: gone already',
			],
		);
	});
});

describe('hasLabel', () => {
	for (const [filter, expected] of [
		['', true],
		['team', true],
		['team=data', true],
		['team=web', false],
		['owner', false],
		['  team  ', true],
	] as const) {
		it(`"${filter}" → ${expected}`, () => {
			assert.equal(hasLabel({team: 'data'}, filter), expected);
		});
	}
});
