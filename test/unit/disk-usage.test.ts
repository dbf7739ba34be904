import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import type {
	ContainerSummary,
	DiskUsage,
	ImageSummary,
} from '../../source/docker/docker-client.js';
import {
	toContainerSummary,
	toDiskUsage,
	toImageSummary,
} from '../../source/docker/to-domain.js';
import {initialState} from '../../source/state/app-state.js';
import {
	reclaimablePercent,
	summarizeDiskUsage,
	type DiskCategoryUsage,
} from '../../source/state/disk-usage.js';
import {
	categoryOfRow,
	diskMeasured,
	diskOrderToggled,
	visibleSystemRows,
	volumeSizes,
} from '../../source/state/system-view.js';
import {containersListed, imagesListed} from '../../source/state/updates.js';
import {
	fakeContainer,
	fakeImage,
	fakeVolume,
} from '../fakes/fake-docker-client.js';

function recorded(name: string): unknown {
	return JSON.parse(
		readFileSync(new URL(`../fixtures/api/${name}`, import.meta.url), 'utf8'),
	);
}

const recordedDf = recorded('docker-20.10-system-df.json');

/** Items of a recorded list, mapped; what the mapping drops is left out. */
function mapped<T>(name: string, map: (raw: unknown) => T | undefined): T[] {
	return (recorded(name) as unknown[])
		.map(map)
		.filter((item): item is T => item !== undefined);
}

function byId<T extends {readonly id: string}>(
	items: readonly T[],
): ReadonlyMap<string, T> {
	return new Map(items.map(item => [item.id, item]));
}

function category(
	summary: readonly DiskCategoryUsage[],
	name: DiskCategoryUsage['category'],
): DiskCategoryUsage {
	const found = summary.find(usage => usage.category === name);
	assert.ok(found, name);
	return found;
}

const mb = 1_000_000;

/**
 * Two images sharing a 40 MB base: `web` (100 MB, 60 unique) used by a running and a stopped
 * container, `tool` (70 MB, 30 unique) unused; all layers take 130 MB.
 */
const web = fakeContainer({name: 'web', imageId: 'sha256:web'});
const old = fakeContainer({
	name: 'old',
	imageId: 'sha256:web',
	state: 'exited',
	status: 'Exited (0) 2 days ago',
});
const paused = fakeContainer({name: 'paused', state: 'paused'});
const containers = byId([web, old, paused]);
const images = byId([
	fakeImage({id: 'sha256:web', tags: ['web:1']}),
	fakeImage({id: 'sha256:tool', tags: ['tool:2']}),
]);
const usage: DiskUsage = {
	layersSize: 130 * mb,
	imageSizes: new Map([
		['sha256:web', {size: 100 * mb, unique: 60 * mb}],
		['sha256:tool', {size: 70 * mb, unique: 30 * mb}],
	]),
	containerSizes: new Map([
		[web.id, 5 * mb],
		[old.id, 2 * mb],
		[paused.id, 1 * mb],
	]),
	volumes: [
		fakeVolume({name: 'pgdata', size: 50 * mb, refCount: 1}),
		fakeVolume({name: 'cache', size: 8 * mb, refCount: 0}),
		fakeVolume({name: 'a'.repeat(64), size: 3 * mb, refCount: 0}),
		fakeVolume({name: 'remote', driver: 'sshfs', size: undefined, refCount: 0}),
	],
	buildCache: [
		{
			id: 'idle',
			type: 'regular',
			description: 'RUN npm ci',
			size: 9 * mb,
			inUse: false,
			shared: false,
			lastUsedAt: 0,
		},
		{
			id: 'busy',
			type: 'regular',
			description: 'COPY . /app',
			size: 4 * mb,
			inUse: true,
			shared: false,
			lastUsedAt: 0,
		},
		{
			id: 'shared',
			type: 'source.local',
			description: '',
			size: 6 * mb,
			inUse: false,
			shared: true,
			lastUsedAt: 0,
		},
	],
};

describe('summarizeDiskUsage', () => {
	const summary = summarizeDiskUsage(usage, containers, images);

	it('lists the categories in the order docker system df does', () => {
		assert.deepEqual(
			summary.map(entry => entry.category),
			['images', 'containers', 'volumes', 'build-cache'],
		);
	});

	it('images: all layers once; reclaimable is what the images in use do not hold on their own', () => {
		const entry = category(summary, 'images');
		assert.deepEqual(
			[entry.total, entry.active, entry.size, entry.reclaimable],
			[2, 1, 130 * mb, 70 * mb],
		);
		assert.equal(reclaimablePercent(entry), 53);
		assert.deepEqual(
			entry.items.map(item => [item.name, item.reclaimable, item.detail]),
			[
				['web:1', 0, '2 containers, 40MB shared'],
				['tool:2', 30 * mb, 'unused, 40MB shared'],
			],
		);
	});

	it('containers: running, paused and restarting ones are active; the others can go', () => {
		const entry = category(summary, 'containers');
		assert.deepEqual(
			[entry.total, entry.active, entry.size, entry.reclaimable],
			[3, 2, 8 * mb, 2 * mb],
		);
		assert.deepEqual(
			entry.items.map(item => [item.name, item.isActive, item.detail]),
			[
				['web', true, 'Up 3 minutes'],
				['old', false, 'Exited (0) 2 days ago'],
				['paused', true, 'Up 3 minutes'],
			],
		);
	});

	it('volumes: unmeasured sizes count as nothing; unused ones are reclaimable', () => {
		const entry = category(summary, 'volumes');
		assert.deepEqual(
			[entry.total, entry.active, entry.size, entry.reclaimable],
			[4, 1, 61 * mb, 11 * mb],
		);
		assert.equal(reclaimablePercent(entry), 18);
		assert.deepEqual(
			entry.items.map(item => [item.name, item.size, item.detail]),
			[
				['pgdata', 50 * mb, '1 container, local'],
				['cache', 8 * mb, 'unused, local'],
				['aaaaaaaaaaaa (anonymous)', 3 * mb, 'unused, local'],
				['remote', undefined, 'unused, sshfs'],
			],
		);
	});

	it('build cache: shared records count nowhere, records in use are not reclaimable', () => {
		const entry = category(summary, 'build-cache');
		assert.deepEqual(
			[entry.total, entry.active, entry.size, entry.reclaimable],
			[3, 1, 13 * mb, 9 * mb],
		);
		assert.deepEqual(
			entry.items.map(item => [item.name, item.reclaimable, item.detail]),
			[
				['RUN npm ci', 9 * mb, 'regular'],
				['COPY . /app', 0, 'regular, in use'],
				['shared', 0, 'source.local, shared'],
			],
		);
	});

	it('without the engine’s layer total, adds up the image sizes; never reports more reclaimable than size', () => {
		const entry = category(
			summarizeDiskUsage({...usage, layersSize: undefined}, new Map(), images),
			'images',
		);
		assert.deepEqual(
			[entry.size, entry.reclaimable, entry.active],
			[170 * mb, 170 * mb, 0],
		);
		const skewed = category(
			summarizeDiskUsage({...usage, layersSize: 10 * mb}, containers, images),
			'images',
		);
		assert.equal(skewed.reclaimable, 0);
		assert.equal(reclaimablePercent({...skewed, size: 0}), 0);
	});

	it('matches docker system df on a recorded answer', () => {
		const raw = recordedDf as {Containers: unknown[]};
		const listed = raw.Containers.map(toContainerSummary).filter(
			(container): container is ContainerSummary => container !== undefined,
		);
		const recorded = summarizeDiskUsage(
			toDiskUsage(recordedDf),
			byId(listed),
			new Map<string, ImageSummary>(),
		);
		// `docker system df` said: Images 1 1 1.982MB 0B (0%); Containers 2 1 0B 0B;
		// Local Volumes 4 2 300kB 0B (0%); Build Cache 0 0 0B 0B.
		assert.deepEqual(
			recorded.map(entry => [
				entry.total,
				entry.active,
				entry.size,
				entry.reclaimable,
			]),
			[
				[1, 1, 1_982_256, 0],
				[2, 1, 0, 0],
				[4, 2, 300_000, 0],
				[0, 0, 0, 0],
			],
		);
	});
});

describe('disk usage on Podman', () => {
	// Podman 4.3 names images in /system/df by bare hex ids (its lists say `sha256:`), lists an
	// image once per tag and reports a LayersSize of 0.
	const listedContainers = byId(
		mapped('podman-4.3-containers.json', toContainerSummary),
	);
	const listedImages = byId(mapped('podman-4.3-images.json', toImageSummary));
	const entry = category(
		summarizeDiskUsage(
			toDiskUsage(recorded('podman-4.3-system-df.json')),
			listedContainers,
			listedImages,
		),
		'images',
	);

	it('counts an image as used when the container list says a container uses it', () => {
		assert.deepEqual([entry.total, entry.active], [2, 1]);
		assert.deepEqual(
			entry.items.map(item => [item.name, item.isActive, item.detail]),
			[
				[
					'localhost/dockmate-e2e/busybox:df',
					true,
					'2 containers, 2.13MB shared',
				],
				['localhost/dockmate-e2e/unused:1', false, 'unused, 2.13MB shared'],
			],
		);
	});

	it('adds up the image sizes where the engine says its layers take nothing', () => {
		assert.equal(entry.size, 2_131_032 + 2_132_785);
	});
});

describe('the System pane rows', () => {
	const listed = [
		containersListed([web, old, paused], 0),
		imagesListed([...images.values()], 0),
		diskMeasured(usage, 0),
	].reduce(
		(state, update) => update(state),
		initialState({endpoint: 'x', readOnly: false, now: 0}),
	);

	it('lists each category, then its items largest first; s orders them by name', () => {
		assert.deepEqual(visibleSystemRows(listed).slice(0, 8), [
			'images',
			'images:sha256:web',
			'images:sha256:tool',
			'containers',
			`containers:${web.id}`,
			`containers:${old.id}`,
			`containers:${paused.id}`,
			'volumes',
		]);
		const byName = diskOrderToggled(listed);
		assert.deepEqual(visibleSystemRows(byName).slice(0, 3), [
			'images',
			'images:sha256:tool',
			'images:sha256:web',
		]);
		assert.equal(visibleSystemRows(byName), visibleSystemRows(byName));
	});

	it('filters items, keeping every category row', () => {
		const filtered = {
			...listed,
			ui: {...listed.ui, filters: {...listed.ui.filters, system: 'pg'}},
		};
		assert.deepEqual(visibleSystemRows(filtered), [
			'images',
			'containers',
			'volumes',
			'volumes:pgdata',
			'build-cache',
		]);
	});

	it('knows the category of any row, ids with colons included', () => {
		assert.equal(categoryOfRow('images:sha256:web'), 'images');
		assert.equal(categoryOfRow('build-cache'), 'build-cache');
		assert.equal(categoryOfRow('volumes:pgdata'), 'volumes');
		assert.equal(categoryOfRow('nothing'), undefined);
	});

	it('gives the Volumes pane the sizes system df measured', () => {
		const sizes = volumeSizes(listed.system.disk);
		assert.equal(sizes.get('pgdata'), 50 * mb);
		assert.equal(sizes.has('remote'), false);
		assert.equal(volumeSizes(undefined).size, 0);
	});
});
