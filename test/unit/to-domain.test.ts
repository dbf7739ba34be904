import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {inspect} from 'node:util';
import type {
	ContainerSummary,
	PortMapping,
} from '../../source/docker/docker-client.js';
import {
	comparePorts,
	toContainerSummary,
	toDockerEvent,
	toEngineInfo,
	toImageSummary,
} from '../../source/docker/to-domain.js';
import {defined} from '../helpers/defined.js';

function fixture(name: string): unknown {
	return JSON.parse(
		readFileSync(new URL(`../fixtures/api/${name}`, import.meta.url), 'utf8'),
	) as unknown;
}

function list(name: string): unknown[] {
	const value = fixture(name);
	assert.ok(Array.isArray(value), `${name} is an array`);
	return value;
}

const recordedEvents: unknown[] = readFileSync(
	new URL('../fixtures/events/docker-20.10.jsonl', import.meta.url),
	'utf8',
)
	.trim()
	.split('\n')
	.map(line => JSON.parse(line) as unknown);

const esc = '\u001B';
const oomId =
	'2c0df34d428e1143b1d756d38901833175aeffcadde7234ddb50e6173143401a';
const dmtestImageId =
	'sha256:2ff3720ef35f93d277f948bc4f318c87a5bc1ee8304712bd7996ea9734f689e1';

/** A `GET /containers/json` entry as Docker 20.10 writes it, with `fields` on top. */
function rawContainer(
	fields: Record<string, unknown>,
): Record<string, unknown> {
	return {
		Id: 'c0103e24705c76850e9e2a1e56aa8378dcdcbea2fba4d5cd4dc52f43e553e7bc',
		Names: ['/idle'],
		Image: 'dmtest:1',
		ImageID: dmtestImageId,
		Command: 'sleep 100000',
		Created: 1_795_843_765,
		Ports: [],
		Labels: {},
		State: 'running',
		Status: 'Up 10 minutes',
		HostConfig: {NetworkMode: 'default'},
		Mounts: [],
		...fields,
	};
}

function container(fields: Record<string, unknown>): ContainerSummary {
	const summary = toContainerSummary(rawContainer(fields));
	assert.ok(summary, 'maps to a container');
	return summary;
}

describe('toContainerSummary', () => {
	it('maps the recorded Docker 20.10 list', () => {
		const summaries = list('docker-20.10-containers.json').map(
			toContainerSummary,
		);
		assert.deepEqual(
			summaries.map(summary => [summary?.name, summary?.state]),
			[
				['dm-stats-oom', 'exited'],
				['dm-stats-throttled', 'running'],
				['stopped', 'created'],
				['idle', 'running'],
				['busy', 'running'],
			],
		);
		assert.deepEqual(summaries[0], {
			id: oomId,
			name: 'dm-stats-oom',
			image: 'dmtest:1',
			imageId: dmtestImageId,
			command:
				'sh -c \'while true; do sh -c "x=\\$(head -c 50000000 /dev/zero | tr \\"\\\\\\\\0\\" a)"; sleep 1; done\'',
			state: 'exited',
			status: 'Exited (137) 3 minutes ago',
			ports: [],
			createdAt: 1_795_844_050_000,
			labels: {'dockmate.dev': 'stats'},
			networks: ['bridge'],
			volumes: [],
		});
	});

	it('maps the Podman list: names without a slash, configured and stopped states, null ports and labels', () => {
		const summaries = list('podman-4.9-containers.json').map(
			toContainerSummary,
		);
		assert.deepEqual(
			summaries.map(summary => [
				summary?.name,
				summary?.state,
				summary?.status,
			]),
			[
				['web', 'running', 'Up 2 hours'],
				['init-db', 'created', 'Created'],
				['migrate', 'exited', 'Exited (0) 3 days ago'],
			],
		);
		const [webSummary, initDb, migrate] = summaries.map(value =>
			defined(value),
		);
		assert.ok(webSummary && initDb && migrate);
		assert.deepEqual(webSummary.ports, [
			{privatePort: 80, publicPort: 8080, protocol: 'tcp'},
		]);
		assert.deepEqual(webSummary.labels, {
			'io.podman.compose.project': 'demo',
			maintainer: 'NGINX Docker Maintainers',
		});
		assert.deepEqual(initDb.ports, []);
		assert.deepEqual(initDb.labels, {});
		assert.equal(migrate.createdAt, 1_707_200_000_000);
	});

	describe('states', () => {
		const cases: readonly (readonly [string, string])[] = [
			['running', 'running'],
			['exited', 'exited'],
			['paused', 'paused'],
			['restarting', 'restarting'],
			['created', 'created'],
			['dead', 'dead'],
			['removing', 'removing'],
			['Running', 'running'],
			['configured', 'created'],
			['initialized', 'created'],
			['stopped', 'exited'],
		];
		for (const [raw, state] of cases) {
			it(`${raw} → ${state}`, () => {
				assert.equal(container({State: raw}).state, state);
			});
		}
	});

	describe('names', () => {
		const cases: readonly {
			readonly names: unknown;
			readonly name: string;
			readonly why: string;
		}[] = [
			{names: ['/web-1'], name: 'web-1', why: 'Docker: leading slash dropped'},
			{names: ['web-1'], name: 'web-1', why: 'Podman: no slash'},
			{
				names: ['/app/db', '/db'],
				name: 'db',
				why: 'link names are skipped',
			},
			{
				names: ['/db', '/app/db'],
				name: 'db',
				why: 'the primary name wins whatever its place',
			},
			{names: [], name: 'c0103e24705c', why: 'no name: the short id'},
			{names: undefined, name: 'c0103e24705c', why: 'missing: the short id'},
			{names: [42], name: 'c0103e24705c', why: 'not strings: the short id'},
		];
		for (const {names, name, why} of cases) {
			it(why, () => {
				assert.equal(container({Names: names}).name, name);
			});
		}
	});

	it('sanitises names, image, command, status and labels', () => {
		const summary = container({
			Names: [`/${esc}]0;pwned\u0007evil${esc}[31m-name\u202E`],
			Image: `busybox${esc}[2J:latest`,
			Command: `sh -c "printf '${esc}]8;;http://x${esc}\\'"\n\trm -rf /`,
			Status: `Up 3 minutes${esc}[?1049h`,
			Labels: {
				[`key${esc}[1m`]: `value${esc}]2;title\u0007!`,
				plain: 'a\tb',
			},
		});
		assert.equal(summary.name, 'evil-name');
		assert.equal(summary.image, 'busybox:latest');
		assert.equal(summary.command, 'sh -c "printf \'\'" rm -rf /');
		assert.equal(summary.status, 'Up 3 minutes');
		assert.deepEqual(summary.labels, {key: 'value!', plain: 'a b'});
		for (const text of [
			summary.name,
			summary.image,
			summary.command,
			summary.status,
			...Object.keys(summary.labels),
			...Object.values(summary.labels),
		]) {
			// eslint-disable-next-line no-control-regex -- checking that none are left
			assert.doesNotMatch(text, /[\u0000-\u001F\u007F-\u009F\u202E]/);
		}
	});

	it('sorts label keys and drops non-string values', () => {
		const summary = container({
			Labels: {zeta: 'z', alpha: 'a', number: 1, nested: {a: 'b'}, nil: null},
		});
		assert.deepEqual(Object.keys(summary.labels), ['alpha', 'zeta']);
	});

	describe('ports', () => {
		// Docker 20.10 publishes `-p 8080:80` on both 0.0.0.0 and ::, in no particular order.
		const rawPorts = [
			{IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
			{PrivatePort: 443, Type: 'tcp'},
			{IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp'},
			{IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'udp'},
			{PrivatePort: 53, Type: 'tcp'},
			{IP: '127.0.0.1', PrivatePort: 80, PublicPort: 9090, Type: 'tcp'},
		];

		it('are typed: numbers, default protocol, no empty ip or zero public port', () => {
			const {ports} = container({
				Ports: [
					{IP: '', PrivatePort: 6379, PublicPort: 0, Type: 'tcp'},
					{PrivatePort: 5000},
					{IP: '0.0.0.0', PrivatePort: 9000, PublicPort: 19000, Type: 'sctp'},
				],
			});
			assert.deepEqual(ports, [
				{privatePort: 5000, protocol: 'tcp'},
				{privatePort: 6379, protocol: 'tcp'},
				{privatePort: 9000, publicPort: 19000, ip: '0.0.0.0', protocol: 'sctp'},
			]);
			for (const port of ports) {
				assert.equal(typeof port.privatePort, 'number');
				assert.ok(
					!('publicPort' in port) || typeof port.publicPort === 'number',
				);
			}
		});

		it('are sorted by private port, public port, protocol, then host ip', () => {
			const {ports} = container({Ports: rawPorts});
			assert.deepEqual(
				ports.map(port => [port.privatePort, port.publicPort, port.protocol]),
				[
					[53, undefined, 'tcp'],
					[53, 5353, 'udp'],
					[80, 8080, 'tcp'],
					[80, 8080, 'tcp'],
					[80, 9090, 'tcp'],
					[443, undefined, 'tcp'],
				],
			);
			const sorted = [...ports].sort(comparePorts);
			assert.deepEqual(ports, sorted);
		});

		it('come out in the same order whatever order the engine sent them in', () => {
			const expected = container({Ports: rawPorts}).ports;
			for (let shift = 1; shift < rawPorts.length; shift++) {
				const rotated = [...rawPorts.slice(shift), ...rawPorts.slice(0, shift)];
				assert.deepEqual(container({Ports: rotated}).ports, expected);
				assert.deepEqual(
					container({Ports: [...rotated].reverse()}).ports,
					expected,
				);
			}
		});

		it('skip entries that are not objects', () => {
			const {ports} = container({
				Ports: [null, 'x', 80, [], {PrivatePort: 80}],
			});
			assert.deepEqual(ports, [{privatePort: 80, protocol: 'tcp'}]);
		});

		it('sanitise the ip and protocol', () => {
			const {ports} = container({
				Ports: [
					{
						IP: `0.0.0.0${esc}[31m`,
						PrivatePort: 1,
						PublicPort: 2,
						Type: `tcp\u0007`,
					},
				],
			});
			assert.deepEqual(ports, [
				{privatePort: 1, publicPort: 2, ip: '0.0.0.0', protocol: 'tcp'},
			]);
		});
	});

	it('converts Created from seconds to milliseconds', () => {
		assert.equal(
			container({Created: 1_700_000_000}).createdAt,
			1_700_000_000_000,
		);
		assert.equal(container({Created: 'yesterday'}).createdAt, 0);
	});

	describe('returns undefined for garbage rather than throwing', () => {
		const garbage: readonly unknown[] = [
			undefined,
			null,
			42,
			'container',
			true,
			[],
			[rawContainer({})],
			{},
			{Id: 42},
			{Id: null, Names: ['/x']},
		];
		for (const value of garbage) {
			it(inspect(value), () => {
				assert.equal(toContainerSummary(value), undefined);
			});
		}
	});

	it('survives an entry whose every other field has the wrong type', () => {
		const summary = toContainerSummary({
			Id: 'abcdef0123456789',
			Names: '/not-an-array',
			Image: 7,
			ImageID: {},
			Command: ['sh'],
			Created: Number.NaN,
			Ports: 'none',
			Labels: ['a=b'],
			State: 3,
			Status: null,
		});
		assert.deepEqual(summary, {
			id: 'abcdef0123456789',
			name: 'abcdef012345',
			image: '',
			imageId: '',
			command: '',
			state: 'dead',
			status: '',
			ports: [],
			createdAt: 0,
			labels: {},
			networks: [],
			volumes: [],
		});
	});
});

describe('toImageSummary', () => {
	it('maps the recorded Docker 20.10 list', () => {
		assert.deepEqual(list('docker-20.10-images.json').map(toImageSummary), [
			{
				id: dmtestImageId,
				tags: ['dmtest:1'],
				size: 1_982_319,
				createdAt: 1_795_843_765_000,
				labels: {},
			},
		]);
	});

	const cases: readonly {
		readonly name: string;
		readonly repoTags: unknown;
		readonly tags: readonly string[];
	}[] = [
		{
			name: 'dangling <none>:<none> is dropped',
			repoTags: ['<none>:<none>'],
			tags: [],
		},
		{name: 'null RepoTags (API ≥ 1.44 dangling)', repoTags: null, tags: []},
		{name: 'missing RepoTags', repoTags: undefined, tags: []},
		{
			name: 'several tags, sorted',
			repoTags: ['nginx:latest', 'nginx:1.27', 'localhost/nginx:dev'],
			tags: ['localhost/nginx:dev', 'nginx:1.27', 'nginx:latest'],
		},
		{
			name: 'dangling tag among real ones',
			repoTags: ['<none>:<none>', 'busybox:1'],
			tags: ['busybox:1'],
		},
		{
			name: 'non-strings and empty strings are dropped',
			repoTags: ['', 5, null, 'a:1'],
			tags: ['a:1'],
		},
		{
			name: 'escape sequences are removed',
			repoTags: [`evil${esc}]0;x\u0007:latest`],
			tags: ['evil:latest'],
		},
	];
	for (const {name, repoTags, tags} of cases) {
		it(name, () => {
			const image = toImageSummary({
				Id: 'sha256:abc',
				RepoTags: repoTags,
				Size: 10,
				Created: 1,
			});
			assert.deepEqual(image?.tags, tags);
		});
	}

	it('returns undefined for garbage rather than throwing', () => {
		for (const value of [undefined, null, 'x', 1, [], {}, {Id: 1}]) {
			assert.equal(toImageSummary(value), undefined, inspect(value));
		}
	});

	it('defaults size and age when they are not numbers', () => {
		assert.deepEqual(
			toImageSummary({Id: 'sha256:abc', Size: '1 GB', Created: null}),
			{
				id: 'sha256:abc',
				tags: [],
				size: 0,
				createdAt: 0,
				labels: {},
			},
		);
	});
});

describe('toEngineInfo', () => {
	it('maps the recorded Docker 20.10 /version', () => {
		assert.deepEqual(toEngineInfo(fixture('docker-20.10-version.json')), {
			product: 'Docker',
			version: '20.10.24+dfsg1',
			apiVersion: '1.41',
			os: 'linux',
			arch: 'amd64',
		});
	});

	it('recognises Podman by its Components', () => {
		assert.deepEqual(toEngineInfo(fixture('podman-4.9-version.json')), {
			product: 'Podman',
			version: '4.9.3',
			apiVersion: '1.41',
			os: 'linux',
			arch: 'amd64',
		});
	});

	it('sanitises the version strings', () => {
		const info = toEngineInfo({
			Version: `24.0.7${esc}]0;owned\u0007`,
			ApiVersion: '1.43\r\n',
			Os: 'linux',
			Arch: `arm64${esc}[2J`,
		});
		assert.equal(info.version, '24.0.7');
		assert.equal(info.apiVersion, '1.43');
		assert.equal(info.arch, 'arm64');
	});

	it('falls back to placeholders for garbage rather than throwing', () => {
		const unknown = {
			product: 'Docker',
			version: '?',
			apiVersion: '?',
			os: '',
			arch: '',
		};
		for (const value of [
			undefined,
			null,
			'x',
			1,
			[],
			{},
			{Components: 'podman'},
		]) {
			assert.deepEqual(toEngineInfo(value), unknown, inspect(value));
		}
	});
});

describe('toDockerEvent', () => {
	it('maps the recorded Docker 20.10 events', () => {
		const events = recordedEvents.map(toDockerEvent);
		assert.deepEqual(
			events.map(event => [event?.type, event?.action, event?.id]),
			[
				['container', 'oom', oomId],
				['container', 'oom', oomId],
				['container', 'die', oomId],
			],
		);
		assert.deepEqual(events[2], {
			type: 'container',
			action: 'die',
			id: oomId,
			name: 'dm-stats-oom',
			// timeNano 1795844152960749988, in milliseconds.
			time: 1_795_844_152_960,
			// The same, as near as a double gets.
			timeNano: 1_795_844_152_960_750_080,
			attributes: {
				'dockmate.dev': 'stats',
				exitCode: '137',
				image: 'dmtest:1',
				name: 'dm-stats-oom',
			},
		});
	});

	it('maps an image event', () => {
		assert.deepEqual(
			toDockerEvent(
				JSON.parse(
					'{"status":"untag","id":"sha256:abc","Type":"image","Action":"untag","Actor":{"ID":"sha256:abc","Attributes":{"name":"busybox:latest"}},"scope":"local","time":1700000000,"timeNano":1700000000123456789}',
				),
			),
			{
				type: 'image',
				action: 'untag',
				id: 'sha256:abc',
				name: 'busybox:latest',
				time: 1_700_000_000_123,
				timeNano: 1_700_000_000_123_456_768,
				attributes: {name: 'busybox:latest'},
			},
		);
	});

	it('keeps the type of other events as the engine names it', () => {
		for (const type of ['network', 'volume', 'daemon', 'plugin', 'builder']) {
			const event = toDockerEvent({
				Type: type,
				Action: 'connect',
				Actor: {ID: 'n1', Attributes: {}},
				time: 1,
			});
			assert.equal(event?.type, type);
		}
	});

	it('maps an old-style event (status/id/from/time, no Type or Actor) as a container event', () => {
		// Engines before API 1.22 send only the fields that later became deprecated;
		// `from` is set on container events only.
		assert.deepEqual(
			toDockerEvent({
				status: 'start',
				id: 'dfdf82bd3881',
				from: 'base:latest',
				time: 1_374_067_924,
			}),
			{
				type: 'container',
				action: 'start',
				id: 'dfdf82bd3881',
				name: 'dfdf82bd3881',
				time: 1_374_067_924_000,
				timeNano: 1_374_067_924_000_000_000,
				attributes: {},
			},
		);
	});

	it('prefers Action/Actor over status/id when both are present', () => {
		const event = defined(
			toDockerEvent({
				status: 'old-status',
				id: 'old-id',
				Type: 'container',
				Action: 'health_status: healthy',
				Actor: {ID: 'new-id', Attributes: {}},
				time: 5,
			}),
		);
		assert.equal(event.action, 'health_status: healthy');
		assert.equal(event.id, 'new-id');
		assert.equal(event.time, 5000);
	});

	it('sanitises action, id and attributes', () => {
		const event = defined(
			toDockerEvent({
				Type: 'container',
				Action: `start${esc}[31m`,
				Actor: {
					ID: `abc\u0007`,
					Attributes: {name: `x${esc}]0;t\u0007y`, [`k\u202E`]: 'v'},
				},
				time: 1,
			}),
		);
		assert.equal(event.action, 'start');
		assert.equal(event.id, 'abc');
		assert.deepEqual(event.attributes, {k: 'v', name: 'xy'});
	});

	it('returns undefined for garbage rather than throwing', () => {
		for (const value of [
			undefined,
			null,
			'x',
			1,
			true,
			[],
			[{Type: 'container'}],
		]) {
			assert.equal(toDockerEvent(value), undefined, inspect(value));
		}
	});

	it('survives an object whose fields have the wrong types', () => {
		assert.deepEqual(
			toDockerEvent({
				Type: 5,
				Action: {},
				Actor: 'x',
				time: 'now',
				timeNano: -1,
			}),
			{
				type: 'unknown',
				action: '',
				id: '',
				name: '',
				time: 0,
				timeNano: 0,
				attributes: {},
			},
		);
	});
});

describe('comparePorts', () => {
	it('is a total order consistent with itself', () => {
		const ports: PortMapping[] = [
			{privatePort: 80, protocol: 'tcp'},
			{privatePort: 80, protocol: 'udp'},
			{privatePort: 80, publicPort: 8080, protocol: 'tcp', ip: '0.0.0.0'},
			{privatePort: 80, publicPort: 8080, protocol: 'tcp', ip: '::'},
			{privatePort: 22, publicPort: 2222, protocol: 'tcp'},
		];
		for (const a of ports) {
			assert.equal(comparePorts(a, a), 0);
			for (const b of ports) {
				// Antisymmetric: a < b exactly when b > a.
				assert.equal(
					Math.sign(comparePorts(a, b)) + Math.sign(comparePorts(b, a)),
					0,
				);
				if (a !== b) {
					assert.notEqual(comparePorts(a, b), 0);
				}
			}
		}
	});
});
